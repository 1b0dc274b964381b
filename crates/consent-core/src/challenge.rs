//! What `POST /v1/challenge` answers: the single-use nonce a decision must carry,
//! who it is for, the notice to show and whether the user may be asked at all.

use crate::{NoticeRef, Policy};
use serde::{Deserialize, Serialize};

/// A challenge as it travels from the backend to the widget.
///
/// ```
/// use consent_core::{catalogue, Challenge, Policy};
/// let c = Challenge {
///     nonce: "n".into(), sub: "s".into(), aud: "https://consent.example".into(),
///     notice: catalogue::notice("en").reference(), policy: Policy::Enabled,
///     expires_at: "2026-01-01T00:00:00Z".into(),
/// };
/// let json = serde_json::to_string(&c).unwrap();
/// assert_eq!(serde_json::from_str::<Challenge>(&json).unwrap(), c);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Challenge {
    /// Goes into the token's `nonce` claim; the backend accepts it once.
    pub nonce: String,
    /// The pseudonymous subject id the token's `sub` must name.
    pub sub: String,
    /// The backend's id, for the token's `aud`.
    pub aud: String,
    /// The notice the backend expects the widget to show.
    pub notice: NoticeRef,
    /// The tenant's word on this user; the widget shows no prompt unless `enabled`.
    pub policy: Policy,
    /// When the nonce stops being accepted (RFC 3339).
    pub expires_at: String,
}
