//! The default store: one SQLite file in WAL mode with `synchronous=FULL`. Decisions
//! run in IMMEDIATE transactions, so appends are strictly ordered. Reads (proofs,
//! entries, history, sessions) go to read-only connections of their own: WAL lets
//! them read the last commit while the writer holds its connection through the next.

use super::round;
use super::schema::{self, Found, Plan};
use super::writer::Writer;
use super::*;
use crate::ledger::tree::{self, NodeId, NodeSource};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

/// At most one row, from a cached prepared statement: a decision runs the same few
/// statements every time, and parsing their SQL anew showed in profiles.
fn one_row<T>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    row: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> StoreResult<Option<T>> {
    Ok(conn
        .prepare_cached(sql)
        .and_then(|mut stmt| stmt.query_row(params, row))
        .optional()?)
}

/// Runs a cached prepared statement; the number of rows it changed.
fn run(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> StoreResult<usize> {
    Ok(conn
        .prepare_cached(sql)
        .and_then(|mut stmt| stmt.execute(params))?)
}

struct Inner {
    conn: Connection,
    /// The right edge of the committed tree, for O(log n) appends: one process owns a
    /// SQLite ledger, so this is exact.
    frontier: Frontier,
    /// Signs the head each appending commit leaves; none until the server sets it.
    sealer: Option<Arc<dyn HeadSigner>>,
}

/// Read-only connections, opened as readers need them and kept for the next: a
/// proof or a session lookup never waits for the writer's connection, nor for
/// another reader's.
struct Readers {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
}

/// Idle read connections kept; more are opened while more requests read at once.
const IDLE_READERS: usize = 8;

impl Readers {
    fn open(&self) -> StoreResult<Connection> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&self.path, flags)?;
        conn.execute_batch("PRAGMA busy_timeout=5000;")?;
        Ok(conn)
    }

    /// Runs `f` on a read connection of its own.
    fn with<T>(&self, f: impl FnOnce(&Connection) -> StoreResult<T>) -> StoreResult<T> {
        let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let conn = match idle {
            Some(conn) => conn,
            None => self.open()?,
        };
        let result = f(&conn);
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < IDLE_READERS {
            idle.push(conn);
        }
        result
    }
}

/// The default store: one SQLite file (see the module docs).
pub struct SqliteStore {
    inner: Arc<Mutex<Inner>>,
    readers: Readers,
    /// Group commit: each round is one transaction.
    writer: Writer<Box<dyn AppendJob>>,
}

impl SqliteStore {
    /// Opens (or creates) the database file at `path`, brings its schema up to date
    /// (see `schema.rs`) and starts the ledger writer thread. Blocking.
    ///
    /// ```
    /// # use consent_server::store::SqliteStore;
    /// let dir = tempfile::tempdir().unwrap();
    /// let store = SqliteStore::open(&dir.path().join("ledger.sqlite3")).unwrap();
    /// ```
    pub fn open(path: &Path) -> StoreResult<SqliteStore> {
        let opening = || format!("cannot open the database {}", path.display());
        let preparing = || format!("cannot prepare the database {}", path.display());
        let mut conn =
            Connection::open(path).map_err(|e| StoreError::from(e).context(opening()))?;
        conn.execute_batch(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;
             PRAGMA busy_timeout=5000;",
        )
        .map_err(|e| StoreError::from(e).context(preparing()))?;
        prepare_schema(&mut conn).map_err(|e| e.context(preparing()))?;
        let frontier = {
            let nodes = Nodes(&conn);
            tree::frontier(&nodes, tree_size(&conn)?).map_err(|e| e.context(preparing()))?
        };
        let readers = Readers {
            path: path.to_owned(),
            idle: Mutex::new(Vec::new()),
        };
        // Fail at start, not at the first request, if readers cannot open the file.
        let first = readers.open().map_err(|e| e.context(opening()))?;
        readers
            .idle
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(first);
        let inner = Arc::new(Mutex::new(Inner {
            conn,
            frontier,
            sealer: None,
        }));
        let writing = inner.clone();
        let writer = Writer::spawn("sqlite-ledger", move |batch| {
            append_round(&mut lock(&writing), batch)
        })?;
        Ok(SqliteStore {
            inner,
            readers,
            writer,
        })
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        lock(&self.inner)
    }

    /// Runs `f` on the writer's connection, for the notices table (`notices.rs`).
    pub(super) fn with_conn<T>(
        &self,
        f: impl FnOnce(&Connection) -> StoreResult<T>,
    ) -> StoreResult<T> {
        f(&self.lock().conn)
    }

    /// Runs `f` on a read-only connection, for the notices table (`notices.rs`).
    pub(super) fn with_reader<T>(
        &self,
        f: impl FnOnce(&Connection) -> StoreResult<T>,
    ) -> StoreResult<T> {
        self.readers.with(f)
    }
}

/// How many leaves the committed tree has: the largest index is found in the primary
/// key's b-tree, without counting rows.
fn tree_size(conn: &Connection) -> StoreResult<u64> {
    let size: i64 = conn.query_row("SELECT COALESCE(MAX(idx) + 1, 0) FROM ledger", [], |r| {
        r.get(0)
    })?;
    Ok(size as u64)
}

/// Stored tree nodes through one connection: leaf hashes from `ledger`, the rest
/// from `nodes`.
struct Nodes<'a>(&'a Connection);

impl NodeSource for Nodes<'_> {
    fn nodes(&self, ids: &[NodeId]) -> StoreResult<Vec<Hash>> {
        let mut leaf = self
            .0
            .prepare_cached("SELECT leaf_hash FROM ledger WHERE idx = ?1")?;
        let mut node = self
            .0
            .prepare_cached("SELECT hash FROM nodes WHERE level = ?1 AND idx = ?2")?;
        ids.iter()
            .map(|id| {
                let index = id.index as i64;
                let found: Option<Vec<u8>> = match id.level {
                    0 => leaf.query_row([index], |r| r.get(0)).optional()?,
                    level => node
                        .query_row(params![level, index], |r| r.get(0))
                        .optional()?,
                };
                let bytes = found.ok_or_else(|| missing_node(id))?;
                to_hash(bytes, index)
            })
            .collect()
    }
}

/// Every interior node of the ledger's complete subtrees, for a ledger written before
/// they were stored. One pass over the leaf hashes, in the migration's transaction.
fn backfill_nodes(conn: &Connection) -> StoreResult<()> {
    let leaves = SqliteTx(conn).leaves_since(0)?;
    let mut insert =
        conn.prepare_cached("INSERT INTO nodes (level, idx, hash) VALUES (?1, ?2, ?3)")?;
    for (id, hash) in tree::all_nodes(&leaves) {
        insert.execute(params![id.level, id.index as i64, hash.to_vec()])?;
    }
    Ok(())
}

/// Creates, migrates or checks the schema, in one IMMEDIATE transaction so that two
/// processes opening one new file cannot both create it.
fn prepare_schema(conn: &mut Connection) -> StoreResult<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    match schema::plan(found(&tx)?)? {
        Plan::Ready => return Ok(()),
        Plan::Create => {}
        Plan::Migrate { from } => {
            for step in from..schema::CURRENT {
                migrate(&tx, step)?;
            }
        }
    }
    tx.execute_batch(schema::SQLITE)?;
    tx.execute(
        "INSERT INTO schema_version (id, version) VALUES (1, ?1)
         ON CONFLICT (id) DO UPDATE SET version = excluded.version",
        [schema::CURRENT],
    )?;
    tx.commit()?;
    Ok(())
}

/// Which schema the database has.
fn found(conn: &Connection) -> StoreResult<Found> {
    let table = |name: &str| -> rusqlite::Result<bool> {
        conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
            [name],
            |r| r.get(0),
        )
    };
    if table("schema_version")? {
        return one_row(
            conn,
            "SELECT version FROM schema_version WHERE id = 1",
            [],
            |r| r.get(0),
        )?
        .map(Found::Version)
        .ok_or_else(|| StoreError::Corrupt("schema_version has no row".into()));
    }
    // Any of the tables an unversioned server created.
    for name in ["ledger", "decisions", "nonces", "sessions", "key_bindings"] {
        if table(name)? {
            return Ok(Found::Unversioned);
        }
    }
    Ok(Found::Empty)
}

/// One migration step, from version `from` to `from + 1`.
fn migrate(conn: &Connection, from: i64) -> StoreResult<()> {
    match from {
        0 => {
            // The session owner was `sessions.user`; PostgreSQL always called it
            // `username`, and both now do.
            let old_name: bool = conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM pragma_table_info('sessions') WHERE name = 'user')",
                [],
                |r| r.get(0),
            )?;
            if old_name {
                conn.execute_batch("ALTER TABLE sessions RENAME COLUMN user TO username")?;
            }
            Ok(())
        }
        1 => {
            // Proofs are served from stored subtree roots: the schema (idempotent)
            // creates their table, then every existing leaf gets its nodes.
            conn.execute_batch(schema::SQLITE)?;
            backfill_nodes(conn)
        }
        2 => {
            // The schema (idempotent) creates `signed_head`, with a head to adopt (see
            // `schema::TO_ADOPT`); key changes become leaves, their rows point at them.
            conn.execute_batch(schema::SQLITE)?;
            conn.execute_batch(
                "ALTER TABLE key_changes ADD COLUMN idx INTEGER REFERENCES ledger(idx);
                 CREATE UNIQUE INDEX key_changes_idx ON key_changes(idx);",
            )?;
            put_head(conn, &schema::TO_ADOPT)
        }
        // `used_nonces` is new and empty: the schema, run after the steps, creates it.
        3 => Ok(()),
        other => Err(schema::no_migration(other)),
    }
}

fn lock(inner: &Mutex<Inner>) -> MutexGuard<'_, Inner> {
    // A panic while holding the lock cannot leave SQLite half-written (the
    // transaction rolls back), so the data behind a poisoned lock is still sound.
    inner.lock().unwrap_or_else(|p| p.into_inner())
}

/// Runs the ledger operations on a transaction or one of its savepoints.
struct SqliteTx<'a>(&'a Connection);

impl LedgerTx for SqliteTx<'_> {
    fn lock_ledger(&mut self) -> StoreResult<()> {
        Ok(()) // the IMMEDIATE transaction already holds the write lock
    }

    fn decision_by_jti(&mut self, jti: &str) -> StoreResult<Option<(String, String)>> {
        one_row(
            self.0,
            "SELECT token, receipt FROM decisions WHERE jti = ?1",
            [jti],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    fn nonce_spent(&mut self, id: &str) -> StoreResult<bool> {
        let found = one_row(
            self.0,
            "SELECT 1 FROM used_nonces WHERE id = ?1",
            [id],
            |_| Ok(()),
        )?;
        Ok(found.is_some())
    }

    fn spend_nonce(&mut self, id: &str, expires_at: u64) -> StoreResult<()> {
        run(
            self.0,
            "INSERT INTO used_nonces (id, expires_at) VALUES (?1, ?2)",
            rusqlite::params![id, expires_at as i64],
        )
        .map(|_| ())
    }

    fn nonce(&mut self, nonce: &str) -> StoreResult<Option<NonceRow>> {
        let sql = "SELECT session_id, sub, expires_at, used, notice_id, notice_ver, notice_lang,
                          notice_sha256 FROM nonces WHERE nonce = ?1";
        one_row(self.0, sql, [nonce], |r| {
            Ok(NonceRow {
                session_id: r.get(0)?,
                sub: r.get(1)?,
                expires_at: r.get::<_, i64>(2)? as u64,
                used: r.get(3)?,
                notice: NoticeRef {
                    id: r.get(4)?,
                    ver: r.get(5)?,
                    lang: r.get(6)?,
                    sha256: r.get(7)?,
                    // The digest covers any link targets; a challenge keeps only it.
                    links: Default::default(),
                },
            })
        })
    }

    fn use_nonce(&mut self, nonce: &str) -> StoreResult<()> {
        run(
            self.0,
            "UPDATE nonces SET used = 1 WHERE nonce = ?1",
            [nonce],
        )
        .map(|_| ())
    }

    fn bound_key(&mut self, sub: &str) -> StoreResult<Option<String>> {
        one_row(
            self.0,
            "SELECT thumbprint FROM key_bindings WHERE sub = ?1",
            [sub],
            |r| r.get(0),
        )
    }

    fn bind_key(&mut self, sub: &str, thumbprint: &str, now: u64) -> StoreResult<()> {
        let sql = "INSERT INTO key_bindings (sub, thumbprint, bound_at) VALUES (?1, ?2, ?3)
                   ON CONFLICT(sub) DO UPDATE SET thumbprint = excluded.thumbprint,
                   bound_at = excluded.bound_at";
        run(self.0, sql, params![sub, thumbprint, now as i64]).map(|_| ())
    }

    fn leaves_since(&mut self, from: u64) -> StoreResult<Vec<Hash>> {
        let mut stmt = self
            .0
            .prepare_cached("SELECT idx, leaf_hash FROM ledger WHERE idx >= ?1 ORDER BY idx")?;
        let rows = stmt.query_map([from as i64], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?))
        })?;
        let mut out = Vec::new();
        for (expected, row) in (from as i64..).zip(rows) {
            let (idx, hash) = row?;
            if idx != expected {
                return Err(gap(idx));
            }
            out.push(to_hash(hash, idx)?);
        }
        Ok(out)
    }

    fn append_key_change(&mut self, k: &NewKeyChange) -> StoreResult<()> {
        insert_leaf(self.0, k.index, k.leaf, k.leaf_hash, k.nodes)?;
        let sql = "INSERT INTO key_changes (sub, old_thumbprint, new_thumbprint, changed_at, idx)
                   VALUES (?1, ?2, ?3, ?4, ?5)";
        let row = params![
            k.sub,
            k.old_thumbprint,
            k.new_thumbprint,
            k.changed_at as i64,
            k.index as i64
        ];
        run(self.0, sql, row).map(|_| ())
    }

    fn append(&mut self, d: &NewDecision) -> StoreResult<()> {
        insert_leaf(self.0, d.index, d.leaf, d.leaf_hash, d.nodes)?;
        run(
            self.0,
            "INSERT INTO decisions (jti, sub, choice, idx, token, notice, received_at, receipt)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                d.jti,
                d.sub,
                d.choice,
                d.index as i64,
                d.token,
                d.notice,
                d.received_at,
                ""
            ],
        )?;
        Ok(())
    }

    fn put_receipt(&mut self, jti: &str, receipt: &str) -> StoreResult<()> {
        run(
            self.0,
            "UPDATE decisions SET receipt = ?2 WHERE jti = ?1",
            params![jti, receipt],
        )
        .map(|_| ())
    }

    fn put_head(&mut self, head: &SignedHead) -> StoreResult<()> {
        put_head(self.0, head)
    }
}

/// A leaf and the tree nodes it completes.
fn insert_leaf(
    conn: &Connection,
    index: u64,
    leaf: &str,
    leaf_hash: &Hash,
    nodes: &[(NodeId, Hash)],
) -> StoreResult<()> {
    run(
        conn,
        "INSERT INTO ledger (idx, leaf, leaf_hash) VALUES (?1, ?2, ?3)",
        params![index as i64, leaf, leaf_hash.to_vec()],
    )?;
    for (id, hash) in nodes {
        run(
            conn,
            "INSERT INTO nodes (level, idx, hash) VALUES (?1, ?2, ?3)",
            params![id.level, id.index as i64, hash.to_vec()],
        )?;
    }
    Ok(())
}

/// One group commit: every job of `batch` in one transaction, each in a savepoint of
/// its own (a refusal or an error rolls back that one only), one commit, then every
/// job is finished. Nobody hears back before the commit is durable.
fn append_round(inner: &mut Inner, batch: Vec<Box<dyn AppendJob>>) {
    let Inner {
        conn,
        frontier,
        sealer,
    } = inner;
    let mut tx = match conn.transaction_with_behavior(TransactionBehavior::Immediate) {
        Ok(tx) => tx,
        Err(e) => {
            let e = StoreError::from(e);
            for job in batch {
                job.finish(Err(e.clone()));
            }
            return;
        }
    };
    let mut staged = Staged::new(frontier.clone());
    // A savepoint rolls back when dropped: refusals and errors leave no trace.
    let mut ran = round::run_jobs(batch, &mut staged, |job, staged| {
        let sp = tx.savepoint()?;
        let keep = job.run(&mut SqliteTx(&sp), staged)?;
        if keep {
            sp.commit()?;
        }
        Ok(keep)
    });
    let sealed = round::seal(
        &mut ran,
        &staged,
        frontier.size(),
        sealer.as_ref(),
        &mut SqliteTx(&tx),
    );
    match sealed.and_then(|()| Ok(tx.commit()?)) {
        Ok(()) => {
            *frontier = staged.into_frontier();
            for (job, result) in ran {
                job.finish(result.map(|_| ()));
            }
        }
        Err(e) => {
            for (job, _) in ran {
                job.finish(Err(e.clone()));
            }
        }
    }
}

/// Stores `head` as the last signed one.
fn put_head(conn: &Connection, head: &SignedHead) -> StoreResult<()> {
    run(
        conn,
        "INSERT INTO signed_head (id, size, root, checkpoint, signed_at) VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET size = excluded.size, root = excluded.root,
         checkpoint = excluded.checkpoint, signed_at = excluded.signed_at",
        params![
            head.size as i64,
            head.root.to_vec(),
            head.checkpoint,
            head.signed_at as i64
        ],
    )
    .map(|_| ())
}

impl Storage for SqliteStore {
    fn create_session(&self, id: &str, user: &str, now: u64) -> StoreResult<()> {
        run(
            &self.lock().conn,
            "INSERT INTO sessions (id, username, created_at) VALUES (?1, ?2, ?3)",
            params![id, user, now as i64],
        )
        .map(|_| ())
    }

    fn session_user(&self, id: &str) -> StoreResult<Option<String>> {
        self.readers.with(|conn| {
            one_row(
                conn,
                "SELECT username FROM sessions WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
        })
    }

    fn delete_session(&self, id: &str) -> StoreResult<()> {
        run(
            &self.lock().conn,
            "DELETE FROM sessions WHERE id = ?1",
            [id],
        )
        .map(|_| ())
    }

    fn append(&self, job: Box<dyn AppendJob>) {
        self.writer.submit_job(job);
    }

    fn subject_leaves(&self, sub: &str, latest_only: bool) -> StoreResult<Vec<StoredLeaf>> {
        self.readers.with(|conn| {
            let mut stmt = conn.prepare_cached(if latest_only {
                "SELECT l.idx, l.leaf, l.leaf_hash FROM decisions d JOIN ledger l ON l.idx = d.idx
                 WHERE d.sub = ?1 ORDER BY d.idx DESC LIMIT 1"
            } else {
                "SELECT idx, leaf, leaf_hash FROM ledger WHERE idx IN (
                   SELECT idx FROM decisions WHERE sub = ?1
                   UNION ALL SELECT idx FROM key_changes WHERE sub = ?1 AND idx IS NOT NULL)
                 ORDER BY idx"
            })?;
            let rows = stmt.query_map([sub], |r| {
                Ok(StoredLeaf {
                    index: r.get::<_, i64>(0)? as u64,
                    leaf: r.get(1)?,
                    leaf_hash: r.get(2)?,
                    decision: None,
                    key_change: None,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    fn tree_size(&self) -> StoreResult<u64> {
        self.readers.with(tree_size)
    }

    fn sweep(&self, nonces_before: u64, sessions_before: u64) -> StoreResult<u64> {
        let inner = self.lock();
        let mut nonces = 0;
        for sql in [
            "DELETE FROM nonces WHERE expires_at < ?1",
            "DELETE FROM used_nonces WHERE expires_at < ?1",
        ] {
            nonces += run(&inner.conn, sql, [nonces_before as i64])?;
        }
        let sessions = run(
            &inner.conn,
            "DELETE FROM sessions WHERE created_at < ?1",
            [sessions_before as i64],
        )?;
        Ok((nonces + sessions) as u64)
    }

    fn sign_heads_with(&self, signer: Arc<dyn HeadSigner>) {
        self.lock().sealer = Some(signer);
    }

    fn signed_head(&self) -> StoreResult<Option<SignedHead>> {
        self.readers.with(|conn| {
            let row = one_row(
                conn,
                "SELECT size, root, checkpoint, signed_at FROM signed_head WHERE id = 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, Vec<u8>>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, i64>(3)?,
                    ))
                },
            )?;
            row.map(|(size, root, checkpoint, signed_at)| {
                Ok(SignedHead {
                    size: size as u64,
                    root: to_hash(root, size)?,
                    checkpoint,
                    signed_at: signed_at as u64,
                })
            })
            .transpose()
        })
    }

    fn put_signed_head(&self, head: &SignedHead) -> StoreResult<()> {
        put_head(&self.lock().conn, head)
    }

    fn stored_leaves(&self, start: u64, end: u64) -> StoreResult<Vec<StoredLeaf>> {
        self.readers.with(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT l.idx, l.leaf, l.leaf_hash, d.jti, d.sub, d.choice, d.notice, d.token,
                        d.received_at, k.sub, k.old_thumbprint, k.new_thumbprint, k.changed_at
                 FROM ledger l LEFT JOIN decisions d ON d.idx = l.idx
                 LEFT JOIN key_changes k ON k.idx = l.idx
                 WHERE l.idx >= ?1 AND l.idx < ?2 ORDER BY l.idx",
            )?;
            let rows = stmt.query_map(params![start as i64, end as i64], |r| {
                let jti: Option<String> = r.get(3)?;
                let decision = match jti {
                    None => None,
                    Some(jti) => Some(DecisionColumns {
                        jti,
                        sub: r.get(4)?,
                        choice: r.get(5)?,
                        notice: r.get(6)?,
                        token: r.get(7)?,
                        received_at: r.get(8)?,
                    }),
                };
                let key_change = match r.get::<_, Option<String>>(9)? {
                    None => None,
                    Some(sub) => Some(KeyChangeColumns {
                        sub,
                        old_thumbprint: r.get(10)?,
                        new_thumbprint: r.get(11)?,
                        changed_at: r.get::<_, i64>(12)? as u64,
                    }),
                };
                Ok(StoredLeaf {
                    index: r.get::<_, i64>(0)? as u64,
                    leaf: r.get(1)?,
                    leaf_hash: r.get(2)?,
                    decision,
                    key_change,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    fn stored_level(&self, level: u8) -> StoreResult<Vec<(u64, Vec<u8>)>> {
        self.readers.with(|conn| {
            let mut stmt =
                conn.prepare_cached("SELECT idx, hash FROM nodes WHERE level = ?1 ORDER BY idx")?;
            let rows = stmt.query_map([level], |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    fn entries(&self, start: u64, end: u64) -> StoreResult<Vec<(u64, String)>> {
        self.readers.with(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT idx, leaf FROM ledger WHERE idx >= ?1 AND idx < ?2 ORDER BY idx",
            )?;
            let rows = stmt.query_map(params![start as i64, end as i64], |r| {
                Ok((r.get::<_, i64>(0)? as u64, r.get(1)?))
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }
}

impl NodeSource for SqliteStore {
    fn nodes(&self, ids: &[NodeId]) -> StoreResult<Vec<Hash>> {
        self.readers.with(|conn| Nodes(conn).nodes(ids))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The schema exactly as servers before versioning created it.
    const UNVERSIONED: &str = "
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
          changed_at INTEGER NOT NULL);";

    fn version(path: &Path) -> i64 {
        Connection::open(path)
            .unwrap()
            .query_row("SELECT version FROM schema_version", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn a_new_database_gets_the_current_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite3");
        let store = SqliteStore::open(&path).unwrap();
        store.create_session("s", "megan", 1).unwrap();
        drop(store);
        assert_eq!(version(&path), schema::CURRENT);
        // Opening again finds it current and changes nothing.
        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(store.session_user("s").unwrap().as_deref(), Some("megan"));
    }

    #[test]
    fn an_unversioned_database_is_migrated_and_keeps_its_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite3");
        {
            let old = Connection::open(&path).unwrap();
            old.execute_batch(UNVERSIONED).unwrap();
            old.execute(
                "INSERT INTO sessions (id, user, created_at) VALUES ('s', 'adele', 5)",
                [],
            )
            .unwrap();
            old.execute(
                "INSERT INTO ledger (idx, leaf, leaf_hash) VALUES (0, '{}', ?1)",
                [vec![7u8; 32]],
            )
            .unwrap();
        }
        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(store.session_user("s").unwrap().as_deref(), Some("adele"));
        assert_eq!(store.tree_head().unwrap(), (1, [7u8; 32]));
        store.create_session("t", "alex", 6).unwrap();
        drop(store);
        assert_eq!(version(&path), schema::CURRENT);
        let columns: Vec<String> = Connection::open(&path)
            .unwrap()
            .prepare("SELECT name FROM pragma_table_info('sessions')")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(columns, ["id", "username", "created_at"]);
    }

    #[test]
    fn a_version_1_ledger_gets_its_tree_nodes_and_proves_what_it_proved() {
        use consent_core::merkle::{self, leaf_hash};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite3");
        let leaves: Vec<Hash> = (0..37u32).map(|i| leaf_hash(&i.to_be_bytes())).collect();
        {
            let old = Connection::open(&path).unwrap();
            old.execute_batch(UNVERSIONED).unwrap();
            old.execute_batch(
                "CREATE TABLE schema_version (id INTEGER PRIMARY KEY CHECK (id = 1),
                   version INTEGER NOT NULL);
                 INSERT INTO schema_version (id, version) VALUES (1, 1);
                 ALTER TABLE sessions RENAME COLUMN user TO username;",
            )
            .unwrap();
            for (i, leaf) in leaves.iter().enumerate() {
                old.execute(
                    "INSERT INTO ledger (idx, leaf, leaf_hash) VALUES (?1, '{}', ?2)",
                    params![i as i64, leaf.to_vec()],
                )
                .unwrap();
            }
        }
        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(version(&path), schema::CURRENT);
        assert_eq!(store.tree_head().unwrap(), (37, merkle::root(&leaves)));
        for size in 1..=37 {
            let tree = &leaves[..size];
            for i in 0..size {
                let p = tree::inclusion(&store, i as u64, size as u64).unwrap();
                assert_eq!(p.proof, merkle::inclusion_proof(i, tree), "{i} in {size}");
                let c = tree::consistency(&store, i as u64 + 1, size as u64).unwrap();
                assert_eq!(c.proof, merkle::consistency_proof(i + 1, tree));
            }
        }
    }

    #[test]
    fn a_migrated_ledger_is_adopted_even_when_the_start_that_migrated_it_died() {
        use crate::ledger::{audit, LedgerSigner};
        use consent_core::merkle::leaf_hash;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite3");
        {
            let old = Connection::open(&path).unwrap();
            old.execute_batch(UNVERSIONED).unwrap();
            for i in 0..5u32 {
                let leaf = format!("{{\"old\":{i}}}");
                old.execute(
                    "INSERT INTO ledger (idx, leaf, leaf_hash) VALUES (?1, ?2, ?3)",
                    params![i, leaf, leaf_hash(leaf.as_bytes()).to_vec()],
                )
                .unwrap();
            }
        }
        // Migrated, then stopped before any audit ran.
        drop(SqliteStore::open(&path).unwrap());
        let store = SqliteStore::open(&path).unwrap();
        let signer = LedgerSigner::load_or_create(dir.path(), "o").unwrap();
        let first = audit(&store, &signer).unwrap();
        assert_eq!((first.size, first.adopted), (5, true));
        let head = store.signed_head().unwrap().unwrap();
        assert_eq!(head.size, 5);
        assert!(crate::ledger::verify_head(&signer, &head).is_ok());
        let again = audit(&store, &signer).unwrap();
        assert_eq!((again.size, again.adopted), (5, false));
    }

    #[test]
    fn a_database_from_a_newer_server_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite3");
        drop(SqliteStore::open(&path).unwrap());
        Connection::open(&path)
            .unwrap()
            .execute("UPDATE schema_version SET version = version + 1", [])
            .unwrap();
        let err = SqliteStore::open(&path).err().unwrap();
        let text = err.to_string();
        assert!(text.contains("cannot prepare the database"), "{text}");
        assert!(
            text.contains(&format!("version {}", schema::CURRENT + 1)),
            "{text}"
        );
        assert!(matches!(
            err,
            StoreError::Open { source, .. } if matches!(*source, StoreError::SchemaTooNew { .. })
        ));
    }

    /// Holds the writer in its round until released, appending nothing.
    struct Gate(std::sync::mpsc::Receiver<()>);

    impl AppendJob for Gate {
        fn run(&mut self, _: &mut dyn LedgerTx, _: &mut Staged) -> StoreResult<bool> {
            let _ = self.0.recv();
            Ok(false)
        }
        fn seal(
            &mut self,
            _: &mut dyn LedgerTx,
            _: &Staged,
            _: Option<&SignedHead>,
        ) -> StoreResult<()> {
            Ok(())
        }
        fn finish(self: Box<Self>, _: StoreResult<()>) {}
    }

    /// A leaf's index and hash, its proof and the head the round's seal handed it.
    type Proved = (u64, Hash, Vec<Hash>, Option<SignedHead>);

    /// Appends one leaf with its decision row, and stores as its receipt the proof
    /// and checkpoint the round's seal hands it; reports them once committed.
    struct OneLeaf {
        jti: String,
        appended: Option<(u64, Hash, Vec<Hash>)>,
        proved: Option<Proved>,
        sealed: std::sync::mpsc::Sender<Proved>,
    }

    impl AppendJob for OneLeaf {
        fn run(&mut self, tx: &mut dyn LedgerTx, staged: &mut Staged) -> StoreResult<bool> {
            let index = staged.size();
            let leaf = format!("leaf {}", self.jti);
            let hash = consent_core::merkle::leaf_hash(leaf.as_bytes());
            let appended = staged.push(hash);
            tx.append(&NewDecision {
                index,
                leaf: &leaf,
                leaf_hash: &hash,
                nodes: &appended.nodes,
                jti: &self.jti,
                sub: "s",
                choice: "not_now",
                token: "t",
                notice: "{}",
                received_at: "r",
            })?;
            self.appended = Some((index, hash, appended.path));
            Ok(true)
        }
        fn seal(
            &mut self,
            tx: &mut dyn LedgerTx,
            staged: &Staged,
            head: Option<&SignedHead>,
        ) -> StoreResult<()> {
            let (index, hash, path) = self.appended.take().unwrap();
            let proof = staged.prove(index, &path)?;
            tx.put_receipt(&self.jti, &format!("receipt {index}"))?;
            self.proved = Some((index, hash, proof, head.cloned()));
            Ok(())
        }
        fn finish(self: Box<Self>, result: StoreResult<()>) {
            result.unwrap();
            let _ = self.sealed.send(self.proved.unwrap());
        }
    }

    #[test]
    fn a_round_signs_one_head_and_proves_each_of_its_leaves_against_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite3");
        let store = SqliteStore::open(&path).unwrap();
        let signer =
            Arc::new(crate::ledger::LedgerSigner::load_or_create(dir.path(), "o").unwrap());
        store.sign_heads_with(signer.clone());
        let (sealed, seals) = std::sync::mpsc::channel();
        let one = |jti: String| OneLeaf {
            jti,
            appended: None,
            proved: None,
            sealed: sealed.clone(),
        };
        // A first round of three, then a round of twelve queued behind a gate.
        for i in 0..3 {
            store.append(Box::new(one(format!("a{i}"))));
        }
        let first: Vec<_> = (0..3).map(|_| seals.recv().unwrap()).collect();
        let (open, gate) = std::sync::mpsc::channel();
        store.append(Box::new(Gate(gate)));
        for i in 0..12 {
            store.append(Box::new(one(format!("b{i}"))));
        }
        open.send(()).unwrap();
        let second: Vec<_> = (0..12).map(|_| seals.recv().unwrap()).collect();

        let head = second[0].3.clone().expect("the round's head");
        assert_eq!(head.size, first.last().unwrap().0 + 1 + 12);
        for (index, leaf, proof, their_head) in &second {
            assert_eq!(
                their_head.as_ref(),
                Some(&head),
                "one head for the whole round"
            );
            assert!(
                consent_core::merkle::verify_inclusion(*index, head.size, leaf, proof, &head.root),
                "leaf {index} proves against the round's head"
            );
        }
        assert!(crate::ledger::verify_head(&signer, &head).is_ok());
        assert_eq!(store.signed_head().unwrap(), Some(head));
        let receipt: String = Connection::open(&path)
            .unwrap()
            .query_row("SELECT receipt FROM decisions WHERE jti = 'b11'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(receipt, format!("receipt {}", second[11].0));
    }
}
