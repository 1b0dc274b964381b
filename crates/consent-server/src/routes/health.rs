//! Probes: `/livez` says the process serves HTTP; `/healthz` says it can also do its
//! work, because the store answers. An orchestrator restarts on the first failing and
//! only stops sending traffic on the second, so a database restart never gets the
//! server killed.

use crate::problem::{Problem, STORE_RETRY_AFTER_SECS};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use std::sync::Arc;
use std::time::Duration;

/// A store that takes longer than this to answer one index lookup is not ready: a
/// probe must answer in time even when the database hangs rather than refuses.
const STORE_DEADLINE: Duration = Duration::from_secs(2);

/// `GET /livez`: `ok` while the process serves requests, whatever the store does.
///
/// ```
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// assert_eq!(consent_server::routes::health::live().await, "ok");
/// # });
/// ```
pub async fn live() -> &'static str {
    "ok"
}

/// `GET /healthz`: `ok` once the store answers a cheap query (the tree's size, an
/// index lookup); `503 store-unavailable` with `Retry-After` while it does not.
pub async fn ready(State(state): State<Arc<AppState>>) -> Result<&'static str, Problem> {
    let store = state.store.clone();
    let asked = tokio::task::spawn_blocking(move || store.tree_size());
    match tokio::time::timeout(STORE_DEADLINE, asked).await {
        Ok(Ok(Ok(_))) => Ok("ok"),
        Ok(Ok(Err(e))) => Err(not_ready(e)),
        Ok(Err(panicked)) => Err(not_ready(panicked)),
        Err(_) => Err(not_ready(format!(
            "the store did not answer within {STORE_DEADLINE:?}"
        ))),
    }
}

fn not_ready(why: impl std::fmt::Display) -> Problem {
    tracing::warn!(%why, "not ready: the store does not answer");
    Problem::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "store-unavailable",
        "The ledger's database is unavailable",
        "the store does not answer; this instance cannot record decisions right now",
    )
    .with_retry_after(STORE_RETRY_AFTER_SECS)
}
