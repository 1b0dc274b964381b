//! Receipts: what the backend hands back for a recorded decision, and the exact bytes
//! its signature covers, so that the server that signs and anyone who checks build the
//! same statement from one definition.

use serde::{Deserialize, Serialize};

/// The first line of every receipt statement; a new layout gets a new version.
pub const STATEMENT_VERSION: &str = "consent-receipt/v1";

/// A receipt as the backend sends it. Hashes are standard base64 (RFC 4648 §4).
///
/// ```
/// use consent_core::Receipt;
/// let r = Receipt {
///     jti: "j".into(), index: 0, tree_size: 1, leaf_hash: "TA==".into(),
///     root_hash: "TA==".into(), inclusion_proof: vec![], checkpoint: String::new(),
///     signature: String::new(),
/// };
/// assert_eq!(r.statement(), "consent-receipt/v1\nj\n0\n1\nTA==\nTA==\n\n");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// The decision's id.
    pub jti: String,
    /// The leaf's position in the ledger.
    pub index: u64,
    /// The size of the tree the proof and `root_hash` are of.
    pub tree_size: u64,
    pub leaf_hash: String,
    pub root_hash: String,
    /// The audit path from the leaf to `root_hash`.
    pub inclusion_proof: Vec<String>,
    /// The signed checkpoint (C2SP signed note) of the tree of `tree_size`.
    pub checkpoint: String,
    /// The server's Ed25519 signature (base64) over [`Receipt::statement`].
    pub signature: String,
}

impl Receipt {
    /// The signed statement: one field per line, so any client can rebuild it;
    /// `jti`, index, tree size, leaf hash, root hash, then the proof joined by `,`.
    pub fn statement(&self) -> String {
        format!(
            "{STATEMENT_VERSION}\n{}\n{}\n{}\n{}\n{}\n{}\n",
            self.jti,
            self.index,
            self.tree_size,
            self.leaf_hash,
            self.root_hash,
            self.inclusion_proof.join(",")
        )
    }

    /// How the statement is laid out, for people reading the published key document.
    pub const STATEMENT_LAYOUT: &'static str = "consent-receipt/v1\\n{jti}\\n{index}\\n{tree_size}\\n{leaf_hash}\\n{root_hash}\\n{inclusion_proof joined by ,}\\n";
}
