//! What the token fuzz targets check of every answer the verifier gives, whatever
//! produced the token.

use consent_core::catalogue;
use consent_core::claims::{SCHEMA_VERSION, TOKEN_TYP};
use consent_core::token::{base64url, base64url_decode};
use consent_core::verify::{
    verify, verify_with, Es256, Expectations, Verified, VerifyError, MAX_TOKEN_BYTES,
};
use serde_json::{json, Value};

/// The audience and clock the fixed-expectation runs use; the seed corpus and the
/// fixtures of verify_mutated are made for them.
pub const AUD: &str = "https://consent.example";
pub const NOW: i64 = 1_800_000_000;
pub const EXPECT: Expectations = Expectations { aud: AUD };

const CODES: [&str; 12] = [
    "too-large",
    "malformed",
    "bad-json",
    "bad-typ",
    "bad-alg",
    "bad-key",
    "bad-signature",
    "unknown-version",
    "bad-jti",
    "wrong-audience",
    "notice-mismatch",
    "flows-mismatch",
];

/// The checks that come after the signature, in order.
const AFTER_SIGNATURE: [&str; 5] = [
    "unknown-version",
    "bad-jti",
    "wrong-audience",
    "notice-mismatch",
    "flows-mismatch",
];

/// Takes every signature that got as far as the arithmetic as valid: a fuzzer cannot
/// forge ES256, and without this it would never reach the checks after it.
pub struct Yes;

impl Es256 for Yes {
    fn verify(&self, _: &[u8; 65], _: &[u8], _: &[u8; 64]) -> bool {
        true
    }
}

/// Verifies `token` under `expect`, for real and with [`Yes`], checks what must hold
/// of both answers, and returns the real one.
pub fn check(token: &str, expect: &Expectations) -> Result<Verified, VerifyError> {
    let real = verify(token, expect);
    let assumed = verify_with(token, expect, &Yes);
    for result in [&real, &assumed] {
        if let Err(e) = result {
            assert!(CODES.contains(&e.code()), "unknown code {:?}", e.code());
            assert!(!e.to_string().is_empty());
        }
    }
    // Only the arithmetic differs between the two and the checks run in a fixed
    // order, so they agree unless the real one stopped at the signature and the
    // other went on past it.
    match (&real, &assumed) {
        (Ok(a), Ok(b)) => assert_eq!(a, b),
        (Err(a), Err(b)) if a == b => {}
        (Err(VerifyError::BadSignature), Ok(_)) => {}
        (Err(VerifyError::BadSignature), Err(e)) if AFTER_SIGNATURE.contains(&e.code()) => {}
        other => panic!("the signature changed more than the signature check: {other:?}"),
    }
    if let Ok(verified) = &assumed {
        accepted(token, expect, verified);
    }
    real
}

/// What any accepted token must be: exactly what was signed, and within every rule.
fn accepted(token: &str, expect: &Expectations, v: &Verified) {
    assert!(token.len() <= MAX_TOKEN_BYTES);
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3);
    let mut decoded = Vec::new();
    for part in &parts {
        let bytes = base64url_decode(part).expect("accepted parts are base64url");
        // One spelling per byte string: the signed text is the only one accepted.
        assert_eq!(&base64url(&bytes), part);
        decoded.push(bytes);
    }
    // Nothing in the header or the claims was ignored or coerced on the way in.
    let header: Value = serde_json::from_slice(&decoded[0]).unwrap();
    assert_eq!(
        header,
        json!({"typ": TOKEN_TYP, "alg": "ES256", "jwk": v.header_jwk})
    );
    let claims: Value = serde_json::from_slice(&decoded[1]).unwrap();
    assert_eq!(claims, serde_json::to_value(&v.claims).unwrap());
    assert_eq!(decoded[2].len(), 64);

    let jwk = &v.header_jwk;
    assert_eq!((jwk.kty.as_str(), jwk.crv.as_str()), ("EC", "P-256"));
    for coordinate in [&jwk.x, &jwk.y] {
        assert_eq!(base64url_decode(coordinate).unwrap().len(), 32);
    }
    assert_eq!(v.thumbprint, jwk.thumbprint());

    let c = &v.claims;
    assert_eq!(c.v, SCHEMA_VERSION);
    assert_eq!(c.aud, expect.aud);
    assert!(consent_core::claims::jti_is_well_formed(&c.jti));
    assert!(catalogue::knows(&c.notice));
    assert_eq!(c.flows, c.choice.flows());
}

/// The audience a token itself names, so that a token from any seed can pass every
/// check, whatever audience it was made for.
pub fn own_audience(token: &str) -> Option<String> {
    let claims = token.split('.').nth(1)?;
    let claims: Value = serde_json::from_slice(&base64url_decode(claims).ok()?).ok()?;
    Some(claims["aud"].as_str()?.to_owned())
}
