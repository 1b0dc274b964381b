//! The ledger, above the stores: what a decision must pass before it is appended,
//! what a client gets back (a receipt), the key that signs checkpoints,
//! and the start-up audit of what is stored. The stores only persist what this
//! module decides; see docs/DESIGN.md, Ledger.

mod audit;
pub mod entry;
mod head;
mod history;
mod receipt;
mod record;
mod refusal;
mod signer;
mod staged;
pub mod tree;

pub use self::audit::{audit, Audited};
pub use self::head::verify_head;
pub use self::history::{history, latest, DecisionRow, KeyChangeRow, LatestSeen, Record};
pub use self::receipt::receipt;
pub use self::record::{record, ChallengeTiming, Decision, Outcome, Recorded};
pub use self::refusal::Refusal;
pub use self::signer::LedgerSigner;
pub use self::staged::{Appended, Mark, Staged};
