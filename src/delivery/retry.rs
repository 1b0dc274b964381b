//! How long the widget keeps trying when the backend cannot be reached: until it
//! answers, with backoff, so that a backend that comes back is reached within seconds
//! without being hammered.

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
                backoff(attempt).await;
                attempt += 1;
            }
            answered => return answered,
        }
    }
}

/// Waits before retry number `attempt` (0-based): 0.5 s doubling to at most 10 s.
async fn backoff(attempt: u32) {
    let ms = (500u32 << attempt.min(5)).min(10_000);
    gloo_timers::future::TimeoutFuture::new(ms).await;
}
