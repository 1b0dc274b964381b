//! Receipts: what a client keeps as proof its decision is in the ledger.

use super::LedgerSigner;
use base64ct::{Base64, Encoding};
use consent_core::merkle::Hash;
use consent_core::Receipt;

/// The receipt for the leaf at `index`: a signed checkpoint of the tree that ends
/// with it, the inclusion proof, and the server's signature over
/// [`Receipt::statement`] (see docs/DESIGN.md, Ledger). `proof` and `root` are of the
/// tree of size `index + 1`, as at the moment of the append.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let signer = consent_server::ledger::LedgerSigner::load_or_create(dir.path(), "o").unwrap();
/// let leaf = consent_core::merkle::leaf_hash(b"{}");
/// let r = consent_server::ledger::receipt(&signer, "jti-1", 0, &leaf, &[], &leaf);
/// assert_eq!(r.tree_size, 1);
/// ```
pub fn receipt(
    signer: &LedgerSigner,
    jti: &str,
    index: u64,
    leaf: &Hash,
    proof: &[Hash],
    root: &Hash,
) -> Receipt {
    let size = index + 1;
    let mut receipt = Receipt {
        jti: jti.to_owned(),
        index,
        tree_size: size,
        leaf_hash: Base64::encode_string(leaf),
        root_hash: Base64::encode_string(root),
        inclusion_proof: proof.iter().map(|h| Base64::encode_string(h)).collect(),
        checkpoint: signer.checkpoint(size, root),
        signature: String::new(),
    };
    receipt.signature = signer.sign(receipt.statement().as_bytes());
    receipt
}
