//! Who reads the ledger: the public, which sees leaf hashes, or an auditor, who
//! presents a bearer token whose SHA-256 is configured (`auditor_tokens`) and sees the
//! entries themselves.

use crate::problem::Problem;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// The configured auditor credentials: SHA-256 of each bearer token. Only hashes are
/// configured, so a copy of the configuration grants nothing.
///
/// ```
/// use consent_server::auditor::Auditors;
/// // printf %s "correct horse" | sha256sum
/// let hash = "4104d36f8da2c254349f85836793ebe029e0c957063a34c91c2e9203187b5631";
/// let auditors = Auditors::new(&[hash.to_owned()]);
/// assert!(auditors.admits("correct horse"));
/// assert!(!auditors.admits("wrong"));
/// ```
pub struct Auditors(Vec<[u8; 32]>);

impl Auditors {
    /// From `auditor_tokens` (hex; `Config::validate` has refused anything else).
    pub fn new(hex_hashes: &[String]) -> Self {
        Auditors(hex_hashes.iter().filter_map(|h| from_hex(h)).collect())
    }

    /// Whether `token` is one of the auditors'.
    pub fn admits(&self, token: &str) -> bool {
        let digest: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        // Compared in full every time, so timing says nothing about near misses.
        self.0.iter().fold(false, |found, known| {
            let diff = known.iter().zip(&digest).fold(0u8, |d, (a, b)| d | (a ^ b));
            found | (diff == 0)
        })
    }
}

fn from_hex(hex: &str) -> Option<[u8; 32]> {
    let bytes = hex.as_bytes();
    if bytes.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, pair) in bytes.chunks(2).enumerate() {
        let pair = std::str::from_utf8(pair).ok()?;
        out[i] = u8::from_str_radix(pair, 16).ok()?;
    }
    Some(out)
}

/// A handler argument saying whether the request comes from an auditor. No
/// `Authorization` header: the public. A bearer token that is not an auditor's, or
/// any other credential, is refused with `401 bad-auditor-token` rather than quietly
/// answered as for the public, so an auditor never mistakes a typo for an empty log.
///
/// ```
/// use consent_server::auditor::LedgerReader;
/// async fn entries(reader: LedgerReader) -> &'static str {
///     if reader.auditor { "full entries" } else { "leaf hashes" }
/// }
/// ```
pub struct LedgerReader {
    pub auditor: bool,
}

impl FromRequestParts<Arc<AppState>> for LedgerReader {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        let mut given = parts.headers.get_all(header::AUTHORIZATION).iter();
        let value = match (given.next(), given.next()) {
            (None, _) => return Ok(LedgerReader { auditor: false }),
            (Some(v), None) => v.to_str().unwrap_or(""),
            (Some(_), Some(_)) => "",
        };
        let token = value
            .split_once(' ')
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim());
        match token {
            Some(t) if !t.is_empty() && state.auditors.admits(t) => {
                Ok(LedgerReader { auditor: true })
            }
            _ => Err(refused()),
        }
    }
}

fn refused() -> Response {
    let mut response = Problem::new(
        StatusCode::UNAUTHORIZED,
        "bad-auditor-token",
        "The auditor credential was refused",
        "send no Authorization header for the public view, or \
         Authorization: Bearer <an auditor token> for full entries",
    )
    .into_response();
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Bearer realm=\"consent-ledger\""),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_admitted_by_its_sha256_only() {
        let hash: String = Sha256::digest(b"s3cret-auditor")
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let auditors = Auditors::new(&[hash.to_uppercase()]);
        assert!(auditors.admits("s3cret-auditor"));
        assert!(!auditors.admits("s3cret-auditor "));
        assert!(!auditors.admits(&hash));
        assert!(!Auditors::new(&[]).admits(""));
    }
}
