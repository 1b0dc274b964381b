//! What `POST /v1/challenge` takes and answers: the single-use nonce a decision must
//! carry, who it is for, the notice to show, whether the user may be asked at all, and
//! what they decided last.

use crate::catalogue::LinkOverrides;
use crate::{Choice, NoticeRef, Policy};
use serde::{Deserialize, Serialize};

/// The body of `POST /v1/challenge`. Every member is optional: a widget that shows
/// English with the default links may send none.
///
/// ```
/// use consent_core::ChallengeRequest;
/// let r: ChallengeRequest =
///     serde_json::from_str(r#"{"lang":"en-GB","links":{"help":"https://intranet.example/"}}"#).unwrap();
/// assert_eq!(r.links.len(), 1);
/// assert_eq!(r.wanted().unwrap(), ["en-GB"]);
/// let r: ChallengeRequest = serde_json::from_str(r#"{"langs":["nl-BE","en"],"text":true}"#).unwrap();
/// assert_eq!(r.wanted().unwrap(), ["nl-BE", "en"]);
/// assert!(serde_json::from_str::<ChallengeRequest>(r#"{"langs":"en"}"#).is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChallengeRequest {
    /// The language the widget shows (BCP 47); English when absent. Ignored when
    /// `langs` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The reader's languages, most preferred first (BCP 47): the backend picks the
    /// first the notice is written in ([`crate::locale::negotiate`]). At most
    /// [`ChallengeRequest::MAX_LANGS`] tags of [`ChallengeRequest::MAX_TAG_LEN`] bytes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub langs: Vec<String>,
    /// Asks for the notice's text in the chosen locale ([`Challenge::text`]): how the
    /// widget learns a language without carrying every one in its wasm.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub text: bool,
    /// The link targets the widget shows in place of the notice's defaults: the
    /// digest the challenge names covers them.
    #[serde(default, skip_serializing_if = "LinkOverrides::is_empty")]
    pub links: LinkOverrides,
}

impl ChallengeRequest {
    /// The most languages a request may name: more say nothing a reader would.
    pub const MAX_LANGS: usize = 16;
    /// The longest language tag accepted, in bytes.
    pub const MAX_TAG_LEN: usize = 35;

    /// The reader's languages, most preferred first: `langs`, else `lang`, else none
    /// (the default locale). An error names what is out of bounds.
    pub fn wanted(&self) -> Result<Vec<&str>, String> {
        let wanted: Vec<&str> = if self.langs.is_empty() {
            self.lang.iter().map(String::as_str).collect()
        } else {
            self.langs.iter().map(String::as_str).collect()
        };
        if wanted.len() > Self::MAX_LANGS {
            return Err(format!(
                "langs: {} languages; at most {} are read",
                wanted.len(),
                Self::MAX_LANGS
            ));
        }
        if let Some(long) = wanted.iter().find(|t| t.len() > Self::MAX_TAG_LEN) {
            return Err(format!(
                "langs: {:?}... is longer than a language tag ({} bytes at most)",
                long.chars().take(16).collect::<String>(),
                Self::MAX_TAG_LEN
            ));
        }
        Ok(wanted)
    }
}

/// A challenge as it travels from the backend to the widget.
///
/// ```
/// use consent_core::{catalogue, Challenge, Policy};
/// let c = Challenge {
///     nonce: "n".into(), sub: "s".into(), aud: "https://consent.example".into(),
///     notice: catalogue::notice("en").reference(), policy: Policy::Enabled,
///     issued_at: "2026-01-01T00:00:00Z".into(),
///     expires_at: "2026-01-01T01:00:00Z".into(), decision: None, text: None,
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
    /// When the backend issued the nonce (RFC 3339), on its own clock: the widget
    /// stamps `iat` from this, not from the device's clock (see
    /// [`crate::freshness`]).
    pub issued_at: String,
    /// The end of the window in which a decision may be made on this challenge (RFC
    /// 3339). A decision made in time is accepted when delivered later, within the
    /// backend's delivery grace.
    pub expires_at: String,
    /// The subject's latest recorded decision, `null` when there is none: the widget
    /// asks again when it was made on an older notice.
    #[serde(default)]
    pub decision: Option<LastDecision>,
    /// Every string of [`Challenge::notice`] in [`Notice::texts`](crate::catalogue::Notice::texts)
    /// order, when the request asked for it: the widget rebuilds the notice from it
    /// ([`Notice::with_texts`](crate::catalogue::Notice::with_texts)) and shows it only
    /// if the digest comes out as `notice.sha256`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Vec<String>>,
}

/// A subject's latest recorded decision, as a challenge reports it.
///
/// ```
/// use consent_core::{catalogue, Choice, LastDecision};
/// let d = LastDecision::new(Choice::BothWays, catalogue::notice("en").reference());
/// assert!(d.notice_is_current);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastDecision {
    pub choice: Choice,
    /// The notice it was made on.
    pub notice: NoticeRef,
    /// Whether that is the version shown today.
    pub notice_is_current: bool,
}

impl LastDecision {
    /// `choice` made on `notice`, judged against the catalogue's current version.
    pub fn new(choice: Choice, notice: NoticeRef) -> LastDecision {
        LastDecision {
            choice,
            notice_is_current: crate::catalogue::is_current(&notice),
            notice,
        }
    }
}
