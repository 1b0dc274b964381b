//! The HTTP API.

pub mod admin;
pub mod decisions;
pub mod frame;
pub mod health;
pub mod ledger;
pub mod notices;
pub mod session;

use crate::problem::Problem;
use axum::extract::rejection::JsonRejection;

/// A JSON body error as problem+json rather than axum's plain text.
pub fn bad_json(e: JsonRejection) -> Problem {
    Problem::bad_request("bad-request-body", e.body_text())
}
