//! The server's clock, in the two forms it stores and shows.

/// Seconds since the Unix epoch (0 if the clock is before it).
pub fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// `unix_secs` as an RFC 3339 UTC timestamp, as leaves and challenges carry it.
///
/// ```
/// assert_eq!(consent_server::time::rfc3339(0), "1970-01-01T00:00:00Z");
/// ```
pub fn rfc3339(unix_secs: u64) -> String {
    humantime::format_rfc3339_seconds(
        std::time::UNIX_EPOCH + std::time::Duration::from_secs(unix_secs),
    )
    .to_string()
}
