//! The challenge for the next decision: fetched at mount and again after each use
//! (its nonce is single-use), with the device key for its subject loaded ahead of the
//! click so that signing does not wait for IndexedDB. A challenge for a notice other
//! than the one shown is refused as it arrives, before anyone is asked.

use super::backend::{Api, CallError, Challenge};
use super::clock::{self, monotonic_ms};
use super::report::{Report, Reporter};
use super::retry;
use super::signer::{self, DeviceKey};
use super::tasks::Tasks;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// A challenge and when it arrived, on this page's monotonic clock: the decision's
/// `iat` is the backend's issue time carried forward by the time since
/// (consent_core::freshness), so a device whose clock is wrong still records.
pub struct Fresh {
    pub challenge: Challenge,
    arrived_ms: f64,
}

impl Fresh {
    fn new(challenge: Challenge) -> Fresh {
        Fresh {
            challenge,
            arrived_ms: monotonic_ms(),
        }
    }

    /// The `iat` for a decision made now, on the backend's clock; `None` once the
    /// challenge has expired (a decision then needs a new one). A backend that sends
    /// no `issued_at` gets the device's clock, as before it had one.
    pub fn iat_now(&self) -> Option<i64> {
        let elapsed = monotonic_ms() - self.arrived_ms;
        let issued = seconds(&self.challenge.issued_at);
        let iat = match issued {
            Some(issued) => consent_core::freshness::iat_for(issued, elapsed),
            None => (clock::wall_ms() / 1000.0) as i64,
        };
        if let (Some(issued), Some(expires)) = (issued, seconds(&self.challenge.expires_at)) {
            consent_core::freshness::check_iat(iat, issued, expires, 0).ok()?;
        }
        Some(iat)
    }
}

/// An RFC 3339 time as Unix seconds, `None` when absent or unreadable.
fn seconds(rfc3339: &str) -> Option<i64> {
    let ms = js_sys::Date::parse(rfc3339);
    ms.is_finite().then(|| (ms / 1000.0).floor() as i64)
}

/// A challenge for another notice than the one shown (`shown_sha256`): the user
/// would be asked about one text and the backend would record another.
pub fn check_notice(challenge: &Challenge, shown_sha256: &str) -> Result<(), CallError> {
    if challenge.notice.sha256 == shown_sha256 {
        return Ok(());
    }
    Err(CallError::local(
        "notice-mismatch",
        "the backend expects a different version of the notice than this widget shows".into(),
    ))
}

/// Where the challenge for the next decision stands.
enum Slot {
    Fetching,
    /// Boxed: a challenge is large beside the other states.
    Ready(Box<Fresh>),
    /// The backend could not be reached or refused; the next decision fetches one itself.
    Unavailable,
}

/// The next challenge and the key to answer it with.
pub struct Challenges {
    me: Weak<Challenges>,
    api: Api,
    /// The body of each challenge request: the language and link targets shown.
    request: String,
    /// The digest of the notice this widget shows.
    shown_sha256: String,
    slot: RefCell<Slot>,
    /// `(sub, key)`: the device key for the latest challenge's subject.
    key: RefCell<Option<(String, DeviceKey)>>,
    tasks: Rc<Tasks>,
    report: Reporter,
}

impl Challenges {
    /// Fetches the first challenge right away.
    pub fn start(
        api: Api,
        request: String,
        shown_sha256: String,
        tasks: Rc<Tasks>,
        report: Reporter,
    ) -> Rc<Self> {
        let challenges = Rc::new_cyclic(|me| Challenges {
            me: me.clone(),
            api,
            request,
            shown_sha256,
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
    pub fn take(&self) -> Option<Fresh> {
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
    ) -> Result<Fresh, CallError> {
        let challenge =
            retry::until_answered(|| self.api.challenge(&self.request), unreachable).await?;
        check_notice(&challenge, &self.shown_sha256)?;
        Ok(Fresh::new(challenge))
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
        let result = result.and_then(|c| check_notice(&c, &self.shown_sha256).map(|()| c));
        let report = match result {
            Ok(c) => {
                self.preload_key(&c.sub);
                let (policy, decision) = (c.policy, c.decision.clone());
                self.slot.replace(Slot::Ready(Box::new(Fresh::new(c))));
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
