//! The challenge for the next decision: fetched at mount and again after each use
//! (its nonce is single-use), with the device key for its subject loaded ahead of the
//! click so that signing does not wait for IndexedDB.

use super::backend::{Api, CallError, Challenge};
use super::report::{Report, Reporter};
use super::retry;
use super::signer::{self, DeviceKey};
use super::tasks::Tasks;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// Where the challenge for the next decision stands.
enum Slot {
    Fetching,
    /// Boxed: a challenge is large beside the other states.
    Ready(Box<Challenge>),
    /// The backend could not be reached or refused; the next decision fetches one itself.
    Unavailable,
}

/// The next challenge and the key to answer it with.
pub struct Challenges {
    me: Weak<Challenges>,
    api: Api,
    /// The body of each challenge request: the language and link targets shown.
    request: String,
    slot: RefCell<Slot>,
    /// `(sub, key)`: the device key for the latest challenge's subject.
    key: RefCell<Option<(String, DeviceKey)>>,
    tasks: Rc<Tasks>,
    report: Reporter,
}

impl Challenges {
    /// Fetches the first challenge right away.
    pub fn start(api: Api, request: String, tasks: Rc<Tasks>, report: Reporter) -> Rc<Self> {
        let challenges = Rc::new_cyclic(|me| Challenges {
            me: me.clone(),
            api,
            request,
            slot: RefCell::new(Slot::Fetching),
            key: RefCell::default(),
            tasks,
            report,
        });
        challenges.refill();
        challenges
    }

    /// Whether a challenge, and with it the backend's word on the policy, is on its way.
    pub fn fetching(&self) -> bool {
        matches!(*self.slot.borrow(), Slot::Fetching)
    }

    /// Takes the ready challenge for a decision, if there is one. Until
    /// [`Challenges::refill`] brings the next, [`Challenges::fetching`] holds.
    pub fn take(&self) -> Option<Challenge> {
        match self.slot.replace(Slot::Fetching) {
            Slot::Ready(c) => Some(*c),
            Slot::Fetching | Slot::Unavailable => None,
        }
    }

    /// Fetches a challenge for a decision that found none ready, for as long as the
    /// backend cannot be reached; `unreachable` is told the reason each time.
    pub async fn fetch_now(
        &self,
        unreachable: impl FnMut(u32, String),
    ) -> Result<Challenge, CallError> {
        retry::until_answered(|| self.api.challenge(&self.request), unreachable).await
    }

    /// Fetches the next challenge (again, after one could not be had).
    pub fn refill(&self) {
        let Some(me) = self.me.upgrade() else { return };
        self.slot.replace(Slot::Fetching);
        self.tasks.spawn(async move {
            let result = me.api.challenge(&me.request).await;
            me.arrived(result);
        });
    }

    /// The preloaded key for `sub`, if it is there yet.
    pub fn key_for(&self, sub: &str) -> Option<DeviceKey> {
        let key = self.key.borrow();
        key.as_ref()
            .filter(|(s, _)| s == sub)
            .map(|(_, k)| k.clone())
    }

    fn arrived(&self, result: Result<Challenge, CallError>) {
        let report = match result {
            Ok(c) => {
                self.preload_key(&c.sub);
                let (policy, decision) = (c.policy, c.decision.clone());
                self.slot.replace(Slot::Ready(Box::new(c)));
                Report::ChallengeReady { policy, decision }
            }
            Err(err) => {
                self.slot.replace(Slot::Unavailable);
                Report::ChallengeFailed(err.into())
            }
        };
        (self.report)(report);
    }

    fn preload_key(&self, sub: &str) {
        if self.key.borrow().as_ref().is_some_and(|(s, _)| s == sub) {
            return;
        }
        let Some(me) = self.me.upgrade() else { return };
        let sub = sub.to_owned();
        self.tasks.spawn(async move {
            if let Ok(key) = signer::device_key(&me.api.url, &sub).await {
                *me.key.borrow_mut() = Some((sub, key));
            }
        });
    }
}
