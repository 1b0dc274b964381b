//! The isolated frame mode's page: the widget in an iframe on this backend's own origin,
//! so the host page's scripts can reach neither its DOM nor its key (see the README's
//! "Isolated frame mode" and docs/DESIGN.md). The page itself is fixed text; the host's
//! origin travels in the query, is checked here against the allowed origins, and is
//! read by `/pkg/frame-page.js`, which talks to that origin only.

use crate::problem::Problem;
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use std::sync::Arc;

/// No inline script or style: the widget's stylesheet is a constructable one, its glue
/// and the frame script are files under `/pkg`.
const PAGE: &str = "<!doctype html>\n<html lang=\"en\">\n<meta charset=\"utf-8\">\n\
<title>Account link consent</title>\n<div id=\"consent\"></div>\n\
<script type=\"module\" src=\"/pkg/frame-page.js\"></script>\n";

/// Everything but the frame ancestors, which depend on the configuration: nothing may
/// load but this origin's scripts, the wasm they compile and calls to this backend.
const POLICY: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
                      style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

#[derive(Deserialize)]
pub struct FrameQuery {
    host: Option<String>,
}

/// `GET /frame` only; merged into the app's router.
///
/// ```no_run
/// # fn f(state: std::sync::Arc<consent_server::state::AppState>) {
/// let app: axum::Router = consent_server::routes::frame::router(state);
/// # }
/// ```
pub fn router(state: Arc<AppState>) -> Router {
    Router::new().route("/frame", get(page)).with_state(state)
}

/// The host origins that may embed the frame besides this backend's own (`'self'`).
fn embedders(state: &AppState) -> impl Iterator<Item = &str> {
    state.config.allowed_origins.iter().map(String::as_str)
}

/// This backend's origin as its pages' `Origin` says it: the audience.
fn own_origin(state: &AppState) -> &str {
    state.config.audience.trim_end_matches('/')
}

/// `GET /frame?host=https://people.contoso.example`: the frame page, for a host origin
/// that is allowed, with a CSP whose `frame-ancestors` lists exactly the allowed
/// origins (`'self'` alone when there are none).
pub async fn page(
    State(state): State<Arc<AppState>>,
    query: Result<Query<FrameQuery>, QueryRejection>,
) -> Result<Response, Problem> {
    let query = query.map_err(|e| Problem::bad_request("bad-frame-host", e.body_text()))?;
    let Some(host) = query.0.host else {
        return Err(Problem::bad_request(
            "bad-frame-host",
            "the frame needs ?host=, the exact origin of the page that embeds it",
        ));
    };
    let allowed = host == own_origin(&state) || embedders(&state).any(|o| o == host);
    if !allowed {
        return Err(Problem::bad_request(
            "bad-frame-host",
            format!(
                "{host:?} is not one of this backend's allowed origins (allowed_origins, \
                 CONSENT_ALLOWED_ORIGINS), written exactly as browsers send Origin"
            ),
        ));
    }
    let ancestors = std::iter::once("'self'")
        .chain(embedders(&state))
        .collect::<Vec<_>>()
        .join(" ");
    let csp = format!("{POLICY}; frame-ancestors {ancestors}");
    // Allowed origins are checked header values at start, so this cannot fail; refuse
    // rather than serve the page without its policy if it ever did.
    let csp = HeaderValue::from_str(&csp).map_err(Problem::internal)?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (header::CONTENT_SECURITY_POLICY, csp),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            (
                header::REFERRER_POLICY,
                HeaderValue::from_static("no-referrer"),
            ),
        ],
        PAGE,
    )
        .into_response())
}
