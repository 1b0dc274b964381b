//! Deleting what expires: challenges and demo sessions.

use crate::store::Storage;
use crate::time::now_secs;
use std::sync::Arc;
use std::time::Duration;

/// Every `every`, deletes challenges that expired more than `delivery_grace_secs` ago
/// and sessions older than `session_ttl_secs`; runs until its task is aborted.
/// Challenges and demo sessions would otherwise pile up for ever: every sign-in and
/// every challenge stores a row. A challenge is kept past its expiry because a
/// decision made in time may arrive late, from an outbox that was offline; the grace
/// is the bound on that delay (docs/DESIGN.md, Verification order).
///
/// It keeps its own `spawn_blocking`: a failed sweep is logged and retried at the
/// next tick, nobody is answered.
pub async fn sweep(
    store: Arc<dyn Storage>,
    every: Duration,
    session_ttl_secs: u64,
    delivery_grace_secs: u64,
) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let now = now_secs();
        let store = store.clone();
        let swept = tokio::task::spawn_blocking(move || {
            store.sweep(
                now.saturating_sub(delivery_grace_secs),
                now.saturating_sub(session_ttl_secs),
            )
        })
        .await;
        match swept {
            Ok(Ok(0)) => {}
            Ok(Ok(rows)) => tracing::debug!(rows, "expired sessions and challenges swept"),
            Ok(Err(e)) => tracing::warn!(%e, "sweeping expired sessions and challenges failed"),
            Err(e) => tracing::warn!(%e, "the sweeper stopped"),
        }
    }
}
