//! Receipts: what a client keeps as proof its decision is in the ledger.

use base64ct::{Base64, Encoding};
use consent_core::merkle::Hash;
use consent_core::Receipt;

/// The receipt for the leaf at `index`, received at `received_at` and signed by the key
/// with `key_thumbprint`: its inclusion proof to the tree that `checkpoint`, a signed
/// note, names (see docs/DESIGN.md, Ledger). Its holder checks it with
/// [`Receipt::check`] and their own token.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let signer = consent_server::ledger::LedgerSigner::load_or_create(dir.path(), "o").unwrap();
/// let leaf = consent_core::merkle::leaf_hash(b"{}");
/// let checkpoint = signer.checkpoint(1, &leaf);
/// let r = consent_server::ledger::receipt("jti-1", 0, "t", "k", &leaf, &[], checkpoint);
/// assert!(r.checkpoint.starts_with("o\n1\n"));
/// ```
pub fn receipt(
    jti: &str,
    index: u64,
    received_at: &str,
    key_thumbprint: &str,
    leaf: &Hash,
    proof: &[Hash],
    checkpoint: String,
) -> Receipt {
    Receipt {
        jti: jti.to_owned(),
        index,
        received_at: received_at.to_owned(),
        key_thumbprint: key_thumbprint.to_owned(),
        leaf_hash: Base64::encode_string(leaf),
        inclusion_proof: proof.iter().map(|h| Base64::encode_string(h)).collect(),
        checkpoint,
    }
}
