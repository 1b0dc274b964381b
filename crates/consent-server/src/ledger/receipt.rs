//! Receipts: what a client keeps as proof its decision is in the ledger.

use super::LedgerSigner;
use base64ct::{Base64, Encoding};
use consent_core::merkle::Hash;
use consent_core::Receipt;

/// The receipt for the leaf at `index`, received at `received_at` and signed by the key
/// with `key_thumbprint`: the inclusion proof to the tree of `size` with `root`, and that
/// tree's signed checkpoint (see docs/DESIGN.md, Ledger). Its holder checks it with
/// [`Receipt::check`] and their own token.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let signer = consent_server::ledger::LedgerSigner::load_or_create(dir.path(), "o").unwrap();
/// let leaf = consent_core::merkle::leaf_hash(b"{}");
/// let r = consent_server::ledger::receipt(&signer, "jti-1", 0, "t", "k", &leaf, &[], 1, &leaf);
/// assert!(r.checkpoint.starts_with("o\n1\n"));
/// ```
#[allow(clippy::too_many_arguments)]
pub fn receipt(
    signer: &LedgerSigner,
    jti: &str,
    index: u64,
    received_at: &str,
    key_thumbprint: &str,
    leaf: &Hash,
    proof: &[Hash],
    size: u64,
    root: &Hash,
) -> Receipt {
    Receipt {
        jti: jti.to_owned(),
        index,
        received_at: received_at.to_owned(),
        key_thumbprint: key_thumbprint.to_owned(),
        leaf_hash: Base64::encode_string(leaf),
        inclusion_proof: proof.iter().map(|h| Base64::encode_string(h)).collect(),
        checkpoint: signer.checkpoint(size, root),
    }
}
