//! Durable state: sessions, challenges (nonces), decisions, key bindings and the
//! ledger, behind [`Storage`]. SQLite is the default; PostgreSQL lets several
//! stateless server instances share one ledger.
//!
//! Stores only persist. What a decision is checked against and what gets appended is
//! decided in [`crate::ledger`], which hands the store an [`AppendJob`]; the store runs
//! it inside a transaction on its writer thread through [`LedgerTx`], commits, and only
//! then lets the job answer. So a decision is acknowledged only once durable.
//!
//! Reads never wait for the writer: each store reads through connections of its own
//! (read-only ones in SQLite's WAL mode; a small pool in PostgreSQL), and the Merkle
//! tree is read from the roots of its complete subtrees, stored beside each leaf in
//! the leaf's transaction (`crate::ledger::tree`).

mod error;
mod notices;
mod pg;
mod pg_conn;
mod round;
mod schema;
mod sqlite;
mod writer;

pub use self::error::{StoreError, StoreResult};
pub use self::notices::Notices;
pub use self::pg::PostgresStore;
pub use self::sqlite::SqliteStore;

use crate::ledger::tree::{self, NodeId, NodeSource};
use crate::ledger::Staged;
use consent_core::merkle::{Frontier, Hash};
use consent_core::NoticeRef;
use std::sync::Arc;

/// What the server keeps, whatever it keeps it in.
///
/// Every method but [`Storage::append`] blocks on the database: from async code call
/// them on the blocking pool (the request handlers use `crate::blocking::blocking`).
///
/// ```
/// use consent_server::store::{SqliteStore, Storage};
/// let dir = tempfile::tempdir().unwrap();
/// let store = SqliteStore::open(&dir.path().join("ledger.sqlite3")).unwrap();
/// store.create_session("s1", "megan", 1_000).unwrap();
/// assert_eq!(store.session_user("s1").unwrap().as_deref(), Some("megan"));
/// ```
pub trait Storage: Notices + NodeSource + Send + Sync {
    /// Stores a demo session for `user`, created at `now` (Unix seconds). `id` is
    /// what the server keeps of the cookie (`crate::cookie::stored_session_id`), never
    /// the cookie itself.
    fn create_session(&self, id: &str, user: &str, now: u64) -> StoreResult<()>;
    /// The user a demo session belongs to, if it exists (and was not swept).
    fn session_user(&self, id: &str) -> StoreResult<Option<String>>;
    /// Ends a demo session (sign-out); no error if there was none.
    fn delete_session(&self, id: &str) -> StoreResult<()>;
    /// Queues `job` for the ledger writer, which runs it in a transaction and calls its
    /// [`AppendJob::finish`] once the transaction is durable (or has failed). Never
    /// blocks, so async code may call it.
    fn append(&self, job: Box<dyn AppendJob>);
    /// The leaves of the subject's decisions and key changes, oldest first (ledger
    /// order); only the latest decision when `latest_only`. The rows serve as the
    /// subject's index and nothing more: what an entry says is read from its leaf
    /// (`crate::ledger::history`), so the leaves come without the rows' columns.
    fn subject_leaves(&self, sub: &str, latest_only: bool) -> StoreResult<Vec<StoredLeaf>>;
    /// How many leaves the committed tree has (an index lookup, not a count).
    fn tree_size(&self) -> StoreResult<u64>;
    /// The committed tree's size and root, from O(log n) stored nodes.
    fn tree_head(&self) -> StoreResult<(u64, Hash)> {
        let size = self.tree_size()?;
        Ok((size, tree::root(self, size)?))
    }
    /// Ledger entries `[start, end)`: the leaf data exactly as hashed.
    fn entries(&self, start: u64, end: u64) -> StoreResult<Vec<(u64, String)>>;
    /// Forgets challenges (stored ones, and the record of answered stateless ones)
    /// that expired before `nonces_before` and sessions created
    /// before `sessions_before` (both Unix seconds); returns how many rows went.
    /// Decisions, key bindings and the ledger are evidence and are never swept.
    fn sweep(&self, nonces_before: u64, sessions_before: u64) -> StoreResult<u64>;

    /// From now on every writer commit that appends also stores the head it leaves,
    /// signed by `signer`, in the same transaction (see [`SignedHead`]).
    fn sign_heads_with(&self, signer: Arc<dyn HeadSigner>);
    /// The last tree head the server signed, if one is stored.
    fn signed_head(&self) -> StoreResult<Option<SignedHead>>;
    /// Stores `head` as the last signed one, outside the writer: for the start-up
    /// audit, which adopts a ledger that has none yet.
    fn put_signed_head(&self, head: &SignedHead) -> StoreResult<()>;
    /// Leaves `[start, end)` as stored, each with the decision or key change row that
    /// points at it, for the start-up audit.
    fn stored_leaves(&self, start: u64, end: u64) -> StoreResult<Vec<StoredLeaf>>;
    /// Every stored interior node of `level` (1 and up), in index order, hashes as
    /// stored (unchecked length), for the start-up audit.
    fn stored_level(&self, level: u8) -> StoreResult<Vec<(u64, Vec<u8>)>>;
}

/// A tree head as the server signed it: what a commit that appends leaves behind, and
/// what the start-up audit compares the recomputed tree with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedHead {
    pub size: u64,
    pub root: Hash,
    /// The signed note (C2SP tlog-checkpoint) over `size` and `root`.
    pub checkpoint: String,
    /// When it was signed, Unix seconds.
    pub signed_at: u64,
}

/// Signs the tree head a writer's commit leaves (the ledger's key implements it).
///
/// ```
/// use consent_server::store::{HeadSigner, SignedHead};
/// struct Unsigned;
/// impl HeadSigner for Unsigned {
///     fn sign_head(&self, size: u64, root: &[u8; 32]) -> SignedHead {
///         SignedHead { size, root: *root, checkpoint: String::new(), signed_at: 0 }
///     }
/// }
/// assert_eq!(Unsigned.sign_head(3, &[0; 32]).size, 3);
/// ```
pub trait HeadSigner: Send + Sync {
    fn sign_head(&self, size: u64, root: &Hash) -> SignedHead;
}

/// One ledger leaf as stored, and the decision row that points at it, if any.
#[derive(Debug)]
pub struct StoredLeaf {
    pub index: u64,
    /// The leaf data, which should hash to `leaf_hash`.
    pub leaf: String,
    pub leaf_hash: Vec<u8>,
    pub decision: Option<DecisionColumns>,
    pub key_change: Option<KeyChangeColumns>,
}

/// A key change row's columns, which repeat what its leaf says.
#[derive(Debug)]
pub struct KeyChangeColumns {
    pub sub: String,
    pub old_thumbprint: String,
    pub new_thumbprint: String,
    /// Unix seconds.
    pub changed_at: u64,
}

/// A decision row's columns that repeat what its leaf says.
#[derive(Debug)]
pub struct DecisionColumns {
    pub jti: String,
    pub sub: String,
    pub choice: String,
    /// The token's notice, as JSON.
    pub notice: String,
    pub token: String,
    pub received_at: String,
}

/// Work for a store's ledger writer, run inside the store's transaction. The ledger's
/// record step is the implementation that matters; the store learns from it only
/// whether to commit and which leaves it appended.
pub trait AppendJob: Send {
    /// Runs the job's reads and writes in `tx`. `staged` is the tree as this process
    /// knows it, with what the round's earlier jobs appended; the job brings it up to
    /// date and pushes its own leaf.
    ///
    /// `Ok(true)`: keep the job's writes; once they are committed the store adopts
    /// `staged`. `Ok(false)`: nothing to keep; its writes are rolled back and `staged`
    /// is rewound.
    fn run(&mut self, tx: &mut dyn LedgerTx, staged: &mut Staged) -> StoreResult<bool>;

    /// Called on every job whose `run` succeeded, in order, once the round's jobs have
    /// all run and before the commit: `staged` is the tree the commit leaves and `head`
    /// its signed head (`None` before the store was given a [`HeadSigner`], or when
    /// nothing was appended). One checkpoint for the whole round, which every receipt
    /// of the round proves against.
    fn seal(
        &mut self,
        tx: &mut dyn LedgerTx,
        staged: &Staged,
        head: Option<&SignedHead>,
    ) -> StoreResult<()>;

    /// Called exactly once, when the job's fate is sealed: `Ok` after the commit that
    /// holds it (or after its rollback, if it kept nothing), or the error that undid it.
    fn finish(self: Box<Self>, result: StoreResult<()>);
}

/// The reads and writes an [`AppendJob`] may make inside its transaction.
pub trait LedgerTx {
    /// Serialises appenders (across server instances, for a shared database).
    fn lock_ledger(&mut self) -> StoreResult<()>;
    /// `(token, receipt)` of the decision with this `jti`; the receipt is empty while
    /// the round that wrote the decision is not sealed yet.
    fn decision_by_jti(&mut self, jti: &str) -> StoreResult<Option<(String, String)>>;
    /// Whether the stateless nonce with this id (`crate::nonce::Opened::id`) was
    /// answered.
    fn nonce_spent(&mut self, id: &str) -> StoreResult<bool>;
    /// Records a stateless nonce answered; kept until it `expires_at` (Unix seconds)
    /// and the delivery grace after.
    fn spend_nonce(&mut self, id: &str, expires_at: u64) -> StoreResult<()>;
    /// A challenge stored by a server from before stateless nonces, as issued and
    /// whether it was answered.
    fn nonce(&mut self, nonce: &str) -> StoreResult<Option<NonceRow>>;
    /// Marks such a stored challenge answered.
    fn use_nonce(&mut self, nonce: &str) -> StoreResult<()>;
    /// The thumbprint of the key bound to `sub`.
    fn bound_key(&mut self, sub: &str) -> StoreResult<Option<String>>;
    /// Binds `thumbprint` to `sub` (replacing any key bound before).
    fn bind_key(&mut self, sub: &str, thumbprint: &str, now: u64) -> StoreResult<()>;
    /// Writes a key change's leaf, the tree nodes it completes and its row.
    fn append_key_change(&mut self, k: &NewKeyChange) -> StoreResult<()>;
    /// Leaf hashes from index `from` on, in order.
    fn leaves_since(&mut self, from: u64) -> StoreResult<Vec<Hash>>;
    /// Writes the leaf, the tree nodes it completes and the decision row, whose
    /// receipt comes once the round is sealed.
    fn append(&mut self, d: &NewDecision) -> StoreResult<()>;
    /// Stores the receipt of the decision with this `jti`, written this round.
    fn put_receipt(&mut self, jti: &str, receipt: &str) -> StoreResult<()>;
    /// Stores the head the round leaves as the last signed one.
    fn put_head(&mut self, head: &SignedHead) -> StoreResult<()>;
}

/// A challenge stored by a server from before stateless nonces, as the ledger's checks
/// need it.
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
    /// The leaf data exactly as hashed.
    pub leaf: &'a str,
    pub leaf_hash: &'a Hash,
    /// The interior nodes this leaf completes (`crate::ledger::tree::completed_nodes`).
    pub nodes: &'a [(NodeId, Hash)],
    pub jti: &'a str,
    pub sub: &'a str,
    pub choice: &'a str,
    pub token: &'a str,
    /// The token's notice, as JSON.
    pub notice: &'a str,
    pub received_at: &'a str,
}

/// What gets written when a subject signs with a new device key.
pub struct NewKeyChange<'a> {
    pub index: u64,
    /// The leaf data exactly as hashed (`consent_core::leaf::key_change`).
    pub leaf: &'a str,
    pub leaf_hash: &'a Hash,
    /// The interior nodes this leaf completes.
    pub nodes: &'a [(NodeId, Hash)],
    pub sub: &'a str,
    pub old_thumbprint: &'a str,
    pub new_thumbprint: &'a str,
    /// Unix seconds.
    pub changed_at: u64,
}

/// A stored leaf hash, which must be 32 bytes.
pub(crate) fn to_hash(bytes: Vec<u8>, index: i64) -> StoreResult<Hash> {
    bytes
        .try_into()
        .map_err(|_| StoreError::Corrupt(format!("ledger leaf {index} has a malformed hash")))
}

/// A node a proof needs is not stored, though its leaves are committed.
pub(crate) fn missing_node(id: &NodeId) -> StoreError {
    StoreError::Corrupt(format!(
        "tree node {} at level {} is missing",
        id.index, id.level
    ))
}

/// Ledger indices are gap-free: a missing one means rows were deleted.
pub(crate) fn gap(index: i64) -> StoreError {
    StoreError::Corrupt(format!("the ledger has a gap before leaf {index}"))
}
