//! A browser's side of a decision, done natively: claims answering a challenge, signed
//! with a P-256 key exactly as the widget signs them with WebCrypto.

use consent_core::claims::Claims;
use consent_core::jwk::EcPublicJwk;
use consent_core::token::{base64url, UnsignedToken};
use consent_core::{catalogue, Choice};
use p256::ecdsa::{signature::Signer, Signature, SigningKey};
use serde_json::Value;

/// Fresh claims for `choice` answering the challenge `ch` (the backend's JSON).
pub fn claims_for(ch: &Value, choice: Choice) -> Claims {
    claims_on(ch, catalogue::notice("en"), choice)
}

/// [`claims_for`], made on `shown`: a notice with a host's own link targets, say.
pub fn claims_on(ch: &Value, shown: &catalogue::Notice, choice: Choice) -> Claims {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    Claims::new(
        base64url(&rand::random::<[u8; 16]>()),
        now,
        ch["nonce"].as_str().unwrap().into(),
        ch["aud"].as_str().unwrap().into(),
        ch["sub"].as_str().unwrap().into(),
        shown,
        choice,
    )
}

/// The compact token for `claims`, signed by `key`, its public half in the header.
pub fn sign(key: &SigningKey, claims: &Claims) -> String {
    let point = key.verifying_key().to_encoded_point(false);
    let jwk = EcPublicJwk {
        kty: "EC".into(),
        crv: "P-256".into(),
        x: base64url(point.x().unwrap()),
        y: base64url(point.y().unwrap()),
    };
    let unsigned = UnsignedToken::new(jwk, claims);
    let sig: Signature = key.sign(unsigned.signing_input().as_bytes());
    unsigned.finish(&sig.to_bytes()).unwrap()
}
