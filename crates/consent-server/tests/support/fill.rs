//! A ledger of many leaves, written straight through a store's writer rather than
//! signed and sent one by one: what the load test and its benchmark start from.
//! The leaves are synthetic (their tokens carry claims but no valid signature) but
//! go through the same append, nodes, decision row and signed head, as a recorded
//! decision's, so the server's start-up audit takes them.

use consent_core::merkle::leaf_hash;
use consent_core::token::base64url;
use consent_server::ledger::{Appended, LedgerSigner, Staged};
use consent_server::store::{AppendJob, LedgerTx, NewDecision, SignedHead, Storage, StoreResult};
use std::path::Path;
use std::sync::{mpsc, Arc};

/// Appends `count` synthetic leaves to `store` in one transaction, the head it leaves
/// signed with the ledger key in `data_dir` (as a server with the default origin
/// signs it); returns once it is committed. Blocking.
pub fn fill(store: &dyn Storage, count: u64, data_dir: &Path) -> StoreResult<()> {
    let origin = consent_server::config::Config::default().origin;
    let signer = LedgerSigner::load_or_create(data_dir, &origin)
        .map_err(consent_server::store::StoreError::Corrupt)?;
    store.sign_heads_with(Arc::new(signer));
    let (done, wait) = mpsc::channel();
    store.append(Box::new(Fill { count, done }));
    wait.recv()
        .unwrap_or(Err(consent_server::store::StoreError::Stopped(
            "the writer dropped the fill",
        )))
}

/// The token in synthetic leaf `index`: the claims a reader looks at, no signature.
fn filler_token(index: u64) -> String {
    let claims =
        format!(r#"{{"jti":"filler-{index}","sub":"filler","choice":"not_now","notice":{{}}}}"#);
    format!("e30.{}.c2ln", base64url(claims.as_bytes()))
}

/// Synthetic leaf `index`, as [`fill`] appends it.
pub fn filler_leaf(index: u64) -> String {
    consent_core::leaf::decision(&filler_token(index), "2026-01-01T00:00:00Z", "filler-key")
}

struct Fill {
    count: u64,
    done: mpsc::Sender<StoreResult<()>>,
}

impl AppendJob for Fill {
    fn run(&mut self, tx: &mut dyn LedgerTx, staged: &mut Staged) -> StoreResult<bool> {
        tx.lock_ledger()?;
        for leaf in tx.leaves_since(staged.size())? {
            staged.push(leaf);
        }
        for _ in 0..self.count {
            let index = staged.size();
            let jti = format!("filler-{index}");
            let token = filler_token(index);
            let received_at = "2026-01-01T00:00:00Z";
            let leaf = filler_leaf(index);
            let hash = leaf_hash(leaf.as_bytes());
            let Appended { nodes, .. } = staged.push(hash);
            tx.append(&NewDecision {
                index,
                leaf: &leaf,
                leaf_hash: &hash,
                nodes: &nodes,
                jti: &jti,
                sub: "filler",
                choice: "not_now",
                token: &token,
                notice: "{}",
                received_at,
            })?;
        }
        Ok(true)
    }

    /// Synthetic leaves get no receipt: nobody holds their tokens to re-send.
    fn seal(
        &mut self,
        _: &mut dyn LedgerTx,
        _: &Staged,
        _: Option<&SignedHead>,
    ) -> StoreResult<()> {
        Ok(())
    }

    fn finish(self: Box<Self>, result: StoreResult<()>) {
        let _ = self.done.send(result);
    }
}
