//! The one thread that appends to the ledger. Request handlers hand it decisions
//! without blocking and await the answer; it takes everything that queued up while
//! its previous round was committing as the next round. Compared with each request
//! taking a lock on a blocking-pool thread, this saves two thread hand-offs per
//! decision and lets a round grow while the last one waits for its fsync.

use super::{AppendJob, StoreError, StoreResult};
use std::sync::{mpsc, Arc};

/// The handle callers submit `T`s through. Dropping it ends the thread after the
/// round in progress.
pub struct Writer<T> {
    jobs: mpsc::Sender<T>,
}

impl<T: Send + 'static> Writer<T> {
    /// Starts the thread; `round` gets every batch in arrival order and must answer
    /// each of its jobs.
    pub fn spawn(name: &str, mut round: impl FnMut(Vec<T>) + Send + 'static) -> StoreResult<Self> {
        let (jobs, queue) = mpsc::channel::<T>();
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                while let Ok(first) = queue.recv() {
                    let mut batch = vec![first];
                    batch.extend(queue.try_iter());
                    // A bug that panics must not stop every later decision: the
                    // batch's callers hear an error (their replies drop) and the
                    // next round starts afresh (transactions roll back on unwind).
                    let this_round = std::panic::AssertUnwindSafe(|| round(batch));
                    if std::panic::catch_unwind(this_round).is_err() {
                        tracing::error!("a ledger round panicked; its decisions were not recorded");
                    }
                }
            })
            .map_err(|e| StoreError::Thread(Arc::new(e)))?;
        Ok(Writer { jobs })
    }

    /// Queues `job` for the next round; gives it back if the thread has stopped.
    pub fn submit(&self, job: T) -> Result<(), T> {
        self.jobs.send(job).map_err(|mpsc::SendError(job)| job)
    }
}

impl Writer<Box<dyn AppendJob>> {
    /// Queues a ledger job; it is finished once the round that holds it has committed
    /// (or failed), or at once if the thread has stopped.
    pub fn submit_job(&self, job: Box<dyn AppendJob>) {
        if let Err(job) = self.submit(job) {
            job.finish(Err(StoreError::Stopped("the ledger writer has stopped")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::sync::oneshot;

    type Job = (u32, oneshot::Sender<usize>);

    #[test]
    fn jobs_that_queue_during_a_round_make_the_next_round() {
        // The first round holds until the test has queued the rest: a commit that
        // takes a while, deterministically.
        let (started, round_started) = mpsc::channel();
        let (go, wait) = mpsc::channel::<()>();
        let writer = Writer::<Job>::spawn("test-writer", move |batch| {
            let _ = started.send(());
            let _ = wait.recv();
            let size = batch.len();
            for (_, reply) in batch {
                let _ = reply.send(size);
            }
        })
        .unwrap();
        let mut submit = |i| {
            let (tx, rx) = oneshot::channel();
            writer.submit((i, tx)).unwrap();
            rx
        };
        let first = submit(0);
        round_started.recv().unwrap();
        let rest: Vec<_> = (1..50).map(&mut submit).collect();
        go.send(()).unwrap();
        go.send(()).unwrap();
        assert_eq!(first.blocking_recv().unwrap(), 1);
        for rx in rest {
            assert_eq!(
                rx.blocking_recv().unwrap(),
                49,
                "one round for all the rest"
            );
        }
    }

    #[test]
    fn a_round_that_panics_fails_its_jobs_and_the_next_round_still_runs() {
        let writer = Writer::<Job>::spawn("test-writer", |batch| {
            for (n, reply) in batch {
                assert_ne!(n, 0, "a bug");
                let _ = reply.send(n as usize * 2);
            }
        })
        .unwrap();
        let (tx, doomed) = oneshot::channel();
        writer.submit((0, tx)).unwrap();
        assert!(doomed.blocking_recv().is_err(), "the caller hears of it");
        let (tx, later) = oneshot::channel();
        writer.submit((21, tx)).unwrap();
        assert_eq!(later.blocking_recv().unwrap(), 42);
    }
}
