//! Why a store operation failed.
//!
//! A hand-written enum rather than `thiserror`: eight variants do not pay for a
//! proc-macro dependency, and the Display texts are the messages operators read.

use std::error::Error;
use std::fmt;
use std::sync::Arc;

/// Why a store operation failed. Request handlers turn [`StoreError::Unavailable`]
/// into a `503` with `Retry-After` and every other variant into a `500` (see
/// `Problem`'s `From<StoreError>`): none of them is the client's fault.
///
/// `Clone`, because one failed group commit is every queued decision's answer; the
/// driver errors are shared behind an `Arc` for that.
///
/// ```
/// use consent_server::store::StoreError;
/// let e = StoreError::SchemaTooNew { found: 9, supported: 1 };
/// assert!(e.to_string().contains("version 9"));
/// ```
#[derive(Debug, Clone)]
pub enum StoreError {
    /// The database failed or refused an operation (the driver's error).
    Database(Arc<dyn Error + Send + Sync>),
    /// The database could not be reached, or the connection broke (PostgreSQL
    /// restarting, for one): worth trying again shortly. A write whose connection broke
    /// while it committed may or may not have been kept; the ledger's idempotent
    /// re-send tells which.
    Unavailable(Arc<dyn Error + Send + Sync>),
    /// Opening, connecting to or preparing the database failed; `context` says which
    /// database and what was being done.
    Open {
        context: String,
        source: Box<StoreError>,
    },
    /// The database was written by a newer server, whose schema this one does not know:
    /// refusing to start beats guessing at tables it would misread.
    SchemaTooNew { found: i64, supported: i64 },
    /// A value could not be turned into, or read back from, its stored JSON.
    Encoding {
        what: &'static str,
        source: Arc<serde_json::Error>,
    },
    /// What is stored breaks the ledger's invariants (a gap in the indices, a hash of
    /// the wrong length).
    Corrupt(String),
    /// The ledger writer thread could not be started.
    Thread(Arc<std::io::Error>),
    /// The store no longer takes work: its writer thread or its connection is gone.
    Stopped(&'static str),
}

/// What every store operation returns.
pub type StoreResult<T> = Result<T, StoreError>;

impl StoreError {
    /// Whether trying again shortly may succeed: the database was out of reach.
    pub fn is_unavailable(&self) -> bool {
        matches!(self, StoreError::Unavailable(_))
    }

    /// Wraps `self` with what was being done when it happened (for startup errors).
    pub fn context(self, context: impl Into<String>) -> StoreError {
        StoreError::Open {
            context: context.into(),
            source: Box::new(self),
        }
    }

    /// A `serde_json` failure while encoding or decoding `what`.
    pub fn encoding(what: &'static str) -> impl FnOnce(serde_json::Error) -> StoreError {
        move |e| StoreError::Encoding {
            what,
            source: Arc::new(e),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Database(e) => write!(f, "database: {e}"),
            StoreError::Unavailable(e) => write!(f, "database unavailable: {e}"),
            StoreError::Open { context, source } => write!(f, "{context}: {source}"),
            StoreError::SchemaTooNew { found, supported } => write!(
                f,
                "the database schema is version {found}, but this server knows versions up \
                 to {supported} only; run a consent-server at least as new as the one that \
                 last wrote this database"
            ),
            StoreError::Encoding { what, source } => write!(f, "{what}: {source}"),
            StoreError::Corrupt(why) => write!(f, "the stored ledger is inconsistent: {why}"),
            StoreError::Thread(e) => write!(f, "cannot start the ledger writer thread: {e}"),
            StoreError::Stopped(why) => f.write_str(why),
        }
    }
}

impl Error for StoreError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            StoreError::Database(e) | StoreError::Unavailable(e) => Some(&**e),
            StoreError::Open { source, .. } => Some(&**source),
            StoreError::Encoding { source, .. } => Some(&**source),
            StoreError::Thread(e) => Some(&**e),
            StoreError::SchemaTooNew { .. } | StoreError::Corrupt(_) | StoreError::Stopped(_) => {
                None
            }
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Database(Arc::new(e))
    }
}

/// A failure of the connection rather than of the statement is
/// [`StoreError::Unavailable`]: the connection closed or could not be made, an I/O
/// error, or SQLSTATE class 08 (connection exception) or 57P (the server is shutting
/// down, restarting, or not yet accepting connections).
impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        let code = e.code().map(|c| c.code()).unwrap_or("");
        let io = Error::source(&e).is_some_and(|s| s.is::<std::io::Error>());
        if e.is_closed() || io || code.starts_with("08") || code.starts_with("57P") {
            StoreError::Unavailable(Arc::new(e))
        } else {
            StoreError::Database(Arc::new(e))
        }
    }
}
