//! The link between a mounted widget and its host page: commands from the JS handle go
//! into the component (queued until it has rendered once); state transitions and what
//! delivery reports come out as `consent:*` events and settled `prompt()` promises.
//!
//! Decisions leave through the [`Courier`], once each; everything about challenges,
//! keys, the outbox and retries is on the other side of it.

mod events;
mod queue;
mod waiters;

use crate::components::NoticeProp;
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
use yew::{Reducible, UseReducerDispatcher};

/// One mounted widget's connection to its host page.
///
/// ```text
/// let bridge = HostBridge::new(host, notice, langs, backend_url, get_headers, ledger_key,
///     State::new(policy, None, NoticeProp(notice)));
/// let outcome = bridge.prompt(); // a Promise, settled once the backend has the decision
/// bridge.close();                // on destroy()
/// ```
pub struct HostBridge {
    /// The notice shown (`State::notice`), and its reference once an acknowledgement
    /// has needed it: hashed then, and kept, rather than whenever a notice is shown,
    /// which happens on the way to the first prompt.
    notice: Cell<&'static Notice>,
    notice_ref: RefCell<Option<NoticeRef>>,
    events: HostEvents,
    actions: ActionQueue,
    /// The state as last rendered.
    shown: RefCell<State>,
    waiters: Waiters,
    courier: Rc<Courier>,
    /// `prompt()` was called before the backend said whether this user may be asked.
    open_when_ready: Cell<bool>,
    /// `manage()` was called while no challenge could be had, and waits for another try.
    manage_when_ready: Cell<bool>,
    /// Why the latest challenge could not be had, until another try brings one: no view
    /// that offers a choice opens meanwhile, since nothing chosen could be signed.
    failed: RefCell<Option<Refusal>>,
    /// `consent:ready` was raised.
    told_ready: Cell<bool>,
    /// The backend has sent the notice's text in the reader's language.
    has_text: Cell<bool>,
}

impl HostBridge {
    /// Connects a widget on `host` to the backend at `backend`. Delivery starts at once:
    /// the first challenge is fetched, with the notice's text in the first of `langs`
    /// it is written in (`notice` is its shape, with the host's links), and what an
    /// earlier page left unsent is re-sent.
    pub fn new(
        host: HtmlElement,
        notice: &'static Notice,
        langs: Vec<String>,
        backend: String,
        get_headers: Option<js_sys::Function>,
        ledger_key: Option<consent_core::note::VerifierKey>,
        initial: State,
    ) -> Rc<Self> {
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
                courier: Courier::start(backend, get_headers, ledger_key, notice, langs, report),
                notice: Cell::new(notice),
                notice_ref: RefCell::new(None),
                events: HostEvents::new(host),
                actions: ActionQueue::default(),
                shown: RefCell::new(initial),
                waiters: Waiters::default(),
                open_when_ready: Cell::new(false),
                manage_when_ready: Cell::new(false),
                failed: RefCell::new(None),
                told_ready: Cell::new(false),
                has_text: Cell::new(false),
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

    /// `prompt()`: once the backend has said whether this user may be asked and what
    /// they decided last, settles at once with a decision made on the notice shown
    /// today (or with why nobody may be asked), else opens the prompt. When the last
    /// challenge could not be had, the backend is asked again first; failing again,
    /// the promise rejects and nothing opens.
    pub fn prompt(&self) -> Promise {
        let promise = self.waiters.wait();
        if self.courier.awaiting_policy() {
            self.open_when_ready.set(true);
        } else if self.failed.take().is_some() {
            self.open_when_ready.set(true);
            self.courier.retry_challenge();
        } else {
            self.prompt_now();
        }
        promise
    }

    /// Settles the waiting `prompt()`s, or opens the prompt for them.
    fn prompt_now(&self) {
        let shown = self.shown.borrow().clone();
        let settled = if shown.policy != Policy::Enabled {
            self.unavailable(shown.policy)
        } else if let Some(choice) = shown.standing_decision() {
            Decided::existing(choice, shown.notice.lang).to_js()
        } else {
            self.actions.send(Action::OpenPrompt);
            return;
        };
        self.waiters.take().resolve(&settled);
    }

    /// `manage()`: opens the manage view, whatever the tenant's policy: a user who
    /// connected can always disconnect.
    /// Like `prompt()`, it asks the backend again first when the last challenge could
    /// not be had, and opens only once one is there (and with it the text to show).
    pub fn manage(&self) {
        if self.failed.take().is_some() {
            self.manage_when_ready.set(true);
            self.courier.retry_challenge();
        } else if !self.has_text.get() {
            // The widget has no words of its own: the view opens with the reader's
            // language, which the challenge on its way brings.
            self.manage_when_ready.set(true);
        } else if !self.manage_when_ready.get() {
            self.actions.send(Action::OpenManage);
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
            Report::ChallengeReady {
                policy,
                decision,
                notice,
            } => {
                self.show(notice);
                self.backend_policy(policy);
                if let Some(d) = decision {
                    self.recall(d.choice, d.notice.ver);
                }
                self.failed.take();
                self.ready();
                self.policy_settled();
                if self.manage_when_ready.replace(false) {
                    self.actions.send(Action::OpenManage);
                }
            }
            Report::ChallengeFailed(refusal) => self.no_challenge(refusal),
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

    /// Shows `notice` from now on: the reader's language, once the backend has sent it.
    fn show(&self, notice: &'static Notice) {
        self.has_text.set(true);
        if self.shown.borrow().notice == NoticeProp(notice) {
            return;
        }
        self.notice.set(notice);
        self.notice_ref.take();
        self.apply(Action::ShowNotice(NoticeProp(notice)));
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

    /// The backend's record of the latest decision, unless this widget has made a newer
    /// one: `prompt()` asks again when it was made on an older notice.
    fn recall(&self, choice: Choice, notice_ver: u32) {
        self.apply(Action::Recall { choice, notice_ver });
    }

    /// Sends `action` to the component and applies it to the state as known here at
    /// once, so that `state()` and `prompt()` see it before the next render.
    fn apply(&self, action: Action) {
        self.actions.send(action);
        let mut shown = self.shown.borrow_mut();
        let next = std::rc::Rc::new(shown.clone()).reduce(action);
        *shown = (*next).clone();
    }

    /// Tells the host, once, what the widget knows after its first word from the
    /// backend (`consent:ready`), so that it can show the right state before anyone
    /// clicks.
    fn ready(&self) {
        if !self.told_ready.replace(true) {
            let detail = StateSnapshot(&self.shown.borrow()).to_js();
            self.events.emit(HostEvent::Ready, &detail);
        }
    }

    /// No choice can be signed: the host hears why at mount and whenever it asked for a
    /// view, and the `prompt()`s waiting for the backend reject. A failed refill
    /// after a decision stays quiet until then (the decision reports for itself).
    fn no_challenge(&self, refusal: Refusal) {
        let prompted = self.open_when_ready.replace(false);
        let managing = self.manage_when_ready.replace(false);
        if !self.told_ready.get() || prompted || managing {
            self.error(&refusal);
        }
        self.ready();
        if prompted {
            let message = format!("no choice can be recorded now: {}", refusal.message);
            self.waiters.take().reject(&js_sys::Error::new(&message));
        }
        *self.failed.borrow_mut() = Some(refusal);
    }

    /// Does what a `prompt()` was waiting to do.
    fn policy_settled(&self) {
        if self.open_when_ready.replace(false) {
            self.prompt_now();
        }
    }

    fn acknowledged(&self, d: Delivered) {
        self.apply(Action::Acknowledged(d.choice));
        let notice_ref = self
            .notice_ref
            .borrow_mut()
            .get_or_insert_with(|| self.notice.get().reference())
            .clone();
        let detail =
            Decided::acknowledged(d.choice, &notice_ref, &d.jti, &d.token, d.receipt).to_js();
        // Taken before the event: a listener that destroys the widget must not turn
        // these into rejections.
        let waiters = self.waiters.take();
        self.events.emit(HostEvent::Decision, &detail);
        waiters.resolve(&detail);
    }

    /// The decision was not recorded: the state goes back to what the backend last
    /// acknowledged, so `prompt()` and the prompt ask again (on a fresh challenge, as
    /// every decision takes its own), and the user is told why.
    fn refused(&self, refusal: &Refusal) {
        self.apply(Action::Refused);
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
        let notice: &'static Notice = self.shown.borrow().notice.0;
        let texts = &notice.unavailable;
        let message = match reason {
            Policy::NotInGroup => texts.not_in_group,
            _ => texts.policy_off,
        };
        let detail = Unavailable { reason, message }.to_js();
        self.events.emit(HostEvent::Unavailable, &detail);
        detail
    }
}
