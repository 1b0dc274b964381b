//! Recording a decision: the checks that need state, in the order of docs/DESIGN.md,
//! Verification order, then the append. Written once, over the store's [`LedgerTx`],
//! and run by either store's writer thread inside its transaction.

use super::{receipt, Appended, LedgerSigner, Refusal, Staged};
use crate::admission::WriterSlot;
use crate::nonce::Opened;
use crate::store::{
    AppendJob, LedgerTx, NewDecision, NewKeyChange, SignedHead, Storage, StoreError, StoreResult,
};
use crate::time::rfc3339;
use consent_core::merkle::{self, Hash};
use consent_core::verify::Verified;
use std::sync::Arc;
use tokio::sync::oneshot;

/// A decision that passed every stateless check, on its way to the ledger.
pub struct Decision {
    pub verified: Verified,
    /// The compact token, verbatim: it goes into the leaf.
    pub token: String,
    /// Who sent it: the demo session, or `header:<sub>` (see `crate::identity`).
    pub session_id: String,
    /// The subject of whoever sent it: a re-sent token is answered only to its own
    /// subject.
    pub sender_sub: String,
    /// Its nonce opened with this server's key (`crate::nonce`): `None` when this
    /// server never issued it that way, in which case the challenges a server before
    /// stateless nonces stored are looked up.
    pub nonce: Option<Opened>,
    /// When it arrived, Unix seconds.
    pub now: u64,
    /// How its `iat` and arrival are judged against its challenge.
    pub timing: ChallengeTiming,
    /// Its room in the writer's queue, freed when the decision is answered.
    pub slot: WriterSlot,
}

/// The server's rules for when a challenge may be answered (docs/DESIGN.md,
/// Verification order), from its configuration.
#[derive(Clone, Copy, Debug)]
pub struct ChallengeTiming {
    /// How long after issue a challenge expires (`nonce_ttl_secs`). Challenges store
    /// only their expiry, so the issue time is the expiry less this: a TTL changed
    /// since shifts the window of challenges issued before the change.
    pub ttl_secs: u64,
    /// How far `iat` may fall outside the challenge's life (`max_skew_secs`).
    pub leeway_secs: i64,
    /// How long after expiry a decision made in time is still taken
    /// (`delivery_grace_secs`).
    pub grace_secs: u64,
}

/// A recorded decision's receipt, and whether this call recorded it.
#[derive(Debug)]
pub struct Recorded {
    pub receipt: consent_core::Receipt,
    /// `false` for a re-sent token: it was recorded before, and this is its receipt.
    pub created: bool,
}

/// What the ledger answers about one decision: recorded, refused, or a store failure
/// (after which nothing was recorded).
pub type Outcome = StoreResult<Result<Recorded, Refusal>>;

/// Records `decision`: queues it for the store's ledger writer and waits until the
/// transaction that holds it is durable. Cancel-safe in the sense that matters: a
/// caller that stops waiting leaves the decision recorded or not, never half-written.
pub async fn record(store: &dyn Storage, signer: Arc<LedgerSigner>, decision: Decision) -> Outcome {
    let (reply, answer) = oneshot::channel();
    store.append(Box::new(Job {
        decision,
        signer,
        reply,
        found: None,
        outcome: None,
    }));
    answer.await.unwrap_or(Err(StoreError::Stopped(
        "the ledger writer dropped a decision",
    )))
}

/// A decision as the writer thread's [`AppendJob`]: it runs the checks and the append
/// in the store's transaction, writes its receipt once the round's tree is known, and
/// answers once the store says the transaction's fate is sealed.
struct Job {
    decision: Decision,
    signer: Arc<LedgerSigner>,
    reply: oneshot::Sender<Outcome>,
    /// Set by `run`, for `seal`.
    found: Option<Found>,
    /// Set by `seal`, sent by `finish`.
    outcome: Option<Result<Recorded, Refusal>>,
}

/// What the checks found.
enum Found {
    Refused(Refusal),
    /// Recorded before: its stored receipt, empty when an earlier job of this same
    /// round recorded it (a re-send that overtook its own answer).
    Again(String),
    /// Appended this round.
    Appended {
        index: u64,
        leaf_hash: Hash,
        /// Its path when appended: its left siblings.
        path: Vec<Hash>,
        received_at: String,
    },
}

impl AppendJob for Job {
    fn run(&mut self, tx: &mut dyn LedgerTx, staged: &mut Staged) -> StoreResult<bool> {
        let found = check_and_append(tx, staged, &self.decision)?;
        let keep = matches!(found, Found::Appended { .. });
        self.found = Some(found);
        Ok(keep)
    }

    fn seal(
        &mut self,
        tx: &mut dyn LedgerTx,
        staged: &Staged,
        head: Option<&SignedHead>,
    ) -> StoreResult<()> {
        let (v, c) = (&self.decision.verified, &self.decision.verified.claims);
        let outcome = match self.found.take() {
            None => return Ok(()),
            Some(Found::Refused(refusal)) => Err(refusal),
            Some(Found::Again(mut stored)) => {
                if stored.is_empty() {
                    // Its round is this one, whose earlier jobs are sealed by now.
                    stored = tx
                        .decision_by_jti(&c.jti)?
                        .map(|(_, r)| r)
                        .unwrap_or_default();
                }
                let receipt = serde_json::from_str(&stored)
                    .map_err(StoreError::encoding("a stored receipt"))?;
                Ok(Recorded {
                    receipt,
                    created: false,
                })
            }
            Some(Found::Appended {
                index,
                leaf_hash,
                path,
                received_at,
            }) => {
                let proof = staged.prove(index, &path)?;
                // The round's signed head; a store not yet signing heads (before the
                // start-up audit adopted the ledger) leaves the receipt to sign its own.
                let checkpoint = match head {
                    Some(head) => head.checkpoint.clone(),
                    None => self.signer.checkpoint(staged.size(), &staged.root()),
                };
                let receipt = receipt(
                    &c.jti,
                    index,
                    &received_at,
                    &v.thumbprint,
                    &leaf_hash,
                    &proof,
                    checkpoint,
                );
                let json =
                    serde_json::to_string(&receipt).map_err(StoreError::encoding("the receipt"))?;
                tx.put_receipt(&c.jti, &json)?;
                Ok(Recorded {
                    receipt,
                    created: true,
                })
            }
        };
        self.outcome = Some(outcome);
        Ok(())
    }

    fn finish(self: Box<Self>, result: StoreResult<()>) {
        let Job { reply, outcome, .. } = *self;
        let outcome = result.and_then(|()| {
            outcome.ok_or(StoreError::Stopped(
                "the ledger writer finished a decision it never sealed",
            ))
        });
        // A caller who stopped waiting (a dropped request) is no error: the decision
        // stays recorded, and re-sending the token returns its receipt.
        let _ = reply.send(outcome);
    }
}

/// The checks in their order, then the append. `staged` is the tree as this process
/// knows it; it is brought up to date from the database first (other instances may
/// have appended) and gets the new leaf.
fn check_and_append(
    tx: &mut dyn LedgerTx,
    staged: &mut Staged,
    d: &Decision,
) -> StoreResult<Found> {
    let (v, c) = (&d.verified, &d.verified.claims);
    tx.lock_ledger()?;
    // A recorded jti is answered first, whatever the clock and whether or not its
    // challenge is still kept: a re-send after a lost answer gets its receipt.
    if let Some((recorded, receipt)) = tx.decision_by_jti(&c.jti)? {
        // The same decision is the same signing input: ECDSA signatures are
        // malleable, so a copy with (r, n-s) that landed first is this decision too.
        let same = consent_core::token::signing_input(&recorded)
            .is_some_and(|input| Some(input) == consent_core::token::signing_input(&d.token));
        if !same {
            return Ok(Found::Refused(Refusal::JtiReused));
        }
        // The token names its subject; only that subject hears its receipt. The
        // session is not compared: the one that sent it first may have ended.
        if d.sender_sub != c.sub {
            return Ok(Found::Refused(Refusal::WrongSubject));
        }
        return Ok(Found::Again(receipt));
    }
    let refused = |r| Ok(Found::Refused(r));
    let Some(nonce) = issued(tx, d)? else {
        return refused(Refusal::UnknownNonce);
    };
    if nonce.used {
        return refused(Refusal::NonceReplayed);
    }
    if !nonce.session_ok {
        return refused(Refusal::WrongSession);
    }
    if !nonce.sub_ok {
        return refused(Refusal::WrongSubject);
    }
    // Freshness is the challenge's: decided while it was live (on the server's
    // clock), delivered within the grace after it expired.
    let t = d.timing;
    let expires_at = i64::try_from(nonce.expires_at).unwrap_or(i64::MAX);
    let issued_at = expires_at.saturating_sub(i64::try_from(t.ttl_secs).unwrap_or(i64::MAX));
    if consent_core::freshness::check_iat(c.iat, issued_at, expires_at, t.leeway_secs).is_err() {
        return refused(Refusal::IatOutsideChallenge);
    }
    if nonce.expires_at.saturating_add(t.grace_secs) < d.now {
        return refused(Refusal::NonceExpired);
    }
    // Spent before the last check; a refusal rolls the job back, spending included.
    match &d.nonce {
        Some(opened) => tx.spend_nonce(&opened.id, opened.expires_at)?,
        None => tx.use_nonce(&c.nonce)?,
    }
    if !nonce.notice_ok {
        return refused(Refusal::NoticeNotOffered);
    }

    for leaf in tx.leaves_since(staged.size())? {
        staged.push(leaf);
    }
    let received_at = rfc3339(d.now);
    match tx.bound_key(&c.sub)? {
        None => tx.bind_key(&c.sub, &v.thumbprint, d.now)?,
        Some(old) if old != v.thumbprint => {
            tracing::warn!(sub = %c.sub, %old, new = %v.thumbprint, "key change for subject");
            append_key_change(tx, staged, &c.sub, &old, &v.thumbprint, d.now)?;
            tx.bind_key(&c.sub, &v.thumbprint, d.now)?;
        }
        Some(_) => {}
    }
    let index = staged.size();
    let leaf = leaf(&d.token, &received_at, &v.thumbprint);
    let leaf_hash = merkle::leaf_hash(leaf.as_bytes());
    let Appended { path, nodes } = staged.push(leaf_hash);
    let notice =
        serde_json::to_string(&c.notice).map_err(StoreError::encoding("the token's notice"))?;
    tx.append(&NewDecision {
        index,
        leaf: &leaf,
        leaf_hash: &leaf_hash,
        nodes: &nodes,
        jti: &c.jti,
        sub: &c.sub,
        choice: c.choice.as_str(),
        token: &d.token,
        notice: &notice,
        received_at: &received_at,
    })?;
    Ok(Found::Appended {
        index,
        leaf_hash,
        path,
        received_at,
    })
}

/// The challenge a decision answers, as far as the checks need it.
struct Issued {
    used: bool,
    session_ok: bool,
    sub_ok: bool,
    notice_ok: bool,
    /// Unix seconds.
    expires_at: u64,
}

/// The decision's challenge: from its nonce, or, for a nonce this server did not
/// issue statelessly, from the challenges stored by servers before stateless nonces
/// (so that decisions signed on them before an upgrade still record, until the
/// delivery grace sweeps them); `None` when neither knows it.
fn issued(tx: &mut dyn LedgerTx, d: &Decision) -> StoreResult<Option<Issued>> {
    let c = &d.verified.claims;
    if let Some(o) = &d.nonce {
        return Ok(Some(Issued {
            used: tx.nonce_spent(&o.id)?,
            session_ok: o.session_ok,
            sub_ok: o.sub_ok,
            notice_ok: o.notice_ok,
            expires_at: o.expires_at,
        }));
    }
    Ok(tx.nonce(&c.nonce)?.map(|row| Issued {
        used: row.used,
        session_ok: row.session_id == d.session_id,
        sub_ok: row.sub == c.sub,
        notice_ok: row.notice == c.notice,
        expires_at: row.expires_at,
    }))
}

/// A new device key is evidence in its own right: a leaf of its own (old and new
/// thumbprint, when), just before the decision signed with the new key, in the same
/// transaction, proved like any other and exported with the subject's decisions.
fn append_key_change(
    tx: &mut dyn LedgerTx,
    staged: &mut Staged,
    sub: &str,
    old: &str,
    new: &str,
    now: u64,
) -> StoreResult<()> {
    let leaf = consent_core::leaf::key_change(sub, old, new, &rfc3339(now));
    let leaf_hash = merkle::leaf_hash(leaf.as_bytes());
    let index = staged.size();
    let Appended { nodes, .. } = staged.push(leaf_hash);
    tx.append_key_change(&NewKeyChange {
        index,
        leaf: &leaf,
        leaf_hash: &leaf_hash,
        nodes: &nodes,
        sub,
        old_thumbprint: old,
        new_thumbprint: new,
        changed_at: now,
    })
}

/// The leaf: the verbatim token, when it arrived, and the key's thumbprint; no other
/// personal data (see docs/DESIGN.md, Ledger). Its bytes are what gets hashed, so how
/// it is written is part of the ledger's format (pinned by `consent_core::leaf`'s tests).
fn leaf(token: &str, received_at: &str, thumbprint: &str) -> String {
    consent_core::leaf::decision(token, received_at, thumbprint)
}
