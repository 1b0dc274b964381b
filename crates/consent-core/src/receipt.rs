//! Receipts: what the backend hands back for a recorded decision, and how its holder
//! checks one alone, without trusting the server's word.
//!
//! A receipt names the leaf (its index, when the server received the token and the
//! key thumbprint, so the holder rebuilds the leaf from their own token), proves the
//! leaf is in a tree (an RFC 9162 inclusion proof) and carries that tree's checkpoint,
//! signed once per commit round by the ledger key. What is left to the caller is the
//! Ed25519 check of that one signature under the published key.

use crate::merkle::{self, Hash};
use crate::note::{Checkpoint, Note, NoteError, VerifierKey};
use base64ct::{Base64, Encoding};
use serde::{Deserialize, Serialize};

/// A receipt as the backend sends it. Hashes are standard base64 (RFC 4648 §4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    /// The decision's id (the token's `jti`).
    pub jti: String,
    /// The leaf's position in the ledger.
    pub index: u64,
    /// When the server received the token (RFC 3339), as the leaf records it.
    pub received_at: String,
    /// RFC 7638 thumbprint of the key that signed the token, as the leaf records it.
    pub key_thumbprint: String,
    /// `SHA-256(0x00 || leaf)`; the holder recomputes it rather than trusting it.
    pub leaf_hash: String,
    /// The audit path from the leaf to the checkpoint's root.
    pub inclusion_proof: Vec<String>,
    /// The signed checkpoint (C2SP signed note) of the commit round the leaf landed in.
    pub checkpoint: String,
}

/// Why a receipt does not prove what it claims.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReceiptError {
    /// The leaf rebuilt from the holder's token is not the one the receipt names.
    LeafMismatch,
    /// The checkpoint is not a well-formed signed checkpoint.
    Checkpoint(NoteError),
    /// The checkpoint is for another log than the key's.
    WrongOrigin,
    /// The checkpoint carries no signature by the published key.
    NotSigned,
    /// A hash is not 32 bytes of base64.
    BadHash,
    /// The inclusion proof does not lead from the leaf to the checkpoint's root.
    NotIncluded,
}

impl std::fmt::Display for ReceiptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReceiptError::LeafMismatch => f.write_str("the receipt is for another token"),
            ReceiptError::Checkpoint(e) => write!(f, "the receipt's checkpoint is unreadable: {e}"),
            ReceiptError::WrongOrigin => f.write_str("the checkpoint is for another ledger"),
            ReceiptError::NotSigned => {
                f.write_str("the checkpoint is not signed by the ledger key")
            }
            ReceiptError::BadHash => f.write_str("the receipt holds a malformed hash"),
            ReceiptError::NotIncluded => {
                f.write_str("the inclusion proof does not lead to the checkpoint's root")
            }
        }
    }
}

impl std::error::Error for ReceiptError {}

/// What remains to check once [`Receipt::check`] passed: one Ed25519 signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureToCheck {
    /// The bytes the signature covers (the checkpoint body).
    pub message: Vec<u8>,
    /// The 64-byte Ed25519 signature.
    pub signature: [u8; 64],
    /// The public key it must verify under.
    pub public_key: [u8; 32],
    /// The tree the receipt proves the leaf is in.
    pub checkpoint: Checkpoint,
}

impl Receipt {
    /// Checks, for the holder of `token`, everything the receipt claims except the
    /// Ed25519 arithmetic: that the leaf rebuilt from the token is the receipt's leaf,
    /// that the checkpoint is signed by `key` (the ledger's published verifier key),
    /// and that the inclusion proof leads from the leaf to that checkpoint's root.
    /// The caller then verifies the returned signature with any Ed25519
    /// implementation; only if that passes does the receipt hold.
    ///
    /// ```
    /// use consent_core::{merkle, Receipt};
    /// use consent_core::note::{Checkpoint, VerifierKey};
    /// use base64ct::{Base64, Encoding};
    /// let token = "h.p.s";
    /// let leaf = consent_core::leaf::decision(token, "2026-11-25T12:00:00Z", "thumb");
    /// let hash = merkle::leaf_hash(leaf.as_bytes());
    /// let key = VerifierKey { name: "log".into(), key_id: VerifierKey::key_id("log", &[5; 32]), public_key: [5; 32] };
    /// let body = Checkpoint { origin: "log".into(), size: 1, root: hash }.body();
    /// let mut sig = key.key_id.to_vec();
    /// sig.extend([0u8; 64]); // a real signature in practice
    /// let receipt = Receipt {
    ///     jti: "j".into(), index: 0, received_at: "2026-11-25T12:00:00Z".into(),
    ///     key_thumbprint: "thumb".into(), leaf_hash: Base64::encode_string(&hash),
    ///     inclusion_proof: vec![],
    ///     checkpoint: format!("{body}\n— log {}\n", Base64::encode_string(&sig)),
    /// };
    /// let to_check = receipt.check(token, &key).unwrap();
    /// assert_eq!(to_check.message, body.as_bytes());
    /// assert!(receipt.check("another.token.here", &key).is_err());
    /// ```
    pub fn check(&self, token: &str, key: &VerifierKey) -> Result<SignatureToCheck, ReceiptError> {
        let leaf = crate::leaf::decision(token, &self.received_at, &self.key_thumbprint);
        let leaf_hash = merkle::leaf_hash(leaf.as_bytes());
        if decode_hash(&self.leaf_hash)? != leaf_hash {
            return Err(ReceiptError::LeafMismatch);
        }
        let note = Note::parse(&self.checkpoint).map_err(ReceiptError::Checkpoint)?;
        let checkpoint = Checkpoint::parse(note.text).map_err(ReceiptError::Checkpoint)?;
        if checkpoint.origin != key.name {
            return Err(ReceiptError::WrongOrigin);
        }
        let signature = note.signature_by(key).ok_or(ReceiptError::NotSigned)?;
        let proof = self
            .inclusion_proof
            .iter()
            .map(|h| decode_hash(h))
            .collect::<Result<Vec<_>, _>>()?;
        if !merkle::verify_inclusion(
            self.index,
            checkpoint.size,
            &leaf_hash,
            &proof,
            &checkpoint.root,
        ) {
            return Err(ReceiptError::NotIncluded);
        }
        Ok(SignatureToCheck {
            message: note.text.as_bytes().to_vec(),
            signature,
            public_key: key.public_key,
            checkpoint,
        })
    }
}

fn decode_hash(b64: &str) -> Result<Hash, ReceiptError> {
    Base64::decode_vec(b64)
        .ok()
        .and_then(|b| Hash::try_from(b).ok())
        .ok_or(ReceiptError::BadHash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merkle::Frontier;

    fn key() -> VerifierKey {
        let pk = [9u8; 32];
        VerifierKey {
            name: "consent.example/ledger".into(),
            key_id: VerifierKey::key_id("consent.example/ledger", &pk),
            public_key: pk,
        }
    }

    /// A receipt for leaf `index` of a tree of `size` decision leaves, with a dummy
    /// signature (the Ed25519 arithmetic is the caller's and is tested there).
    fn receipt_for(index: u64, size: u64) -> (String, Receipt) {
        let tokens: Vec<String> = (0..size).map(|i| format!("h.p{i}.s")).collect();
        let leaves: Vec<Hash> = tokens
            .iter()
            .map(|t| {
                merkle::leaf_hash(crate::leaf::decision(t, "2026-11-25T12:00:00Z", "th").as_bytes())
            })
            .collect();
        let mut frontier = Frontier::default();
        for l in &leaves {
            frontier.push(*l);
        }
        let body = Checkpoint {
            origin: key().name,
            size,
            root: frontier.root(),
        }
        .body();
        let mut sig = key().key_id.to_vec();
        sig.extend([1u8; 64]);
        let receipt = Receipt {
            jti: format!("jti-{index}"),
            index,
            received_at: "2026-11-25T12:00:00Z".into(),
            key_thumbprint: "th".into(),
            leaf_hash: Base64::encode_string(&leaves[index as usize]),
            inclusion_proof: merkle::inclusion_proof(index as usize, &leaves)
                .iter()
                .map(|h| Base64::encode_string(h))
                .collect(),
            checkpoint: format!(
                "{body}\n\u{2014} {} {}\n",
                key().name,
                Base64::encode_string(&sig)
            ),
        };
        (tokens[index as usize].clone(), receipt)
    }

    #[test]
    fn a_receipt_holds_for_its_own_token_at_every_position() {
        for size in 1..12 {
            for index in 0..size {
                let (token, receipt) = receipt_for(index, size);
                let to_check = receipt.check(&token, &key()).unwrap();
                assert_eq!(to_check.checkpoint.size, size);
                assert_eq!(to_check.signature, [1u8; 64]);
            }
        }
    }

    #[test]
    fn every_kind_of_forgery_is_caught() {
        let (token, good) = receipt_for(3, 7);
        let cases: Vec<(Receipt, &str, ReceiptError)> = vec![
            (good.clone(), "h.other.s", ReceiptError::LeafMismatch),
            (
                Receipt {
                    received_at: "2026-11-25T12:00:01Z".into(),
                    ..good.clone()
                },
                &token,
                ReceiptError::LeafMismatch,
            ),
            (
                Receipt {
                    key_thumbprint: "other".into(),
                    ..good.clone()
                },
                &token,
                ReceiptError::LeafMismatch,
            ),
            (
                Receipt {
                    index: 4,
                    ..good.clone()
                },
                &token,
                ReceiptError::NotIncluded,
            ),
            (
                Receipt {
                    inclusion_proof: good.inclusion_proof[1..].to_vec(),
                    ..good.clone()
                },
                &token,
                ReceiptError::NotIncluded,
            ),
            (
                Receipt {
                    inclusion_proof: vec!["!!".into()],
                    ..good.clone()
                },
                &token,
                ReceiptError::BadHash,
            ),
            (
                Receipt {
                    checkpoint: good
                        .checkpoint
                        .replace("consent.example/ledger\n", "other/log\n"),
                    ..good.clone()
                },
                &token,
                ReceiptError::WrongOrigin,
            ),
            (
                Receipt {
                    checkpoint: good
                        .checkpoint
                        .replace("\u{2014} consent.example/ledger", "\u{2014} someone-else"),
                    ..good.clone()
                },
                &token,
                ReceiptError::NotSigned,
            ),
        ];
        for (receipt, token, want) in cases {
            assert_eq!(
                receipt.check(token, &key()).unwrap_err(),
                want,
                "{receipt:?}"
            );
        }
        // A changed size or root is the signature's to catch: the message handed to the
        // Ed25519 check is then not the one that was signed.
        let signed = good.check(&token, &key()).unwrap().message;
        let resized = Receipt {
            checkpoint: good.checkpoint.replace("\n7\n", "\n8\n"),
            ..good.clone()
        };
        if let Ok(to_check) = resized.check(&token, &key()) {
            assert_ne!(to_check.message, signed);
        }
        let unreadable = Receipt {
            checkpoint: "garbage".into(),
            ..good
        };
        assert!(matches!(
            unreadable.check(&token, &key()),
            Err(ReceiptError::Checkpoint(_))
        ));
    }
}
