//! The server's Ed25519 key, which signs checkpoints (C2SP signed-note format) and
//! receipts. Created on first start in the data directory, readable by its owner only.

use base64ct::{Base64, Encoding};
use ed25519_dalek::{Signer as _, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};
use std::collections::VecDeque;
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

/// The ledger's signing key and its name in signed notes.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let signer = consent_server::ledger::LedgerSigner::load_or_create(dir.path(), "consent.example/ledger").unwrap();
/// assert!(signer.checkpoint(0, &[0; 32]).starts_with("consent.example/ledger\n0\n"));
/// ```
pub struct LedgerSigner {
    key: SigningKey,
    /// The key name in signed notes: the ledger's origin.
    pub name: String,
    key_id: [u8; 4],
    /// The last few checkpoints known to carry this key's signature: signed here, or
    /// verified once. Every request that proves a decision (each challenge reads the
    /// subject's latest) checks the stored head, which under load is nearly always
    /// the one this process just signed; an Ed25519 verification each time was the
    /// largest single cost of a challenge. Only exact bytes match, so a head altered
    /// in the database is still verified, and refused.
    vouched: Mutex<VecDeque<String>>,
}

/// How many checkpoints [`LedgerSigner`] remembers: enough for the heads of the commit
/// rounds in flight, few enough to compare each against.
const VOUCHED: usize = 8;

impl LedgerSigner {
    /// Loads `dir/ledger-key`, creating it (mode 0600) when absent.
    pub fn load_or_create(dir: &Path, name: &str) -> Result<LedgerSigner, String> {
        let path = dir.join("ledger-key");
        let seed: [u8; 32] = match std::fs::read(&path) {
            Ok(bytes) => bytes
                .try_into()
                .map_err(|_| format!("{} is not a 32-byte Ed25519 seed", path.display()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key = SigningKey::generate(&mut rand::rngs::OsRng);
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                let mut file = options
                    .open(&path)
                    .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
                file.write_all(&key.to_bytes())
                    .and_then(|_| file.sync_all())
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                key.to_bytes()
            }
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        };
        let key = SigningKey::from_bytes(&seed);
        // Signed-note key id: SHA-256(name || "\n" || 0x01 || public key), first 4 bytes.
        let mut h = Sha256::new();
        h.update(name.as_bytes());
        h.update(b"\n\x01");
        h.update(key.verifying_key().as_bytes());
        let key_id = h.finalize()[..4].try_into().unwrap_or([0; 4]);
        Ok(LedgerSigner {
            key,
            name: name.to_owned(),
            key_id,
            vouched: Mutex::new(VecDeque::with_capacity(VOUCHED)),
        })
    }

    /// The Ed25519 public key, as `/.well-known/consent-ledger-key` publishes it.
    pub fn public_key(&self) -> VerifyingKey {
        self.key.verifying_key()
    }

    /// The verifier key string of the signed-note format: `name+keyid+base64(0x01||pk)`.
    pub fn vkey(&self) -> String {
        let mut bytes = vec![1u8];
        bytes.extend_from_slice(self.public_key().as_bytes());
        format!(
            "{}+{}+{}",
            self.name,
            self.key_id
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>(),
            Base64::encode_string(&bytes)
        )
    }

    /// A C2SP tlog-checkpoint for a tree of `size` with `root`, as a signed note.
    pub fn checkpoint(&self, size: u64, root: &[u8; 32]) -> String {
        let body = format!("{}\n{size}\n{}\n", self.name, Base64::encode_string(root));
        let sig = self.key.sign(body.as_bytes());
        let mut blob = self.key_id.to_vec();
        blob.extend_from_slice(&sig.to_bytes());
        let note = format!(
            "{body}\n\u{2014} {} {}\n",
            self.name,
            Base64::encode_string(&blob)
        );
        self.vouch(note.clone());
        note
    }

    /// Whether `checkpoint` is, byte for byte, one this key is known to have signed.
    pub(crate) fn vouches_for(&self, checkpoint: &str) -> bool {
        let vouched = self.vouched.lock().unwrap_or_else(|p| p.into_inner());
        vouched.iter().any(|c| c == checkpoint)
    }

    /// Remembers `checkpoint` as signed by this key (signed here, or verified).
    pub(crate) fn vouch(&self, checkpoint: String) {
        let mut vouched = self.vouched.lock().unwrap_or_else(|p| p.into_inner());
        if vouched.len() == VOUCHED {
            vouched.pop_front();
        }
        vouched.push_back(checkpoint);
    }

    /// Base64 Ed25519 signature over `message`.
    pub fn sign(&self, message: &[u8]) -> String {
        Base64::encode_string(&self.key.sign(message).to_bytes())
    }
}
