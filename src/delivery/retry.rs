//! How long the widget keeps trying when the backend cannot be reached or is busy:
//! until it answers, with backoff (and no sooner than a `Retry-After` says), so that a
//! backend that comes back is reached within seconds without being hammered.

use super::backend::CallError;
use std::future::Future;

/// Calls `call` until the backend answers, with an acknowledgement or a refusal. After
/// each transient failure `unreachable(attempt, reason)` is told (attempt 0-based), then
/// the next try waits.
pub async fn until_answered<T, Fut>(
    mut call: impl FnMut() -> Fut,
    mut unreachable: impl FnMut(u32, String),
) -> Result<T, CallError>
where
    Fut: Future<Output = Result<T, CallError>>,
{
    let mut attempt = 0;
    loop {
        match call().await {
            Err(CallError::Transient(reason)) => {
                unreachable(attempt, reason);
                backoff(attempt, 0).await;
                attempt += 1;
            }
            Err(CallError::Busy {
                reason,
                retry_after,
            }) => {
                unreachable(attempt, reason);
                backoff(attempt, retry_after.saturating_mul(1000)).await;
                attempt += 1;
            }
            answered => return answered,
        }
    }
}

/// Waits before retry number `attempt` (0-based): 0.5 s doubling to at most 10 s, and
/// at least `at_least_ms` (a `Retry-After`, capped at a minute).
async fn backoff(attempt: u32, at_least_ms: u32) {
    let ms = (500u32 << attempt.min(5))
        .min(10_000)
        .max(at_least_ms.min(60_000));
    gloo_timers::future::TimeoutFuture::new(ms).await;
}
