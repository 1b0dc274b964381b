//! A subject's decisions (and key changes) as the host is told them (`current`, `export`, the last
//! decision a challenge names): read from the ledger's leaves, not from the decision
//! rows beside them, and each leaf proved to be in the tree the server last signed.
//! A row edited below the API (`UPDATE decisions SET choice = ...`) changes nothing
//! here; a leaf or node edited while the server runs fails its proof, and the host
//! gets an error instead of the edited value.

use super::entry::{self, Entry};
use super::{tree, verify_head, LedgerSigner};
use crate::store::{SignedHead, Storage, StoreError, StoreResult, StoredLeaf};
use consent_core::merkle;
use std::collections::HashMap;
use std::sync::Mutex;

/// The latest decision index this process knows for each subject: filled by the
/// start-up audit and raised after each commit. A subject's latest decision row can
/// be deleted, or moved to another subject, below the API; its leaf cannot go without
/// the audit seeing it, but the index the reads go through can. So the latest
/// decision read must be at least as recent as this, or the read is refused.
#[derive(Debug, Default)]
pub struct LatestSeen(Mutex<HashMap<String, u64>>);

impl LatestSeen {
    /// What the audit found.
    pub fn new(latest: HashMap<String, u64>) -> LatestSeen {
        LatestSeen(Mutex::new(latest))
    }

    /// `sub`'s decision at `index` is committed.
    pub fn raise(&self, sub: &str, index: u64) {
        let mut seen = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let at = seen.entry(sub.to_owned()).or_insert(index);
        *at = (*at).max(index);
    }

    fn get(&self, sub: &str) -> Option<u64> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(sub)
            .copied()
    }
}

/// One line of a subject's export: a decision or a key change, as its leaf says it.
#[derive(Debug, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum Record {
    Decision(DecisionRow),
    KeyChange(KeyChangeRow),
}

/// A subject's device key change, as its leaf says it. The leaf is
/// `consent_core::leaf::key_change(sub, old_key_thumbprint, new_key_thumbprint,
/// changed_at)`, so the holder of an export can rebuild it and check its inclusion
/// proof at `index`.
#[derive(Debug, PartialEq, serde::Serialize)]
pub struct KeyChangeRow {
    pub index: u64,
    /// Always `key_change`: what tells these lines from decisions.
    pub kind: String,
    pub old_key_thumbprint: String,
    pub new_key_thumbprint: String,
    pub changed_at: String,
}

/// One decision of a subject, as its leaf says it.
#[derive(Debug, PartialEq, serde::Serialize)]
pub struct DecisionRow {
    pub index: u64,
    pub jti: String,
    pub choice: String,
    pub notice: serde_json::Value,
    pub received_at: String,
    pub token: String,
}

/// Every decision and key change of `sub`, oldest first (ledger order), each proved
/// against the last signed head (blocking). [`StoreError::Corrupt`] when any fails
/// its proof.
pub fn history(store: &dyn Storage, signer: &LedgerSigner, sub: &str) -> StoreResult<Vec<Record>> {
    prove_all(store, signer, sub, store.subject_leaves(sub, false)?)
}

/// The latest decision of `sub` by ledger order, proved as [`history`] proves each,
/// and no older than the latest `seen` knows.
pub fn latest(
    store: &dyn Storage,
    signer: &LedgerSigner,
    seen: &LatestSeen,
    sub: &str,
) -> StoreResult<Option<DecisionRow>> {
    // Before the read: a decision committed meanwhile can only make the read newer.
    let known = seen.get(sub);
    let found = match prove_all(store, signer, sub, store.subject_leaves(sub, true)?)?.pop() {
        None => None,
        Some(Record::Decision(d)) => Some(d),
        Some(Record::KeyChange(k)) => {
            return Err(corrupt(format!("leaf {} is not a decision", k.index)))
        }
    };
    match (known, &found) {
        (Some(known), found) if found.as_ref().is_none_or(|d| d.index < known) => Err(corrupt(
            format!("the subject's decision at leaf {known} is no longer listed as theirs"),
        )),
        _ => Ok(found),
    }
}

fn corrupt(what: String) -> StoreError {
    StoreError::Corrupt(format!(
        "the ledger does not match what the server signed: {what}"
    ))
}

fn prove_all(
    store: &dyn Storage,
    signer: &LedgerSigner,
    sub: &str,
    leaves: Vec<StoredLeaf>,
) -> StoreResult<Vec<Record>> {
    if leaves.is_empty() {
        return Ok(Vec::new());
    }
    // Read after the leaves: the head is written in the transaction that appended
    // them, so it covers every one of them.
    let head = store
        .signed_head()?
        .ok_or_else(|| corrupt("no signed tree head is stored".into()))?;
    verify_head(signer, &head).map_err(corrupt)?;
    leaves
        .into_iter()
        .map(|leaf| prove(store, &head, sub, leaf))
        .collect()
}

/// `leaf`'s inclusion in the signed tree, from the stored nodes, then what it says.
fn prove(
    store: &dyn Storage,
    head: &SignedHead,
    sub: &str,
    leaf: StoredLeaf,
) -> StoreResult<Record> {
    let i = leaf.index;
    if i >= head.size {
        return Err(corrupt(format!(
            "leaf {i} lies beyond the signed tree of {}",
            head.size
        )));
    }
    let hash = merkle::leaf_hash(leaf.leaf.as_bytes());
    let path = tree::inclusion(store, i, head.size)?;
    if !merkle::verify_inclusion(i, head.size, &hash, &path.proof, &head.root) {
        return Err(corrupt(format!(
            "leaf {i} is not in the tree the server signed"
        )));
    }
    match entry::parse(&leaf.leaf).map_err(|e| corrupt(format!("leaf {i}: {e}")))? {
        Entry::Decision(d) if d.sub == sub => Ok(Record::Decision(DecisionRow {
            index: i,
            jti: d.jti,
            choice: d.choice,
            notice: d.notice,
            received_at: d.received_at,
            token: d.token,
        })),
        Entry::KeyChange(k) if k.sub == sub => Ok(Record::KeyChange(KeyChangeRow {
            index: i,
            kind: k.kind,
            old_key_thumbprint: k.old_key_thumbprint,
            new_key_thumbprint: k.new_key_thumbprint,
            changed_at: k.changed_at,
        })),
        _ => Err(corrupt(format!("leaf {i} is not an entry of this subject"))),
    }
}
