//! A ledger of many leaves, written straight through a store's writer rather than
//! signed and sent one by one: what the load test and its benchmark start from.
//! The leaves are synthetic (no token in them) but go through the same append, nodes
//! and all, as a recorded decision's.

use consent_core::merkle::{leaf_hash, Frontier};
use consent_server::ledger::tree::completed_nodes;
use consent_server::store::{AppendJob, LedgerTx, NewDecision, Storage, StoreResult};
use std::sync::mpsc;

/// Appends `count` synthetic leaves to `store` in one transaction; returns once it
/// is committed. Blocking.
pub fn fill(store: &dyn Storage, count: u64) -> StoreResult<()> {
    let (done, wait) = mpsc::channel();
    store.append(Box::new(Fill { count, done }));
    wait.recv()
        .unwrap_or(Err(consent_server::store::StoreError::Stopped(
            "the writer dropped the fill",
        )))
}

struct Fill {
    count: u64,
    done: mpsc::Sender<StoreResult<()>>,
}

impl AppendJob for Fill {
    fn run(&mut self, tx: &mut dyn LedgerTx, staged: &mut Frontier) -> StoreResult<bool> {
        tx.lock_ledger()?;
        for leaf in tx.leaves_since(staged.size())? {
            staged.push(leaf);
        }
        for _ in 0..self.count {
            let index = staged.size();
            let leaf = format!("{{\"filler\":{index}}}");
            let hash = leaf_hash(leaf.as_bytes());
            let path = staged.push(hash);
            let nodes = completed_nodes(index, &hash, &path);
            tx.append(&NewDecision {
                index,
                leaf: &leaf,
                leaf_hash: &hash,
                nodes: &nodes,
                jti: &format!("filler-{index}"),
                sub: "filler",
                choice: "not_now",
                token: "",
                notice: "{}",
                received_at: "2026-01-01T00:00:00Z",
                receipt: "{}",
            })?;
        }
        Ok(true)
    }

    fn finish(self: Box<Self>, result: StoreResult<()>) {
        let _ = self.done.send(result);
    }
}
