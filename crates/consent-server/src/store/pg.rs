//! PostgreSQL, for several stateless server instances sharing one ledger. Appends take
//! an exclusive lock on the ledger table inside their transaction, so they stay
//! strictly ordered whichever instance makes them; each instance's frontier catches
//! up from the table inside the append's transaction. Reads go to a small pool of
//! connections of their own, never to the writer's. Connections broken by a database
//! restart are replaced on their next use (`pg_conn.rs`).

use super::pg_conn::{self, Link, Readers};
use super::round;
use super::schema::{self, Found, Plan};
use super::writer::Writer;
use super::*;
use crate::ledger::tree::{self, NodeId, NodeSource};
use ::postgres::types::Type;
use ::postgres::{Client, GenericClient, Transaction};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

/// Held (for its transaction) while the schema is prepared, so instances starting
/// together against a new database do not race to create it. Any constant will do:
/// "consent\0" as a number.
const SCHEMA_LOCK: i64 = 0x636f_6e73_656e_7400;

struct Inner {
    /// `None` only while the store is being dropped.
    link: Option<Link>,
    /// The right edge of the tree as this instance last saw it, for O(log n) appends.
    /// Kept across reconnections: each append brings it up to date from the table
    /// inside its transaction, so a commit whose answer was lost costs nothing.
    frontier: Frontier,
    /// Signs the head each appending commit leaves; none until the server sets it.
    sealer: Option<Arc<dyn HeadSigner>>,
}

impl Inner {
    fn link(&mut self) -> StoreResult<&mut Link> {
        self.link.as_mut().ok_or(CLOSED)
    }
}

const CLOSED: StoreError = StoreError::Stopped("the PostgreSQL store is closed");

/// The store for several instances sharing one ledger (see the module docs).
pub struct PostgresStore {
    inner: Arc<Mutex<Inner>>,
    readers: Readers,
    /// Appends, one transaction each, off the async workers.
    writer: Writer<Box<dyn AppendJob>>,
}

impl PostgresStore {
    /// Connects to `url` (`postgres://user@host:port/db`), brings the schema up to date
    /// (see `schema.rs`) and starts the ledger writer thread.
    /// Blocking: call it outside async code (e.g. in `spawn_blocking`).
    pub fn connect(url: &str) -> StoreResult<PostgresStore> {
        let cannot_connect =
            |e: StoreError| e.context(format!("cannot connect to PostgreSQL at {url}"));
        let config = pg_conn::config(url).map_err(cannot_connect)?;
        let mut link = Link::open(config.clone()).map_err(cannot_connect)?;
        link.run(prepare_schema)
            .map_err(|e| e.context("cannot prepare the PostgreSQL schema"))?;
        let frontier = link.run(|client| {
            let size = tree_size(client)?;
            tree::frontier(&Nodes(RefCell::new(client)), size)
        })?;
        let inner = Arc::new(Mutex::new(Inner {
            link: Some(link),
            frontier,
            sealer: None,
        }));
        let writing = inner.clone();
        let writer = Writer::spawn("postgres-ledger", move |batch: Vec<Box<dyn AppendJob>>| {
            append_round(&mut lock(&writing), batch);
        })?;
        let readers = Readers::new(config);
        Ok(PostgresStore {
            inner,
            readers,
            writer,
        })
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        lock(&self.inner)
    }

    /// Runs `f` on the store's connection, for the notices table (`notices.rs`).
    pub(super) fn with_client<T>(
        &self,
        f: impl FnOnce(&mut Client) -> StoreResult<T>,
    ) -> StoreResult<T> {
        self.lock().link()?.run(f)
    }

    /// Runs `f` on a read connection, for the notices table (`notices.rs`); it may run
    /// twice when an idle connection turns out broken.
    pub(super) fn with_reader<T>(
        &self,
        f: impl FnMut(&mut Client) -> StoreResult<T>,
    ) -> StoreResult<T> {
        self.readers.with(f)
    }
}

/// How many leaves the committed tree has: the largest index, from the primary key.
fn tree_size(client: &mut Client) -> StoreResult<u64> {
    let row = client.query_one("SELECT COALESCE(MAX(idx) + 1, 0) FROM ledger", &[])?;
    Ok(row.get::<_, i64>(0) as u64)
}

/// Stored tree nodes through one connection, two queries for any number of them:
/// leaf hashes from `ledger`, the rest from `nodes`.
struct Nodes<'a>(RefCell<&'a mut Client>);

impl NodeSource for Nodes<'_> {
    fn nodes(&self, ids: &[NodeId]) -> StoreResult<Vec<Hash>> {
        let mut client = self.0.borrow_mut();
        let leaves: Vec<i64> = ids
            .iter()
            .filter(|id| id.level == 0)
            .map(|id| id.index as i64)
            .collect();
        let (levels, indices): (Vec<i16>, Vec<i64>) = ids
            .iter()
            .filter(|id| id.level > 0)
            .map(|id| (id.level as i16, id.index as i64))
            .unzip();
        let mut found: HashMap<NodeId, Vec<u8>> = HashMap::with_capacity(ids.len());
        if !leaves.is_empty() {
            for row in client.query(
                "SELECT idx, leaf_hash FROM ledger WHERE idx = ANY($1)",
                &[&leaves],
            )? {
                let index = row.get::<_, i64>(0) as u64;
                found.insert(NodeId { level: 0, index }, row.get(1));
            }
        }
        if !levels.is_empty() {
            for row in client.query(
                "SELECT level, idx, hash FROM nodes
                 WHERE (level, idx) IN (SELECT * FROM unnest($1::smallint[], $2::bigint[]))",
                &[&levels, &indices],
            )? {
                let id = NodeId {
                    level: row.get::<_, i16>(0) as u8,
                    index: row.get::<_, i64>(1) as u64,
                };
                found.insert(id, row.get(2));
            }
        }
        ids.iter()
            .map(|id| {
                let bytes = found.remove(id).ok_or_else(|| missing_node(id))?;
                to_hash(bytes, id.index as i64)
            })
            .collect()
    }
}

/// Every interior node of the ledger's complete subtrees, for a ledger written before
/// they were stored; in the migration's transaction.
fn backfill_nodes(tx: &mut Transaction) -> StoreResult<()> {
    let leaves = leaves_since(tx, 0)?;
    let insert = tx.prepare("INSERT INTO nodes (level, idx, hash) VALUES ($1, $2, $3)")?;
    for (id, hash) in tree::all_nodes(&leaves) {
        tx.execute(
            &insert,
            &[&(id.level as i16), &(id.index as i64), &hash.as_slice()],
        )?;
    }
    Ok(())
}

/// Creates, migrates or checks the schema, in one transaction.
fn prepare_schema(client: &mut Client) -> StoreResult<()> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&SCHEMA_LOCK])?;
    match schema::plan(found(&mut tx)?)? {
        Plan::Ready => return Ok(()),
        Plan::Create => {}
        Plan::Migrate { from } => {
            for step in from..schema::CURRENT {
                migrate(&mut tx, step)?;
            }
        }
    }
    tx.batch_execute(schema::POSTGRES)?;
    tx.execute(
        "INSERT INTO schema_version (id, version) VALUES (1, $1)
         ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version",
        &[&schema::CURRENT],
    )?;
    tx.commit()?;
    Ok(())
}

/// Which schema the database has (in the connection's search path).
fn found(tx: &mut Transaction) -> StoreResult<Found> {
    let row = tx.query_one(
        "SELECT to_regclass('schema_version') IS NOT NULL,
                to_regclass('ledger') IS NOT NULL OR to_regclass('decisions') IS NOT NULL
                OR to_regclass('nonces') IS NOT NULL OR to_regclass('sessions') IS NOT NULL
                OR to_regclass('key_bindings') IS NOT NULL",
        &[],
    )?;
    let (versioned, unversioned): (bool, bool) = (row.get(0), row.get(1));
    if versioned {
        return tx
            .query_opt("SELECT version FROM schema_version WHERE id = 1", &[])?
            .map(|r| Found::Version(r.get(0)))
            .ok_or_else(|| StoreError::Corrupt("schema_version has no row".into()));
    }
    Ok(if unversioned {
        Found::Unversioned
    } else {
        Found::Empty
    })
}

/// One migration step, from version `from` to `from + 1`.
fn migrate(tx: &mut Transaction, from: i64) -> StoreResult<()> {
    match from {
        // PostgreSQL tables always had today's names (`sessions.username`); the schema
        // file adds `schema_version`.
        0 => Ok(()),
        1 => {
            // Proofs are served from stored subtree roots: the schema (idempotent)
            // creates their table, then every existing leaf gets its nodes.
            tx.batch_execute(schema::POSTGRES)?;
            backfill_nodes(tx)
        }
        2 => {
            // The schema (idempotent) creates `signed_head`, with a head to adopt (see
            // `schema::TO_ADOPT`); key changes become leaves, their rows point at them.
            tx.batch_execute(schema::POSTGRES)?;
            tx.batch_execute(
                "ALTER TABLE key_changes ADD COLUMN idx BIGINT UNIQUE REFERENCES ledger(idx)",
            )?;
            put_head(tx, &schema::TO_ADOPT)
        }
        // `used_nonces` is new and empty: the schema, run after the steps, creates it.
        3 => Ok(()),
        other => Err(schema::no_migration(other)),
    }
}

fn lock(inner: &Mutex<Inner>) -> MutexGuard<'_, Inner> {
    inner.lock().unwrap_or_else(|p| p.into_inner())
}

impl Drop for PostgresStore {
    /// The blocking client owns a small runtime, which must not be dropped on an async
    /// worker thread; the last reference often goes away on one.
    fn drop(&mut self) {
        // The writer thread holds the other reference; it gets the lock between rounds.
        let client = self.lock().link.take().and_then(|mut link| link.take());
        let readers = self.readers.take();
        let _ = std::thread::spawn(move || drop((client, readers))).join();
    }
}

struct PgTx<'a, 'b>(&'a mut Transaction<'b>);

impl LedgerTx for PgTx<'_, '_> {
    fn lock_ledger(&mut self) -> StoreResult<()> {
        Ok(self
            .0
            .batch_execute("LOCK TABLE ledger IN EXCLUSIVE MODE")?)
    }

    fn decision_by_jti(&mut self, jti: &str) -> StoreResult<Option<(String, String)>> {
        Ok(self
            .0
            .query_typed_opt(
                "SELECT token, receipt FROM decisions WHERE jti = $1",
                &[(&jti, Type::TEXT)],
            )?
            .map(|r| (r.get(0), r.get(1))))
    }

    fn nonce_spent(&mut self, id: &str) -> StoreResult<bool> {
        let found = self.0.query_typed_opt(
            "SELECT 1 FROM used_nonces WHERE id = $1",
            &[(&id, Type::TEXT)],
        )?;
        Ok(found.is_some())
    }

    fn spend_nonce(&mut self, id: &str, expires_at: u64) -> StoreResult<()> {
        self.0.execute_typed(
            "INSERT INTO used_nonces (id, expires_at) VALUES ($1, $2)",
            &[(&id, Type::TEXT), (&(expires_at as i64), Type::INT8)],
        )?;
        Ok(())
    }

    fn nonce(&mut self, nonce: &str) -> StoreResult<Option<NonceRow>> {
        Ok(self
            .0
            .query_opt(
                "SELECT session_id, sub, expires_at, used, notice_id, notice_ver, notice_lang, notice_sha256
                 FROM nonces WHERE nonce = $1 FOR UPDATE",
                &[&nonce],
            )?
            .map(|r| NonceRow {
                session_id: r.get(0),
                sub: r.get(1),
                expires_at: r.get::<_, i64>(2) as u64,
                used: r.get(3),
                notice: NoticeRef {
                    id: r.get(4),
                    ver: r.get::<_, i64>(5) as u32,
                    lang: r.get(6),
                    sha256: r.get(7),
                    // The digest covers any link targets; a challenge keeps only it.
                    links: Default::default(),
                },
            }))
    }

    fn use_nonce(&mut self, nonce: &str) -> StoreResult<()> {
        self.0
            .execute("UPDATE nonces SET used = TRUE WHERE nonce = $1", &[&nonce])?;
        Ok(())
    }

    fn bound_key(&mut self, sub: &str) -> StoreResult<Option<String>> {
        Ok(self
            .0
            .query_typed_opt(
                "SELECT thumbprint FROM key_bindings WHERE sub = $1",
                &[(&sub, Type::TEXT)],
            )?
            .map(|r| r.get(0)))
    }

    fn bind_key(&mut self, sub: &str, thumbprint: &str, now: u64) -> StoreResult<()> {
        let now = now as i64;
        self.0.execute_typed(
            "INSERT INTO key_bindings (sub, thumbprint, bound_at) VALUES ($1, $2, $3)
             ON CONFLICT (sub) DO UPDATE SET thumbprint = EXCLUDED.thumbprint, bound_at = EXCLUDED.bound_at",
            &[(&sub, Type::TEXT), (&thumbprint, Type::TEXT), (&now, Type::INT8)],
        )?;
        Ok(())
    }

    fn leaves_since(&mut self, from: u64) -> StoreResult<Vec<Hash>> {
        leaves_since(self.0, from)
    }

    fn append_key_change(&mut self, k: &NewKeyChange) -> StoreResult<()> {
        insert_leaf(self.0, k.index, k.leaf, k.leaf_hash, k.nodes)?;
        self.0.execute(
            "INSERT INTO key_changes (sub, old_thumbprint, new_thumbprint, changed_at, idx)
             VALUES ($1, $2, $3, $4, $5)",
            &[
                &k.sub,
                &k.old_thumbprint,
                &k.new_thumbprint,
                &(k.changed_at as i64),
                &(k.index as i64),
            ],
        )?;
        Ok(())
    }

    fn append(&mut self, d: &NewDecision) -> StoreResult<()> {
        let index = d.index as i64;
        insert_leaf(self.0, d.index, d.leaf, d.leaf_hash, d.nodes)?;
        self.0.execute_typed(
            "INSERT INTO decisions (jti, sub, choice, idx, token, notice, received_at, receipt)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, '')",
            &[
                (&d.jti, Type::TEXT),
                (&d.sub, Type::TEXT),
                (&d.choice, Type::TEXT),
                (&index, Type::INT8),
                (&d.token, Type::TEXT),
                (&d.notice, Type::TEXT),
                (&d.received_at, Type::TEXT),
            ],
        )?;
        Ok(())
    }

    fn put_head(&mut self, head: &SignedHead) -> StoreResult<()> {
        put_head(self.0, head)
    }

    fn put_receipt(&mut self, jti: &str, receipt: &str) -> StoreResult<()> {
        self.0.execute_typed(
            "UPDATE decisions SET receipt = $2 WHERE jti = $1",
            &[(&jti, Type::TEXT), (&receipt, Type::TEXT)],
        )?;
        Ok(())
    }
}

/// A leaf and the tree nodes it completes. Typed statements: one round trip each, where
/// an untyped one first asks the server for its parameter types.
fn insert_leaf(
    tx: &mut Transaction,
    index: u64,
    leaf: &str,
    leaf_hash: &Hash,
    nodes: &[(NodeId, Hash)],
) -> StoreResult<()> {
    tx.execute_typed(
        "INSERT INTO ledger (idx, leaf, leaf_hash) VALUES ($1, $2, $3)",
        &[
            (&(index as i64), Type::INT8),
            (&leaf, Type::TEXT),
            (&leaf_hash.as_slice(), Type::BYTEA),
        ],
    )?;
    for (id, hash) in nodes {
        tx.execute_typed(
            "INSERT INTO nodes (level, idx, hash) VALUES ($1, $2, $3)",
            &[
                (&(id.level as i16), Type::INT2),
                (&(id.index as i64), Type::INT8),
                (&hash.as_slice(), Type::BYTEA),
            ],
        )?;
    }
    Ok(())
}

/// Leaf hashes from index `from` on, in order, read through `client`.
fn leaves_since(client: &mut impl GenericClient, from: u64) -> StoreResult<Vec<Hash>> {
    let rows = client.query_typed(
        "SELECT idx, leaf_hash FROM ledger WHERE idx >= $1 ORDER BY idx",
        &[(&(from as i64), Type::INT8)],
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for (expected, row) in (from as i64..).zip(rows) {
        let idx: i64 = row.get(0);
        if idx != expected {
            return Err(gap(idx));
        }
        out.push(to_hash(row.get(1), idx)?);
    }
    Ok(out)
}

/// One group commit, as in SQLite: every job of `batch` in one transaction, each in a
/// savepoint of its own (a refusal or an error rolls back that one only), one signed
/// head, one commit, then every job is finished. Other instances may have appended
/// since our last round, so the round takes the ledger's lock before anything else (a
/// job's own lock is then already held) and the jobs catch up from what is stored. A
/// commit that fails for want of the database answers every job of the round
/// [`StoreError::Unavailable`]; whether it was kept is for each re-send to find out.
fn append_round(inner: &mut Inner, batch: Vec<Box<dyn AppendJob>>) {
    let Inner {
        link,
        frontier,
        sealer,
    } = inner;
    let mut staged = Staged::new(frontier.clone());
    let mut waiting = Some(batch);
    let mut ran = round::Ran::new();
    let committed = link.as_mut().ok_or(CLOSED).and_then(|link| {
        link.in_transaction(|mut tx| {
            tx.batch_execute("LOCK TABLE ledger IN EXCLUSIVE MODE")?;
            let batch = waiting.take().unwrap_or_default();
            // A nested transaction is a savepoint; dropped, it rolls back.
            ran = round::run_jobs(batch, &mut staged, |job, staged| {
                let mut sp = tx.transaction()?;
                let keep = job.run(&mut PgTx(&mut sp), staged)?;
                if keep {
                    sp.commit()?;
                }
                Ok(keep)
            });
            round::seal(
                &mut ran,
                &staged,
                frontier.size(),
                sealer.as_ref(),
                &mut PgTx(&mut tx),
            )?;
            tx.commit()?;
            Ok(())
        })
    });
    match committed {
        Ok(()) => {
            *frontier = staged.into_frontier();
            for (job, result) in ran {
                job.finish(result.map(|_| ()));
            }
        }
        Err(e) => {
            // Jobs that never ran (the transaction could not begin) hear it too.
            let never_ran = waiting.into_iter().flatten();
            for job in ran.into_iter().map(|(job, _)| job).chain(never_ran) {
                job.finish(Err(e.clone()));
            }
        }
    }
}

/// Stores `head` as the last signed one.
fn put_head(client: &mut impl ::postgres::GenericClient, head: &SignedHead) -> StoreResult<()> {
    client.execute_typed(
        "INSERT INTO signed_head (id, size, root, checkpoint, signed_at) VALUES (1, $1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET size = EXCLUDED.size, root = EXCLUDED.root,
         checkpoint = EXCLUDED.checkpoint, signed_at = EXCLUDED.signed_at",
        &[
            (&(head.size as i64), Type::INT8),
            (&head.root.as_slice(), Type::BYTEA),
            (&head.checkpoint, Type::TEXT),
            (&(head.signed_at as i64), Type::INT8),
        ],
    )?;
    Ok(())
}

impl Storage for PostgresStore {
    fn create_session(&self, id: &str, user: &str, now: u64) -> StoreResult<()> {
        self.with_client(|client| {
            client.execute(
                "INSERT INTO sessions (id, username, created_at) VALUES ($1, $2, $3)",
                &[&id, &user, &(now as i64)],
            )?;
            Ok(())
        })
    }

    fn session_user(&self, id: &str) -> StoreResult<Option<String>> {
        self.readers.with(|client| {
            Ok(client
                .query_opt("SELECT username FROM sessions WHERE id = $1", &[&id])?
                .map(|r| r.get(0)))
        })
    }

    fn delete_session(&self, id: &str) -> StoreResult<()> {
        self.with_client(|client| {
            client.execute("DELETE FROM sessions WHERE id = $1", &[&id])?;
            Ok(())
        })
    }

    fn append(&self, job: Box<dyn AppendJob>) {
        self.writer.submit_job(job);
    }

    fn subject_leaves(&self, sub: &str, latest_only: bool) -> StoreResult<Vec<StoredLeaf>> {
        let sql = if latest_only {
            "SELECT l.idx, l.leaf, l.leaf_hash FROM decisions d JOIN ledger l ON l.idx = d.idx
             WHERE d.sub = $1 ORDER BY d.idx DESC LIMIT 1"
        } else {
            "SELECT idx, leaf, leaf_hash FROM ledger WHERE idx IN (
               SELECT idx FROM decisions WHERE sub = $1
               UNION ALL SELECT idx FROM key_changes WHERE sub = $1 AND idx IS NOT NULL)
             ORDER BY idx"
        };
        self.readers.with(|client| {
            Ok(client
                .query(sql, &[&sub])?
                .into_iter()
                .map(|r| StoredLeaf {
                    index: r.get::<_, i64>(0) as u64,
                    leaf: r.get(1),
                    leaf_hash: r.get(2),
                    decision: None,
                    key_change: None,
                })
                .collect())
        })
    }

    fn tree_size(&self) -> StoreResult<u64> {
        self.readers.with(tree_size)
    }

    fn sweep(&self, nonces_before: u64, sessions_before: u64) -> StoreResult<u64> {
        self.with_client(|client| {
            let mut nonces = 0;
            for sql in [
                "DELETE FROM nonces WHERE expires_at < $1",
                "DELETE FROM used_nonces WHERE expires_at < $1",
            ] {
                nonces += client.execute(sql, &[&(nonces_before as i64)])?;
            }
            let sessions = client.execute(
                "DELETE FROM sessions WHERE created_at < $1",
                &[&(sessions_before as i64)],
            )?;
            Ok(nonces + sessions)
        })
    }

    fn sign_heads_with(&self, signer: Arc<dyn HeadSigner>) {
        self.lock().sealer = Some(signer);
    }

    fn signed_head(&self) -> StoreResult<Option<SignedHead>> {
        self.readers.with(|client| {
            client
                .query_opt(
                    "SELECT size, root, checkpoint, signed_at FROM signed_head WHERE id = 1",
                    &[],
                )?
                .map(|r| {
                    let size: i64 = r.get(0);
                    Ok(SignedHead {
                        size: size as u64,
                        root: to_hash(r.get(1), size)?,
                        checkpoint: r.get(2),
                        signed_at: r.get::<_, i64>(3) as u64,
                    })
                })
                .transpose()
        })
    }

    fn put_signed_head(&self, head: &SignedHead) -> StoreResult<()> {
        self.with_client(|client| put_head(client, head))
    }

    fn stored_leaves(&self, start: u64, end: u64) -> StoreResult<Vec<StoredLeaf>> {
        self.readers.with(|client| {
            Ok(client
                .query(
                    "SELECT l.idx, l.leaf, l.leaf_hash, d.jti, d.sub, d.choice, d.notice, d.token,
                            d.received_at, k.sub, k.old_thumbprint, k.new_thumbprint, k.changed_at
                     FROM ledger l LEFT JOIN decisions d ON d.idx = l.idx
                     LEFT JOIN key_changes k ON k.idx = l.idx
                     WHERE l.idx >= $1 AND l.idx < $2 ORDER BY l.idx",
                    &[&(start as i64), &(end as i64)],
                )?
                .into_iter()
                .map(|r| StoredLeaf {
                    index: r.get::<_, i64>(0) as u64,
                    leaf: r.get(1),
                    leaf_hash: r.get(2),
                    decision: r.get::<_, Option<String>>(3).map(|jti| DecisionColumns {
                        jti,
                        sub: r.get(4),
                        choice: r.get(5),
                        notice: r.get(6),
                        token: r.get(7),
                        received_at: r.get(8),
                    }),
                    key_change: r.get::<_, Option<String>>(9).map(|sub| KeyChangeColumns {
                        sub,
                        old_thumbprint: r.get(10),
                        new_thumbprint: r.get(11),
                        changed_at: r.get::<_, i64>(12) as u64,
                    }),
                })
                .collect())
        })
    }

    fn stored_level(&self, level: u8) -> StoreResult<Vec<(u64, Vec<u8>)>> {
        self.readers.with(|client| {
            Ok(client
                .query(
                    "SELECT idx, hash FROM nodes WHERE level = $1 ORDER BY idx",
                    &[&(level as i16)],
                )?
                .into_iter()
                .map(|r| (r.get::<_, i64>(0) as u64, r.get(1)))
                .collect())
        })
    }

    fn entries(&self, start: u64, end: u64) -> StoreResult<Vec<(u64, String)>> {
        self.readers.with(|client| {
            Ok(client
                .query(
                    "SELECT idx, leaf FROM ledger WHERE idx >= $1 AND idx < $2 ORDER BY idx",
                    &[&(start as i64), &(end as i64)],
                )?
                .into_iter()
                .map(|r| (r.get::<_, i64>(0) as u64, r.get(1)))
                .collect())
        })
    }
}

impl NodeSource for PostgresStore {
    fn nodes(&self, ids: &[NodeId]) -> StoreResult<Vec<Hash>> {
        self.readers
            .with(|client| Nodes(RefCell::new(client)).nodes(ids))
    }
}
