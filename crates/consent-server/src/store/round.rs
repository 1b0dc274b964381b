//! A writer round, the same in either store: every queued job in a savepoint of its
//! own, then one signed head for what the round appended, then each job sealed against
//! it, all in the round's transaction. The stores bring the transaction, its
//! savepoints and the commit.

use super::{AppendJob, HeadSigner, LedgerTx, StoreResult};
use crate::ledger::Staged;
use std::sync::Arc;

/// The round's jobs as they ran, each with whether it kept its writes.
pub(super) type Ran = Vec<(Box<dyn AppendJob>, StoreResult<bool>)>;

/// Runs each job of `batch` through `in_savepoint` (which runs it in a savepoint and
/// releases the savepoint when the job keeps its writes); a job that kept nothing, or
/// failed, leaves `staged` as it found it.
pub(super) fn run_jobs(
    batch: Vec<Box<dyn AppendJob>>,
    staged: &mut Staged,
    mut in_savepoint: impl FnMut(&mut dyn AppendJob, &mut Staged) -> StoreResult<bool>,
) -> Ran {
    let mut ran = Vec::with_capacity(batch.len());
    for mut job in batch {
        let before = staged.mark();
        let result = in_savepoint(&mut *job, staged);
        if !matches!(result, Ok(true)) {
            staged.rewind(before);
        }
        ran.push((job, result));
    }
    ran
}

/// Signs and stores the head the round leaves when it appended beyond `committed`
/// leaves (what the next start checks, and the checkpoint every receipt of the round
/// proves against), then seals every job that ran.
pub(super) fn seal(
    ran: &mut Ran,
    staged: &Staged,
    committed: u64,
    sealer: Option<&Arc<dyn HeadSigner>>,
    tx: &mut dyn LedgerTx,
) -> StoreResult<()> {
    let head = match sealer {
        Some(sealer) if staged.size() != committed => {
            Some(sealer.sign_head(staged.size(), &staged.root()))
        }
        _ => None,
    };
    if let Some(head) = &head {
        tx.put_head(head)?;
    }
    for (job, result) in ran.iter_mut() {
        if result.is_ok() {
            job.seal(tx, staged, head.as_ref())?;
        }
    }
    Ok(())
}
