//! The RFC 9162 proof verifiers. Arbitrary indices, sizes, hashes and proofs must
//! never panic, and a verifier that says yes must have been given a proof of exactly
//! the length RFC 9162 fixes for those sizes. A proof made from a real tree must
//! verify, and once its contents, leaf, roots or index are changed it must not.
//!
//! A changed tree size is only held to the length rule: RFC 9162 ties a proof to a
//! (size, root) pair the verifier already trusts, and an audit path that has the
//! same shape in two tree sizes verifies for both against the same root.
#![no_main]

use arbitrary::Arbitrary;
use consent_core::merkle::{
    consistency_proof, inclusion_proof, leaf_hash, root, verify_consistency, verify_inclusion,
    Frontier, Hash,
};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum Input {
    Inclusion {
        index: u64,
        size: u64,
        leaf: Hash,
        proof: Vec<Hash>,
        root: Hash,
    },
    Consistency {
        m: u64,
        n: u64,
        old: Hash,
        new: Hash,
        proof: Vec<Hash>,
    },
    RealInclusion {
        size: u16,
        seed: u32,
        index: u16,
        change: Change,
    },
    RealConsistency {
        size: u16,
        seed: u32,
        m: u16,
        change: Change,
    },
}

#[derive(Arbitrary, Debug)]
enum Change {
    Nothing,
    /// Of the proof's contents: must fail unless the proof is the same afterwards.
    FlipBit {
        at: u16,
        bit: u8,
    },
    Replace {
        at: u16,
        with: Hash,
    },
    Drop {
        at: u16,
    },
    Insert {
        at: u16,
        hash: Hash,
    },
    Swap {
        a: u16,
        b: u16,
    },
    Extend(Vec<Hash>),
    /// Of what is proven: must fail unless it is the same afterwards.
    Leaf(Hash),
    Roots {
        old: Hash,
        new: Hash,
    },
    SwapRoots,
    /// The index of an inclusion proof, or the old size of a consistency proof.
    Position(u16),
    /// Held to the length rule only.
    Size(u64),
}

/// RFC 9162's audit path length for leaf `index` of `size` (the decomposition in
/// transparency-dev/merkle): the levels below where the paths to `index` and to the
/// last leaf part, plus the left siblings above that.
fn inclusion_len(index: u64, size: u64) -> usize {
    let inner = 64 - (index ^ (size - 1)).leading_zeros();
    let border = (index >> inner).count_ones();
    (inner + border) as usize
}

/// RFC 9162's consistency proof length from `m` to `n` leaves, 0 < m < n.
fn consistency_len(m: u64, n: u64) -> usize {
    let shift = m.trailing_zeros();
    let inner = 64 - ((m - 1) ^ (n - 1)).leading_zeros() - shift;
    let border = ((m - 1) >> (inner + shift)).count_ones();
    // The old root is the first node when m is a power of two; else the proof has it.
    (inner + border) as usize + usize::from(!m.is_power_of_two())
}

fn leaves(size: u16, seed: u32) -> Vec<Hash> {
    // Up to 300 leaves: every shape up to nine levels, and cheap enough to build
    // afresh on every run.
    let size = 1 + size as usize % 300;
    (0..size as u32)
        .map(|i| leaf_hash(&[seed.to_be_bytes(), i.to_be_bytes()].concat()))
        .collect()
}

/// Applies `change` to the proof; false if it was not a change of the proof.
fn change_proof(change: &Change, proof: &mut Vec<Hash>) -> bool {
    let before = proof.clone();
    let len = proof.len();
    match change {
        Change::FlipBit { at, bit } if len > 0 => {
            proof[*at as usize % len][(*at as usize / len) % 32] ^= 1 << (bit % 8)
        }
        Change::Replace { at, with } if len > 0 => proof[*at as usize % len] = *with,
        Change::Drop { at } if len > 0 => {
            proof.remove(*at as usize % len);
        }
        Change::Insert { at, hash } => proof.insert(*at as usize % (len + 1), *hash),
        Change::Swap { a, b } if len > 0 => proof.swap(*a as usize % len, *b as usize % len),
        Change::Extend(more) => proof.extend_from_slice(more),
        _ => return false,
    }
    *proof != before
}

fuzz_target!(|input: Input| match input {
    Input::Inclusion {
        index,
        size,
        leaf,
        proof,
        root,
    } => {
        if verify_inclusion(index, size, &leaf, &proof, &root) {
            assert!(index < size);
            assert_eq!(proof.len(), inclusion_len(index, size));
        }
    }
    Input::Consistency {
        m,
        n,
        old,
        new,
        proof,
    } => {
        if verify_consistency(m, n, &old, &new, &proof) {
            assert!(m <= n);
            if m == n {
                assert!(proof.is_empty() && old == new);
            } else {
                assert!(m > 0);
                assert_eq!(proof.len(), consistency_len(m, n));
            }
        }
    }
    Input::RealInclusion {
        size,
        seed,
        index,
        change,
    } => {
        let tree = leaves(size, seed);
        let n = tree.len();
        let i = index as usize % n;
        let mut proof = inclusion_proof(i, &tree);
        let head = root(&tree);
        assert_eq!(proof.len(), inclusion_len(i as u64, n as u64));
        assert!(verify_inclusion(
            i as u64, n as u64, &tree[i], &proof, &head
        ));

        // The ledger appends with a Frontier: it must agree with the whole tree.
        let mut frontier = Frontier::from_leaves(&tree[..n - 1]);
        assert_eq!(frontier.push(tree[n - 1]), inclusion_proof(n - 1, &tree));
        assert_eq!(frontier.root(), head);

        let (mut i2, mut n2, mut leaf, mut head2) = (i as u64, n as u64, tree[i], head);
        let changed = match &change {
            Change::Nothing => false,
            Change::Leaf(h) => std::mem::replace(&mut leaf, *h) != *h,
            Change::Roots { new, .. } => std::mem::replace(&mut head2, *new) != *new,
            Change::SwapRoots => false,
            Change::Position(p) => std::mem::replace(&mut i2, *p as u64) != *p as u64,
            Change::Size(s) => {
                n2 = *s;
                let ok = verify_inclusion(i2, n2, &leaf, &proof, &head2);
                if ok {
                    assert!(i2 < n2);
                    assert_eq!(proof.len(), inclusion_len(i2, n2));
                }
                return;
            }
            proof_change => change_proof(proof_change, &mut proof),
        };
        assert_eq!(
            verify_inclusion(i2, n2, &leaf, &proof, &head2),
            !changed,
            "leaf {i} of {n}, {change:?}"
        );
    }
    Input::RealConsistency {
        size,
        seed,
        m,
        change,
    } => {
        let tree = leaves(size, seed);
        let n = tree.len();
        let m = 1 + m as usize % n;
        let mut proof = consistency_proof(m, &tree);
        let (old, new) = (root(&tree[..m]), root(&tree));
        if m < n {
            assert_eq!(proof.len(), consistency_len(m as u64, n as u64));
        } else {
            assert!(proof.is_empty());
        }
        assert!(verify_consistency(m as u64, n as u64, &old, &new, &proof));

        let (mut m2, mut n2, mut old2, mut new2) = (m as u64, n as u64, old, new);
        let changed = match &change {
            Change::Nothing | Change::Leaf(_) => false,
            Change::Roots { old: o, new: w } => {
                old2 = *o;
                new2 = *w;
                if m == n {
                    // Equal sizes prove nothing but that the two heads are equal.
                    old2 != new2
                } else {
                    (old2, new2) != (old, new)
                }
            }
            Change::SwapRoots => {
                std::mem::swap(&mut old2, &mut new2);
                old != new
            }
            Change::Position(p) => std::mem::replace(&mut m2, *p as u64) != *p as u64,
            Change::Size(s) => {
                n2 = *s;
                if verify_consistency(m2, n2, &old2, &new2, &proof) && m2 < n2 {
                    assert_eq!(proof.len(), consistency_len(m2, n2));
                }
                return;
            }
            proof_change => change_proof(proof_change, &mut proof),
        };
        assert_eq!(
            verify_consistency(m2, n2, &old2, &new2, &proof),
            !changed,
            "{m} -> {n}, {change:?}"
        );
    }
});
