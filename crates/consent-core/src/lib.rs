//! What the consent widget and its backend must agree on, written once.
//!
//! This crate has no web dependencies: it builds for the host (the server, native
//! tests) and for `wasm32-unknown-unknown` (the widget).
//!
//! ```
//! use consent_core::{catalogue, Choice};
//!
//! let notice = catalogue::notice("en");
//! let flows = Choice::LinkedinOnly.flows();
//! assert!(flows.is_flowing(consent_core::Direction::LinkedinToMicrosoft));
//! assert!(!flows.is_flowing(consent_core::Direction::MicrosoftToLinkedin));
//! assert_eq!(notice.digest().to_hex().len(), 64);
//! ```

pub mod catalogue;
mod challenge;
mod choice;
pub mod claims;
mod digest;
pub mod freshness;
pub mod jwk;
pub mod leaf;
pub mod locale;
pub mod merkle;
pub mod note;
mod policy;
mod receipt;
pub mod token;
#[cfg(feature = "verify")]
pub mod verify;

pub use catalogue::{Notice, NoticeRef};
pub use challenge::{Challenge, ChallengeRequest, LastDecision};
pub use choice::{Category, Choice, Direction, Flows};
pub use claims::Claims;
pub use digest::Digest;
pub use jwk::EcPublicJwk;
pub use policy::Policy;
pub use receipt::{Receipt, ReceiptError, SignatureToCheck};
