//! Durable state: sessions, challenges (nonces), decisions, key bindings and the
//! ledger, behind [`Storage`]. SQLite is the default; PostgreSQL lets several
//! stateless server instances share one ledger.
//!
//! The checks a decision goes through are written once, in [`record`], over the small
//! transactional interface [`LedgerTx`] that each backend implements. A decision is
//! acknowledged only after its transaction, which consumes the nonce and appends the
//! leaf, has committed durably.

mod error;
mod pg;
mod sqlite;
mod writer;

pub use self::error::{StoreError, StoreResult};
pub use self::pg::PostgresStore;
pub use self::sqlite::SqliteStore;
pub use self::writer::{Outcome, Pending};

use crate::signer::LedgerSigner;
use crate::time::rfc3339;
use consent_core::merkle::{self, Frontier, Hash};
use consent_core::verify::Verified;
use consent_core::NoticeRef;
use serde_json::json;

/// What the server keeps, whatever it keeps it in.
pub trait Storage: Send + Sync {
    fn create_session(&self, id: &str, user: &str, now: u64) -> StoreResult<()>;
    fn session_user(&self, id: &str) -> StoreResult<Option<String>>;
    fn issue_nonce(&self, nonce: &Nonce) -> StoreResult<()>;
    /// The stateful checks of DESIGN section 5 and the ledger append, atomically.
    /// Never blocks, so async code may call it: the answer goes to `pending.reply`
    /// once it is durable (or has failed).
    fn record_decision(&self, pending: Pending);
    /// The subject's decisions, oldest first (ledger order).
    fn history(&self, sub: &str) -> StoreResult<Vec<DecisionRow>>;
    /// Every leaf hash, in order (roots and proofs are computed from these).
    fn leaves(&self) -> StoreResult<Vec<Hash>>;
    /// The tree's size and root, without copying every leaf hash.
    fn tree_head(&self) -> StoreResult<(u64, Hash)> {
        let leaves = self.leaves()?;
        Ok((leaves.len() as u64, merkle::root(&leaves)))
    }
    /// Ledger entries `[start, end)`: the leaf data exactly as hashed.
    fn entries(&self, start: u64, end: u64) -> StoreResult<Vec<(u64, String)>>;
    /// Forgets challenges that expired before `nonces_before` and sessions created
    /// before `sessions_before` (both Unix seconds); returns how many rows went.
    /// Decisions, key bindings and the ledger are evidence and are never swept.
    fn sweep(&self, nonces_before: u64, sessions_before: u64) -> StoreResult<u64>;
}

/// A challenge as issued.
pub struct Nonce {
    pub nonce: String,
    pub session_id: String,
    pub sub: String,
    pub notice: NoticeRef,
    pub expires_at: u64,
}

/// A stored challenge, as [`record`] needs it.
pub struct NonceRow {
    pub session_id: String,
    pub sub: String,
    pub expires_at: u64,
    pub used: bool,
    pub notice: NoticeRef,
}

/// What gets written for an accepted decision.
pub struct NewDecision<'a> {
    pub index: u64,
    pub leaf: &'a str,
    pub leaf_hash: &'a Hash,
    pub jti: &'a str,
    pub sub: &'a str,
    pub choice: &'a str,
    pub token: &'a str,
    pub notice: &'a str,
    pub received_at: &'a str,
    pub receipt: &'a str,
}

/// The operations [`record`] runs inside one transaction.
pub trait LedgerTx {
    /// Serialises appenders (across server instances, for a shared database).
    fn lock_ledger(&mut self) -> StoreResult<()>;
    /// `(token, receipt)` of the decision with this `jti`.
    fn decision_by_jti(&mut self, jti: &str) -> StoreResult<Option<(String, String)>>;
    fn nonce(&mut self, nonce: &str) -> StoreResult<Option<NonceRow>>;
    fn use_nonce(&mut self, nonce: &str) -> StoreResult<()>;
    fn bound_key(&mut self, sub: &str) -> StoreResult<Option<String>>;
    /// Binds `thumbprint` to `sub`; `previous` is the key it replaces, logged as a
    /// key change.
    fn bind_key(
        &mut self,
        sub: &str,
        thumbprint: &str,
        previous: Option<&str>,
        now: u64,
    ) -> StoreResult<()>;
    /// Leaf hashes from index `from` on, in order.
    fn leaves_since(&mut self, from: u64) -> StoreResult<Vec<Hash>>;
    fn append(&mut self, d: &NewDecision) -> StoreResult<()>;
}

/// Why the stateful checks refused a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    UnknownNonce,
    NonceReplayed,
    NonceExpired,
    WrongSession,
    WrongSubject,
    JtiReused,
    NoticeNotOffered,
}

impl Refusal {
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::UnknownNonce => "unknown-nonce",
            Refusal::NonceReplayed => "nonce-replayed",
            Refusal::NonceExpired => "nonce-expired",
            Refusal::WrongSession => "wrong-session",
            Refusal::WrongSubject => "wrong-subject",
            Refusal::JtiReused => "jti-reused",
            Refusal::NoticeNotOffered => "notice-not-offered",
        }
    }

    pub fn detail(&self) -> &'static str {
        match self {
            Refusal::UnknownNonce => "this backend never issued the token's nonce",
            Refusal::NonceReplayed => "the token's challenge was already answered",
            Refusal::NonceExpired => "the token's challenge has expired; ask for a new one",
            Refusal::WrongSession => "the challenge was issued to another session",
            Refusal::WrongSubject => {
                "the token's subject is not the one the challenge was issued to"
            }
            Refusal::JtiReused => "a different decision with this jti was already recorded",
            Refusal::NoticeNotOffered => "the token's notice is not the one this challenge offered",
        }
    }
}

/// A recorded decision's receipt, and whether this call recorded it.
#[derive(Debug)]
pub struct Recorded {
    pub receipt: serde_json::Value,
    pub created: bool,
    /// Leaf hashes this transaction appended or learnt of (other instances' appends,
    /// then its own), for the caller's cache once committed.
    pub appended: Vec<Hash>,
}

/// One row of a subject's history.
#[derive(Debug, serde::Serialize)]
pub struct DecisionRow {
    pub index: u64,
    pub jti: String,
    pub choice: String,
    pub notice: serde_json::Value,
    pub received_at: String,
    pub token: String,
}

/// The checks of DESIGN section 5 that need state, in its order, then the append.
/// `staged` is a copy of the tree's frontier as this process knows it; it is brought up
/// to date from the database first (other instances may have appended) and gets the
/// new leaf. The caller commits when this returns a created record, then adopts
/// `staged` and the record's `appended` hashes; otherwise it rolls back and drops them.
pub fn record(
    tx: &mut dyn LedgerTx,
    staged: &mut Frontier,
    v: &Verified,
    token: &str,
    session_id: &str,
    now: u64,
    signer: &LedgerSigner,
) -> StoreResult<Result<Recorded, Refusal>> {
    let c = &v.claims;
    tx.lock_ledger()?;
    if let Some((recorded, receipt)) = tx.decision_by_jti(&c.jti)? {
        // The same token again is a re-send after a lost answer: same receipt.
        if recorded != token {
            return Ok(Err(Refusal::JtiReused));
        }
        let receipt =
            serde_json::from_str(&receipt).map_err(StoreError::encoding("a stored receipt"))?;
        return Ok(Ok(Recorded {
            receipt,
            created: false,
            appended: Vec::new(),
        }));
    }
    let Some(nonce) = tx.nonce(&c.nonce)? else {
        return Ok(Err(Refusal::UnknownNonce));
    };
    if nonce.used {
        return Ok(Err(Refusal::NonceReplayed));
    }
    if nonce.expires_at < now {
        return Ok(Err(Refusal::NonceExpired));
    }
    if nonce.session_id != session_id {
        return Ok(Err(Refusal::WrongSession));
    }
    if nonce.sub != c.sub {
        return Ok(Err(Refusal::WrongSubject));
    }
    tx.use_nonce(&c.nonce)?;
    match tx.bound_key(&c.sub)? {
        None => tx.bind_key(&c.sub, &v.thumbprint, None, now)?,
        Some(old) if old != v.thumbprint => {
            tracing::warn!(sub = %c.sub, %old, new = %v.thumbprint, "key change for subject");
            tx.bind_key(&c.sub, &v.thumbprint, Some(&old), now)?;
        }
        Some(_) => {}
    }
    if nonce.notice != c.notice {
        return Ok(Err(Refusal::NoticeNotOffered));
    }

    let mut appended = tx.leaves_since(staged.size())?;
    for leaf in &appended {
        staged.push(*leaf);
    }
    let index = staged.size();
    let received_at = rfc3339(now);
    // The leaf: the verbatim token, when it arrived, and the key's thumbprint; no
    // other personal data.
    let leaf = json!({"token": token, "received_at": received_at, "key_thumbprint": v.thumbprint})
        .to_string();
    let leaf_hash = merkle::leaf_hash(leaf.as_bytes());
    let proof = staged.push(leaf_hash);
    appended.push(leaf_hash);
    let receipt = receipt(signer, &c.jti, index, &leaf_hash, &proof, &staged.root());
    let notice =
        serde_json::to_string(&c.notice).map_err(StoreError::encoding("the token's notice"))?;
    tx.append(&NewDecision {
        index,
        leaf: &leaf,
        leaf_hash: &leaf_hash,
        jti: &c.jti,
        sub: &c.sub,
        choice: c.choice.as_str(),
        token,
        notice: &notice,
        received_at: &received_at,
        receipt: &receipt.to_string(),
    })?;
    Ok(Ok(Recorded {
        receipt,
        created: true,
        appended,
    }))
}

impl Pending {
    /// [`record`] for this decision, inside `tx`.
    pub fn record_in(&self, tx: &mut dyn LedgerTx, staged: &mut Frontier) -> Outcome {
        record(
            tx,
            staged,
            &self.verified,
            &self.token,
            &self.session_id,
            self.now,
            &self.signer,
        )
    }
}

/// What a client keeps as proof its decision is in the ledger: the leaf index, a
/// signed checkpoint of the tree that includes it, the inclusion proof, and the
/// server's signature over all of it.
/// `index` is the last leaf of the tree it names, as at the moment of its append.
pub fn receipt(
    signer: &LedgerSigner,
    jti: &str,
    index: u64,
    leaf: &Hash,
    proof: &[Hash],
    root: &Hash,
) -> serde_json::Value {
    use base64ct::{Base64, Encoding};
    let size = index + 1;
    let proof: Vec<String> = proof.iter().map(|h| Base64::encode_string(h)).collect();
    let leaf_hash = Base64::encode_string(leaf);
    let root_b64 = Base64::encode_string(root);
    // The signed statement, one field per line, so any client can rebuild it.
    let statement = format!(
        "consent-receipt/v1\n{jti}\n{index}\n{size}\n{leaf_hash}\n{root_b64}\n{}\n",
        proof.join(",")
    );
    json!({
        "jti": jti,
        "index": index,
        "tree_size": size,
        "leaf_hash": leaf_hash,
        "root_hash": root_b64,
        "inclusion_proof": proof,
        "checkpoint": signer.checkpoint(size, root),
        "signature": signer.sign(statement.as_bytes()),
    })
}

/// A stored leaf hash, which must be 32 bytes.
pub(crate) fn to_hash(bytes: Vec<u8>, index: i64) -> StoreResult<Hash> {
    bytes
        .try_into()
        .map_err(|_| StoreError::Corrupt(format!("ledger leaf {index} has a malformed hash")))
}

/// Ledger indices are gap-free: a missing one means rows were deleted.
pub(crate) fn gap(index: i64) -> StoreError {
    StoreError::Corrupt(format!("the ledger has a gap before leaf {index}"))
}
