//! RFC 9162 (Certificate Transparency 2.0) Merkle tree hashing, audit paths and
//! consistency proofs, for the decision ledger.
//!
//! ```
//! use consent_core::merkle::*;
//! let leaves: Vec<Hash> = [b"a", b"b", b"c"].iter().map(|d| leaf_hash(*d)).collect();
//! let root3 = root(&leaves);
//! let proof = inclusion_proof(1, &leaves);
//! assert!(verify_inclusion(1, 3, &leaves[1], &proof, &root3));
//! let root2 = root(&leaves[..2]);
//! assert!(verify_consistency(2, 3, &root2, &root3, &consistency_proof(2, &leaves)));
//! ```

use sha2::{Digest as _, Sha256};

/// A SHA-256 output: a leaf hash, a node hash or a tree head.
pub type Hash = [u8; 32];

/// `SHA-256(0x00 || data)`. The prefix keeps a leaf from passing for an inner node.
///
/// ```
/// use consent_core::{merkle::leaf_hash, Digest};
/// assert_eq!(&Digest(leaf_hash(b"")).to_hex()[..8], "6e340b9c");
/// ```
pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(data);
    h.finalize().into()
}

/// `SHA-256(0x01 || left || right)`.
///
/// ```
/// use consent_core::merkle::{leaf_hash, node_hash, root};
/// let (a, b) = (leaf_hash(b"a"), leaf_hash(b"b"));
/// assert_eq!(node_hash(&a, &b), root(&[a, b]));
/// ```
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// The largest power of two smaller than `n` (n >= 2).
fn split(n: usize) -> usize {
    let mut k = 1;
    while k * 2 < n {
        k *= 2;
    }
    k
}

/// The tree head over `leaves` (leaf hashes). The empty tree's is `SHA-256("")`.
///
/// ```
/// use consent_core::{merkle::root, Digest};
/// assert_eq!(&Digest(root(&[])).to_hex()[..8], "e3b0c442");
/// ```
pub fn root(leaves: &[Hash]) -> Hash {
    match leaves.len() {
        0 => Sha256::digest([]).into(),
        1 => leaves[0],
        n => {
            let k = split(n);
            node_hash(&root(&leaves[..k]), &root(&leaves[k..]))
        }
    }
}

/// The audit path of leaf `index` in the tree of `leaves` (RFC 9162 2.1.3.1). Empty
/// when `index` is out of range.
///
/// ```
/// use consent_core::merkle::{inclusion_proof, leaf_hash, root, verify_inclusion};
/// let leaves: Vec<_> = (0u8..5).map(|i| leaf_hash(&[i])).collect();
/// let proof = inclusion_proof(3, &leaves);
/// assert!(verify_inclusion(3, 5, &leaves[3], &proof, &root(&leaves)));
/// ```
pub fn inclusion_proof(index: usize, leaves: &[Hash]) -> Vec<Hash> {
    let mut path = Vec::new();
    if index < leaves.len() {
        collect_path(index, leaves, &mut path);
    }
    path
}

fn collect_path(m: usize, leaves: &[Hash], path: &mut Vec<Hash>) {
    let n = leaves.len();
    if n <= 1 {
        return;
    }
    let k = split(n);
    if m < k {
        collect_path(m, &leaves[..k], path);
        path.push(root(&leaves[k..]));
    } else {
        collect_path(m - k, &leaves[k..], path);
        path.push(root(&leaves[..k]));
    }
}

/// The proof that the tree of the first `m` leaves is a prefix of the tree of all
/// `leaves` (RFC 9162 2.1.4.1). Empty when `m` is 0, equal to or beyond the size.
///
/// ```
/// use consent_core::merkle::{consistency_proof, leaf_hash, root, verify_consistency};
/// let leaves: Vec<_> = (0u8..7).map(|i| leaf_hash(&[i])).collect();
/// let proof = consistency_proof(3, &leaves);
/// assert!(verify_consistency(3, 7, &root(&leaves[..3]), &root(&leaves), &proof));
/// ```
pub fn consistency_proof(m: usize, leaves: &[Hash]) -> Vec<Hash> {
    let mut proof = Vec::new();
    if 0 < m && m < leaves.len() {
        subproof(m, leaves, true, &mut proof);
    }
    proof
}

fn subproof(m: usize, leaves: &[Hash], complete: bool, proof: &mut Vec<Hash>) {
    let n = leaves.len();
    if m == n {
        if !complete {
            proof.push(root(leaves));
        }
        return;
    }
    let k = split(n);
    if m <= k {
        subproof(m, &leaves[..k], complete, proof);
        proof.push(root(&leaves[k..]));
    } else {
        subproof(m - k, &leaves[k..], false, proof);
        proof.push(root(&leaves[..k]));
    }
}

/// Checks that `leaf` (a leaf hash) is at `index` in the tree of `size` leaves whose
/// head is `root`, given its audit path (RFC 9162 2.1.3.2). False, never a panic, for
/// any out-of-range input. `size` and `root` must come from one signed checkpoint: a
/// path of the same shape in two tree sizes verifies for both against the same root.
///
/// ```
/// use consent_core::merkle::{inclusion_proof, leaf_hash, root, verify_inclusion};
/// let leaves: Vec<_> = (0u8..5).map(|i| leaf_hash(&[i])).collect();
/// let proof = inclusion_proof(3, &leaves);
/// assert!(!verify_inclusion(2, 5, &leaves[3], &proof, &root(&leaves)));
/// ```
pub fn verify_inclusion(index: u64, size: u64, leaf: &Hash, proof: &[Hash], root: &Hash) -> bool {
    if index >= size {
        return false;
    }
    let (mut f, mut s) = (index, size - 1);
    let mut r = *leaf;
    for p in proof {
        if s == 0 {
            return false;
        }
        if f & 1 == 1 || f == s {
            r = node_hash(p, &r);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            r = node_hash(&r, p);
        }
        f >>= 1;
        s >>= 1;
    }
    s == 0 && r == *root
}

/// Checks that the tree of size `m` with head `old_root` is a prefix of the tree of
/// size `n` with head `new_root` (RFC 9162 2.1.4.2). Equal sizes need equal heads and
/// an empty proof. `m = 0` is refused: RFC 9162 defines no proof from the empty tree,
/// and a log auditor has nothing to check against an empty head anyway.
///
/// ```
/// use consent_core::merkle::{consistency_proof, leaf_hash, root, verify_consistency};
/// let leaves: Vec<_> = (0u8..7).map(|i| leaf_hash(&[i])).collect();
/// let proof = consistency_proof(3, &leaves);
/// // A rewritten history fails.
/// let forged = root(&[leaf_hash(b"x"), leaves[1], leaves[2]]);
/// assert!(!verify_consistency(3, 7, &forged, &root(&leaves), &proof));
/// ```
pub fn verify_consistency(
    m: u64,
    n: u64,
    old_root: &Hash,
    new_root: &Hash,
    proof: &[Hash],
) -> bool {
    if m == n {
        return proof.is_empty() && old_root == new_root;
    }
    if m == 0 || m > n || proof.is_empty() {
        return false;
    }
    let mut path: Vec<Hash> = Vec::with_capacity(proof.len() + 1);
    if m.is_power_of_two() {
        path.push(*old_root);
    }
    path.extend_from_slice(proof);
    let (mut f, mut s) = (m - 1, n - 1);
    while f & 1 == 1 {
        f >>= 1;
        s >>= 1;
    }
    let (mut fr, mut sr) = (path[0], path[0]);
    for c in &path[1..] {
        if s == 0 {
            return false;
        }
        if f & 1 == 1 || f == s {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            sr = node_hash(&sr, c);
        }
        f >>= 1;
        s >>= 1;
    }
    fr == *old_root && sr == *new_root && s == 0
}

/// The right edge of a tree: the roots of its perfect subtrees, largest first. Enough
/// to append a leaf and to give the new root and the new leaf's audit path in
/// O(log n), which is what a ledger needs on every append.
///
/// ```
/// use consent_core::merkle::*;
/// let leaves: Vec<Hash> = (0u8..5).map(|i| leaf_hash(&[i])).collect();
/// let mut f = Frontier::default();
/// for l in &leaves[..4] { f.push(*l); }
/// let path = f.push(leaves[4]);
/// assert_eq!(f.root(), root(&leaves));
/// assert_eq!(path, inclusion_proof(4, &leaves));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Frontier {
    size: u64,
    nodes: Vec<Hash>,
}

impl Frontier {
    /// The frontier of the tree of `leaves`.
    pub fn from_leaves(leaves: &[Hash]) -> Frontier {
        let mut f = Frontier::default();
        for leaf in leaves {
            f.push(*leaf);
        }
        f
    }

    /// The frontier of a tree of `size` leaves from the roots of its perfect subtrees,
    /// largest (leftmost) first: one per set bit of `size`. What a store that keeps
    /// those subtrees' roots needs to resume appending without reading every leaf.
    /// `None` when the count of roots does not fit `size`.
    ///
    /// ```
    /// use consent_core::merkle::*;
    /// let leaves: Vec<Hash> = (0u8..6).map(|i| leaf_hash(&[i])).collect();
    /// let roots = [root(&leaves[..4]), root(&leaves[4..])];
    /// assert_eq!(Frontier::from_subtree_roots(6, roots.to_vec()), Some(Frontier::from_leaves(&leaves)));
    /// ```
    pub fn from_subtree_roots(size: u64, roots: Vec<Hash>) -> Option<Frontier> {
        (roots.len() == size.count_ones() as usize).then_some(Frontier { size, nodes: roots })
    }

    /// How many leaves the tree has.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Appends `leaf`; returns its audit path in the tree that now ends with it.
    pub fn push(&mut self, leaf: Hash) -> Vec<Hash> {
        let mut path = Vec::new();
        let mut node = leaf;
        let mut size = self.size;
        // Every trailing 1-bit of the old size is a perfect subtree that the new leaf
        // completes: its root is the next sibling up the path.
        while size & 1 == 1 {
            let Some(left) = self.nodes.pop() else { break };
            path.push(left);
            node = node_hash(&left, &node);
            size >>= 1;
        }
        // The larger subtrees to the left come next, smallest first.
        path.extend(self.nodes.iter().rev());
        self.nodes.push(node);
        self.size += 1;
        path
    }

    /// The tree head.
    pub fn root(&self) -> Hash {
        let mut nodes = self.nodes.iter().rev();
        match nodes.next() {
            None => Sha256::digest([]).into(),
            Some(last) => nodes.fold(*last, |acc, left| node_hash(left, &acc)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(h: &Hash) -> String {
        crate::Digest(*h).to_hex()
    }

    /// The leaves of the reference tree in certificate-transparency's test suites.
    fn reference_leaves() -> Vec<Hash> {
        let data: [&[u8]; 8] = [
            b"",
            &[0x00],
            &[0x10],
            &[0x20, 0x21],
            &[0x30, 0x31],
            &[0x40, 0x41, 0x42, 0x43],
            &[0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
            &[
                0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d,
                0x6e, 0x6f,
            ],
        ];
        data.iter().map(|d| leaf_hash(d)).collect()
    }

    #[test]
    fn the_frontier_agrees_with_the_whole_tree() {
        let leaves: Vec<Hash> = (0..200u32).map(|i| leaf_hash(&i.to_be_bytes())).collect();
        let mut f = Frontier::default();
        assert_eq!(f.root(), root(&[]));
        for n in 1..=leaves.len() {
            let path = f.push(leaves[n - 1]);
            assert_eq!(f.size(), n as u64);
            assert_eq!(f.root(), root(&leaves[..n]), "root of {n}");
            assert_eq!(
                path,
                inclusion_proof(n - 1, &leaves[..n]),
                "path of the last of {n}"
            );
            assert_eq!(Frontier::from_leaves(&leaves[..n]), f);
        }
    }

    #[test]
    fn reference_roots() {
        let leaves = reference_leaves();
        assert_eq!(
            hex(&root(&[])),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(&root(&leaves[..1])),
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"
        );
        assert_eq!(
            hex(&root(&leaves[..2])),
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"
        );
        assert_eq!(
            hex(&root(&leaves[..3])),
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77"
        );
        assert_eq!(
            hex(&root(&leaves[..4])),
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"
        );
        assert_eq!(
            hex(&root(&leaves[..5])),
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4"
        );
        assert_eq!(
            hex(&root(&leaves[..6])),
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef"
        );
        assert_eq!(
            hex(&root(&leaves[..7])),
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c"
        );
        assert_eq!(
            hex(&root(&leaves)),
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
        );
    }

    /// The published vectors of certificate-transparency / transparency-dev/merkle:
    /// (leaf index 0-based, tree size, audit path).
    const REFERENCE_INCLUSION: &[(usize, usize, &[&str])] = &[
        (0, 1, &[]),
        (
            0,
            8,
            &[
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ],
        ),
        (
            5,
            8,
            &[
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ],
        ),
        (
            2,
            3,
            &["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"],
        ),
        (
            1,
            5,
            &[
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ],
        ),
    ];

    /// The same suites' consistency vectors: (old size, new size, proof).
    const REFERENCE_CONSISTENCY: &[(usize, usize, &[&str])] = &[
        (1, 1, &[]),
        (
            1,
            8,
            &[
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ],
        ),
        (
            6,
            8,
            &[
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ],
        ),
        (
            2,
            5,
            &[
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ],
        ),
        (
            6,
            7,
            &[
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ],
        ),
    ];

    #[test]
    fn reference_inclusion_proofs_are_produced_and_verify() {
        let leaves = reference_leaves();
        for &(index, size, want) in REFERENCE_INCLUSION {
            let tree = &leaves[..size];
            let proof = inclusion_proof(index, tree);
            let got: Vec<String> = proof.iter().map(hex).collect();
            assert_eq!(got, want, "leaf {index} of {size}");
            let head = root(tree);
            let (i, n) = (index as u64, size as u64);
            assert!(verify_inclusion(i, n, &tree[index], &proof, &head));

            // The reference suites' corruptions: none may verify.
            let some = [0xab; 32];
            let mut probes: Vec<(u64, u64, Hash, Vec<Hash>, Hash)> = vec![
                (i.wrapping_sub(1), n, tree[index], proof.clone(), head),
                (i + 1, n, tree[index], proof.clone(), head),
                (i ^ 2, n, tree[index], proof.clone(), head),
                (i, n * 2, tree[index], proof.clone(), head),
                (i, n / 2, tree[index], proof.clone(), head),
                (i, n, some, proof.clone(), head),
                (i, n, tree[index], proof.clone(), root(&[])),
                (i, n, tree[index], proof.clone(), some),
                (i, n, tree[index], [&proof[..], &[head]].concat(), head),
                (i, n, tree[index], [&[head], &proof[..]].concat(), head),
            ];
            for k in 0..proof.len() {
                let mut bad = proof.clone();
                bad[k][0] ^= 8;
                probes.push((i, n, tree[index], bad, head));
            }
            if !proof.is_empty() {
                probes.push((i, n, tree[index], proof[..proof.len() - 1].to_vec(), head));
            }
            if proof.len() > 1 {
                let inserted = [&[proof[0], some], &proof[1..]].concat();
                probes.push((i, n, tree[index], inserted, head));
            }
            for (k, (pi, pn, leaf, path, r)) in probes.iter().enumerate() {
                assert!(
                    !verify_inclusion(*pi, *pn, leaf, path, r),
                    "probe {k} of leaf {index} in {size}"
                );
            }
        }
    }

    #[test]
    fn reference_consistency_proofs_are_produced_and_verify() {
        let leaves = reference_leaves();
        for &(m, n, want) in REFERENCE_CONSISTENCY {
            let proof = consistency_proof(m, &leaves[..n]);
            let got: Vec<String> = proof.iter().map(hex).collect();
            assert_eq!(got, want, "{m} -> {n}");
            let (r1, r2) = (root(&leaves[..m]), root(&leaves[..n]));
            let (mm, nn) = (m as u64, n as u64);
            assert!(verify_consistency(mm, nn, &r1, &r2, &proof));
            if proof.is_empty() {
                continue;
            }
            let some = [0xab; 32];
            let mut probes: Vec<(u64, u64, Hash, Hash, Vec<Hash>)> = vec![
                (mm - 1, nn, r1, r2, proof.clone()),
                (mm + 1, nn, r1, r2, proof.clone()),
                (mm ^ 2, nn, r1, r2, proof.clone()),
                (mm, nn * 2, r1, r2, proof.clone()),
                (mm, nn / 2, r1, r2, proof.clone()),
                (mm, nn, some, r2, proof.clone()),
                (mm, nn, r1, some, proof.clone()),
                (mm, nn, r2, r1, proof.clone()),
                (mm, nn, r1, r2, vec![]),
                (mm, nn, r1, r2, [&proof[..], &[r1]].concat()),
                (mm, nn, r1, r2, [&proof[..], &[r2]].concat()),
                (mm, nn, r1, r2, [&[r1], &proof[..]].concat()),
                (mm, nn, r1, r2, [&[r2], &proof[..]].concat()),
                (mm, nn, r1, r2, [&[proof[0]], &proof[..]].concat()),
                (mm, nn, r1, r2, proof[..proof.len() - 1].to_vec()),
            ];
            for k in 0..proof.len() {
                let mut bad = proof.clone();
                bad[k][0] ^= 16;
                probes.push((mm, nn, r1, r2, bad));
            }
            for (k, (pm, pn, a, b, path)) in probes.iter().enumerate() {
                assert!(
                    !verify_consistency(*pm, *pn, a, b, path),
                    "probe {k} of {m} -> {n}"
                );
            }
        }
    }

    #[test]
    fn out_of_range_sizes_are_refused() {
        let leaves = reference_leaves();
        let head = root(&leaves);
        assert!(!verify_inclusion(0, 0, &leaves[0], &[], &root(&[])));
        assert!(!verify_inclusion(8, 8, &leaves[0], &[], &head));
        assert!(!verify_inclusion(
            u64::MAX,
            u64::MAX,
            &leaves[0],
            &[],
            &head
        ));
        assert!(inclusion_proof(8, &leaves).is_empty());
        assert!(consistency_proof(0, &leaves).is_empty());
        assert!(consistency_proof(9, &leaves).is_empty());
        assert!(!verify_consistency(0, 8, &root(&[]), &head, &[]));
        assert!(!verify_consistency(
            8,
            7,
            &head,
            &root(&leaves[..7]),
            &[head]
        ));
        assert!(!verify_consistency(1, 1, &leaves[0], &leaves[1], &[]));
        assert!(verify_consistency(0, 0, &root(&[]), &root(&[]), &[]));
        assert!(!verify_consistency(
            u64::MAX,
            u64::MAX - 1,
            &head,
            &head,
            &[head]
        ));
    }

    #[test]
    fn a_path_binds_leaf_and_root_but_not_the_size() {
        // Seen while writing the fuzz target's invariants: the path of leaf 0 in 5
        // leaves has the shape it has in 6, so it verifies for either size against
        // the 5-leaf root. Nothing is forged (the root is still the 5-leaf one), which
        // is why a verifier must take size and root together from one checkpoint.
        let leaves: Vec<Hash> = (0u8..6).map(|i| leaf_hash(&[i])).collect();
        let (proof, head) = (inclusion_proof(0, &leaves[..5]), root(&leaves[..5]));
        assert!(verify_inclusion(0, 5, &leaves[0], &proof, &head));
        assert!(verify_inclusion(0, 6, &leaves[0], &proof, &head));
        assert_ne!(root(&leaves), head);
        assert!(!verify_inclusion(0, 6, &leaves[0], &proof, &root(&leaves)));
        // Where the shapes differ, the size is refused.
        assert!(!verify_inclusion(0, 4, &leaves[0], &proof, &head));
        assert!(!verify_inclusion(0, 9, &leaves[0], &proof, &head));
    }

    #[test]
    fn every_audit_path_verifies_and_tampering_fails() {
        let leaves: Vec<Hash> = (0..40u32).map(|i| leaf_hash(&i.to_be_bytes())).collect();
        for n in 1..=leaves.len() {
            let tree = &leaves[..n];
            let head = root(tree);
            for i in 0..n {
                let proof = inclusion_proof(i, tree);
                assert!(
                    verify_inclusion(i as u64, n as u64, &tree[i], &proof, &head),
                    "{i} in {n}"
                );
                for k in 0..proof.len() {
                    let mut bad = proof.clone();
                    bad[k][k % 32] ^= 1 << (k % 8);
                    assert!(!verify_inclusion(i as u64, n as u64, &tree[i], &bad, &head));
                }
                let mut other = tree[i];
                other[31] ^= 1;
                assert!(!verify_inclusion(i as u64, n as u64, &other, &proof, &head));
            }
            assert!(!verify_inclusion(n as u64, n as u64, &tree[0], &[], &head));
        }
    }

    #[test]
    fn every_consistency_proof_verifies_and_tampering_fails() {
        let leaves: Vec<Hash> = (0..40u32).map(|i| leaf_hash(&i.to_be_bytes())).collect();
        for n in 1..=leaves.len() {
            let new_root = root(&leaves[..n]);
            for m in 1..=n {
                let old_root = root(&leaves[..m]);
                let proof = consistency_proof(m, &leaves[..n]);
                assert!(
                    verify_consistency(m as u64, n as u64, &old_root, &new_root, &proof),
                    "{m} -> {n}"
                );
                if m < n {
                    for k in 0..proof.len() {
                        let mut bad = proof.clone();
                        bad[k][31 - k % 32] ^= 1 << (k % 8);
                        assert!(!verify_consistency(
                            m as u64, n as u64, &old_root, &new_root, &bad
                        ));
                    }
                    let mut wrong_old = old_root;
                    wrong_old[0] ^= 1;
                    assert!(!verify_consistency(
                        m as u64, n as u64, &wrong_old, &new_root, &proof
                    ));
                }
            }
        }
    }
}
