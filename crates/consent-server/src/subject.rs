//! Subject ids: pseudonyms for user names, stable for one installation.

use base64ct::{Base64UrlUnpadded, Encoding};
use hmac::digest::KeyInit;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::io::Write;
use std::path::Path;

/// The per-installation HMAC key that turns user names into subject ids, so tokens
/// and the ledger never carry the name itself.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let key = consent_server::subject::SubjectKey::load_or_create(dir.path()).unwrap();
/// assert_eq!(key.subject_of("megan"), key.subject_of("megan"));
/// assert_ne!(key.subject_of("megan"), "megan");
/// ```
pub struct SubjectKey([u8; 32]);

impl SubjectKey {
    /// Loads `dir/subject-secret`, creating it (mode 0600) when absent, so subject
    /// ids stay the same across restarts (and across instances sharing the file).
    pub fn load_or_create(dir: &Path) -> Result<SubjectKey, String> {
        let path = dir.join("subject-secret");
        match std::fs::read(&path) {
            Ok(b) => b
                .try_into()
                .map(SubjectKey)
                .map_err(|_| format!("{} is not 32 bytes", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                use rand::RngCore;
                let mut secret = [0u8; 32];
                rand::rngs::OsRng.fill_bytes(&mut secret);
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                options
                    .open(&path)
                    .and_then(|mut f| f.write_all(&secret).and_then(|_| f.sync_all()))
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                Ok(SubjectKey(secret))
            }
            Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        }
    }

    /// The secret itself, for keys derived from it (`crate::nonce::NonceKey`).
    pub(crate) fn secret(&self) -> &[u8; 32] {
        &self.0
    }

    /// The subject id of `user`: base64url HMAC-SHA-256.
    pub fn subject_of(&self, user: &str) -> String {
        // HMAC pads a key shorter than the hash's block (64 bytes) with zeros; padding
        // it here gives the same MAC through the constructor that cannot fail.
        let mut block = [0u8; 64];
        block[..32].copy_from_slice(&self.0);
        let mut mac = <Hmac<Sha256> as KeyInit>::new(&block.into());
        mac.update(user.as_bytes());
        Base64UrlUnpadded::encode_string(&mac.finalize().into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_ids_are_the_hmac_of_the_32_byte_secret() {
        // Ids are stored in the ledger: they must never change for a given secret.
        let key = SubjectKey([7u8; 32]);
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&[7u8; 32]).unwrap();
        mac.update(b"megan");
        let expected = Base64UrlUnpadded::encode_string(&mac.finalize().into_bytes());
        assert_eq!(key.subject_of("megan"), expected);
    }
}
