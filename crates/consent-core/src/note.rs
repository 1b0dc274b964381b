//! Signed notes and checkpoints (C2SP `signed-note` and `tlog-checkpoint`), as far as
//! a receipt's holder needs them: reading a checkpoint, finding the signature of a
//! known key, and the verifier-key string the backend publishes. The Ed25519
//! arithmetic itself is left to the caller (the server has a Rust implementation, the
//! browser has WebCrypto), so this crate stays free of it.

use crate::merkle::Hash;
use base64ct::{Base64, Encoding};
use sha2::{Digest as _, Sha256};

/// A signed note split into the text that was signed and its signature lines.
///
/// ```
/// use consent_core::note::Note;
/// let note = Note::parse("origin\n1\nAAAA\n\n— origin AAAAAA==\n").unwrap();
/// assert_eq!(note.text, "origin\n1\nAAAA\n");
/// assert_eq!(note.signatures.len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note<'a> {
    /// The signed text, ending with its newline.
    pub text: &'a str,
    /// `(key name, signature bytes)` per signature line; the bytes start with the key id.
    pub signatures: Vec<(&'a str, Vec<u8>)>,
}

/// Why a note, checkpoint or verifier key was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteError(pub &'static str);

impl std::fmt::Display for NoteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for NoteError {}

impl<'a> Note<'a> {
    /// Splits `note` at its blank line; every line after it must be a signature line
    /// `— <name> <base64>`.
    pub fn parse(note: &'a str) -> Result<Note<'a>, NoteError> {
        // A byte scan rather than `str::find`: the substring searcher costs the
        // widget's wasm about 2 KB, for a two-byte needle.
        let split = note
            .as_bytes()
            .windows(2)
            .position(|w| w == b"\n\n")
            .ok_or(NoteError(
                "a signed note needs a blank line before its signatures",
            ))?;
        let text = &note[..split + 1];
        let mut signatures = Vec::new();
        for line in note[split + 2..].lines() {
            let rest = line
                .strip_prefix("\u{2014} ")
                .ok_or(NoteError("a signature line must start with an em dash"))?;
            let (name, sig) = rest.rsplit_once(' ').ok_or(NoteError(
                "a signature line needs a key name and a signature",
            ))?;
            let bytes =
                Base64::decode_vec(sig).map_err(|_| NoteError("a signature is not base64"))?;
            signatures.push((name, bytes));
        }
        if signatures.is_empty() {
            return Err(NoteError("the note carries no signature"));
        }
        Ok(Note { text, signatures })
    }

    /// The 64-byte Ed25519 signature made by `key`, if the note carries one.
    pub fn signature_by(&self, key: &VerifierKey) -> Option<[u8; 64]> {
        self.signatures.iter().find_map(|(name, bytes)| {
            (*name == key.name && bytes.len() == 68 && bytes[..4] == key.key_id)
                .then(|| bytes[4..].try_into().ok())
                .flatten()
        })
    }
}

/// The body of a tree checkpoint: origin, tree size, root hash.
///
/// ```
/// use consent_core::note::Checkpoint;
/// let c = Checkpoint { origin: "consent.example/ledger".into(), size: 2, root: [0; 32] };
/// assert_eq!(Checkpoint::parse(&c.body()).unwrap(), c);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    pub origin: String,
    pub size: u64,
    pub root: Hash,
}

impl Checkpoint {
    /// The text that is signed: `origin\nsize\nbase64(root)\n`.
    pub fn body(&self) -> String {
        format!(
            "{}\n{}\n{}\n",
            self.origin,
            self.size,
            Base64::encode_string(&self.root)
        )
    }

    /// Reads a checkpoint body (a note's signed text). Extension lines after the root
    /// are allowed by the format and ignored here.
    pub fn parse(text: &str) -> Result<Checkpoint, NoteError> {
        let mut lines = text.split('\n');
        let origin = lines.next().filter(|l| !l.is_empty());
        let size = lines.next().and_then(|l| {
            // Decimal without leading zeros, as the format requires.
            (l == "0" || !l.starts_with('0'))
                .then(|| l.parse::<u64>().ok())
                .flatten()
        });
        let root = lines
            .next()
            .and_then(|l| Base64::decode_vec(l).ok())
            .and_then(|b| Hash::try_from(b).ok());
        match (origin, size, root) {
            (Some(origin), Some(size), Some(root)) if text.ends_with('\n') => Ok(Checkpoint {
                origin: origin.to_owned(),
                size,
                root,
            }),
            _ => Err(NoteError(
                "not a checkpoint: origin, size and root lines expected",
            )),
        }
    }
}

/// A signed-note verifier key, `name+keyid+base64(0x01 || ed25519 public key)`, as
/// `/.well-known/consent-ledger-key` publishes it in `vkey`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifierKey {
    pub name: String,
    pub key_id: [u8; 4],
    pub public_key: [u8; 32],
}

impl VerifierKey {
    /// The key id of an Ed25519 key: the first four bytes of
    /// SHA-256(name || "\n" || 0x01 || public key).
    pub fn key_id(name: &str, public_key: &[u8; 32]) -> [u8; 4] {
        let mut h = Sha256::new();
        h.update(name.as_bytes());
        h.update(b"\n\x01");
        h.update(public_key);
        let digest = h.finalize();
        [digest[0], digest[1], digest[2], digest[3]]
    }

    /// Reads a verifier key string and checks that its key id matches its key.
    ///
    /// ```
    /// use consent_core::note::VerifierKey;
    /// let pk = [7u8; 32];
    /// let id = VerifierKey::key_id("log", &pk);
    /// let text = VerifierKey { name: "log".into(), key_id: id, public_key: pk }.to_string();
    /// assert_eq!(VerifierKey::parse(&text).unwrap().public_key, pk);
    /// ```
    pub fn parse(vkey: &str) -> Result<VerifierKey, NoteError> {
        let bad = NoteError("not a verifier key: name+keyid+base64 expected");
        // Names cannot contain '+', base64 key data can: split from the left.
        let mut parts = vkey.splitn(3, '+');
        let (name, id, key) = (parts.next(), parts.next(), parts.next());
        let (Some(name), Some(id), Some(key)) = (name, id, key) else {
            return Err(bad);
        };
        let key = Base64::decode_vec(key).map_err(|_| bad.clone())?;
        let public_key: [u8; 32] = match key.split_first() {
            Some((1, pk)) => pk.try_into().map_err(|_| bad.clone())?,
            _ => return Err(NoteError("only Ed25519 verifier keys are supported")),
        };
        if id.len() != 8 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad);
        }
        let mut key_id = [0u8; 4];
        for (i, byte) in key_id.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&id[2 * i..2 * i + 2], 16).map_err(|_| bad.clone())?;
        }
        if key_id != VerifierKey::key_id(name, &public_key) {
            return Err(NoteError("the verifier key's id does not match its key"));
        }
        Ok(VerifierKey {
            name: name.to_owned(),
            key_id,
            public_key,
        })
    }
}

impl std::fmt::Display for VerifierKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut bytes = vec![1u8];
        bytes.extend_from_slice(&self.public_key);
        write!(f, "{}+", self.name)?;
        for b in self.key_id {
            write!(f, "{b:02x}")?;
        }
        write!(f, "+{}", Base64::encode_string(&bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_notes_and_keys_are_errors_not_panics() {
        for note in [
            "",
            "\n\n",
            "a\n\n",
            "a\n\nno dash",
            "a\n\n\u{2014} k",
            "a\n\n\u{2014} k !!",
        ] {
            assert!(Note::parse(note).is_err(), "{note:?}");
        }
        for text in [
            "",
            "o\n",
            "o\n01\nAAAA\n",
            "o\n1\nnot base64\n",
            "o\n1\nAAAA\n",
        ] {
            assert!(Checkpoint::parse(text).is_err(), "{text:?}");
        }
        for vkey in [
            "",
            "a+b",
            "a+zzzzzzzz+AQ==",
            "log+00000000+AQcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH",
        ] {
            assert!(VerifierKey::parse(vkey).is_err(), "{vkey:?}");
        }
    }

    #[test]
    fn verifier_keys_round_trip_whatever_their_base64_holds() {
        // 0xfb bytes make '+' and '/' in base64, which must not split the string.
        for pk in [[0xfbu8; 32], [0xffu8; 32], [0u8; 32]] {
            let key = VerifierKey {
                name: "consent.example/ledger".into(),
                key_id: VerifierKey::key_id("consent.example/ledger", &pk),
                public_key: pk,
            };
            assert_eq!(VerifierKey::parse(&key.to_string()).unwrap(), key);
        }
        assert!(VerifierKey::to_string(&VerifierKey {
            name: "n".into(),
            key_id: [0; 4],
            public_key: [0xfb; 32]
        })
        .contains('+'));
    }

    #[test]
    fn a_signature_is_found_only_for_its_own_key() {
        let pk = [3u8; 32];
        let key = VerifierKey {
            name: "log".into(),
            key_id: VerifierKey::key_id("log", &pk),
            public_key: pk,
        };
        let mut blob = key.key_id.to_vec();
        blob.extend_from_slice(&[9u8; 64]);
        let text = format!(
            "log\n1\n{}\n\n\u{2014} log {}\n",
            Base64::encode_string(&[0u8; 32]),
            Base64::encode_string(&blob)
        );
        let note = Note::parse(&text).unwrap();
        assert_eq!(note.signature_by(&key), Some([9u8; 64]));
        let other = VerifierKey {
            key_id: [0; 4],
            ..key.clone()
        };
        assert_eq!(note.signature_by(&other), None);
        let renamed = VerifierKey {
            name: "other".into(),
            ..key
        };
        assert_eq!(note.signature_by(&renamed), None);
    }
}
