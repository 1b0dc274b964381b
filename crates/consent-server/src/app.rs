//! The router: API routes, the demo page and the widget, and the limits every request
//! runs under.

use crate::cors::{self, HostOrigins};
use crate::host::{check_host, AllowedHosts};
use crate::routes::{admin, decisions, frame, health, ledger, notices, session};
use crate::state::AppState;
use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, StatusCode};
use axum::routing::{get, post};
use axum::Router;
use std::sync::Arc;
use std::time::Duration;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

/// A strict policy: no inline script or style, no eval; wasm compilation allowed. The
/// demo runs under it to show the widget needs nothing more.
const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
                   img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
                   frame-ancestors 'none'; form-action 'none'";

/// The MIME table knows `.ts` only as an MPEG transport stream, so wasm-pack's type
/// declarations would reach browsers and tools as video.
async fn typescript_declarations(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let declarations = request.uri().path().ends_with(".d.ts");
    let mut response = next.run(request).await;
    if declarations && response.status().is_success() {
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/typescript; charset=utf-8"),
        );
    }
    response
}

/// Media types are case-insensitive (RFC 9110, 8.3.1), but the checks downstream
/// (ours and axum's JSON extractor) compare strings: `Application/JWT` is made
/// `application/jwt` here, parameters left as they were.
async fn lowercase_media_type(
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let lowered = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (essence, rest) = v.split_at(v.find(';').unwrap_or(v.len()));
            let lower = essence.trim().to_ascii_lowercase();
            (lower != essence).then(|| format!("{lower}{rest}"))
        })
        .and_then(|v| HeaderValue::from_str(&v).ok());
    if let Some(v) = lowered {
        request.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    next.run(request).await
}

/// The whole HTTP surface: the API, the demo page at `/`, the widget at `/pkg/` and
/// its isolated frame at `/frame`.
pub fn router(state: Arc<AppState>) -> Router {
    let hosts = Arc::new(AllowedHosts::new(state.config.allowed_hosts()));
    // Checked by Config::validate before start.
    let origins = Arc::new(
        HostOrigins::new(&state.config.allowed_origins).unwrap_or_else(|_| HostOrigins::none()),
    );
    let api = Router::new()
        .route("/healthz", get(health::ready))
        .route("/livez", get(health::live))
        .route(
            "/v1/session",
            post(session::sign_in)
                .get(session::whoami)
                .delete(session::sign_out),
        )
        .route("/v1/challenge", post(session::challenge))
        .route("/v1/decisions", post(decisions::record))
        .route("/v1/decisions/current", get(decisions::current))
        .route("/v1/decisions/export", get(decisions::export))
        .route("/v1/notices/{sha256}", get(notices::by_digest))
        .route("/v1/ledger/checkpoint", get(ledger::checkpoint))
        .route("/v1/ledger/proof/inclusion", get(ledger::inclusion))
        .route("/v1/ledger/proof/consistency", get(ledger::consistency))
        .route("/v1/ledger/entries", get(ledger::entries))
        .route("/.well-known/consent-ledger-key", get(ledger::public_key))
        .route(
            "/v1/admin/policy",
            get(admin::get_policy).post(admin::set_policy),
        )
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .with_state(state.clone());

    // Revalidate static files every time (ServeDir answers with Last-Modified and 304s):
    // a rebuilt widget must never be mixed with a stale glue file.
    let files = Router::new()
        .nest_service(
            "/pkg",
            ServeDir::new(&state.config.pkg_dir).append_index_html_on_directories(false),
        )
        .fallback_service(ServeDir::new(&state.config.www_dir))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(axum::middleware::from_fn(typescript_declarations));

    // Outermost last. The problem rewriter sits outside the timeout (so a 408 becomes a
    // problem too) and inside compression (so it reads the error text uncompressed).
    api.merge(frame::router(state.clone()))
        .merge(files)
        .layer(DefaultBodyLimit::max(16 * 1024))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(state.config.request_timeout_secs),
        ))
        .layer(axum::middleware::from_fn(api_errors_as_problems))
        .layer(axum::middleware::from_fn(lowercase_media_type))
        // Outside the rewriting above, so a listed origin can read refusals too.
        .layer(axum::middleware::from_fn_with_state(origins, cors::answer))
        // Before anything else looks at the request: a rebinding page learns nothing.
        .layer(axum::middleware::from_fn_with_state(hosts, check_host))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(CompressionLayer::new())
}

fn is_api(path: &str) -> bool {
    path == "/healthz"
        || path == "/livez"
        || path.starts_with("/v1/")
        || path.starts_with("/.well-known/")
}

/// Errors that never reach a handler (no such route, wrong method, a body over the
/// limit, a timeout, an extractor's plain-text rejection) still answer API clients
/// with problem+json, so clients need exactly one error parser.
async fn api_errors_as_problems(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let api = is_api(request.uri().path());
    let response = next.run(request).await;
    let status = response.status();
    let already = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
    if !api || already || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // The framework's own text says what was wrong (e.g. which JSON field); keep it.
    let text = axum::body::to_bytes(body, 4096)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_owned())
        .unwrap_or_default();
    let (code, title) = match status {
        StatusCode::NOT_FOUND => ("not-found", "No such endpoint"),
        StatusCode::METHOD_NOT_ALLOWED => ("method-not-allowed", "Method not allowed here"),
        StatusCode::REQUEST_TIMEOUT => ("timeout", "The request took too long"),
        StatusCode::PAYLOAD_TOO_LARGE => ("too-large", "The request body is too large"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            ("unsupported-media-type", "Unsupported Content-Type")
        }
        s if s.is_server_error() => ("internal", "Something went wrong on the server"),
        _ => ("bad-request-body", "The request was refused"),
    };
    let detail = if text.is_empty() {
        status.canonical_reason().unwrap_or("").to_owned()
    } else {
        text
    };
    let problem = crate::problem::Problem::new(status, code, title, detail).into_response();
    // Keep what the original said besides its body (Allow on a 405, for one).
    parts.headers.remove(header::CONTENT_TYPE);
    parts.headers.remove(header::CONTENT_LENGTH);
    let (problem_parts, problem_body) = problem.into_parts();
    parts.headers.extend(problem_parts.headers);
    axum::response::Response::from_parts(parts, problem_body)
}
