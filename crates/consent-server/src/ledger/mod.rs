//! The ledger, above the stores: what a decision must pass before it is appended,
//! what a client gets back (a receipt), and the key that signs checkpoints and
//! receipts. The stores only persist what this module decides; see
//! docs/DESIGN.md, Ledger.

mod receipt;
mod record;
mod refusal;
mod signer;
pub mod tree;

pub use self::receipt::receipt;
pub use self::record::{record, ChallengeTiming, Decision, Outcome, Recorded};
pub use self::refusal::Refusal;
pub use self::signer::LedgerSigner;
