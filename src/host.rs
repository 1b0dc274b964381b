//! The link between a mounted widget and its host page: commands from the JS handle
//! go in (queued until the component has rendered once); state transitions come out
//! as DOM `CustomEvent`s on the host element, and decisions go to the backend before
//! they are reported.

use crate::delivery::backend::{self, CallError, Challenge};
use crate::delivery::{self, Signed};
use crate::js::ToJs;
use crate::payloads::{Decided, Pending, Problem, StateSnapshot, Unavailable, ViewChange};
use crate::state::{Action, Policy, State, View};
use consent_core::{catalogue::Notice, Choice, NoticeRef};
use futures::future::{AbortHandle, Abortable};
use js_sys::{Function, Promise};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::{Rc, Weak};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};
use yew::UseReducerDispatcher;

/// Where the challenge for the next decision stands.
#[derive(Clone)]
enum ChallengeSlot {
    Fetching,
    Ready(Challenge),
    /// The backend could not be reached; the next decision fetches one itself.
    Unavailable,
}

/// One mounted widget's connection to its host and its backend.
pub struct HostBridge {
    me: Weak<HostBridge>,
    host: HtmlElement,
    pub notice: &'static Notice,
    notice_ref: NoticeRef,
    backend: String,
    lang: String,
    dispatcher: RefCell<Option<UseReducerDispatcher<State>>>,
    queued: RefCell<Vec<Action>>,
    /// The state as last rendered.
    shown: RefCell<State>,
    /// `[resolve, reject]` of every `prompt()` still waiting for a decision.
    waiters: RefCell<Vec<(Function, Function)>>,
    challenge: RefCell<ChallengeSlot>,
    /// The device key for the challenge's subject, loaded ahead of the click so that
    /// signing does not wait for IndexedDB: `(sub, key)`.
    key: Rc<RefCell<Option<(String, JsValue)>>>,
    /// `prompt()` was called before the backend said whether this user may be asked.
    open_when_ready: Cell<bool>,
    tasks: RefCell<Vec<AbortHandle>>,
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
        let bridge = Rc::new_cyclic(|me| HostBridge {
            me: me.clone(),
            host,
            notice,
            notice_ref: notice.reference(),
            backend,
            lang,
            dispatcher: RefCell::default(),
            queued: RefCell::default(),
            shown: RefCell::new(initial),
            waiters: RefCell::default(),
            challenge: RefCell::new(ChallengeSlot::Fetching),
            key: Rc::default(),
            open_when_ready: Cell::new(false),
            tasks: RefCell::default(),
            closed: Cell::new(false),
        });
        bridge.fetch_challenge();
        bridge.resend_unsent();
        bridge
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
                self.deliver(choice);
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
        if matches!(*self.challenge.borrow(), ChallengeSlot::Fetching) {
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

    /// Stops all reporting, cancels timers and requests, and fails the promises nobody
    /// will settle any more. Signed decisions stay in the outbox for the next mount.
    pub fn close(&self) {
        self.closed.set(true);
        self.dispatcher.take();
        self.queued.take();
        for task in self.tasks.take() {
            task.abort();
        }
        let err = js_sys::Error::new("the consent widget was destroyed before a decision was made");
        for (_, reject) in self.waiters.take() {
            let _ = reject.call1(&JsValue::UNDEFINED, &err);
        }
    }

    /// Runs `task` until it ends or the widget is destroyed.
    fn spawn(&self, task: impl Future<Output = ()> + 'static) {
        let (handle, registration) = AbortHandle::new_pair();
        self.tasks.borrow_mut().push(handle);
        wasm_bindgen_futures::spawn_local(async move {
            let _ = Abortable::new(task, registration).await;
        });
    }

    fn fetch_challenge(&self) {
        let me = self.me.clone();
        let (backend, lang) = (self.backend.clone(), self.lang.clone());
        self.spawn(async move {
            let result = backend::challenge(&backend, &lang).await;
            if let Some(me) = me.upgrade() {
                me.challenge_arrived(result);
            }
        });
    }

    fn challenge_arrived(&self, result: Result<Challenge, CallError>) {
        let slot = match result {
            Ok(c) => {
                if let Some(policy) = Policy::parse(&c.policy) {
                    self.send(Action::SetPolicy(policy));
                    self.shown.borrow_mut().policy = policy;
                    // Tell the host at once, so it can explain the empty LinkedIn
                    // section before anyone clicks.
                    if policy != Policy::Enabled && !self.open_when_ready.get() {
                        self.unavailable(policy);
                    }
                }
                self.preload_key(&c.sub);
                ChallengeSlot::Ready(c)
            }
            Err(CallError::Rejected { code, message, .. }) => {
                self.error(&code, &message);
                ChallengeSlot::Unavailable
            }
            Err(CallError::Transient(_)) => ChallengeSlot::Unavailable,
        };
        *self.challenge.borrow_mut() = slot;
        if self.open_when_ready.replace(false) {
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
    }

    fn preload_key(&self, sub: &str) {
        if self.key.borrow().as_ref().is_some_and(|(s, _)| s == sub) {
            return;
        }
        let (backend, sub, slot) = (self.backend.clone(), sub.to_owned(), self.key.clone());
        self.spawn(async move {
            if let Ok(key) = delivery::device_key(&backend, &sub).await {
                *slot.borrow_mut() = Some((sub, key));
            }
        });
    }

    /// Signs `choice`, keeps it in the outbox and sends it until the backend answers.
    fn deliver(&self, choice: Choice) {
        let me = self.me.clone();
        let slot = std::mem::replace(&mut *self.challenge.borrow_mut(), ChallengeSlot::Fetching);
        let (backend, lang, notice) = (self.backend.clone(), self.lang.clone(), self.notice);
        let shown_sha256 = self.notice_ref.sha256.clone();
        let preloaded = self.key.clone();
        self.spawn(async move {
            let mut attempt = 0;
            let challenge = loop {
                if let ChallengeSlot::Ready(c) = &slot {
                    if attempt == 0 {
                        break c.clone();
                    }
                }
                match backend::challenge(&backend, &lang).await {
                    Ok(c) => break c,
                    Err(CallError::Transient(reason)) => {
                        if let Some(me) = me.upgrade() {
                            me.pending(choice, None, &reason);
                        }
                        delivery::backoff(attempt).await;
                        attempt += 1;
                    }
                    Err(rejected) => return report(&me, choice, None, Err(rejected)),
                }
            };
            // The nonce is single-use: get the next one now, while the backend is there.
            if let Some(me) = me.upgrade() {
                me.fetch_challenge();
            }
            if challenge.notice_sha256 != shown_sha256 {
                let err = CallError::Rejected {
                    code: "notice-mismatch".into(),
                    message: "the backend expects a different version of the notice than this widget shows".into(),
                    status: 0,
                };
                return report(&me, choice, None, Err(err));
            }
            let cached = preloaded
                .borrow()
                .as_ref()
                .filter(|(sub, _)| *sub == challenge.sub)
                .map(|(_, key)| key.clone());
            let key = match cached {
                Some(key) => key,
                None => match delivery::device_key(&backend, &challenge.sub).await {
                    Ok(key) => key,
                    Err(e) => return report(&me, choice, None, Err(e)),
                },
            };
            let signed = match delivery::sign(&key, &challenge, notice, choice).await {
                Ok(s) => s,
                Err(e) => return report(&me, choice, None, Err(e)),
            };
            // The outbox write and the first send start together, so the token is on
            // the network without waiting for IndexedDB to commit. Closing the page
            // before that commit loses nothing the old order kept (then, the token
            // had not been sent at all); the entry goes only once both are done.
            let (_, outcome) = futures::future::join(
                delivery::keep(&backend, &signed),
                send_until_answered(&me, &backend, &signed),
            )
            .await;
            delivery::forget(&signed.jti).await;
            report(&me, choice, Some(&signed), outcome);
        });
    }

    /// Sends what an earlier page signed but never got acknowledged.
    fn resend_unsent(&self) {
        let me = self.me.clone();
        let backend = self.backend.clone();
        self.spawn(async move {
            for signed in delivery::unsent(&backend).await {
                let outcome = send_until_answered(&me, &backend, &signed).await;
                delivery::forget(&signed.jti).await;
                report(&me, signed.choice, Some(&signed), outcome);
            }
        });
    }

    fn acknowledged(&self, choice: Choice, signed: &Signed, receipt: JsValue) {
        let detail = Decided::acknowledged(
            choice,
            &self.notice_ref,
            &signed.jti,
            &signed.token,
            receipt,
        )
        .to_js();
        // Taken first: a listener may destroy the widget, which must not turn these
        // settled promises into rejections.
        let waiters = self.waiters.take();
        self.emit("consent:decision", &detail);
        for (resolve, _) in waiters {
            let _ = resolve.call1(&JsValue::UNDEFINED, &detail);
        }
    }

    fn rejected(&self, err: &CallError) {
        let (code, message) = match err {
            CallError::Rejected { code, message, .. } => (code.as_str(), message.clone()),
            CallError::Transient(m) => ("unreachable", m.clone()),
        };
        let waiters = self.waiters.take();
        self.error(code, &message);
        let error = js_sys::Error::new(&format!("the decision was not recorded: {message}"));
        for (_, reject) in waiters {
            let _ = reject.call1(&JsValue::UNDEFINED, &error);
        }
    }

    fn pending(&self, choice: Choice, signed: Option<&Signed>, reason: &str) {
        let detail = Pending {
            choice,
            jti: signed.map(|s| s.jti.as_str()),
            reason,
        };
        self.emit("consent:pending", &detail.to_js());
    }

    /// Tells the host about a problem (`consent:error`).
    fn error(&self, code: &str, message: &str) {
        self.emit("consent:error", &Problem { code, message }.to_js());
    }

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

/// Sends `signed` until the backend acknowledges or refuses it; the same token (same
/// `jti`) every time, so the backend records it once however often it arrives. The
/// caller removes it from the outbox afterwards.
async fn send_until_answered(
    me: &Weak<HostBridge>,
    backend: &str,
    signed: &Signed,
) -> Result<JsValue, CallError> {
    let mut attempt = 0;
    loop {
        match backend::send_decision(backend, &signed.token).await {
            Err(CallError::Transient(reason)) => {
                if attempt == 0 {
                    if let Some(me) = me.upgrade() {
                        me.pending(signed.choice, Some(signed), &reason);
                    }
                }
                delivery::backoff(attempt).await;
                attempt += 1;
            }
            answered => return answered,
        }
    }
}

fn report(
    me: &Weak<HostBridge>,
    choice: Choice,
    signed: Option<&Signed>,
    outcome: Result<JsValue, CallError>,
) {
    let Some(me) = me.upgrade() else { return };
    match (outcome, signed) {
        (Ok(receipt), Some(signed)) => me.acknowledged(choice, signed, receipt),
        (Ok(_), None) => {}
        (Err(e), _) => me.rejected(&e),
    }
}
