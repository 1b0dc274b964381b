//! SHA-256 digests, shown as lowercase hex on the wire.

use sha2::{Digest as _, Sha256};

/// A SHA-256 digest.
///
/// ```
/// use consent_core::Digest;
/// let d = Digest::of(b"abc");
/// assert_eq!(&d.to_hex()[..8], "ba7816bf");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Digest(pub [u8; 32]);

impl Digest {
    /// The SHA-256 of `bytes`.
    pub fn of(bytes: &[u8]) -> Digest {
        Digest(Sha256::digest(bytes).into())
    }

    /// Lowercase hex, 64 characters.
    pub fn to_hex(&self) -> String {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut s = String::with_capacity(64);
        for b in self.0 {
            s.push(HEX[(b >> 4) as usize] as char);
            s.push(HEX[(b & 15) as usize] as char);
        }
        s
    }
}

/// Feeds length-prefixed fields into a SHA-256, so that no two different field lists
/// can produce the same byte stream.
pub(crate) struct FieldHasher(Sha256);

impl FieldHasher {
    pub(crate) fn new(domain: &str) -> Self {
        let mut h = FieldHasher(Sha256::new());
        h.field(domain);
        h
    }

    pub(crate) fn field(&mut self, s: &str) {
        self.0.update((s.len() as u32).to_be_bytes());
        self.0.update(s.as_bytes());
    }

    pub(crate) fn finish(self) -> Digest {
        Digest(self.0.finalize().into())
    }
}
