//! The claims of a consent decision token (docs/DESIGN.md, Decision token).

use crate::catalogue::{Notice, NoticeRef};
use crate::{Choice, Flows};
use serde::{Deserialize, Serialize};

/// The claims schema version this crate writes and accepts.
pub const SCHEMA_VERSION: u32 = 1;
/// The JWS `typ` of a decision token.
pub const TOKEN_TYP: &str = "consent-decision+jwt";
/// The fewest random bytes a `jti` may carry: 128 bits, so that two devices never
/// pick the same one by chance.
pub const MIN_JTI_BYTES: usize = 16;
/// The most bytes a `jti` may carry; a decision id has no use for more.
pub const MAX_JTI_BYTES: usize = 64;

/// Whether `jti` is a decision id this schema accepts: unpadded base64url of
/// [`MIN_JTI_BYTES`] to [`MAX_JTI_BYTES`] bytes. It goes into the newline-separated
/// receipt statement and into URLs, so nothing else (no newline, no space) may.
///
/// ```
/// use consent_core::claims::jti_is_well_formed;
/// assert!(jti_is_well_formed("AAECAwQFBgcICQoLDA0ODw")); // 16 bytes
/// assert!(!jti_is_well_formed("AAECAwQFBgcICQoLDA0O")); // 15 bytes
/// assert!(!jti_is_well_formed("jti-1\nforged line"));
/// ```
pub fn jti_is_well_formed(jti: &str) -> bool {
    use base64ct::{Base64UrlUnpadded, Encoding};
    // Decoding alone would accept non-canonical trailing bits; re-encoding pins one
    // spelling per id, so two strings never name the same bytes.
    Base64UrlUnpadded::decode_vec(jti).is_ok_and(|bytes| {
        (MIN_JTI_BYTES..=MAX_JTI_BYTES).contains(&bytes.len())
            && Base64UrlUnpadded::encode_string(&bytes) == jti
    })
}

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
    /// The schema version, [`SCHEMA_VERSION`].
    pub v: u32,
    /// The decision id: at least 128 random bits, base64url (see [`jti_is_well_formed`]).
    pub jti: String,
    /// When the user decided, seconds since the epoch.
    pub iat: i64,
    /// From the backend's challenge: ties the decision to one prompt.
    pub nonce: String,
    /// The backend's id.
    pub aud: String,
    /// The pseudonymous subject from the challenge.
    pub sub: String,
    /// The notice shown, with the digest of exactly what it said.
    pub notice: NoticeRef,
    /// What the user chose.
    pub choice: Choice,
    /// Every offered category of each direction and whether it flows: spelled out so
    /// the record says what was agreed to without knowing this crate's rules.
    pub flows: Flows,
}

impl Claims {
    /// Claims for `choice` made on `notice`, with the flows that choice allows.
    ///
    /// ```
    /// use consent_core::{catalogue, claims::{Claims, SCHEMA_VERSION}, Choice};
    /// let notice = catalogue::notice("en");
    /// let c = Claims::new("jti".into(), 0, "nonce".into(), "aud".into(), "sub".into(),
    ///                     notice, Choice::LinkedinOnly);
    /// assert_eq!((c.v, &c.notice), (SCHEMA_VERSION, &notice.reference()));
    /// ```
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue;

    fn claims(choice: Choice) -> Claims {
        Claims::new(
            "dGhpcyBpcyAxNiBieXRlcw".into(),
            1_800_000_000,
            "nonce-1".into(),
            "https://consent.example".into(),
            "sub-1".into(),
            catalogue::notice("en"),
            choice,
        )
    }

    #[test]
    fn round_trips_through_json_for_every_choice() {
        for choice in [
            Choice::BothWays,
            Choice::LinkedinOnly,
            Choice::NotNow,
            Choice::Withdraw,
        ] {
            let c = claims(choice);
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(serde_json::from_str::<Claims>(&json).unwrap(), c);
        }
    }

    #[test]
    fn wire_shape_is_the_designed_one() {
        let json = serde_json::to_value(claims(Choice::LinkedinOnly)).unwrap();
        let names: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        let mut want = [
            "v", "jti", "iat", "nonce", "aud", "sub", "notice", "choice", "flows",
        ];
        want.sort_unstable();
        assert_eq!(names, want);
        assert_eq!(json["v"], 1);
        assert_eq!(json["choice"], "linkedin_only");
        assert_eq!(json["flows"]["linkedin_to_microsoft"]["connections"], true);
        assert_eq!(json["flows"]["microsoft_to_linkedin"]["contacts"], false);
        assert_eq!(json["notice"]["lang"], "en");
    }

    #[test]
    fn unknown_or_missing_claims_do_not_parse() {
        let mut json = serde_json::to_value(claims(Choice::NotNow)).unwrap();
        json["exp"] = 1.into();
        assert!(serde_json::from_value::<Claims>(json.clone()).is_err());
        json.as_object_mut().unwrap().remove("exp");
        json.as_object_mut().unwrap().remove("nonce");
        assert!(serde_json::from_value::<Claims>(json).is_err());
    }
}
