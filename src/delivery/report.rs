//! What delivery tells the widget, as it happens: the only way results leave it.

use super::backend::CallError;
use crate::state::Policy;
use consent_core::catalogue::Notice;
use consent_core::{Choice, LastDecision};
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// Where the courier sends its [`Report`]s. Called from async tasks, never from inside
/// a `Courier` method, so the receiver may call the courier again.
pub type Reporter = Rc<dyn Fn(Report)>;

/// One thing that happened to a challenge or a decision.
#[derive(Debug)]
pub enum Report {
    /// A challenge arrived, naming the tenant policy for this user, the latest
    /// decision the backend has recorded for them, and the notice to show (in the
    /// reader's language once the first challenge has brought it).
    ChallengeReady {
        policy: Policy,
        decision: Option<LastDecision>,
        notice: &'static Notice,
    },
    /// No challenge could be had: the backend refused, or could not be reached (code
    /// `unreachable`, the message naming the likely causes). No choice can be signed
    /// until [`crate::delivery::Courier::retry_challenge`] brings one.
    ChallengeFailed(Refusal),
    /// A decision is waiting for the backend, which cannot be reached. `jti` is set
    /// once it is signed and in the outbox.
    Pending {
        choice: Choice,
        jti: Option<String>,
        reason: String,
    },
    /// The backend acknowledged a decision.
    Delivered(Delivered),
    /// A decision will never be recorded: the backend refused it, or it could not be
    /// signed.
    Refused(Refusal),
}

/// A decision the backend has recorded.
#[derive(Debug)]
pub struct Delivered {
    pub choice: Choice,
    pub jti: String,
    pub token: String,
    /// The backend's receipt, passed on to the host as it came.
    pub receipt: JsValue,
}

/// Why something failed for good, in the terms of `consent:error`.
#[derive(Clone, Debug)]
pub struct Refusal {
    /// The backend's problem type, or one of the widget's own (`signing-failed`, ...).
    pub code: String,
    pub message: String,
}

impl From<CallError> for Refusal {
    fn from(err: CallError) -> Refusal {
        match err {
            CallError::Rejected { code, message, .. } => Refusal { code, message },
            CallError::Transient(message)
            | CallError::Busy {
                reason: message, ..
            } => Refusal {
                code: "unreachable".into(),
                message,
            },
        }
    }
}
