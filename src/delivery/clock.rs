//! Every reading of time in delivery, in one place: the wall clock (`Date.now()`), used
//! only where no backend time is at hand, and the page's monotonic clock
//! (`performance.now()`), which carries the backend's `issued_at` forward to a
//! decision's `iat`. Retry waits are timers (`setTimeout`) and read no clock.
//!
//! Both are read through the page's own globals at each call, never cached, so a test
//! shifts the widget's time by replacing `Date.now` and `performance.now` on the page
//! (tests/common/clock.rs): no code path exists for tests alone.

/// Milliseconds since the epoch on the device's clock, which may be wrong.
///
/// ```text
/// let queued_at = clock::wall_ms();
/// ```
pub fn wall_ms() -> f64 {
    js_sys::Date::now()
}

/// Milliseconds on a clock that only moves forward (`performance.now()`); the wall
/// clock where there is none.
///
/// ```text
/// let elapsed = clock::monotonic_ms() - arrived_ms;
/// ```
pub fn monotonic_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(wall_ms, |p| p.now())
}
