//! The ledger's Merkle tree read from stored subtree roots, so that a root, an
//! inclusion proof or a consistency proof for any tree size costs O(log n) stored
//! hashes rather than every leaf (see docs/DESIGN.md, Ledger).
//!
//! A store keeps the root of every complete, aligned subtree: [`NodeId`] `(level,
//! index)` covers the leaves `index << level .. (index + 1) << level`; level 0 is the
//! leaf hash itself. Once written such a node never changes, whatever is appended
//! later. Every subtree RFC 9162 names in a proof is either one of these or, on the
//! tree's right edge, a few of them side by side; the functions here say which nodes
//! a proof needs, fetch them in one call through [`NodeSource`], and hash them exactly
//! as `consent_core::merkle` does over the whole tree.

use crate::store::{StoreError, StoreResult};
use consent_core::merkle::{self, node_hash, Frontier, Hash};
use std::collections::HashMap;

/// The root of the complete subtree of `2^level` leaves starting at leaf
/// `index << level`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId {
    pub level: u8,
    pub index: u64,
}

/// Where stored node hashes come from: a store's reader connection.
///
/// ```
/// use consent_server::ledger::tree::{NodeId, NodeSource};
/// use consent_server::store::StoreResult;
/// struct Leaves(Vec<[u8; 32]>);
/// impl NodeSource for Leaves {
///     fn nodes(&self, ids: &[NodeId]) -> StoreResult<Vec<[u8; 32]>> {
///         Ok(ids.iter().map(|id| self.0[id.index as usize]).collect()) // level 0 only
///     }
/// }
/// ```
pub trait NodeSource {
    /// The hashes of `ids`, in the same order. A node that is not stored is
    /// [`StoreError::Corrupt`]: callers ask only for nodes inside a committed tree.
    fn nodes(&self, ids: &[NodeId]) -> StoreResult<Vec<Hash>>;
}

/// A run of leaves `[start, end)` whose RFC 9162 subtree root a proof contains.
type Span = (u64, u64);

/// The largest power of two smaller than `n` (n >= 2): where RFC 9162 splits a tree.
fn split(n: u64) -> u64 {
    1 << (63 - (n - 1).leading_zeros())
}

/// The stored nodes that make up the subtree `[start, end)`, left to right. Every span
/// a proof names starts at a multiple of the largest power of two not above its
/// length, so these are that length's binary digits, largest first.
fn pieces((mut start, end): Span) -> Vec<NodeId> {
    let mut out = Vec::new();
    while start < end {
        let mut level = 63 - (end - start).leading_zeros();
        while start & ((1u64 << level) - 1) != 0 {
            level -= 1;
        }
        out.push(NodeId {
            level: level as u8,
            index: start >> level,
        });
        start += 1 << level;
    }
    out
}

/// The subtrees of the audit path of leaf `m` in `[lo, hi)`, innermost first
/// (RFC 9162, 2.1.3.1).
fn path_spans(m: u64, lo: u64, hi: u64, out: &mut Vec<Span>) {
    let n = hi - lo;
    if n <= 1 {
        return;
    }
    let k = split(n);
    if m < k {
        path_spans(m, lo, lo + k, out);
        out.push((lo + k, hi));
    } else {
        path_spans(m - k, lo + k, hi, out);
        out.push((lo, lo + k));
    }
}

/// The subtrees of the consistency proof from the first `m` leaves of `[lo, hi)`
/// (RFC 9162, 2.1.4.1, SUBPROOF).
fn subproof_spans(m: u64, lo: u64, hi: u64, complete: bool, out: &mut Vec<Span>) {
    let n = hi - lo;
    if m == n {
        if !complete {
            out.push((lo, hi));
        }
        return;
    }
    let k = split(n);
    if m <= k {
        subproof_spans(m, lo, lo + k, complete, out);
        out.push((lo + k, hi));
    } else {
        subproof_spans(m - k, lo + k, hi, false, out);
        out.push((lo, lo + k));
    }
}

/// Fetches every node the spans need in one call and hashes each span's root.
fn span_roots(src: &(impl NodeSource + ?Sized), spans: &[Span]) -> StoreResult<Vec<Hash>> {
    let per_span: Vec<Vec<NodeId>> = spans.iter().map(|s| pieces(*s)).collect();
    let mut wanted: Vec<NodeId> = per_span.iter().flatten().copied().collect();
    wanted.sort_unstable();
    wanted.dedup();
    let fetched = src.nodes(&wanted)?;
    if fetched.len() != wanted.len() {
        return Err(StoreError::Corrupt("a node read came back short".into()));
    }
    let known: HashMap<NodeId, Hash> = wanted.into_iter().zip(fetched).collect();
    Ok(per_span
        .iter()
        .map(|ids| {
            let mut hashes = ids.iter().rev().map(|id| known[id]);
            let last = hashes.next().unwrap_or_else(|| merkle::root(&[]));
            hashes.fold(last, |acc, left| node_hash(&left, &acc))
        })
        .collect())
}

/// The head of the tree of the first `size` leaves.
pub fn root(src: &(impl NodeSource + ?Sized), size: u64) -> StoreResult<Hash> {
    Ok(span_roots(src, &[(0, size)])?.remove(0))
}

/// An inclusion proof as the API serves it: the leaf's hash, its audit path and the
/// root of the tree it leads to.
#[derive(Debug, PartialEq, Eq)]
pub struct Inclusion {
    pub leaf: Hash,
    pub proof: Vec<Hash>,
    pub root: Hash,
}

/// Leaf `index` in the tree of `size` leaves (the caller checks `index < size <=` the
/// committed size).
///
/// ```
/// # use consent_server::ledger::tree::{inclusion, NodeId, NodeSource};
/// # use consent_core::merkle::{self, leaf_hash, Hash};
/// # struct All(Vec<Hash>);
/// # impl NodeSource for All {
/// #     fn nodes(&self, ids: &[NodeId]) -> consent_server::store::StoreResult<Vec<Hash>> {
/// #         Ok(ids.iter().map(|id| {
/// #             let (a, b) = ((id.index << id.level) as usize, ((id.index + 1) << id.level) as usize);
/// #             merkle::root(&self.0[a..b])
/// #         }).collect())
/// #     }
/// # }
/// let leaves: Vec<Hash> = (0u8..5).map(|i| leaf_hash(&[i])).collect();
/// let p = inclusion(&All(leaves.clone()), 3, 5).unwrap();
/// assert_eq!(p.proof, merkle::inclusion_proof(3, &leaves));
/// ```
pub fn inclusion(
    src: &(impl NodeSource + ?Sized),
    index: u64,
    size: u64,
) -> StoreResult<Inclusion> {
    let mut spans = vec![(index, index + 1), (0, size)];
    path_spans(index, 0, size, &mut spans);
    let mut roots = span_roots(src, &spans)?;
    let proof = roots.split_off(2);
    Ok(Inclusion {
        leaf: roots[0],
        root: roots[1],
        proof,
    })
}

/// Leaf `index`'s audit path in the tree of `size` leaves, from `left`, its path when
/// it was appended (what `Frontier::push` returned), and `src` for the subtrees to its
/// right. A leaf's left siblings are the complete subtrees before it, which never
/// change as the tree grows, so only the right ones need reading: a writer proves a
/// round's leaves against the round's last tree from what the round itself appended.
///
/// ```
/// # use consent_server::ledger::tree::{extend_path, NodeId, NodeSource};
/// # use consent_core::merkle::{self, leaf_hash, Frontier, Hash};
/// # struct All(Vec<Hash>);
/// # impl NodeSource for All {
/// #     fn nodes(&self, ids: &[NodeId]) -> consent_server::store::StoreResult<Vec<Hash>> {
/// #         Ok(ids.iter().map(|id| {
/// #             let (a, b) = ((id.index << id.level) as usize, ((id.index + 1) << id.level) as usize);
/// #             merkle::root(&self.0[a..b])
/// #         }).collect())
/// #     }
/// # }
/// let leaves: Vec<Hash> = (0u8..7).map(|i| leaf_hash(&[i])).collect();
/// let left = Frontier::from_leaves(&leaves[..2]).push(leaves[2]);
/// let path = extend_path(&All(leaves.clone()), 2, &left, 7).unwrap();
/// assert_eq!(path, merkle::inclusion_proof(2, &leaves));
/// ```
pub fn extend_path(
    src: &(impl NodeSource + ?Sized),
    index: u64,
    left: &[Hash],
    size: u64,
) -> StoreResult<Vec<Hash>> {
    let mut spans = Vec::new();
    path_spans(index, 0, size, &mut spans);
    let right: Vec<Span> = spans.iter().filter(|s| s.0 > index).copied().collect();
    let mut right = if right.is_empty() {
        Vec::new()
    } else {
        span_roots(src, &right)?
    }
    .into_iter();
    let mut left = left.iter().copied();
    let path: Option<Vec<Hash>> = spans
        .iter()
        .map(|s| {
            if s.0 > index {
                right.next()
            } else {
                left.next()
            }
        })
        .collect();
    match path {
        Some(path) if left.next().is_none() => Ok(path),
        _ => Err(StoreError::Corrupt(format!(
            "leaf {index}'s path when appended does not fit a tree of {size}"
        ))),
    }
}

/// A consistency proof as the API serves it, with both roots.
#[derive(Debug, PartialEq, Eq)]
pub struct Consistency {
    pub from_root: Hash,
    pub to_root: Hash,
    pub proof: Vec<Hash>,
}

/// From the first `m` leaves to the first `n` (the caller checks `0 < m <= n <=` the
/// committed size); empty when `m == n`, as RFC 9162 has it.
pub fn consistency(src: &(impl NodeSource + ?Sized), m: u64, n: u64) -> StoreResult<Consistency> {
    let mut spans = vec![(0, m), (0, n)];
    if m < n {
        subproof_spans(m, 0, n, true, &mut spans);
    }
    let mut roots = span_roots(src, &spans)?;
    let proof = roots.split_off(2);
    Ok(Consistency {
        from_root: roots[0],
        to_root: roots[1],
        proof,
    })
}

/// The frontier of the first `size` leaves, for a writer resuming its appends: one
/// stored node per set bit of `size`.
pub fn frontier(src: &(impl NodeSource + ?Sized), size: u64) -> StoreResult<Frontier> {
    let ids = pieces((0, size));
    let roots = src.nodes(&ids)?;
    Frontier::from_subtree_roots(size, roots)
        .ok_or_else(|| StoreError::Corrupt("the stored frontier does not fit the tree".into()))
}

/// The interior nodes (level 1 and up) that leaf `index` completes, given its audit
/// path in the tree that now ends with it (what `Frontier::push` returns): one per
/// trailing 1-bit of `index`. A store writes these beside the leaf, in its transaction.
///
/// ```
/// use consent_core::merkle::{self, leaf_hash, Frontier};
/// use consent_server::ledger::tree::{completed_nodes, NodeId};
/// let leaves: Vec<_> = (0u8..4).map(|i| leaf_hash(&[i])).collect();
/// let mut f = Frontier::from_leaves(&leaves[..3]);
/// let path = f.push(leaves[3]);
/// let done = completed_nodes(3, &leaves[3], &path);
/// assert_eq!(done[1], (NodeId { level: 2, index: 0 }, merkle::root(&leaves)));
/// ```
pub fn completed_nodes(index: u64, leaf: &Hash, path: &[Hash]) -> Vec<(NodeId, Hash)> {
    let mut node = *leaf;
    (0..index.trailing_ones() as u8)
        .zip(path)
        .map(|(below, left)| {
            node = node_hash(left, &node);
            let level = below + 1;
            (
                NodeId {
                    level,
                    index: index >> level,
                },
                node,
            )
        })
        .collect()
}

/// Every interior node of the complete subtrees over `leaves`, for filling the node
/// table of a ledger written before nodes were stored.
pub fn all_nodes(leaves: &[Hash]) -> Vec<(NodeId, Hash)> {
    let mut out = Vec::with_capacity(leaves.len());
    let mut frontier = Frontier::default();
    for (i, leaf) in leaves.iter().enumerate() {
        let path = frontier.push(*leaf);
        out.extend(completed_nodes(i as u64, leaf, &path));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use consent_core::merkle::leaf_hash;
    use std::cell::Cell;

    /// Nodes kept the way a store keeps them: leaves, plus what appends completed.
    struct Kept {
        leaves: Vec<Hash>,
        interior: HashMap<NodeId, Hash>,
        reads: Cell<usize>,
    }

    impl Kept {
        fn new(n: u32) -> Kept {
            let leaves: Vec<Hash> = (0..n).map(|i| leaf_hash(&i.to_be_bytes())).collect();
            Kept {
                interior: all_nodes(&leaves).into_iter().collect(),
                leaves,
                reads: Cell::new(0),
            }
        }
    }

    impl NodeSource for Kept {
        fn nodes(&self, ids: &[NodeId]) -> StoreResult<Vec<Hash>> {
            self.reads.set(self.reads.get() + ids.len());
            ids.iter()
                .map(|id| match id.level {
                    0 => self.leaves.get(id.index as usize).copied(),
                    _ => self.interior.get(id).copied(),
                })
                .map(|h| h.ok_or_else(|| StoreError::Corrupt("missing".into())))
                .collect()
        }
    }

    #[test]
    fn stored_nodes_give_what_the_whole_tree_gives() {
        let kept = Kept::new(70);
        let all = &kept.leaves;
        assert_eq!(root(&kept, 0).unwrap(), merkle::root(&[]));
        for n in 1..=all.len() {
            let tree = &all[..n];
            assert_eq!(
                root(&kept, n as u64).unwrap(),
                merkle::root(tree),
                "root {n}"
            );
            for i in 0..n {
                let p = inclusion(&kept, i as u64, n as u64).unwrap();
                assert_eq!(p.proof, merkle::inclusion_proof(i, tree), "{i} in {n}");
                assert_eq!((p.leaf, p.root), (tree[i], merkle::root(tree)));
            }
            for m in 1..=n {
                let c = consistency(&kept, m as u64, n as u64).unwrap();
                assert_eq!(c.proof, merkle::consistency_proof(m, tree), "{m} -> {n}");
                assert_eq!(c.from_root, merkle::root(&tree[..m]));
                assert_eq!(c.to_root, merkle::root(tree));
            }
            assert_eq!(
                frontier(&kept, n as u64).unwrap(),
                Frontier::from_leaves(tree)
            );
        }
    }

    #[test]
    fn a_path_extended_from_its_append_is_the_proof_in_the_larger_tree() {
        let kept = Kept::new(40);
        let all = &kept.leaves;
        let mut frontier = Frontier::default();
        for i in 0..all.len() {
            let left = frontier.push(all[i]);
            for n in i + 1..=all.len() {
                let path = extend_path(&kept, i as u64, &left, n as u64).unwrap();
                assert_eq!(path, merkle::inclusion_proof(i, &all[..n]), "{i} in {n}");
            }
        }
        // A path that is not the leaf's is refused, not spliced into a wrong proof.
        assert!(extend_path(&kept, 5, &[all[0]], 9).is_err());
    }

    #[test]
    fn a_proof_reads_a_logarithmic_number_of_nodes() {
        let kept = Kept::new(100_000);
        for (index, size) in [(0, 100_000), (77_777, 99_999), (65_535, 65_537)] {
            kept.reads.set(0);
            inclusion(&kept, index, size).unwrap();
            assert!(kept.reads.get() <= 3 * 17, "{} reads", kept.reads.get());
            kept.reads.set(0);
            consistency(&kept, index + 1, size).unwrap();
            assert!(kept.reads.get() <= 3 * 17, "{} reads", kept.reads.get());
        }
    }

    #[test]
    fn a_missing_node_is_an_error_not_a_wrong_proof() {
        let mut kept = Kept::new(8);
        kept.interior.remove(&NodeId { level: 2, index: 1 });
        assert!(matches!(
            inclusion(&kept, 0, 8),
            Err(StoreError::Corrupt(_))
        ));
    }
}
