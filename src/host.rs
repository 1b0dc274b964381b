//! The link between a mounted widget and its host page: commands from the JS handle
//! go in (queued until the component has rendered once), and every state transition
//! comes out as a DOM `CustomEvent` on the host element and settles `prompt()` promises.

use crate::state::{Action, Policy, State, View};
use consent_core::{catalogue::Notice, Choice, Direction, NoticeRef};
use js_sys::{Function, Object, Promise, Reflect};
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};
use yew::UseReducerDispatcher;

/// One mounted widget's connection to its host.
pub struct HostBridge {
    host: HtmlElement,
    pub notice: &'static Notice,
    notice_ref: NoticeRef,
    dispatcher: RefCell<Option<UseReducerDispatcher<State>>>,
    queued: RefCell<Vec<Action>>,
    /// The state as last rendered.
    shown: RefCell<State>,
    /// `[resolve, reject]` of every `prompt()` still waiting for a decision.
    waiters: RefCell<Vec<(Function, Function)>>,
    last_decided_at: RefCell<Option<String>>,
    closed: Cell<bool>,
}

impl HostBridge {
    pub fn new(host: HtmlElement, notice: &'static Notice, initial: State) -> Self {
        HostBridge {
            host,
            notice,
            notice_ref: notice.reference(),
            dispatcher: RefCell::default(),
            queued: RefCell::default(),
            shown: RefCell::new(initial),
            waiters: RefCell::default(),
            last_decided_at: RefCell::default(),
            closed: Cell::new(false),
        }
    }

    /// Called by the component once it exists; runs what the host asked for meanwhile.
    pub fn attach(&self, dispatcher: UseReducerDispatcher<State>) {
        for action in self.queued.take() {
            dispatcher.dispatch(action);
        }
        *self.dispatcher.borrow_mut() = Some(dispatcher);
    }

    pub fn send(&self, action: Action) {
        match &*self.dispatcher.borrow() {
            Some(d) => d.dispatch(action),
            None => self.queued.borrow_mut().push(action),
        }
    }

    /// Reports the transition from the last rendered state to `next`.
    pub fn observe(&self, next: &State) {
        if self.closed.get() {
            return;
        }
        let prev = self.shown.replace(next.clone());
        if next.decisions_made > prev.decisions_made {
            if let Some(choice) = next.decision {
                *self.last_decided_at.borrow_mut() = Some(now_iso());
                let detail = self.decision_detail(choice, true);
                // Taken first: a listener may destroy the widget, which must not turn
                // these settled promises into rejections.
                let waiters = self.waiters.take();
                self.emit("consent:decision", &detail);
                for (resolve, _) in waiters {
                    let _ = resolve.call1(&JsValue::UNDEFINED, &detail);
                }
            }
        }
        if prev.view != next.view {
            if prev.view != View::Closed {
                self.emit("consent:close", &view_detail(prev.view));
            }
            if next.view != View::Closed {
                self.emit("consent:open", &view_detail(next.view));
            }
        }
    }

    /// `prompt()`: settles at once when there is nothing to ask, else opens the prompt.
    pub fn prompt(&self) -> Promise {
        let shown = self.shown.borrow().clone();
        if shown.policy != Policy::Enabled {
            let detail = self.unavailable(shown.policy);
            return Promise::resolve(&detail);
        }
        if let Some(choice) = shown.decision.filter(|c| *c != Choice::Withdraw) {
            let made_here = shown.decisions_made > 0;
            return Promise::resolve(&self.decision_detail(choice, made_here));
        }
        let promise = Promise::new(&mut |resolve, reject| {
            self.waiters.borrow_mut().push((resolve, reject));
        });
        self.send(Action::OpenPrompt);
        promise
    }

    /// `manage()`: opens the manage view, or reports why there is none.
    pub fn manage(&self) {
        let policy = self.shown.borrow().policy;
        if policy == Policy::Enabled {
            self.send(Action::OpenManage);
        } else {
            self.unavailable(policy);
        }
    }

    /// `state()`: what is on screen and what was decided.
    pub fn state(&self) -> JsValue {
        let s = self.shown.borrow();
        object(&[
            ("view", s.view.as_str().into()),
            ("decision", choice_js(s.decision)),
            ("connected", s.is_connected().into()),
            ("policy", s.policy.as_str().into()),
        ])
    }

    /// Stops all reporting and fails the promises nobody will settle any more.
    pub fn close(&self) {
        self.closed.set(true);
        self.dispatcher.take();
        self.queued.take();
        let err = js_sys::Error::new("the consent widget was destroyed before a decision was made");
        for (_, reject) in self.waiters.take() {
            let _ = reject.call1(&JsValue::UNDEFINED, &err);
        }
    }

    fn unavailable(&self, reason: Policy) -> JsValue {
        let texts = &self.notice.unavailable;
        let message = match reason {
            Policy::NotInGroup => texts.not_in_group,
            _ => texts.policy_off,
        };
        let detail = object(&[
            ("status", "unavailable".into()),
            ("reason", reason.as_str().into()),
            ("message", message.into()),
        ]);
        self.emit("consent:unavailable", &detail);
        detail
    }

    /// What the host learns about a decision (`consent:decision`, `prompt()`). The
    /// notice is `null` for a decision the host passed in: this widget did not show it.
    fn decision_detail(&self, choice: Choice, made_here: bool) -> JsValue {
        let decided_at = made_here
            .then(|| self.last_decided_at.borrow().clone())
            .flatten();
        object(&[
            ("status", "decided".into()),
            ("choice", choice.as_str().into()),
            ("flows", flows_js(choice)),
            (
                "notice",
                if made_here {
                    notice_js(&self.notice_ref)
                } else {
                    JsValue::NULL
                },
            ),
            ("decidedAt", decided_at.map_or(JsValue::NULL, JsValue::from)),
        ])
    }

    fn emit(&self, name: &str, detail: &JsValue) {
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = self.host.dispatch_event(&event);
        }
    }
}

fn view_detail(view: View) -> JsValue {
    object(&[("view", view.as_str().into())])
}

/// A plain JS object. Built by hand rather than through serde: these few shapes are
/// not worth serde's per-type code in a size-budgeted wasm.
fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let obj = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&obj, &JsValue::from_str(key), value);
    }
    obj.into()
}

fn choice_js(choice: Option<Choice>) -> JsValue {
    choice.map_or(JsValue::NULL, |c| c.as_str().into())
}

/// The `flows` of a choice: every offered category of each direction -> bool.
fn flows_js(choice: Choice) -> JsValue {
    let out = Object::new();
    for d in Direction::ALL {
        let cats = Object::new();
        for c in d.categories() {
            let _ = Reflect::set(&cats, &c.as_str().into(), &choice.allows(d).into());
        }
        let _ = Reflect::set(&out, &d.as_str().into(), &cats);
    }
    out.into()
}

fn notice_js(n: &NoticeRef) -> JsValue {
    object(&[
        ("id", n.id.as_str().into()),
        ("ver", n.ver.into()),
        ("lang", n.lang.as_str().into()),
        ("sha256", n.sha256.as_str().into()),
    ])
}

fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}
