//! The router: API routes, the demo page and the widget, and the limits every request
//! runs under.

use crate::routes::{admin, decisions, ledger, session};
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

/// The whole HTTP surface: the API, the demo page at `/` and the widget at `/pkg/`.
pub fn router(state: Arc<AppState>) -> Router {
    let api = Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/v1/session", post(session::sign_in).get(session::whoami))
        .route("/v1/challenge", post(session::challenge))
        .route("/v1/decisions", post(decisions::record))
        .route("/v1/decisions/current", get(decisions::current))
        .route("/v1/decisions/export", get(decisions::export))
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

    api.merge(files)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(CompressionLayer::new())
        .layer(DefaultBodyLimit::max(16 * 1024))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(15),
        ))
}
