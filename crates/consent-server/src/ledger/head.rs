//! Signed tree heads: the ledger's key signs the head every appending commit leaves
//! (the store keeps the last one), and the start-up audit checks the stored one was
//! signed by this key before comparing the tree with it.

use super::LedgerSigner;
use crate::store::{HeadSigner, SignedHead};
use crate::time::now_secs;
use consent_core::note::{Checkpoint, Note, VerifierKey};
use ed25519_dalek::Signature;

impl HeadSigner for LedgerSigner {
    fn sign_head(&self, size: u64, root: &[u8; 32]) -> SignedHead {
        SignedHead {
            size,
            root: *root,
            checkpoint: self.checkpoint(size, root),
            signed_at: now_secs(),
        }
    }
}

/// Checks that `head`'s checkpoint carries `signer`'s signature and names the same
/// size and root as its columns. The error says which of these failed.
///
/// ```
/// use consent_server::store::HeadSigner;
/// let dir = tempfile::tempdir().unwrap();
/// let signer = consent_server::ledger::LedgerSigner::load_or_create(dir.path(), "o").unwrap();
/// let mut head = signer.sign_head(2, &[7; 32]);
/// assert!(consent_server::ledger::verify_head(&signer, &head).is_ok());
/// head.size = 3;
/// assert!(consent_server::ledger::verify_head(&signer, &head).is_err());
/// ```
pub fn verify_head(signer: &LedgerSigner, head: &SignedHead) -> Result<(), String> {
    let key = VerifierKey::parse(&signer.vkey()).map_err(|e| e.to_string())?;
    let note = Note::parse(&head.checkpoint)
        .map_err(|e| format!("the stored checkpoint is not a signed note ({e})"))?;
    let signature = note.signature_by(&key).ok_or_else(|| {
        format!(
            "the stored checkpoint carries no signature by this server's key ({})",
            signer.vkey()
        )
    })?;
    signer
        .public_key()
        .verify_strict(note.text.as_bytes(), &Signature::from_bytes(&signature))
        .map_err(|_| "the stored checkpoint's signature does not verify".to_owned())?;
    let body = Checkpoint::parse(note.text).map_err(|e| e.to_string())?;
    if (body.size, body.root) != (head.size, head.root) {
        return Err(format!(
            "the stored head says size {} but its signed checkpoint says size {} (or their roots differ)",
            head.size, body.size
        ));
    }
    Ok(())
}
