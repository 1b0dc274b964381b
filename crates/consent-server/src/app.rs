//! The router: API routes, the demo page and the widget, and the limits every request
//! runs under.

use crate::assets::{self, Assets};
use crate::cors::{self, HostOrigins};
use crate::host::{check_host, AllowedHosts};
use crate::routes::{admin, decisions, frame, health, ledger, notices, session};
use crate::state::AppState;
use axum::extract::DefaultBodyLimit;
use axum::http::{header, Extensions, HeaderMap, HeaderValue, Method, StatusCode, Version};
use axum::routing::{get, post};
use axum::Router;
use std::sync::Arc;
use std::time::Duration;
use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
use tower_http::compression::{CompressionLayer, CompressionLevel};
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

/// Answers smaller than this go uncompressed (see `router`).
const COMPRESS_ABOVE: u16 = 2048;

/// What hashed copies are cached as: their bytes never change under their name.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The widget's hashed copies: a year in any cache, never revalidated. Only for answers
/// that are the file (a 404 cached for a year would outlive the build that fixes it),
/// and not for the manifest, which is rewritten under the same name by every build.
async fn immutable_assets(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let manifest = request
        .uri()
        .path()
        .strip_prefix(assets::URL_PREFIX)
        .is_some_and(|name| name == assets::MANIFEST);
    let mut response = next.run(request).await;
    let status = response.status();
    let cache = if manifest {
        "no-cache"
    } else if status.is_success() || status == StatusCode::NOT_MODIFIED {
        IMMUTABLE
    } else {
        "no-store"
    };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    // One name, a body per encoding: a shared cache must not hand brotli to a client
    // that asked for gzip.
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    response
}

/// The runtime compressor leaves alone what the build already compressed: the copies
/// come precompressed at the highest levels (or plain, when the client takes neither
/// gzip nor brotli), and compressing them again per request costs milliseconds for
/// nothing.
fn not_prebuilt(_: StatusCode, _: Version, headers: &HeaderMap, _: &Extensions) -> bool {
    headers
        .get(header::CACHE_CONTROL)
        .is_none_or(|v| v.as_bytes() != IMMUTABLE.as_bytes())
}

/// Larger than any page of the demo by far; a bigger file is not a page to template.
const MAX_PAGE_BYTES: usize = 1 << 20;

/// HTML pages name the widget's hashed copies (see `Assets::rewrite_html`). The page's
/// validator must change with the copies it names, not only with the file: a browser
/// revalidating with the file's Last-Modified after a rebuild would otherwise keep a
/// page naming the previous build. So the page gets an ETag of what is served, and the
/// file's own validators and conditional headers are kept away from the file server.
async fn hashed_pages(
    axum::extract::State(assets): axum::extract::State<Arc<Assets>>,
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let path = request.uri().path().to_owned();
    if !(path.ends_with('/') || path.ends_with(".html") || path.ends_with(".htm")) {
        return next.run(request).await;
    }
    let head = request.method() == Method::HEAD;
    if head {
        *request.method_mut() = Method::GET;
    }
    let headers = request.headers_mut();
    let if_none_match = headers.remove(header::IF_NONE_MATCH);
    for h in [
        header::IF_MODIFIED_SINCE,
        header::IF_MATCH,
        header::IF_UNMODIFIED_SINCE,
        header::IF_RANGE,
        header::RANGE,
    ] {
        headers.remove(h);
    }
    let response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if response.status() != StatusCode::OK || !html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(%path, "cannot template a page: {e}");
            return (StatusCode::INTERNAL_SERVER_ERROR, "page too large to serve").into_response();
        }
    };
    // Not UTF-8: not a page this server can rewrite; served as it is.
    let page = match std::str::from_utf8(&bytes) {
        Ok(text) => axum::body::Bytes::from(assets.rewrite_html(text)),
        Err(_) => bytes,
    };
    let etag = assets::etag(&page);
    parts.headers.remove(header::LAST_MODIFIED);
    parts.headers.remove(header::ACCEPT_RANGES);
    if let Ok(v) = HeaderValue::from_str(&etag) {
        parts.headers.insert(header::ETAG, v);
    }
    let matches = if_none_match
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .map(|t| t.trim().trim_start_matches("W/"))
                .any(|t| t == etag || t == "*")
        });
    if matches {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        return axum::response::Response::from_parts(parts, axum::body::Body::empty());
    }
    parts
        .headers
        .insert(header::CONTENT_LENGTH, HeaderValue::from(page.len()));
    let body = if head {
        axum::body::Body::empty()
    } else {
        axum::body::Body::from(page)
    };
    axum::response::Response::from_parts(parts, body)
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

    // Served as the build compressed them, never compressed again here.
    let hashed = Router::new()
        .nest_service(
            assets::URL_PREFIX.trim_end_matches('/'),
            ServeDir::new(Assets::dir(&state.config.pkg_dir))
                .precompressed_br()
                .precompressed_gzip()
                .append_index_html_on_directories(false),
        )
        .layer(axum::middleware::from_fn(immutable_assets));

    let mut pages = Router::new().fallback_service(ServeDir::new(&state.config.www_dir));
    if let Some(assets) = state.assets.clone() {
        pages = pages.layer(axum::middleware::from_fn_with_state(assets, hashed_pages));
    }

    // Revalidate the other static files every time (ServeDir answers with Last-Modified
    // and 304s): a rebuilt widget must never be mixed with a stale glue file.
    let files = Router::new()
        .nest_service(
            "/pkg",
            ServeDir::new(&state.config.pkg_dir).append_index_html_on_directories(false),
        )
        .merge(pages)
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
        .merge(hashed)
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
        // What is compressed per request is an API answer or a small demo file: the
        // fastest level keeps most of the saving, where the default brotli level took
        // half the CPU a challenge costs. Below 2 KiB (a challenge without text, a
        // receipt) the saving is under one TCP segment while setting up the encoder
        // cost a quarter of a decision's CPU; the first challenge, with its text, is
        // still compressed.
        .layer(
            CompressionLayer::new()
                .quality(CompressionLevel::Fastest)
                .compress_when(
                    SizeAbove::new(COMPRESS_ABOVE)
                        .and(NotForContentType::GRPC)
                        .and(NotForContentType::IMAGES)
                        .and(NotForContentType::SSE)
                        .and(not_prebuilt),
                ),
        )
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
