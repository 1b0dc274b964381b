//! The link between a mounted widget and its host page: commands from the JS handle go
//! into the component (queued until it has rendered once); state transitions and what
//! delivery reports come out as `consent:*` events and settled `prompt()` promises.
//!
//! Decisions leave through the [`Courier`], once each; everything about challenges,
//! keys, the outbox and retries is on the other side of it.

mod events;
mod queue;
mod waiters;

use crate::delivery::{Courier, Delivered, Refusal, Report, Reporter};
use crate::js::ToJs;
use crate::payloads::{Decided, Pending, Problem, StateSnapshot, Unavailable, ViewChange};
use crate::state::{Action, Policy, State, View};
use consent_core::{catalogue::Notice, Choice, NoticeRef};
use events::{HostEvent, HostEvents};
use js_sys::Promise;
use queue::ActionQueue;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use waiters::Waiters;
use wasm_bindgen::JsValue;
use web_sys::HtmlElement;
use yew::UseReducerDispatcher;

/// One mounted widget's connection to its host page.
///
/// ```text
/// let bridge = HostBridge::new(host, notice, backend_url, lang, State::new(policy, None));
/// let outcome = bridge.prompt(); // a Promise, settled once the backend has the decision
/// bridge.close();                // on destroy()
/// ```
pub struct HostBridge {
    pub notice: &'static Notice,
    notice_ref: NoticeRef,
    events: HostEvents,
    actions: ActionQueue,
    /// The state as last rendered.
    shown: RefCell<State>,
    waiters: Waiters,
    courier: Rc<Courier>,
    /// `prompt()` was called before the backend said whether this user may be asked.
    open_when_ready: Cell<bool>,
}

impl HostBridge {
    /// Connects a widget on `host` to the backend at `backend`. Delivery starts at once:
    /// the first challenge is fetched, and what an earlier page left unsent is re-sent.
    pub fn new(
        host: HtmlElement,
        notice: &'static Notice,
        backend: String,
        lang: String,
        initial: State,
    ) -> Rc<Self> {
        let notice_ref = notice.reference();
        Rc::new_cyclic(|me: &Weak<HostBridge>| {
            // Weak: the courier holds the reporter, and its tasks must not keep a
            // destroyed widget alive.
            let me = me.clone();
            let report: Reporter = Rc::new(move |report| {
                if let Some(bridge) = me.upgrade() {
                    bridge.hear(report);
                }
            });
            HostBridge {
                courier: Courier::start(backend, lang, notice, notice_ref.sha256.clone(), report),
                notice,
                notice_ref,
                events: HostEvents::new(host),
                actions: ActionQueue::default(),
                shown: RefCell::new(initial),
                waiters: Waiters::default(),
                open_when_ready: Cell::new(false),
            }
        })
    }

    /// Called by the component once it exists; runs what the host asked for meanwhile.
    pub fn attach(&self, dispatcher: UseReducerDispatcher<State>) {
        self.actions.attach(dispatcher);
    }

    /// Reports the transition from the last rendered state to `next`.
    pub fn observe(&self, next: &State) {
        if self.events.is_silenced() {
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
                self.events
                    .emit(HostEvent::Close, &ViewChange(prev.view).to_js());
            }
            if next.view != View::Closed {
                self.events
                    .emit(HostEvent::Open, &ViewChange(next.view).to_js());
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
        let promise = self.waiters.wait();
        if self.courier.awaiting_policy() {
            self.open_when_ready.set(true);
        } else {
            self.actions.send(Action::OpenPrompt);
        }
        promise
    }

    /// `manage()`: opens the manage view, or reports why there is none.
    pub fn manage(&self) {
        let policy = self.shown.borrow().policy;
        if policy == Policy::Enabled {
            self.actions.send(Action::OpenManage);
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
        self.events.silence();
        self.actions.detach();
        self.courier.stop();
        let err = js_sys::Error::new("the consent widget was destroyed before a decision was made");
        self.waiters.take().reject(&err);
    }

    fn hear(&self, report: Report) {
        // A task aborted by destroy() still finishes the step it is in.
        if self.events.is_silenced() {
            return;
        }
        match report {
            Report::ChallengeReady { policy } => {
                self.backend_policy(policy);
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
                self.events.emit(HostEvent::Pending, &detail.to_js());
            }
            Report::Delivered(delivered) => self.acknowledged(delivered),
            Report::Refused(refusal) => self.refused(&refusal),
        }
    }

    /// The backend's word on the tenant policy overrides the host's.
    fn backend_policy(&self, policy: Policy) {
        self.actions.send(Action::SetPolicy(policy));
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
            self.actions.send(Action::OpenPrompt);
        } else {
            let detail = self.unavailable(policy);
            self.waiters.take().resolve(&detail);
        }
    }

    fn acknowledged(&self, d: Delivered) {
        let detail =
            Decided::acknowledged(d.choice, &self.notice_ref, &d.jti, &d.token, d.receipt).to_js();
        // Taken before the event: a listener that destroys the widget must not turn
        // these into rejections.
        let waiters = self.waiters.take();
        self.events.emit(HostEvent::Decision, &detail);
        waiters.resolve(&detail);
    }

    fn refused(&self, refusal: &Refusal) {
        let waiters = self.waiters.take();
        self.error(refusal);
        let message = format!("the decision was not recorded: {}", refusal.message);
        waiters.reject(&js_sys::Error::new(&message));
    }

    /// Tells the host about a problem (`consent:error`).
    fn error(&self, refusal: &Refusal) {
        let detail = Problem {
            code: &refusal.code,
            message: &refusal.message,
        };
        self.events.emit(HostEvent::Error, &detail.to_js());
    }

    /// Tells the host why nothing can be shown; the detail is also `prompt()`'s outcome.
    fn unavailable(&self, reason: Policy) -> JsValue {
        let texts = &self.notice.unavailable;
        let message = match reason {
            Policy::NotInGroup => texts.not_in_group,
            _ => texts.policy_off,
        };
        let detail = Unavailable { reason, message }.to_js();
        self.events.emit(HostEvent::Unavailable, &detail);
        detail
    }
}
