//! Turning a choice into a signed decision the backend has acknowledged, losing nothing:
//! the token is written to a durable outbox before it is sent, re-sent with the same
//! `jti` until the backend answers, and removed only once it has.
//!
//! The widget sees one [`Courier`] per mount: it calls [`Courier::deliver`] once per
//! decision and hears back through [`Report`]s. Challenges, keys, the outbox and retries
//! stay in here.

mod backend;
mod challenge;
mod clock;
mod localize;
mod outbox;
mod receipt;
mod report;
mod retry;
mod signer;
mod tasks;
mod vault;

pub use report::{Delivered, Refusal, Report, Reporter};

use backend::{Api, CallError};
use challenge::{Challenges, Fresh};
use consent_core::catalogue::Notice;
use consent_core::note::VerifierKey;
use consent_core::Choice;
use receipt::LedgerKey;
use signer::Signed;
use std::rc::Rc;
use tasks::Tasks;
use wasm_bindgen::JsValue;

/// Delivers one widget's decisions to its backend.
///
/// ```text
/// let courier = Courier::start(backend_url, get_headers, ledger_key, notice,
///     vec!["nl-BE".into()], Rc::new(|report| match report {
///         Report::Delivered(d) => { /* tell the host */ }
///         _ => {}
///     }));
/// courier.deliver(Choice::NotNow); // reports Pending while offline, then Delivered
/// courier.stop();                  // on destroy; the outbox keeps what is unsent
/// ```
pub struct Courier {
    api: Api,
    ledger_key: LedgerKey,
    challenges: Rc<Challenges>,
    tasks: Rc<Tasks>,
    report: Reporter,
}

impl Courier {
    /// Fetches the first challenge, with the notice's text in the first of `langs`
    /// (the reader's languages) it is written in, and re-sends what an earlier page
    /// left unsent. `notice` is the default locale's, with the host's link targets:
    /// its shape, and what is shown until the reader's text arrives. Receipts are
    /// checked against `ledger_key` when given, else against the key the backend
    /// publishes.
    pub fn start(
        backend: String,
        get_headers: Option<js_sys::Function>,
        ledger_key: Option<VerifierKey>,
        notice: &'static Notice,
        langs: Vec<String>,
        report: Reporter,
    ) -> Rc<Courier> {
        let tasks = Rc::new(Tasks::default());
        let api = Api::new(backend, get_headers);
        let challenges =
            Challenges::start(api.clone(), langs, notice, tasks.clone(), report.clone());
        let courier = Rc::new(Courier {
            ledger_key: LedgerKey::new(api.clone(), ledger_key),
            api,
            challenges,
            tasks,
            report,
        });
        courier.resend_unsent();
        courier
    }

    /// Whether the backend's word on the tenant policy is still on its way: `prompt()`
    /// waits for it rather than show a prompt the tenant may not allow.
    pub fn awaiting_policy(&self) -> bool {
        self.challenges.fetching()
    }

    /// Fetches a challenge again after [`Report::ChallengeFailed`]; reports how that
    /// went the same way.
    pub fn retry_challenge(&self) {
        self.challenges.refill();
    }

    /// Signs `choice`, keeps it in the outbox and sends it until the backend answers;
    /// ends with [`Report::Delivered`] or [`Report::Refused`].
    pub fn deliver(self: &Rc<Self>, choice: Choice) {
        // Taken now, not in the task: a second decision must not reuse this nonce.
        let ready = self.challenges.take();
        let me = self.clone();
        self.tasks.spawn(async move {
            if let Err(refused) = me.sign_and_send(ready, choice).await {
                (me.report)(Report::Refused(refused.into()));
            }
        });
    }

    /// Stops all delivery work. Signed decisions stay in the outbox for the next mount.
    pub fn stop(&self) {
        self.tasks.abort_all();
    }

    async fn sign_and_send(&self, ready: Option<Fresh>, choice: Choice) -> Result<(), CallError> {
        // A challenge that expired while the prompt was open cannot be answered: the
        // decision is made now, so it takes a new one.
        let ready = ready.and_then(|c| Some((c.iat_now()?, c)));
        let (iat, fresh) = match ready {
            Some(ready) => ready,
            None => {
                let pending = |_, reason| {
                    (self.report)(Report::Pending {
                        choice,
                        jti: None,
                        reason,
                    })
                };
                let fresh = self.challenges.fetch_now(pending).await?;
                let iat = fresh.iat_now().ok_or_else(|| {
                    CallError::local(
                        "bad-challenge",
                        "the backend's challenge expired as it was issued".into(),
                    )
                })?;
                (iat, fresh)
            }
        };
        let (challenge, notice) = (fresh.challenge, fresh.notice);
        // The nonce is single-use: get the next one now, while the backend is there.
        self.challenges.refill();
        let key = match self.challenges.key_for(&challenge.sub) {
            Some(key) => key,
            None => signer::device_key(&self.api.url, &challenge.sub).await?,
        };
        let signed = signer::sign(&key, &challenge, iat, notice, choice).await?;
        // The outbox write and the first send start together, so the token is on
        // the network without waiting for IndexedDB to commit. Closing the page
        // before that commit loses nothing the old order kept (then, the token
        // had not been sent at all); the entry goes only once both are done.
        let (_, outcome) =
            futures::future::join(outbox::keep(&self.api.url, &signed), self.send(&signed)).await;
        self.settle(signed, outcome).await;
        Ok(())
    }

    /// Sends what an earlier page signed but never got acknowledged.
    fn resend_unsent(self: &Rc<Self>) {
        let me = self.clone();
        self.tasks.spawn(async move {
            for signed in outbox::unsent(&me.api.url).await {
                let outcome = me.send(&signed).await;
                me.settle(signed, outcome).await;
            }
        });
    }

    /// Sends `signed` until the backend acknowledges or refuses it; the same token (same
    /// `jti`) every time, so the backend records it once however often it arrives.
    async fn send(&self, signed: &Signed) -> Result<JsValue, CallError> {
        let pending = |attempt, reason| {
            if attempt == 0 {
                (self.report)(Report::Pending {
                    choice: signed.choice,
                    jti: Some(signed.jti.clone()),
                    reason,
                });
            }
        };
        retry::until_answered(|| self.api.send_decision(&signed.token), pending).await
    }

    /// Checks the receipt of an acknowledged decision, removes the answered decision
    /// from the outbox, then reports the answer. A receipt that does not verify is a
    /// refusal (`receipt-invalid`), never an acknowledgement.
    async fn settle(&self, signed: Signed, outcome: Result<JsValue, CallError>) {
        let outcome = match outcome {
            Ok(receipt) => self.verified(&signed, receipt).await,
            refused => refused,
        };
        // Forgotten on a bad receipt too. Kept, the token would be re-sent by every
        // later mount, after the user, told it was not recorded, had decided again: if
        // the backend had in fact not recorded it, that re-send would put the older
        // choice in the ledger after the newer one. Forgotten, the user's next decision
        // (new jti, fresh challenge) is the one that counts; if the backend did record
        // this one, it stays in the ledger, earlier. See docs/DESIGN.md, Receipts.
        outbox::forget(&signed.jti).await;
        (self.report)(match outcome {
            Ok(receipt) => Report::Delivered(Delivered {
                choice: signed.choice,
                jti: signed.jti,
                token: signed.token,
                receipt,
            }),
            Err(refused) => Report::Refused(refused.into()),
        });
    }

    /// `receipt` once it proves `signed` is in the ledger. Waiting for the published
    /// key leaves the token in the outbox, so a page closed meanwhile re-sends it and
    /// gets its receipt again.
    async fn verified(&self, signed: &Signed, receipt: JsValue) -> Result<JsValue, CallError> {
        let key = self.ledger_key.get().await?;
        receipt::verify(&receipt, signed, &key).await?;
        Ok(receipt)
    }
}
