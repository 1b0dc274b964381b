//! Per-key request allowances, per minute.

use crate::problem::Problem;
use axum::http::StatusCode;
use std::collections::HashMap;
use std::sync::Mutex;

/// How many requests each key (a session, or an address) may make in the current
/// minute. In memory and per instance: it bounds abuse, it is no quota.
///
/// ```
/// let limiter = consent_server::rate::RateLimiter::new(2);
/// assert!(limiter.check("s", 60).is_ok());
/// assert!(limiter.check("s", 61).is_ok());
/// let refused = limiter.check("s", 62).unwrap_err();
/// assert_eq!((refused.status, refused.retry_after), (429, Some(58)));
/// assert!(limiter.check("s", 120).is_ok(), "a new minute");
/// ```
pub struct RateLimiter {
    per_minute: u32,
    /// Key -> (minute, count).
    counts: Mutex<HashMap<String, (u64, u32)>>,
}

impl RateLimiter {
    /// At most `per_minute` requests per key and minute.
    pub fn new(per_minute: u32) -> Self {
        RateLimiter {
            per_minute,
            counts: Mutex::default(),
        }
    }

    /// Counts a request by `key` at `now` (Unix seconds); `429 rate-limited`, with
    /// `Retry-After` at the next minute, once the key's allowance for this minute is
    /// spent.
    pub fn check(&self, key: &str, now: u64) -> Result<(), Problem> {
        let minute = now / 60;
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        // Forget past minutes once the map is large, so it cannot grow without bound.
        if counts.len() > 100_000 {
            counts.retain(|_, (m, _)| *m == minute);
        }
        let entry = counts.entry(key.to_owned()).or_insert((minute, 0));
        if entry.0 != minute {
            *entry = (minute, 0);
        }
        entry.1 = entry.1.saturating_add(1);
        if entry.1 > self.per_minute {
            return Err(Problem::new(
                StatusCode::TOO_MANY_REQUESTS,
                "rate-limited",
                "Too many requests",
                "slow down and try again in a minute",
            )
            .with_retry_after(60 - now % 60));
        }
        Ok(())
    }
}
