//! Telling the user's input from a page script's.

/// Whether an event came from the user rather than from a script on the page: only
/// those may make a decision. Browser tests cannot produce trusted events, so the
/// `synthetic-events` feature (never in a release build) lets them through.
pub fn from_user(e: &web_sys::Event) -> bool {
    cfg!(feature = "synthetic-events") || e.is_trusted()
}
