//! The start-up audit: before serving, the server recomputes every leaf hash from the
//! stored leaf data, every stored tree node from the leaves, and the root, checks
//! each decision and key change row against the leaf it points at, and compares the
//! tree with the last head it signed. Anything edited below the API (a leaf, a hash,
//! a node, a row, a deleted or added row) makes it refuse to start, naming the first
//! place that differs. See docs/DESIGN.md, Ledger.

use super::entry::{self, Entry};
use super::{verify_head, LedgerSigner};
use crate::store::{HeadSigner, SignedHead, Storage, StoredLeaf};
use crate::time::rfc3339;
use consent_core::merkle::{self, node_hash, Frontier, Hash};
use std::collections::HashMap;

/// Leaves read per query: memory stays bounded by a page of leaf data plus 32
/// bytes per leaf.
const PAGE: u64 = 1000;

/// What a passed audit found.
#[derive(Debug)]
pub struct Audited {
    /// Leaves checked.
    pub size: u64,
    /// `true` when no head was stored (a new or just-migrated ledger) and the
    /// audited tree's head was signed and stored now.
    pub adopted: bool,
    /// Each subject's latest decision index (see [`super::LatestSeen`]).
    pub latest: HashMap<String, u64>,
}

/// Audits `store` against the heads `signer` signed (blocking; it reads every leaf
/// and node once). The error is a sentence for the operator.
///
/// ```
/// use consent_server::store::{SqliteStore, Storage};
/// let dir = tempfile::tempdir().unwrap();
/// let store = SqliteStore::open(&dir.path().join("ledger.sqlite3")).unwrap();
/// let signer = consent_server::ledger::LedgerSigner::load_or_create(dir.path(), "o").unwrap();
/// let audited = consent_server::ledger::audit(&store, &signer).unwrap();
/// assert_eq!((audited.size, audited.adopted), (0, true));
/// assert!(store.signed_head().unwrap().is_some());
/// ```
pub fn audit(store: &dyn Storage, signer: &LedgerSigner) -> Result<Audited, String> {
    let read = |e: crate::store::StoreError| format!("cannot audit the ledger: {e}");
    // The head first and the size after: another instance sharing a PostgreSQL ledger
    // may append meanwhile, which only ever makes the tree longer than the head.
    let first_head = store.signed_head().map_err(read)?;
    let size = store.tree_size().map_err(read)?;
    let mut latest = HashMap::new();
    let leaves = leaf_hashes(store, size, &mut latest)?;
    check_nodes(store, &leaves)?;
    let last_head = store.signed_head().map_err(read)?;
    // A head newer than what was read covers leaves appended since; the tree read
    // is then checked against the head from before.
    let head = match (&first_head, &last_head) {
        (_, Some(last)) if last.size <= size => last_head.clone(),
        _ => first_head.clone(),
    };
    let appending_elsewhere = last_head.as_ref().is_some_and(|h| h.size > size);
    // A migration leaves a head without a checkpoint to adopt; a new ledger has none
    // and no leaves. Otherwise a missing head was deleted.
    let to_adopt = match &head {
        Some(h) => h.checkpoint.is_empty(),
        None if size == 0 => true,
        None => {
            return Err(tampered(format!(
                "no signed tree head is stored, but the ledger holds {size} leaves \
                 (the head was deleted)"
            )))
        }
    };
    let Some(head) = head.filter(|_| !to_adopt) else {
        let adopted = signer.sign_head(size, &merkle::root(&leaves));
        store.put_signed_head(&adopted).map_err(read)?;
        return Ok(Audited {
            size,
            adopted: true,
            latest,
        });
    };
    compare(&head, signer, &leaves, appending_elsewhere)?;
    Ok(Audited {
        size,
        adopted: false,
        latest,
    })
}

fn tampered(what: String) -> String {
    format!("the ledger was changed outside the server, refusing to start: {what}")
}

/// Every leaf hash recomputed from its data and compared with the stored one; each
/// row compared with its leaf; each subject's latest decision noted in `latest`.
fn leaf_hashes(
    store: &dyn Storage,
    size: u64,
    latest: &mut HashMap<String, u64>,
) -> Result<Vec<Hash>, String> {
    let mut hashes = Vec::with_capacity(size as usize);
    let mut start = 0;
    while start < size {
        let end = size.min(start + PAGE);
        let page = store
            .stored_leaves(start, end)
            .map_err(|e| format!("cannot audit the ledger: {e}"))?;
        for row in page {
            let i = hashes.len() as u64;
            if row.index != i {
                return Err(tampered(format!("leaf {i} is missing")));
            }
            let hash = merkle::leaf_hash(row.leaf.as_bytes());
            if row.leaf_hash != hash {
                return Err(tampered(format!(
                    "leaf {i}: its data no longer hashes to its stored leaf hash"
                )));
            }
            check_row(&row).map_err(|what| tampered(format!("leaf {i}: {what}")))?;
            // Checked: the row's subject is the leaf's.
            if let Some(d) = row.decision {
                latest.insert(d.sub, i);
            }
            hashes.push(hash);
        }
        if hashes.len() as u64 != end {
            return Err(tampered(format!("leaf {} is missing", hashes.len())));
        }
        start = end;
    }
    Ok(hashes)
}

/// The row pointing at a leaf must say what the leaf says; a decision or key change
/// leaf must have its row.
fn check_row(row: &StoredLeaf) -> Result<(), String> {
    let entry = entry::parse(&row.leaf)?;
    if let Entry::KeyChange(_) = entry {
        if row.decision.is_some() {
            return Err("a decision row points at it, but it holds a key change".into());
        }
    } else if row.key_change.is_some() {
        return Err("a key change row points at it, but it holds none".into());
    }
    match (entry, &row.decision) {
        (Entry::KeyChange(leaf), _) => match &row.key_change {
            None => Err("it holds a key change whose row is missing".into()),
            Some(k) => {
                let same = leaf.sub == k.sub
                    && leaf.old_key_thumbprint == k.old_thumbprint
                    && leaf.new_key_thumbprint == k.new_thumbprint
                    && leaf.changed_at == rfc3339(k.changed_at);
                if same {
                    Ok(())
                } else {
                    Err("its key change row differs from the ledger entry".into())
                }
            }
        },
        (Entry::Other, None) => Ok(()),
        (Entry::Other, Some(_)) => {
            Err("a decision row points at it, but it holds no decision".into())
        }
        (Entry::Decision(_), None) => Err("it holds a decision whose row is missing".into()),
        (Entry::Decision(leaf), Some(d)) => {
            let notice = serde_json::from_str::<serde_json::Value>(&d.notice).ok();
            let differs = [
                ("jti", leaf.jti == d.jti),
                ("sub", leaf.sub == d.sub),
                ("choice", leaf.choice == d.choice),
                ("notice", notice.as_ref() == Some(&leaf.notice)),
                ("token", leaf.token == d.token),
                ("received_at", leaf.received_at == d.received_at),
            ]
            .into_iter()
            .find(|(_, same)| !same);
            match differs {
                Some(("choice", _)) => Err(format!(
                    "its decision row says choice {:?}, the ledger entry says {:?}",
                    d.choice, leaf.choice
                )),
                Some((column, _)) => Err(format!(
                    "its decision row's {column} differs from the ledger entry"
                )),
                None => Ok(()),
            }
        }
    }
}

/// Every stored interior node recomputed from the level below, level by level; none
/// missing, none extra.
fn check_nodes(store: &dyn Storage, leaves: &[Hash]) -> Result<(), String> {
    let mut below: Vec<Hash> = leaves.to_vec();
    for level in 1u8..64 {
        let expected: Vec<Hash> = below
            .chunks_exact(2)
            .map(|pair| node_hash(&pair[0], &pair[1]))
            .collect();
        let stored = store
            .stored_level(level)
            .map_err(|e| format!("cannot audit the ledger: {e}"))?;
        let span = |i: usize| {
            let first = (i as u64) << level;
            format!(
                "tree node at level {level}, index {i} (leaves {first} to {})",
                first + (1 << level) - 1
            )
        };
        for (i, want) in expected.iter().enumerate() {
            match stored.get(i) {
                Some((index, hash)) if *index == i as u64 => {
                    if hash.as_slice() != want.as_slice() {
                        return Err(tampered(format!(
                            "{} does not match the leaves below it",
                            span(i)
                        )));
                    }
                }
                _ => return Err(tampered(format!("{} is missing", span(i)))),
            }
        }
        if let Some((index, _)) = stored.get(expected.len()) {
            return Err(tampered(format!(
                "{} is stored, but its leaves are not",
                span(*index as usize)
            )));
        }
        if expected.is_empty() {
            break;
        }
        below = expected;
    }
    Ok(())
}

/// The tree against the last signed head: its signature, then the root of its size,
/// then nothing beyond it (unless another instance is appending right now).
fn compare(
    head: &SignedHead,
    signer: &LedgerSigner,
    leaves: &[Hash],
    appending_elsewhere: bool,
) -> Result<(), String> {
    verify_head(signer, head).map_err(|e| tampered(format!("the last signed head: {e}")))?;
    let size = leaves.len() as u64;
    let signed = rfc3339(head.signed_at);
    if head.size > size {
        return Err(tampered(format!(
            "the ledger holds {size} leaves, but the server signed a tree of {} at {signed} \
             (leaves {size} to {} were deleted)",
            head.size,
            head.size - 1
        )));
    }
    let mut frontier = Frontier::default();
    for leaf in &leaves[..head.size as usize] {
        frontier.push(*leaf);
    }
    if frontier.root() != head.root {
        return Err(tampered(format!(
            "the first {} leaves no longer hash to the root the server signed at {signed}",
            head.size
        )));
    }
    if size > head.size && !appending_elsewhere {
        return Err(tampered(format!(
            "leaves {} to {} were added after the last tree head the server signed ({signed})",
            head.size,
            size - 1
        )));
    }
    Ok(())
}
