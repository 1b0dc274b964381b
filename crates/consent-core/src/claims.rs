//! The claims of a consent decision token (DESIGN section 5).

use crate::catalogue::{Notice, NoticeRef};
use crate::{Choice, Flows};
use serde::{Deserialize, Serialize};

/// The claims schema version this crate writes and accepts.
pub const SCHEMA_VERSION: u32 = 1;
/// The JWS `typ` of a decision token.
pub const TOKEN_TYP: &str = "consent-decision+jwt";

/// What a user decided, about which notice, for whom and for which backend. There is
/// no `exp`: a decision is evidence, and evidence does not expire.
///
/// ```
/// use consent_core::{catalogue, claims::Claims, Choice};
/// let c = Claims::new("jti-1".into(), 1_700_000_000, "nonce".into(), "https://consent.example".into(),
///                     "sub-1".into(), catalogue::notice("en"), Choice::NotNow);
/// assert_eq!(c.flows, Choice::NotNow.flows());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claims {
    pub v: u32,
    /// The decision id: at least 128 random bits.
    pub jti: String,
    pub iat: i64,
    /// From the backend's challenge: ties the decision to one prompt.
    pub nonce: String,
    /// The backend's id.
    pub aud: String,
    /// The pseudonymous subject from the challenge.
    pub sub: String,
    /// The notice shown, with the digest of exactly what it said.
    pub notice: NoticeRef,
    pub choice: Choice,
    pub flows: Flows,
}

impl Claims {
    /// Claims for `choice` made on `notice`, with the flows that choice allows.
    pub fn new(
        jti: String,
        iat: i64,
        nonce: String,
        aud: String,
        sub: String,
        notice: &Notice,
        choice: Choice,
    ) -> Claims {
        Claims {
            v: SCHEMA_VERSION,
            jti,
            iat,
            nonce,
            aud,
            sub,
            notice: notice.reference(),
            choice,
            flows: choice.flows(),
        }
    }
}
