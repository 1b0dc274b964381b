//! The seed corpus of the `verify_token` fuzz target (`fuzz/seeds/verify_token`):
//! valid tokens, made here so that they follow the claims schema as it changes. A
//! fuzzer that starts from valid tokens reaches the checks after the signature at
//! once; from nothing it would take hours to build one JSON header.
//!
//! When this test fails because the schema or the notice changed, regenerate them:
//! `CONSENT_WRITE_FUZZ_SEEDS=1 cargo test -p consent-core --all-features --test fuzz_seeds`
#![cfg(feature = "verify")]

use consent_core::claims::Claims;
use consent_core::jwk::EcPublicJwk;
use consent_core::token::{base64url, base64url_decode, UnsignedToken};
use consent_core::verify::{verify, Expectations};
use consent_core::{catalogue, Choice};
use p256::ecdsa::{signature::Signer, Signature, SigningKey};
use std::path::PathBuf;

/// What the fuzz harness expects (`consent_fuzz::EXPECT`).
const AUD: &str = "https://consent.example";
const NOW: i64 = 1_800_000_000;

/// `name -> bytes`. RFC 6979 signatures are deterministic, so the same code gives the
/// same files, and the test can tell whether the committed ones are current.
fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (i, choice) in [
        Choice::BothWays,
        Choice::LinkedinOnly,
        Choice::NotNow,
        Choice::Withdraw,
    ]
    .into_iter()
    .enumerate()
    {
        let key = SigningKey::from_slice(&[0x40 + i as u8; 32]).unwrap();
        let point = key.verifying_key().to_encoded_point(false);
        let jwk = EcPublicJwk {
            kty: "EC".into(),
            crv: "P-256".into(),
            x: base64url(point.x().unwrap()),
            y: base64url(point.y().unwrap()),
        };
        let claims = Claims::new(
            base64url(&[i as u8; 16]),
            NOW,
            format!("nonce-{i}"),
            AUD.into(),
            format!("sub-{i}"),
            catalogue::notice("en"),
            choice,
        );
        let unsigned = UnsignedToken::new(jwk, &claims);
        let sig: Signature = key.sign(unsigned.signing_input().as_bytes());
        let token = unsigned.finish(&sig.to_bytes()).unwrap();
        let name = choice.as_str();
        // The harness's second form: header JSON \0 claims JSON \0 raw signature.
        let mut decoded = Vec::new();
        for (j, part) in token.split('.').enumerate() {
            if j > 0 {
                decoded.push(0);
            }
            decoded.extend(base64url_decode(part).unwrap());
        }
        out.push((format!("token-{name}"), token.into_bytes()));
        out.push((format!("json-{name}"), decoded));
    }
    out
}

#[test]
fn committed_fuzz_seeds_are_current_valid_tokens() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/seeds/verify_token");
    let seeds = seeds();
    if std::env::var_os("CONSENT_WRITE_FUZZ_SEEDS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, bytes) in &seeds {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
    }
    let expect = Expectations { aud: AUD };
    for (name, bytes) in &seeds {
        if name.starts_with("token-") {
            let token = std::str::from_utf8(bytes).unwrap();
            assert!(verify(token, &expect).is_ok(), "{name} does not verify");
        }
        let committed = std::fs::read(dir.join(name)).unwrap_or_default();
        assert!(
            committed == *bytes,
            "fuzz/seeds/verify_token/{name} is missing or stale: regenerate with \
             CONSENT_WRITE_FUZZ_SEEDS=1 cargo test -p consent-core --all-features --test fuzz_seeds"
        );
    }
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let mut made: Vec<String> = seeds.into_iter().map(|(name, _)| name).collect();
    on_disk.sort();
    made.sort();
    assert_eq!(
        on_disk, made,
        "files in fuzz/seeds/verify_token that no seed makes"
    );
}
