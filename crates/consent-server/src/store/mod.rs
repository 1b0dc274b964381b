//! Durable state in SQLite: sessions, challenges (nonces), decisions, key bindings and
//! the ledger. Every decision is checked and appended in one IMMEDIATE transaction,
//! committed with `synchronous=FULL` before the client hears back, so nothing
//! acknowledged is lost on a crash and two submissions of one nonce cannot both win.

use crate::signer::LedgerSigner;
use consent_core::merkle::{self, Hash};
use consent_core::verify::Verified;
use consent_core::NoticeRef;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde_json::json;
use std::path::Path;
use std::sync::Mutex;

/// Why the stateful checks refused a decision.
#[derive(Debug, PartialEq, Eq)]
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
pub struct Recorded {
    pub receipt: serde_json::Value,
    pub created: bool,
}

/// One row of a subject's history.
#[derive(serde::Serialize)]
pub struct DecisionRow {
    pub index: u64,
    pub jti: String,
    pub choice: String,
    pub notice: serde_json::Value,
    pub received_at: String,
    pub token: String,
}

struct Inner {
    conn: Connection,
    /// Every leaf hash, in order: proofs and roots are computed from these.
    leaves: Vec<Hash>,
}

pub struct Store {
    inner: Mutex<Inner>,
}

pub type StoreResult<T> = Result<T, String>;

fn db_err(e: rusqlite::Error) -> String {
    format!("database: {e}")
}

impl Store {
    pub fn open(path: &Path) -> StoreResult<Store> {
        let conn = Connection::open(path)
            .map_err(|e| format!("cannot open the database {}: {e}", path.display()))?;
        conn.execute_batch(
            "PRAGMA journal_mode=WAL;
             PRAGMA synchronous=FULL;
             PRAGMA foreign_keys=ON;
             PRAGMA busy_timeout=5000;
             CREATE TABLE IF NOT EXISTS sessions (
               id TEXT PRIMARY KEY, user TEXT NOT NULL, created_at INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS nonces (
               nonce TEXT PRIMARY KEY, session_id TEXT NOT NULL, sub TEXT NOT NULL,
               notice_id TEXT NOT NULL, notice_ver INTEGER NOT NULL, notice_lang TEXT NOT NULL,
               notice_sha256 TEXT NOT NULL, expires_at INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0);
             CREATE TABLE IF NOT EXISTS ledger (
               idx INTEGER PRIMARY KEY, leaf TEXT NOT NULL, leaf_hash BLOB NOT NULL);
             CREATE TABLE IF NOT EXISTS decisions (
               jti TEXT PRIMARY KEY, sub TEXT NOT NULL, choice TEXT NOT NULL,
               idx INTEGER NOT NULL UNIQUE REFERENCES ledger(idx), token TEXT NOT NULL,
               notice TEXT NOT NULL, received_at TEXT NOT NULL, receipt TEXT NOT NULL);
             CREATE INDEX IF NOT EXISTS decisions_sub ON decisions(sub, idx);
             CREATE TABLE IF NOT EXISTS key_bindings (
               sub TEXT PRIMARY KEY, thumbprint TEXT NOT NULL, bound_at INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS key_changes (
               sub TEXT NOT NULL, old_thumbprint TEXT NOT NULL, new_thumbprint TEXT NOT NULL,
               changed_at INTEGER NOT NULL);",
        )
        .map_err(|e| format!("cannot prepare the database {}: {e}", path.display()))?;
        let leaves = {
            let mut stmt = conn
                .prepare("SELECT idx, leaf_hash FROM ledger ORDER BY idx")
                .map_err(db_err)?;
            let rows = stmt
                .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))
                .map_err(db_err)?;
            let mut leaves = Vec::new();
            for (i, row) in rows.enumerate() {
                let (idx, hash) = row.map_err(db_err)?;
                let hash: Hash = hash
                    .try_into()
                    .map_err(|_| format!("ledger leaf {idx} has a malformed hash"))?;
                if idx as usize != i {
                    return Err(format!("ledger has a gap before leaf {idx}"));
                }
                leaves.push(hash);
            }
            leaves
        };
        Ok(Store {
            inner: Mutex::new(Inner { conn, leaves }),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave SQLite half-written (the
        // transaction rolls back), so the data behind a poisoned lock is still sound.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn create_session(&self, id: &str, user: &str, now: u64) -> StoreResult<()> {
        self.lock()
            .conn
            .execute(
                "INSERT INTO sessions (id, user, created_at) VALUES (?1, ?2, ?3)",
                params![id, user, now as i64],
            )
            .map(|_| ())
            .map_err(db_err)
    }

    pub fn session_user(&self, id: &str) -> StoreResult<Option<String>> {
        self.lock()
            .conn
            .query_row("SELECT user FROM sessions WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(db_err)
    }

    pub fn issue_nonce(
        &self,
        nonce: &str,
        session_id: &str,
        sub: &str,
        notice: &NoticeRef,
        expires_at: u64,
    ) -> StoreResult<()> {
        self.lock()
            .conn
            .execute(
                "INSERT INTO nonces (nonce, session_id, sub, notice_id, notice_ver, notice_lang, notice_sha256, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![nonce, session_id, sub, notice.id, notice.ver, notice.lang, notice.sha256, expires_at as i64],
            )
            .map(|_| ())
            .map_err(db_err)
    }

    /// The stateful checks of DESIGN section 5 and the ledger append, atomically.
    pub fn record_decision(
        &self,
        v: &Verified,
        token: &str,
        session_id: &str,
        now: u64,
        signer: &LedgerSigner,
    ) -> StoreResult<Result<Recorded, Refusal>> {
        let mut inner = self.lock();
        let Inner { conn, leaves } = &mut *inner;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db_err)?;
        let c = &v.claims;

        let existing: Option<(String, String)> = tx
            .query_row(
                "SELECT token, receipt FROM decisions WHERE jti = ?1",
                [&c.jti],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(db_err)?;
        if let Some((recorded, receipt)) = existing {
            // The same token again is a re-send after a lost answer: same receipt.
            if recorded != token {
                return Ok(Err(Refusal::JtiReused));
            }
            let receipt = serde_json::from_str(&receipt).map_err(|e| e.to_string())?;
            return Ok(Ok(Recorded {
                receipt,
                created: false,
            }));
        }

        type NonceRow = (String, String, i64, bool, String, u32, String, String);
        let nonce: Option<NonceRow> = tx
            .query_row(
                "SELECT session_id, sub, expires_at, used, notice_id, notice_ver, notice_lang, notice_sha256
                 FROM nonces WHERE nonce = ?1",
                [&c.nonce],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?)),
            )
            .optional()
            .map_err(db_err)?;
        let Some((nonce_session, nonce_sub, expires_at, used, n_id, n_ver, n_lang, n_sha)) = nonce
        else {
            return Ok(Err(Refusal::UnknownNonce));
        };
        if used {
            return Ok(Err(Refusal::NonceReplayed));
        }
        if (expires_at as u64) < now {
            return Ok(Err(Refusal::NonceExpired));
        }
        if nonce_session != session_id {
            return Ok(Err(Refusal::WrongSession));
        }
        if nonce_sub != c.sub {
            return Ok(Err(Refusal::WrongSubject));
        }
        tx.execute("UPDATE nonces SET used = 1 WHERE nonce = ?1", [&c.nonce])
            .map_err(db_err)?;

        let bound: Option<String> = tx
            .query_row(
                "SELECT thumbprint FROM key_bindings WHERE sub = ?1",
                [&c.sub],
                |r| r.get(0),
            )
            .optional()
            .map_err(db_err)?;
        match bound {
            None => {
                tx.execute(
                    "INSERT INTO key_bindings (sub, thumbprint, bound_at) VALUES (?1, ?2, ?3)",
                    params![c.sub, v.thumbprint, now as i64],
                )
                .map_err(db_err)?;
            }
            Some(old) if old != v.thumbprint => {
                tracing::warn!(sub = %c.sub, %old, new = %v.thumbprint, "key change for subject");
                tx.execute(
                    "INSERT INTO key_changes (sub, old_thumbprint, new_thumbprint, changed_at) VALUES (?1, ?2, ?3, ?4)",
                    params![c.sub, old, v.thumbprint, now as i64],
                )
                .and_then(|_| {
                    tx.execute(
                        "UPDATE key_bindings SET thumbprint = ?2, bound_at = ?3 WHERE sub = ?1",
                        params![c.sub, v.thumbprint, now as i64],
                    )
                })
                .map_err(db_err)?;
            }
            Some(_) => {}
        }

        let offered = NoticeRef {
            id: n_id,
            ver: n_ver,
            lang: n_lang,
            sha256: n_sha,
        };
        if offered != c.notice {
            return Ok(Err(Refusal::NoticeNotOffered));
        }

        let index = leaves.len() as u64;
        let received_at = rfc3339(now);
        // The leaf: the verbatim token, when it arrived, and the key's thumbprint; no
        // other personal data.
        let leaf =
            json!({"token": token, "received_at": received_at, "key_thumbprint": v.thumbprint})
                .to_string();
        let leaf_hash = merkle::leaf_hash(leaf.as_bytes());
        leaves.push(leaf_hash);
        let receipt = receipt(signer, &c.jti, index, leaves);
        let notice = serde_json::to_string(&c.notice).map_err(|e| e.to_string())?;
        let written = tx
            .execute(
                "INSERT INTO ledger (idx, leaf, leaf_hash) VALUES (?1, ?2, ?3)",
                params![index as i64, leaf, leaf_hash.to_vec()],
            )
            .and_then(|_| {
                tx.execute(
                    "INSERT INTO decisions (jti, sub, choice, idx, token, notice, received_at, receipt)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![c.jti, c.sub, c.choice.as_str(), index as i64, token, notice, received_at, receipt.to_string()],
                )
            })
            .and_then(|_| tx.commit());
        if let Err(e) = written {
            leaves.pop();
            return Err(db_err(e));
        }
        Ok(Ok(Recorded {
            receipt,
            created: true,
        }))
    }

    /// The subject's decisions, oldest first (ledger order).
    pub fn history(&self, sub: &str) -> StoreResult<Vec<DecisionRow>> {
        let inner = self.lock();
        let mut stmt = inner
            .conn
            .prepare("SELECT idx, jti, choice, notice, received_at, token FROM decisions WHERE sub = ?1 ORDER BY idx")
            .map_err(db_err)?;
        let rows = stmt
            .query_map([sub], |r| {
                Ok(DecisionRow {
                    index: r.get::<_, i64>(0)? as u64,
                    jti: r.get(1)?,
                    choice: r.get(2)?,
                    notice: serde_json::from_str(&r.get::<_, String>(3)?).unwrap_or_default(),
                    received_at: r.get(4)?,
                    token: r.get(5)?,
                })
            })
            .map_err(db_err)?;
        rows.collect::<Result<_, _>>().map_err(db_err)
    }

    /// Runs `f` over the leaf hashes (for roots and proofs).
    pub fn with_leaves<T>(&self, f: impl FnOnce(&[Hash]) -> T) -> T {
        f(&self.lock().leaves)
    }

    /// Ledger entries `[start, end)`: the leaf data exactly as hashed.
    pub fn entries(&self, start: u64, end: u64) -> StoreResult<Vec<(u64, String)>> {
        let inner = self.lock();
        let mut stmt = inner
            .conn
            .prepare("SELECT idx, leaf FROM ledger WHERE idx >= ?1 AND idx < ?2 ORDER BY idx")
            .map_err(db_err)?;
        let rows = stmt
            .query_map(params![start as i64, end as i64], |r| {
                Ok((r.get::<_, i64>(0)? as u64, r.get(1)?))
            })
            .map_err(db_err)?;
        rows.collect::<Result<_, _>>().map_err(db_err)
    }
}

/// What a client keeps as proof its decision is in the ledger: the leaf index, a
/// signed checkpoint of the tree that includes it, the inclusion proof, and the
/// server's signature over all of it.
pub fn receipt(signer: &LedgerSigner, jti: &str, index: u64, leaves: &[Hash]) -> serde_json::Value {
    use base64ct::{Base64, Encoding};
    let size = leaves.len() as u64;
    let root = merkle::root(leaves);
    let proof: Vec<String> = merkle::inclusion_proof(index as usize, leaves)
        .iter()
        .map(|h| Base64::encode_string(h))
        .collect();
    let leaf_hash = Base64::encode_string(&leaves[index as usize]);
    let root_b64 = Base64::encode_string(&root);
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
        "checkpoint": signer.checkpoint(size, &root),
        "signature": signer.sign(statement.as_bytes()),
    })
}

pub fn rfc3339(unix_secs: u64) -> String {
    humantime::format_rfc3339_seconds(
        std::time::UNIX_EPOCH + std::time::Duration::from_secs(unix_secs),
    )
    .to_string()
}
