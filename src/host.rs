//! The link between a mounted widget and its host page: commands from the JS handle
//! go in (queued until the component has rendered once), and every state transition
//! comes out as a DOM `CustomEvent` on the host element and settles `prompt()` promises.

use crate::state::{Action, Policy, State, View};
use consent_core::{catalogue::Notice, Choice, Flows, NoticeRef};
use js_sys::{Function, Promise};
use serde::Serialize;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};
use yew::UseReducerDispatcher;

/// What the host learns about a decision (`consent:decision`, `prompt()`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DecisionDetail<'a> {
    status: &'static str,
    choice: Choice,
    flows: Flows,
    /// The notice shown when the decision was made here; `null` for a decision the host
    /// passed in, whose notice this widget did not show.
    notice: Option<&'a NoticeRef>,
    decided_at: Option<String>,
}

/// Why there is no prompt for this user (`consent:unavailable`, `prompt()`).
#[derive(Serialize)]
struct UnavailableDetail {
    status: &'static str,
    reason: Policy,
    message: &'static str,
}

/// What `state()` returns.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StateDetail {
    view: &'static str,
    decision: Option<Choice>,
    connected: bool,
    policy: Policy,
}

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

    pub fn state(&self) -> JsValue {
        let s = self.shown.borrow();
        to_js(&StateDetail {
            view: s.view.as_str(),
            decision: s.decision,
            connected: s.is_connected(),
            policy: s.policy,
        })
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
        let detail = to_js(&UnavailableDetail {
            status: "unavailable",
            reason,
            message: match reason {
                Policy::NotInGroup => texts.not_in_group,
                _ => texts.policy_off,
            },
        });
        self.emit("consent:unavailable", &detail);
        detail
    }

    fn decision_detail(&self, choice: Choice, made_here: bool) -> JsValue {
        to_js(&DecisionDetail {
            status: "decided",
            choice,
            flows: choice.flows(),
            notice: made_here.then_some(&self.notice_ref),
            decided_at: made_here
                .then(|| self.last_decided_at.borrow().clone())
                .flatten(),
        })
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
    #[derive(Serialize)]
    struct ViewDetail {
        view: &'static str,
    }
    to_js(&ViewDetail {
        view: view.as_str(),
    })
}

/// Plain JS objects (not `Map`s), as host code expects.
pub fn to_js<T: Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}
