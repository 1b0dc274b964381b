//! Where a test server keeps its data, and the one place tests read that data
//! directly: the server's schema is its own business, so SQL stays here.

use super::pg::PgCluster;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A temporary directory (the data directory, `www/` and `pkg/` beside it) and, for
/// PostgreSQL, a cluster of its own; both go when this is dropped.
pub struct TestStore {
    dir: tempfile::TempDir,
    pg: Option<PgCluster>,
}

impl TestStore {
    /// Blocks while a PostgreSQL cluster is made and started; async code wants
    /// [`TestStore::create`].
    pub fn new(backend: Backend) -> TestStore {
        let dir = tempfile::tempdir().unwrap();
        // Stores opened without a server (the sweep tests) need it to exist.
        std::fs::create_dir(dir.path().join("data")).unwrap();
        let pg = match backend {
            Backend::Sqlite => None,
            Backend::Postgres => Some(PgCluster::start()),
        };
        TestStore { dir, pg }
    }

    pub async fn create(backend: Backend) -> TestStore {
        tokio::task::spawn_blocking(move || TestStore::new(backend))
            .await
            .unwrap()
    }

    /// Holds `data/`, `www/` and `pkg/`.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn data_dir(&self) -> PathBuf {
        self.root().join("data")
    }

    pub fn database_url(&self) -> Option<String> {
        self.pg.as_ref().map(|pg| pg.url.clone())
    }

    /// Stops this store's PostgreSQL cluster (see [`PgCluster::stop`]); the data and
    /// port stay for [`TestStore::start_database`]. Blocks.
    pub fn stop_database(&self) {
        self.pg.as_ref().expect("a PostgreSQL store").stop();
    }

    /// Starts the cluster [`TestStore::stop_database`] stopped. Blocks.
    pub fn start_database(&self) {
        self.pg.as_ref().expect("a PostgreSQL store").start_again();
    }

    /// Where the server keeps its SQLite ledger inside the data directory.
    pub fn sqlite_path(&self) -> PathBuf {
        self.data_dir().join("ledger.sqlite3")
    }

    /// How many rows `table` holds, read straight from the database.
    pub fn count(&self, table: &str) -> i64 {
        self.read(
            format!("SELECT COUNT(*) FROM {table}"),
            |db, sql| db.query_row(sql, [], |r| r.get(0)).unwrap(),
            |db, sql| db.query_one(sql, &[]).unwrap().get(0),
        )
    }

    /// Every value of the text column `column` in `table`, read straight from the
    /// database: what a copy of it would give away.
    pub fn texts(&self, table: &str, column: &str) -> Vec<String> {
        self.read(
            format!("SELECT {column} FROM {table}"),
            |db, sql| {
                let mut stmt = db.prepare(sql).unwrap();
                let rows = stmt.query_map([], |r| r.get(0)).unwrap();
                rows.map(Result::unwrap).collect()
            },
            |db, sql| {
                db.query(sql, &[])
                    .unwrap()
                    .iter()
                    .map(|r| r.get(0))
                    .collect()
            },
        )
    }

    /// Runs `sql` through `sqlite` or `pg`, on a fresh connection to this store's
    /// database.
    fn read<T: Send + 'static>(
        &self,
        sql: String,
        sqlite: fn(&rusqlite::Connection, &str) -> T,
        pg: fn(&mut ::postgres::Client, &str) -> T,
    ) -> T {
        let (url, path) = (self.database_url(), self.sqlite_path());
        // On a thread of its own: the blocking PostgreSQL client starts a runtime, which
        // panics on a thread that already runs one.
        std::thread::spawn(move || match url {
            Some(url) => pg(
                &mut ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap(),
                &sql,
            ),
            None => sqlite(&rusqlite::Connection::open(path).unwrap(), &sql),
        })
        .join()
        .unwrap()
    }

    /// Runs `sql` (several statements) on this store's database, as an older server
    /// or an operator would have.
    pub fn execute(&self, sql: &str) {
        let (url, path, sql) = (self.database_url(), self.sqlite_path(), sql.to_owned());
        std::thread::spawn(move || match url {
            Some(url) => ::postgres::Client::connect(&url, ::postgres::NoTls)
                .unwrap()
                .batch_execute(&sql)
                .unwrap(),
            None => rusqlite::Connection::open(path)
                .unwrap()
                .execute_batch(&sql)
                .unwrap(),
        })
        .join()
        .unwrap()
    }

    /// Appends `count` synthetic leaves through the store's own writer (see
    /// `fill.rs`), before a server opens it.
    pub fn fill_ledger(&self, count: u64) {
        use consent_server::store::{PostgresStore, SqliteStore, Storage};
        let (url, path, data) = (self.database_url(), self.sqlite_path(), self.data_dir());
        std::thread::spawn(move || {
            let store: Box<dyn Storage> = match url {
                Some(url) => Box::new(PostgresStore::connect(&url).unwrap()),
                None => Box::new(SqliteStore::open(&path).unwrap()),
            };
            super::fill::fill(&*store, count, &data).unwrap();
        })
        .join()
        .unwrap()
    }

    /// Takes the ledger's write lock from outside the server, as another writer
    /// would, and keeps it until the returned guard is released or dropped: the
    /// server's appends wait, its reads should not.
    pub fn hold_ledger_lock(&self) -> LedgerLock {
        let (url, path) = (self.database_url(), self.sqlite_path());
        let (held, is_held) = std::sync::mpsc::channel();
        let (release, on_release) = std::sync::mpsc::channel::<()>();
        let thread = std::thread::spawn(move || match url {
            Some(url) => {
                let mut db = ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap();
                let mut tx = db.transaction().unwrap();
                tx.batch_execute("LOCK TABLE ledger IN EXCLUSIVE MODE")
                    .unwrap();
                held.send(()).unwrap();
                let _ = on_release.recv();
                tx.rollback().unwrap();
            }
            None => {
                let db = rusqlite::Connection::open(path).unwrap();
                db.execute_batch("BEGIN IMMEDIATE").unwrap();
                held.send(()).unwrap();
                let _ = on_release.recv();
                db.execute_batch("ROLLBACK").unwrap();
            }
        });
        is_held.recv().unwrap();
        LedgerLock {
            release: Some(release),
            thread: Some(thread),
        }
    }

    /// Stores a challenge as a server from before stateless nonces did when it issued
    /// one: a row in `nonces`, written as that server wrote it.
    pub fn store_challenge(&self, c: &StoredChallenge) {
        let q = |s: &str| format!("'{}'", s.replace('\'', "''"));
        self.execute(&format!(
            "INSERT INTO nonces (nonce, session_id, sub, notice_id, notice_ver, notice_lang,
             notice_sha256, expires_at) VALUES ({}, {}, {}, {}, {}, {}, {}, {})",
            q(&c.nonce),
            q(&c.session_id),
            q(&c.sub),
            q(&c.notice.id),
            c.notice.ver,
            q(&c.notice.lang),
            q(&c.notice.sha256),
            c.expires_at
        ));
    }
}

/// The ledger's write lock held from outside (see [`TestStore::hold_ledger_lock`]).
pub struct LedgerLock {
    release: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl LedgerLock {
    /// Lets the lock go, and waits until it has.
    pub fn release(mut self) {
        self.let_go();
    }

    fn let_go(&mut self) {
        drop(self.release.take());
        if let Some(thread) = self.thread.take() {
            thread.join().unwrap();
        }
    }
}

impl Drop for LedgerLock {
    fn drop(&mut self) {
        self.let_go();
    }
}

/// A challenge as servers before stateless nonces stored it.
pub struct StoredChallenge {
    pub nonce: String,
    /// The stored session id (`consent_server::cookie::stored_session_id`).
    pub session_id: String,
    pub sub: String,
    pub notice: consent_core::NoticeRef,
    /// Unix seconds.
    pub expires_at: u64,
}
