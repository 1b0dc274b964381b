//! Receipts: what a client keeps as proof its decision is in the ledger.

use super::LedgerSigner;
use base64ct::{Base64, Encoding};
use consent_core::merkle::Hash;
use serde_json::json;

/// The receipt for the leaf at `index`: a signed checkpoint of the tree that ends
/// with it, the inclusion proof, and the server's signature over all of it. `proof`
/// and `root` are of the tree of size `index + 1`, as at the moment of the append.
///
/// The signature is over `consent-receipt/v1\n{jti}\n{index}\n{tree_size}\n{leaf_hash}\n
/// {root_hash}\n{inclusion_proof joined by ","}\n`, one field per line so any client
/// can rebuild it (see docs/DESIGN.md, Ledger).
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let signer = consent_server::ledger::LedgerSigner::load_or_create(dir.path(), "o").unwrap();
/// let leaf = consent_core::merkle::leaf_hash(b"{}");
/// let r = consent_server::ledger::receipt(&signer, "jti-1", 0, &leaf, &[], &leaf);
/// assert_eq!(r["tree_size"], 1);
/// ```
pub fn receipt(
    signer: &LedgerSigner,
    jti: &str,
    index: u64,
    leaf: &Hash,
    proof: &[Hash],
    root: &Hash,
) -> serde_json::Value {
    let size = index + 1;
    let proof: Vec<String> = proof.iter().map(|h| Base64::encode_string(h)).collect();
    let leaf_hash = Base64::encode_string(leaf);
    let root_b64 = Base64::encode_string(root);
    let statement = format!(
        "consent-receipt/v1\n{jti}\n{index}\n{size}\n{leaf_hash}\n{root_b64}\n{}\n",
        proof.join(",")
    );
    json!({
        "jti": jti,
        "index": index,
        "tree_size": size,
        "leaf_hash": leaf_hash,
        "root_hash": root_b64,
        "inclusion_proof": proof,
        "checkpoint": signer.checkpoint(size, root),
        "signature": signer.sign(statement.as_bytes()),
    })
}
