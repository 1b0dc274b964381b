//! The harness every scenario shares: a server on loopback over a throwaway store
//! (SQLite in a temporary directory, or a private PostgreSQL cluster), browsers with a
//! cookie jar and a device key, and the real binary for the tests that signal it.

pub mod binary;
pub mod client;
pub mod device;
pub mod fill;
pub mod pg;
pub mod resend;
pub mod server;
pub mod store;

pub use client::{problem, problem_type, retry_after, Client};
pub use server::TestServer;
pub use store::{Backend, StoredChallenge, TestStore};

use base64ct::{Base64, Encoding};
use serde_json::Value;

/// The bearer token every test server takes as an auditor's (see [`Client::audit`]).
pub const AUDITOR_TOKEN: &str = "test-auditor-7f3c9a1e5b2d4c6a8e0f";

/// SHA-256 in hex, as `auditor_tokens` wants a token.
pub fn sha256_hex(s: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A loopback port free right now, for what must be told its port before it binds.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A hash or key as the API writes it: standard base64 of 32 bytes.
pub fn hash_of(s: &str) -> [u8; 32] {
    Base64::decode_vec(s).unwrap().try_into().unwrap()
}

/// [`hash_of`] a JSON string.
pub fn b64(v: &Value) -> [u8; 32] {
    hash_of(v.as_str().unwrap())
}

/// A proof as the API writes it: a JSON array of base64 hashes.
pub fn hashes(v: &Value) -> Vec<[u8; 32]> {
    v.as_array().unwrap().iter().map(b64).collect()
}

/// Checks `receipt` the way its holder would, trusting nothing the server says but its
/// published key: the leaf rebuilt from `token`, the inclusion proof, and the
/// checkpoint's Ed25519 signature. Returns the checkpoint the receipt proves against.
pub fn check_receipt(
    receipt: &Value,
    token: &str,
    published: &Value,
) -> Result<consent_core::note::Checkpoint, String> {
    use consent_core::note::VerifierKey;
    let receipt: consent_core::Receipt =
        serde_json::from_value(receipt.clone()).map_err(|e| e.to_string())?;
    let key = VerifierKey::parse(published["vkey"].as_str().unwrap()).map_err(|e| e.to_string())?;
    let to_check = receipt.check(token, &key).map_err(|e| e.to_string())?;
    let pk = ed25519_dalek::VerifyingKey::from_bytes(&to_check.public_key).unwrap();
    pk.verify_strict(
        &to_check.message,
        &ed25519_dalek::Signature::from_bytes(&to_check.signature),
    )
    .map_err(|e| e.to_string())?;
    Ok(to_check.checkpoint)
}

/// The leaf hashes of an auditor's answer from `/v1/ledger/entries`, computed from
/// the leaves as served, the way an auditor rebuilds the tree; each must be the
/// `leaf_hash` served beside it (which is all the public gets).
pub fn leaf_hashes(entries: &Value) -> Vec<[u8; 32]> {
    entries["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let hash = consent_core::merkle::leaf_hash(e["leaf"].as_str().unwrap().as_bytes());
            assert_eq!(hash, b64(&e["leaf_hash"]), "{e}");
            hash
        })
        .collect()
}
