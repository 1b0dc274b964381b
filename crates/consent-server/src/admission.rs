//! Room in the ledger writer's queue, taken before a decision costs anything.
//!
//! The writer commits decisions one round at a time; if they arrive faster than it
//! commits, an unbounded queue would grow until requests time out (and their writes
//! still commit later, unseen). Instead each decision holds a slot from arrival until
//! its round has committed, and when none is free the request is answered `503` with
//! `Retry-After` at once: before the session is looked up, the body read or the
//! signature checked. A client re-sends the same token; nothing was recorded.

use crate::problem::Problem;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::StatusCode;
use std::sync::Arc;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// How long a client is told to wait when the queue is full: one commit round takes
/// milliseconds, so a second is plenty and keeps a burst from returning at once.
pub const RETRY_AFTER_SECS: u64 = 1;

/// The slots: one per decision between arrival and commit.
///
/// ```
/// let slots = consent_server::admission::WriterSlots::new(1);
/// let held = slots.try_take().unwrap();
/// assert_eq!(slots.try_take().err().map(|p| p.status), Some(503));
/// drop(held);
/// assert!(slots.try_take().is_ok());
/// ```
pub struct WriterSlots(Arc<Semaphore>);

impl WriterSlots {
    /// `bound` decisions may wait for the writer at once.
    pub fn new(bound: usize) -> WriterSlots {
        WriterSlots(Arc::new(Semaphore::new(bound.min(Semaphore::MAX_PERMITS))))
    }

    /// A free slot, or the `503` that says to come back.
    pub fn try_take(&self) -> Result<WriterSlot, Problem> {
        self.0
            .clone()
            .try_acquire_owned()
            .map(|permit| WriterSlot { _permit: permit })
            .map_err(|_| {
                Problem::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "busy",
                    "The ledger is busy",
                    "too many decisions are waiting to be recorded; nothing was done, \
                     send the same token again after Retry-After",
                )
                .with_retry_after(RETRY_AFTER_SECS)
            })
    }
}

/// A slot in the writer's queue, held until dropped: the decision travels with it
/// into the writer, so it is freed when the decision's round has committed (or
/// failed), not when a timed-out request stops waiting.
pub struct WriterSlot {
    _permit: OwnedSemaphorePermit,
}

impl FromRequestParts<Arc<AppState>> for WriterSlot {
    type Rejection = Problem;

    async fn from_request_parts(
        _parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        state.writer_slots.try_take()
    }
}
