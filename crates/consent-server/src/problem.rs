//! RFC 9457 problem details: every refusal has a stable `type` URI per reason, and
//! every error a handler can meet becomes one here, each with its status spelt out.

use crate::ledger::Refusal;
use crate::store::StoreError;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use consent_core::verify::VerifyError;
use serde::Serialize;

/// The base of every problem `type`; the last path segment is the reason code.
pub const TYPE_BASE: &str = "https://consent.example/problems/";

/// An API error answer, `application/problem+json`.
///
/// ```
/// use axum::http::StatusCode;
/// use consent_server::problem::Problem;
/// let p = Problem::new(StatusCode::CONFLICT, "jti-reused", "The decision was refused", "...");
/// assert_eq!(p.kind, "https://consent.example/problems/jti-reused");
/// ```
#[derive(Debug, Serialize)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: &'static str,
    pub status: u16,
    pub detail: String,
    /// Seconds for a `Retry-After` header (a `429` says when to come back).
    #[serde(skip)]
    pub retry_after: Option<u64>,
}

impl Problem {
    /// A problem of type [`TYPE_BASE`]`{code}`.
    pub fn new(
        status: StatusCode,
        code: &str,
        title: &'static str,
        detail: impl Into<String>,
    ) -> Self {
        Problem {
            kind: format!("{TYPE_BASE}{code}"),
            title,
            status: status.as_u16(),
            detail: detail.into(),
            retry_after: None,
        }
    }

    /// The same problem, answered with `Retry-After: {secs}`.
    pub fn with_retry_after(self, secs: u64) -> Self {
        Problem {
            retry_after: Some(secs),
            ..self
        }
    }

    /// A `400` for a request that is wrong in itself.
    pub fn bad_request(code: &str, detail: impl Into<String>) -> Self {
        Problem::new(
            StatusCode::BAD_REQUEST,
            code,
            "The request was refused",
            detail,
        )
    }

    /// A `500`. `detail` goes to the log only: the client learns that nothing was
    /// done and that it may retry, not how the server failed.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        tracing::error!(%detail, "internal error");
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Something went wrong on the server",
            "the request was not processed; it is safe to send it again",
        )
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut response = (
            status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            body,
        )
            .into_response();
        if let Some(secs) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, secs.into());
        }
        response
    }
}

/// A store failure is never the client's fault. An unreachable database is a `503`
/// with `Retry-After`: re-sending the same request is how a client learns whether a
/// decision whose commit was cut off was kept (its receipt) or not (recorded now).
impl From<StoreError> for Problem {
    fn from(e: StoreError) -> Self {
        match e {
            // Said apart from other failures, because retrying will not help: what is
            // stored fails the checks against what the server signed, and the answer
            // is withheld rather than given from it. The details go to the log.
            StoreError::Corrupt(what) => {
                tracing::error!(%what, "the ledger failed its checks; answer withheld");
                Problem::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "ledger-inconsistent",
                    "The stored ledger does not match what the server signed",
                    "the answer was withheld rather than read from data that fails its \
                     checks; the operator must restore the ledger",
                )
            }
            e if e.is_unavailable() => {
                tracing::warn!(error = %e, "the database is unavailable");
                Problem::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "store-unavailable",
                    "The ledger's database is unavailable",
                    "the database did not answer; send the same request again after Retry-After \
                     (a decision already recorded is answered with its receipt)",
                )
                .with_retry_after(STORE_RETRY_AFTER_SECS)
            }
            other => Problem::internal(other),
        }
    }
}

/// How long a client is told to wait while the database is out of reach: a restart
/// takes seconds, and a second keeps waiting clients from arriving all at once.
pub const STORE_RETRY_AFTER_SECS: u64 = 1;

/// The stateful refusals (docs/DESIGN.md, Verification order). No wildcard arm: a new
/// refusal does not compile until it has a status here.
impl From<Refusal> for Problem {
    fn from(refusal: Refusal) -> Self {
        let status = match refusal {
            Refusal::UnknownNonce => StatusCode::BAD_REQUEST,
            Refusal::NonceExpired => StatusCode::BAD_REQUEST,
            Refusal::IatOutsideChallenge => StatusCode::BAD_REQUEST,
            Refusal::NoticeNotOffered => StatusCode::BAD_REQUEST,
            Refusal::NonceReplayed => StatusCode::CONFLICT,
            Refusal::JtiReused => StatusCode::CONFLICT,
            Refusal::WrongSession => StatusCode::FORBIDDEN,
            Refusal::WrongSubject => StatusCode::FORBIDDEN,
        };
        Problem::new(
            status,
            refusal.code(),
            "The decision was refused",
            refusal.detail(),
        )
    }
}

/// The stateless checks (docs/DESIGN.md, Verification order), one status each.
impl From<VerifyError> for Problem {
    fn from(e: VerifyError) -> Self {
        let status = match &e {
            VerifyError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            VerifyError::Malformed(_) => StatusCode::BAD_REQUEST,
            VerifyError::BadJson(_) => StatusCode::BAD_REQUEST,
            VerifyError::BadTyp(_) => StatusCode::BAD_REQUEST,
            VerifyError::BadAlg(_) => StatusCode::BAD_REQUEST,
            VerifyError::BadKey(_) => StatusCode::BAD_REQUEST,
            VerifyError::BadSignature => StatusCode::BAD_REQUEST,
            VerifyError::UnknownVersion(_) => StatusCode::BAD_REQUEST,
            VerifyError::BadJti => StatusCode::BAD_REQUEST,
            VerifyError::NoticeMismatch => StatusCode::BAD_REQUEST,
            VerifyError::FlowsMismatch => StatusCode::BAD_REQUEST,
            VerifyError::WrongAudience => StatusCode::FORBIDDEN,
        };
        Problem::new(
            status,
            e.code(),
            "The decision token was refused",
            e.to_string(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(p: Problem) -> (u16, String) {
        (p.status, p.kind.trim_start_matches(TYPE_BASE).to_owned())
    }

    /// The table of the README's "Problem types", for every refusal.
    #[test]
    fn every_refusal_has_its_documented_status() {
        let table = [
            (Refusal::UnknownNonce, 400),
            (Refusal::NonceExpired, 400),
            (Refusal::IatOutsideChallenge, 400),
            (Refusal::NoticeNotOffered, 400),
            (Refusal::NonceReplayed, 409),
            (Refusal::JtiReused, 409),
            (Refusal::WrongSession, 403),
            (Refusal::WrongSubject, 403),
        ];
        for (refusal, status) in table {
            assert_eq!(answer(refusal.into()), (status, refusal.code().to_owned()));
        }
    }

    #[test]
    fn every_verify_error_has_its_documented_status() {
        let table = [
            (VerifyError::TooLarge(9000), 413),
            (VerifyError::Malformed("x"), 400),
            (VerifyError::BadJson("x".into()), 400),
            (VerifyError::BadTyp("x".into()), 400),
            (VerifyError::BadAlg("x".into()), 400),
            (VerifyError::BadKey("x"), 400),
            (VerifyError::BadSignature, 400),
            (VerifyError::UnknownVersion(2), 400),
            (VerifyError::BadJti, 400),
            (VerifyError::NoticeMismatch, 400),
            (VerifyError::FlowsMismatch, 400),
            (VerifyError::WrongAudience, 403),
        ];
        for (e, status) in table {
            let code = e.code().to_owned();
            assert_eq!(answer(e.into()), (status, code));
        }
    }

    #[test]
    fn store_errors_are_internal_and_say_nothing_of_the_cause() {
        let p = Problem::from(StoreError::Stopped("the ledger writer has stopped"));
        assert_eq!(answer(p), (500, "internal".to_owned()));
    }

    #[test]
    fn an_unreachable_database_is_a_503_to_retry() {
        let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        let p = Problem::from(StoreError::Unavailable(std::sync::Arc::new(refused)));
        assert_eq!(p.retry_after, Some(STORE_RETRY_AFTER_SECS));
        assert!(!p.detail.contains("refused"), "the cause stays in the log");
        assert_eq!(answer(p), (503, "store-unavailable".to_owned()));
    }
}
