//! Cross-origin access for host pages on other origins than this backend's: exact,
//! credentialed CORS for the origins in `allowed_origins`, and not one CORS header
//! for any other.
//!
//! tower-http's [`CorsLayer`] writes the headers and answers preflights; it runs only
//! for a listed origin, because on its own it sends `Access-Control-Allow-Credentials`,
//! `-Allow-Methods` and `-Allow-Headers` to every origin and only withholds
//! `-Allow-Origin`. Every response says `Vary: Origin`, so a cache never hands one
//! origin's answer to another.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;
use std::time::Duration;
use tower::{Layer, ServiceExt};
use tower_http::cors::{AllowOrigin, CorsLayer};

/// The request headers a listed origin may send: the media types of the JSON and
/// `application/jwt` calls, and a bearer token from the widget's `getHeaders` hook.
const ALLOWED_HEADERS: [header::HeaderName; 3] =
    [header::CONTENT_TYPE, header::ACCEPT, header::AUTHORIZATION];

/// The allowed origins and the layer that answers them.
///
/// ```
/// use consent_server::cors::HostOrigins;
/// let origins = HostOrigins::new(&["https://people.contoso.example".into()]).unwrap();
/// assert!(origins.allows("https://people.contoso.example"));
/// assert!(!origins.allows("https://evil.example"));
/// ```
#[derive(Clone)]
pub struct HostOrigins {
    origins: Vec<HeaderValue>,
    layer: CorsLayer,
}

impl HostOrigins {
    /// Checks each origin (see [`check_origin`]) and builds the layer.
    pub fn new(origins: &[String]) -> Result<HostOrigins, String> {
        let origins = origins
            .iter()
            .map(|o| check_origin(o))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(HostOrigins::checked(origins))
    }

    /// No origin allowed: no CORS header at all.
    pub fn none() -> HostOrigins {
        HostOrigins::checked(Vec::new())
    }

    fn checked(origins: Vec<HeaderValue>) -> HostOrigins {
        let layer = CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins.clone()))
            .allow_credentials(true)
            .allow_methods([Method::GET, Method::POST, Method::DELETE])
            .allow_headers(ALLOWED_HEADERS)
            .expose_headers([header::RETRY_AFTER])
            .max_age(Duration::from_secs(600));
        HostOrigins { origins, layer }
    }

    /// Whether a request's `Origin` value is one of the allowed origins, exactly.
    pub fn allows(&self, origin: &str) -> bool {
        self.origins
            .iter()
            .any(|o| o.as_bytes() == origin.as_bytes())
    }
}

/// An origin as browsers send it in `Origin`: `https://host[:port]` (or `http:`),
/// lower case, no path, no trailing slash; anything else would never match and is
/// refused with a sentence for the operator.
///
/// ```
/// use consent_server::cors::check_origin;
/// assert!(check_origin("http://127.0.0.1:9400").is_ok());
/// assert!(check_origin("https://people.contoso.example/").unwrap_err().contains("slash"));
/// assert!(check_origin("*").is_err());
/// ```
pub fn check_origin(origin: &str) -> Result<HeaderValue, String> {
    let refuse = |why: &str| {
        Err(format!(
            "allowed_origins: {origin:?} {why}; write origins as browsers send them, \
             e.g. https://people.contoso.example or http://127.0.0.1:9400"
        ))
    };
    let Some(authority) = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
    else {
        return refuse("is not an http: or https: origin");
    };
    if authority.ends_with('/') {
        return refuse("ends in a slash, which an Origin header never does");
    }
    if authority.contains(['/', '?', '#', '@']) {
        return refuse("has more than scheme, host and port");
    }
    if crate::host::normalise(authority).is_none() {
        return refuse("names no host");
    }
    if authority.bytes().any(|b| b.is_ascii_uppercase()) {
        return refuse("has upper-case letters, which an Origin header never has");
    }
    HeaderValue::from_str(origin).or_else(|_| refuse("is not a header value"))
}

/// The middleware: a listed `Origin` goes through the CORS layer (a preflight is
/// answered there, never reaching a handler); every other request goes on untouched.
/// Either way the answer varies by `Origin`.
pub async fn answer(
    State(origins): State<Arc<HostOrigins>>,
    request: Request,
    next: Next,
) -> Response {
    let listed = request
        .headers()
        .get(header::ORIGIN)
        .and_then(|o| o.to_str().ok())
        .is_some_and(|o| origins.allows(o));
    let mut response = if listed {
        match origins.layer.layer(next).oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        }
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    let varies = headers
        .get_all(header::VARY)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|v| v.trim().eq_ignore_ascii_case("origin"));
    if !varies {
        headers.append(header::VARY, HeaderValue::from_static("origin"));
    }
    response
}
