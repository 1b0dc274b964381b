//! The link between a mounted widget and its host page: commands from the JS handle
//! go in (queued until the component has rendered once); state transitions and what
//! delivery reports come out as DOM `CustomEvent`s on the host element and settled
//! `prompt()` promises.
//!
//! Decisions leave through the [`Courier`], once each; everything about challenges,
//! keys, the outbox and retries is on the other side of it.

use crate::delivery::{Courier, Delivered, Refusal, Report, Reporter};
use crate::js::ToJs;
use crate::payloads::{Decided, Pending, Problem, StateSnapshot, Unavailable, ViewChange};
use crate::state::{Action, Policy, State, View};
use consent_core::{catalogue::Notice, Choice, NoticeRef};
use js_sys::{Function, Promise};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};
use yew::UseReducerDispatcher;

/// One mounted widget's connection to its host page.
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
    courier: Rc<Courier>,
    /// `prompt()` was called before the backend said whether this user may be asked.
    open_when_ready: Cell<bool>,
    closed: Cell<bool>,
}

impl HostBridge {
    pub fn new(
        host: HtmlElement,
        notice: &'static Notice,
        backend: String,
        lang: String,
        initial: State,
    ) -> Rc<Self> {
        let notice_ref = notice.reference();
        Rc::new_cyclic(|me: &Weak<HostBridge>| {
            let me = me.clone();
            let report: Reporter = Rc::new(move |report| {
                if let Some(bridge) = me.upgrade() {
                    bridge.hear(report);
                }
            });
            HostBridge {
                courier: Courier::start(backend, lang, notice, notice_ref.sha256.clone(), report),
                host,
                notice,
                notice_ref,
                dispatcher: RefCell::default(),
                queued: RefCell::default(),
                shown: RefCell::new(initial),
                waiters: RefCell::default(),
                open_when_ready: Cell::new(false),
                closed: Cell::new(false),
            }
        })
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
                self.courier.deliver(choice);
            }
        }
        if prev.view != next.view {
            if prev.view != View::Closed {
                self.emit("consent:close", &ViewChange(prev.view).to_js());
            }
            if next.view != View::Closed {
                self.emit("consent:open", &ViewChange(next.view).to_js());
            }
        }
    }

    /// `prompt()`: settles at once when there is nothing to ask, else opens the prompt
    /// (after the backend has said whether this user may be asked at all).
    pub fn prompt(&self) -> Promise {
        let shown = self.shown.borrow().clone();
        if shown.policy != Policy::Enabled {
            return Promise::resolve(&self.unavailable(shown.policy));
        }
        if let Some(choice) = shown.decision.filter(|c| *c != Choice::Withdraw) {
            return Promise::resolve(&Decided::existing(choice).to_js());
        }
        let promise = Promise::new(&mut |resolve, reject| {
            self.waiters.borrow_mut().push((resolve, reject));
        });
        if self.courier.awaiting_policy() {
            self.open_when_ready.set(true);
        } else {
            self.send(Action::OpenPrompt);
        }
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
        StateSnapshot(&self.shown.borrow()).to_js()
    }

    /// Stops all reporting and delivery, and fails the promises nobody will settle any
    /// more. Signed decisions stay in the outbox for the next mount.
    pub fn close(&self) {
        self.closed.set(true);
        self.dispatcher.take();
        self.queued.take();
        self.courier.stop();
        let err = js_sys::Error::new("the consent widget was destroyed before a decision was made");
        for (_, reject) in self.waiters.take() {
            let _ = reject.call1(&JsValue::UNDEFINED, &err);
        }
    }

    fn hear(&self, report: Report) {
        if self.closed.get() {
            return;
        }
        match report {
            Report::ChallengeReady { policy } => {
                if let Some(policy) = policy {
                    self.backend_policy(policy);
                }
                self.policy_settled();
            }
            Report::ChallengeFailed { refusal } => {
                if let Some(refusal) = refusal {
                    self.error(&refusal);
                }
                self.policy_settled();
            }
            Report::Pending {
                choice,
                jti,
                reason,
            } => {
                let detail = Pending {
                    choice,
                    jti: jti.as_deref(),
                    reason: &reason,
                };
                self.emit("consent:pending", &detail.to_js());
            }
            Report::Delivered(delivered) => self.acknowledged(delivered),
            Report::Refused(refusal) => self.refused(&refusal),
        }
    }

    /// The backend's word on the tenant policy overrides the host's.
    fn backend_policy(&self, policy: Policy) {
        self.send(Action::SetPolicy(policy));
        self.shown.borrow_mut().policy = policy;
        // Tell the host at once, so it can explain the empty LinkedIn section before
        // anyone clicks; a waiting prompt() hears it in policy_settled.
        if policy != Policy::Enabled && !self.open_when_ready.get() {
            self.unavailable(policy);
        }
    }

    /// Opens the prompt a `prompt()` was waiting to open, or says why it cannot.
    fn policy_settled(&self) {
        if !self.open_when_ready.replace(false) {
            return;
        }
        let policy = self.shown.borrow().policy;
        if policy == Policy::Enabled {
            self.send(Action::OpenPrompt);
        } else {
            let detail = self.unavailable(policy);
            for (resolve, _) in self.waiters.take() {
                let _ = resolve.call1(&JsValue::UNDEFINED, &detail);
            }
        }
    }

    fn acknowledged(&self, d: Delivered) {
        let detail =
            Decided::acknowledged(d.choice, &self.notice_ref, &d.jti, &d.token, d.receipt).to_js();
        // Taken first: a listener may destroy the widget, which must not turn these
        // settled promises into rejections.
        let waiters = self.waiters.take();
        self.emit("consent:decision", &detail);
        for (resolve, _) in waiters {
            let _ = resolve.call1(&JsValue::UNDEFINED, &detail);
        }
    }

    fn refused(&self, refusal: &Refusal) {
        let waiters = self.waiters.take();
        self.error(refusal);
        let error = js_sys::Error::new(&format!(
            "the decision was not recorded: {}",
            refusal.message
        ));
        for (_, reject) in waiters {
            let _ = reject.call1(&JsValue::UNDEFINED, &error);
        }
    }

    /// Tells the host about a problem (`consent:error`).
    fn error(&self, refusal: &Refusal) {
        let detail = Problem {
            code: &refusal.code,
            message: &refusal.message,
        };
        self.emit("consent:error", &detail.to_js());
    }

    /// Tells the host why nothing can be shown; the detail is also `prompt()`'s outcome.
    fn unavailable(&self, reason: Policy) -> JsValue {
        let texts = &self.notice.unavailable;
        let message = match reason {
            Policy::NotInGroup => texts.not_in_group,
            _ => texts.policy_off,
        };
        let detail = Unavailable { reason, message }.to_js();
        self.emit("consent:unavailable", &detail);
        detail
    }

    fn emit(&self, name: &str, detail: &JsValue) {
        if self.closed.get() {
            return;
        }
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = self.host.dispatch_event(&event);
        }
    }
}
