//! Why the ledger refused a decision that passed every stateless check.

/// Why the stateful checks refused a decision (see docs/DESIGN.md, Verification
/// order). Each has a stable code that goes on the wire as the problem `type`; the
/// HTTP status of each is in `Problem`'s `From<Refusal>`.
///
/// ```
/// use consent_server::ledger::Refusal;
/// assert_eq!(Refusal::NonceReplayed.code(), "nonce-replayed");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// This backend never issued the token's nonce (or it was swept).
    UnknownNonce,
    /// The token's challenge was already answered.
    NonceReplayed,
    /// The token arrived after its challenge's delivery grace ran out.
    NonceExpired,
    /// The token's `iat` falls outside the life of its challenge (on the server's
    /// clock, give or take `max_skew_secs`).
    IatOutsideChallenge,
    /// The challenge was issued to another session.
    WrongSession,
    /// The token's subject is not the one the challenge was issued to.
    WrongSubject,
    /// Another decision with this `jti` is already recorded.
    JtiReused,
    /// The token's notice is not the one the challenge offered.
    NoticeNotOffered,
}

impl Refusal {
    /// A stable kebab-case reason code.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::UnknownNonce => "unknown-nonce",
            Refusal::NonceReplayed => "nonce-replayed",
            Refusal::NonceExpired => "nonce-expired",
            Refusal::IatOutsideChallenge => "iat-skew",
            Refusal::WrongSession => "wrong-session",
            Refusal::WrongSubject => "wrong-subject",
            Refusal::JtiReused => "jti-reused",
            Refusal::NoticeNotOffered => "notice-not-offered",
        }
    }

    /// What the client is told, in words.
    pub fn detail(&self) -> &'static str {
        match self {
            Refusal::UnknownNonce => "this backend never issued the token's nonce",
            Refusal::NonceReplayed => "the token's challenge was already answered",
            Refusal::NonceExpired => {
                "the token's challenge expired too long ago to be answered; ask for a new one"
            }
            Refusal::IatOutsideChallenge => {
                "iat is outside the life of the challenge it answers; sign again with a new \
                 challenge, stamping iat from its issued_at"
            }
            Refusal::WrongSession => "the challenge was issued to another session",
            Refusal::WrongSubject => {
                "the token's subject is not the one the challenge was issued to"
            }
            Refusal::JtiReused => "a different decision with this jti was already recorded",
            Refusal::NoticeNotOffered => "the token's notice is not the one this challenge offered",
        }
    }
}
