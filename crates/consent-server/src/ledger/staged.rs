//! The tree as a writer round builds it: the frontier it appends to, and every node
//! the round has appended so far, so that once the round's last tree is known each of
//! its leaves can be proved against that tree without a read (see
//! docs/DESIGN.md, Ledger: one signed checkpoint per commit round).

use super::tree::{completed_nodes, extend_path, NodeId, NodeSource};
use crate::store::{StoreError, StoreResult};
use consent_core::merkle::{Frontier, Hash};

/// A round's staged tree.
///
/// ```
/// use consent_core::merkle::{self, leaf_hash, Frontier};
/// use consent_server::ledger::Staged;
/// let leaves: Vec<_> = (0u8..5).map(|i| leaf_hash(&[i])).collect();
/// let mut staged = Staged::new(Frontier::from_leaves(&leaves[..2]));
/// let appended = staged.push(leaves[2]);
/// staged.push(leaves[3]);
/// staged.push(leaves[4]);
/// let proof = staged.prove(2, &appended.path).unwrap();
/// assert_eq!(proof, merkle::inclusion_proof(2, &leaves));
/// ```
#[derive(Clone, Debug)]
pub struct Staged {
    frontier: Frontier,
    /// Leaves (level 0) and the interior nodes they completed, in the order appended:
    /// ordered by the last leaf each covers, then by level, which `find` relies on.
    appended: Vec<(NodeId, Hash)>,
}

/// A leaf as [`Staged::push`] appended it.
pub struct Appended {
    /// Its audit path in the tree that ends with it; its left siblings for good.
    pub path: Vec<Hash>,
    /// The interior nodes it completed, which a store writes beside it.
    pub nodes: Vec<(NodeId, Hash)>,
}

/// Where a [`Staged`] tree stood, to go back to when a job's writes roll back.
pub struct Mark {
    frontier: Frontier,
    appended: usize,
}

impl Staged {
    /// A round that starts from the committed tree's `frontier`.
    pub fn new(frontier: Frontier) -> Staged {
        Staged {
            frontier,
            appended: Vec::new(),
        }
    }

    /// How many leaves the staged tree has.
    pub fn size(&self) -> u64 {
        self.frontier.size()
    }

    /// The staged tree's head.
    pub fn root(&self) -> Hash {
        self.frontier.root()
    }

    /// What the store adopts once the round has committed.
    pub fn into_frontier(self) -> Frontier {
        self.frontier
    }

    /// Appends `leaf`.
    pub fn push(&mut self, leaf: Hash) -> Appended {
        let index = self.frontier.size();
        let path = self.frontier.push(leaf);
        let nodes = completed_nodes(index, &leaf, &path);
        self.appended.push((NodeId { level: 0, index }, leaf));
        self.appended.extend_from_slice(&nodes);
        Appended { path, nodes }
    }

    /// Where the tree stands now.
    pub fn mark(&self) -> Mark {
        Mark {
            frontier: self.frontier.clone(),
            appended: self.appended.len(),
        }
    }

    /// Back to `mark`: whatever was appended since is forgotten.
    pub fn rewind(&mut self, mark: Mark) {
        self.frontier = mark.frontier;
        self.appended.truncate(mark.appended);
    }

    /// The audit path of leaf `index`, appended this round with `path`, in the staged
    /// tree as it is now.
    pub fn prove(&self, index: u64, path: &[Hash]) -> StoreResult<Vec<Hash>> {
        extend_path(self, index, path, self.size())
    }

    fn find(&self, id: &NodeId) -> Option<Hash> {
        let last_leaf = |id: &NodeId| ((id.index + 1) << id.level) - 1;
        let key = (last_leaf(id), id.level);
        self.appended
            .binary_search_by_key(&key, |(n, _)| (last_leaf(n), n.level))
            .ok()
            .map(|at| self.appended[at].1)
    }
}

/// The subtrees to the right of a leaf appended this round were appended this round
/// too (the round holds the ledger's lock), so this answers every read a proof of it
/// makes.
impl NodeSource for Staged {
    fn nodes(&self, ids: &[NodeId]) -> StoreResult<Vec<Hash>> {
        ids.iter()
            .map(|id| {
                self.find(id).ok_or_else(|| {
                    StoreError::Corrupt(format!(
                        "tree node {} at level {} was not appended this round",
                        id.index, id.level
                    ))
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use consent_core::merkle::{self, leaf_hash};

    #[test]
    fn each_leaf_of_a_round_is_proved_against_the_rounds_last_tree() {
        let leaves: Vec<Hash> = (0u32..90).map(|i| leaf_hash(&i.to_be_bytes())).collect();
        // Rounds of several sizes, each starting where the last committed.
        let mut start = 0;
        for round in [1, 2, 7, 16, 1, 33, 30] {
            let mut staged = Staged::new(Frontier::from_leaves(&leaves[..start]));
            let paths: Vec<_> = (start..start + round)
                .map(|i| staged.push(leaves[i]).path)
                .collect();
            let end = start + round;
            assert_eq!(staged.root(), merkle::root(&leaves[..end]));
            for (i, path) in (start..end).zip(&paths) {
                let proof = staged.prove(i as u64, path).unwrap();
                assert_eq!(
                    proof,
                    merkle::inclusion_proof(i, &leaves[..end]),
                    "{i} of {end}"
                );
            }
            start = end;
        }
    }

    #[test]
    fn a_rewound_leaf_is_forgotten() {
        let leaves: Vec<Hash> = (0u8..4).map(|i| leaf_hash(&[i])).collect();
        let mut staged = Staged::new(Frontier::default());
        let first = staged.push(leaves[0]).path;
        let mark = staged.mark();
        staged.push(leaves[1]);
        staged.rewind(mark);
        assert_eq!(staged.size(), 1);
        staged.push(leaves[2]);
        let proof = staged.prove(0, &first).unwrap();
        assert_eq!(proof, merkle::inclusion_proof(0, &[leaves[0], leaves[2]]));
        // A leaf before the round cannot be proved from it.
        let later = Staged::new(Frontier::from_leaves(&leaves[..2]));
        assert!(later.prove(0, &[]).is_err());
    }
}
