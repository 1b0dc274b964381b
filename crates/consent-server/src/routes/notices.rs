//! The published notices, by digest: what a user was shown, for an auditor.

use crate::blocking::blocking;
use crate::problem::Problem;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// `GET /v1/notices/{sha256}`: exactly the text, and the link targets, that a token's
/// `notice.sha256` covers (see `consent_core::catalogue::Published`), for every notice
/// this ledger has offered. Public, like the ledger: notices are not personal data.
pub async fn by_digest(
    State(state): State<Arc<AppState>>,
    Path(sha256): Path<String>,
) -> Result<Response, Problem> {
    let hex = |b: u8| b.is_ascii_digit() || (b'a'..=b'f').contains(&b);
    if sha256.len() != 64 || !sha256.bytes().all(hex) {
        return Err(Problem::bad_request(
            "bad-digest",
            format!("{sha256:?} is not a SHA-256 digest in lowercase hex (64 characters)"),
        ));
    }
    let store = state.store.clone();
    let key = sha256.clone();
    match blocking(move || store.notice(&key)).await? {
        Some(body) => Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response()),
        None => Err(Problem::new(
            StatusCode::NOT_FOUND,
            "unknown-notice",
            "No such notice",
            format!("this ledger never offered a notice with digest {sha256}"),
        )),
    }
}
