//! The challenge for the next decision: fetched at mount and again after each use
//! (its nonce is single-use), with the device key for its subject loaded ahead of the
//! click so that signing does not wait for IndexedDB. The first challenge brings the
//! notice's text in the reader's language; a challenge for a notice other than the one
//! shown is refused as it arrives, before anyone is asked.

use super::backend::{challenge_request, Api, CallError, Challenge, Languages};
use super::clock::{self, monotonic_ms};
use super::localize;
use super::report::{Report, Reporter};
use super::retry;
use super::signer::{self, DeviceKey};
use super::tasks::Tasks;
use consent_core::catalogue::{LinkOverrides, Notice};
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// A challenge and when it arrived, on this page's monotonic clock: the decision's
/// `iat` is the backend's issue time carried forward by the time since
/// (consent_core::freshness), so a device whose clock is wrong still records.
pub struct Fresh {
    pub challenge: Challenge,
    /// The notice the user is shown while this challenge is the one answered: what
    /// the decision says they read.
    pub notice: &'static Notice,
    arrived_ms: f64,
}

impl Fresh {
    fn new(challenge: Challenge, notice: &'static Notice) -> Fresh {
        Fresh {
            challenge,
            notice,
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
    /// What each request says about language: the reader's languages until the
    /// backend has sent a locale's text, that locale from then on.
    langs: RefCell<Languages>,
    /// The link targets the host shows in place of the defaults.
    links: LinkOverrides,
    /// The notice shown and its digest as the backend named it, once the first
    /// challenge has brought its text: until then nothing is compared with it, since
    /// that challenge must bring text.
    shown: RefCell<Option<(&'static Notice, String)>>,
    slot: RefCell<Slot>,
    /// `(sub, key)`: the device key for the latest challenge's subject.
    key: RefCell<Option<(String, DeviceKey)>>,
    tasks: Rc<Tasks>,
    report: Reporter,
}

impl Challenges {
    /// Fetches the first challenge right away, with the notice's text in the first of
    /// `langs` it is written in and the link targets of `shape` (the notice without its
    /// words), or takes the page's preloaded answer to that request.
    pub fn start(
        api: Api,
        langs: Vec<String>,
        shape: &'static Notice,
        tasks: Rc<Tasks>,
        report: Reporter,
    ) -> Rc<Self> {
        let challenges = Rc::new_cyclic(|me| Challenges {
            me: me.clone(),
            api,
            langs: RefCell::new(Languages::Wanted(langs)),
            links: shape.overrides(),
            shown: RefCell::default(),
            slot: RefCell::new(Slot::Fetching),
            key: RefCell::default(),
            tasks,
            report,
        });
        challenges.fetch(true);
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
        let request = self.request();
        let challenge = retry::until_answered(|| self.api.challenge(&request), unreachable).await?;
        let notice = self.notice_for(&challenge)?;
        Ok(Fresh::new(challenge, notice))
    }

    /// Fetches the next challenge (again, after one could not be had).
    pub fn refill(&self) {
        self.fetch(false);
    }

    /// The first challenge may be the one the page preloaded before the widget
    /// existed; every later one is asked for when it is needed.
    fn fetch(&self, first: bool) {
        let Some(me) = self.me.upgrade() else { return };
        self.slot.replace(Slot::Fetching);
        self.tasks.spawn(async move {
            let request = me.request();
            let result = if first {
                me.api.first_challenge(&request).await
            } else {
                me.api.challenge(&request).await
            };
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

    fn request(&self) -> String {
        challenge_request(&self.langs.borrow(), &self.links)
    }

    /// The notice `challenge` is for: rebuilt from its text when it brings one (and
    /// shown from then on), else the one shown, if that is the notice it names.
    fn notice_for(&self, challenge: &Challenge) -> Result<&'static Notice, CallError> {
        if let Some(text) = &challenge.text {
            let notice = localize::notice(&challenge.notice, text, &self.links)?;
            *self.shown.borrow_mut() = Some((notice, challenge.notice.sha256.clone()));
            *self.langs.borrow_mut() = Languages::Chosen(notice.lang);
            return Ok(notice);
        }
        if matches!(*self.langs.borrow(), Languages::Wanted(_)) {
            return Err(CallError::local(
                "bad-challenge",
                "the backend's challenge carries no notice text (it predates text per locale)"
                    .into(),
            ));
        }
        match &*self.shown.borrow() {
            Some((shown, sha256)) if challenge.notice.sha256 == *sha256 => Ok(shown),
            _ => Err(localize::mismatch()),
        }
    }

    fn arrived(&self, result: Result<Challenge, CallError>) {
        let result = result.and_then(|c| Ok((self.notice_for(&c)?, c)));
        let report = match result {
            Ok((notice, c)) => {
                self.preload_key(&c.sub);
                let (policy, decision) = (c.policy, c.decision.clone());
                self.slot
                    .replace(Slot::Ready(Box::new(Fresh::new(c, notice))));
                Report::ChallengeReady {
                    policy,
                    decision,
                    notice,
                }
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
