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
    let note = Note::parse(&head.checkpoint)
        .map_err(|e| format!("the stored checkpoint is not a signed note ({e})"))?;
    if !signer.vouches_for(&head.checkpoint) {
        let key = VerifierKey::parse(&signer.vkey()).map_err(|e| e.to_string())?;
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
        signer.vouch(head.checkpoint.clone());
    }
    let body = Checkpoint::parse(note.text).map_err(|e| e.to_string())?;
    if (body.size, body.root) != (head.size, head.root) {
        return Err(format!(
            "the stored head says size {} but its signed checkpoint says size {} (or their roots differ)",
            head.size, body.size
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_altered_after_this_process_signed_it_is_still_refused() {
        let dir = tempfile::tempdir().unwrap();
        let signer = LedgerSigner::load_or_create(dir.path(), "o").unwrap();
        let head = signer.sign_head(5, &[7; 32]);
        assert!(verify_head(&signer, &head).is_ok());
        // One character of the signature changed: what it remembers signing no longer
        // matches, so the signature is checked, and fails.
        let mut forged = head.clone();
        let at = forged.checkpoint.trim_end().len() - 20;
        let swapped = if &forged.checkpoint[at..at + 1] == "A" {
            "B"
        } else {
            "A"
        };
        forged.checkpoint.replace_range(at..at + 1, swapped);
        let err = verify_head(&signer, &forged).unwrap_err();
        assert!(err.contains("does not verify"), "{err}");
        // Another key's checkpoint for the same tree, stored in its place.
        let other = LedgerSigner::load_or_create(tempfile::tempdir().unwrap().path(), "o").unwrap();
        let mut theirs = head.clone();
        theirs.checkpoint = other.sign_head(5, &[7; 32]).checkpoint;
        assert!(verify_head(&signer, &theirs).is_err());
        // A checkpoint verified once is remembered as good, and still compared with
        // the head's columns.
        let fresh = LedgerSigner::load_or_create(dir.path(), "o").unwrap();
        assert!(verify_head(&fresh, &head).is_ok());
        assert!(fresh.vouches_for(&head.checkpoint));
        let mut moved = head.clone();
        moved.size = 6;
        assert!(verify_head(&fresh, &moved).is_err());
    }
}
