//! The notices table: the exact text behind every notice digest this server has
//! offered, kept as long as the ledger. The catalogue in consent-core keeps every
//! version a binary knows; this table keeps what was published whatever binary runs
//! later, and the variants with a host's own link targets, which no catalogue lists.
//!
//! The table is created here, idempotently, when the server publishes its catalogue on
//! start, rather than by a schema migration: it only ever grows, and a database of any
//! schema version gains it the same way.

use super::{PostgresStore, SqliteStore, StoreResult};
use consent_core::catalogue::Published;

/// Keeping and reading the published notices.
///
/// ```
/// use consent_server::store::{Notices, SqliteStore};
/// let dir = tempfile::tempdir().unwrap();
/// let store = SqliteStore::open(&dir.path().join("ledger.sqlite3")).unwrap();
/// store.keep_published(1_000).unwrap();
/// let current = consent_core::catalogue::notice("en").reference();
/// let body = store.notice(&current.sha256).unwrap().unwrap();
/// assert!(body.contains(&current.sha256));
/// ```
pub trait Notices {
    /// Creates the table if needed and keeps every notice of the catalogue (default link
    /// targets). Blocking; the server calls it once on start.
    fn keep_published(&self, now: u64) -> StoreResult<()> {
        self.ensure_notices_table()?;
        for notice in consent_core::catalogue::published() {
            self.keep_notice(&notice, now)?;
        }
        Ok(())
    }
    /// Creates the notices table if it does not exist.
    fn ensure_notices_table(&self) -> StoreResult<()>;
    /// Keeps `notice` under its digest, unless it is kept already.
    fn keep_notice(&self, notice: &Published, now: u64) -> StoreResult<()>;
    /// The kept notice with this digest, as JSON (see [`Published`]).
    fn notice(&self, sha256: &str) -> StoreResult<Option<String>>;
}

const SQLITE_TABLE: &str = "CREATE TABLE IF NOT EXISTS notices (
  sha256 TEXT PRIMARY KEY,
  notice_id TEXT NOT NULL,
  ver INTEGER NOT NULL,
  lang TEXT NOT NULL,
  body TEXT NOT NULL,
  kept_at INTEGER NOT NULL
)";

const POSTGRES_TABLE: &str = "CREATE TABLE IF NOT EXISTS notices (
  sha256 TEXT PRIMARY KEY,
  notice_id TEXT NOT NULL,
  ver BIGINT NOT NULL,
  lang TEXT NOT NULL,
  body TEXT NOT NULL,
  kept_at BIGINT NOT NULL
)";

const INSERT: &str = "INSERT INTO notices (sha256, notice_id, ver, lang, body, kept_at)
  VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sha256) DO NOTHING";

const SELECT: &str = "SELECT body FROM notices WHERE sha256 = $1";

/// Held while the table is created, so instances starting together do not race on it:
/// "notices\0" as a number.
const TABLE_LOCK: i64 = 0x6e6f_7469_6365_7300;

impl Notices for SqliteStore {
    fn ensure_notices_table(&self) -> StoreResult<()> {
        self.with_conn(|c| Ok(c.execute_batch(SQLITE_TABLE)?))
    }

    fn keep_notice(&self, n: &Published, now: u64) -> StoreResult<()> {
        let row = rusqlite::params![n.sha256, n.id, n.ver, n.lang, n.to_json(), now as i64];
        self.with_conn(|c| Ok(c.prepare_cached(INSERT)?.execute(row).map(|_| ())?))
    }

    fn notice(&self, sha256: &str) -> StoreResult<Option<String>> {
        use rusqlite::OptionalExtension;
        self.with_reader(|c| {
            Ok(c.prepare_cached(SELECT)?
                .query_row([sha256], |r| r.get(0))
                .optional()?)
        })
    }
}

impl Notices for PostgresStore {
    fn ensure_notices_table(&self) -> StoreResult<()> {
        self.with_client(|c| {
            let mut tx = c.transaction()?;
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&TABLE_LOCK])?;
            tx.batch_execute(POSTGRES_TABLE)?;
            Ok(tx.commit()?)
        })
    }

    fn keep_notice(&self, n: &Published, now: u64) -> StoreResult<()> {
        self.with_client(|c| {
            c.execute(
                INSERT,
                &[
                    &n.sha256,
                    &n.id,
                    &i64::from(n.ver),
                    &n.lang,
                    &n.to_json(),
                    &(now as i64),
                ],
            )?;
            Ok(())
        })
    }

    fn notice(&self, sha256: &str) -> StoreResult<Option<String>> {
        self.with_reader(|c| Ok(c.query_opt(SELECT, &[&sha256])?.map(|r| r.get(0))))
    }
}
