//! The `Host` allow-list. A page on `evil.example` whose name is made to resolve to
//! 127.0.0.1 (DNS rebinding) reaches a loopback demo as same-origin, cookies and all;
//! its requests still name `evil.example`, so they are refused here with `421`.

use crate::problem::Problem;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// Paths any host may ask for: load balancers and orchestrators probe by address.
const UNCHECKED: [&str; 2] = ["/healthz", "/livez"];

/// A host as compared: lower case, without port, brackets or a trailing dot; `None`
/// when `authority` is no `host[:port]`.
///
/// ```
/// use consent_server::host::normalise;
/// assert_eq!(normalise("Consent.Example:8443").as_deref(), Some("consent.example"));
/// assert_eq!(normalise("[::1]:8080").as_deref(), Some("::1"));
/// assert_eq!(normalise("localhost.").as_deref(), Some("localhost"));
/// assert_eq!(normalise("a b"), None);
/// ```
pub fn normalise(authority: &str) -> Option<String> {
    let parsed: axum::http::uri::Authority = authority.trim().parse().ok()?;
    if parsed.as_str().contains('@') {
        return None;
    }
    let host = parsed.host().trim_start_matches('[').trim_end_matches(']');
    let host = host.strip_suffix('.').unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// The normalised host of an absolute URL such as the audience; `None` when it is
/// not one (an audience may be any string).
///
/// ```
/// use consent_server::host::of_url;
/// assert_eq!(of_url("http://127.0.0.1:8080").as_deref(), Some("127.0.0.1"));
/// assert_eq!(of_url("urn:example:consent"), None);
/// ```
pub fn of_url(url: &str) -> Option<String> {
    let uri: axum::http::Uri = url.parse().ok()?;
    normalise(uri.authority()?.as_str())
}

/// The hosts this server answers to (see `Config::allowed_hosts`).
pub struct AllowedHosts(Vec<String>);

impl AllowedHosts {
    pub fn new(hosts: Vec<String>) -> Self {
        AllowedHosts(hosts)
    }

    /// Whether `authority` (a `Host` value) names an allowed host.
    ///
    /// ```
    /// use consent_server::host::AllowedHosts;
    /// let hosts = AllowedHosts::new(vec!["consent.example".into()]);
    /// assert!(hosts.allows("CONSENT.example:443"));
    /// assert!(!hosts.allows("evil.example"));
    /// ```
    pub fn allows(&self, authority: &str) -> bool {
        normalise(authority).is_some_and(|h| self.0.contains(&h))
    }
}

/// Middleware: `421 wrong-host` unless the request names an allowed host, both in
/// `Host` (exactly one) and in an absolute-form target, when it has one.
pub async fn check_host(
    State(hosts): State<Arc<AllowedHosts>>,
    request: Request,
    next: Next,
) -> Response {
    if UNCHECKED.contains(&request.uri().path()) {
        return next.run(request).await;
    }
    let mut named = request.headers().get_all(header::HOST).iter();
    let host = match (named.next(), named.next()) {
        (Some(v), None) => v.to_str().ok(),
        _ => None,
    };
    let target = request.uri().authority().map(|a| a.as_str());
    let allowed = host.is_some_and(|h| hosts.allows(h)) && target.is_none_or(|t| hosts.allows(t));
    if allowed {
        return next.run(request).await;
    }
    Problem::new(
        StatusCode::MISDIRECTED_REQUEST,
        "wrong-host",
        "This server does not answer for that host",
        format!(
            "the request named host {:?}, which this server is not configured to answer \
             for (allowed_hosts)",
            host.unwrap_or("")
        ),
    )
    .into_response()
}
