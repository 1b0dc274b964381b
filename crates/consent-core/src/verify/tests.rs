use super::*;
use crate::catalogue;
use crate::token::{base64url, UnsignedToken};
use crate::Choice;
use p256::ecdsa::{signature::Signer, SigningKey};

const AUD: &str = "https://consent.example";
const NOW: i64 = 1_800_000_000;
const EXPECT: Expectations = Expectations { aud: AUD };

fn key() -> SigningKey {
    SigningKey::random(&mut rand_core::OsRng)
}

fn jwk_of(key: &SigningKey) -> EcPublicJwk {
    let point = key.verifying_key().to_encoded_point(false);
    EcPublicJwk {
        kty: "EC".into(),
        crv: "P-256".into(),
        x: base64url(point.x().unwrap()),
        y: base64url(point.y().unwrap()),
    }
}

fn claims(choice: Choice) -> Claims {
    Claims::new(
        "dGhpcyBpcyAxNiBieXRlcw".into(),
        NOW,
        "nonce-1".into(),
        AUD.into(),
        "sub-1".into(),
        catalogue::notice("en"),
        choice,
    )
}

fn token(key: &SigningKey, claims: &Claims) -> String {
    let unsigned = UnsignedToken::new(jwk_of(key), claims);
    let sig: Signature = key.sign(unsigned.signing_input().as_bytes());
    unsigned.finish(&sig.to_bytes()).unwrap()
}

/// Signs arbitrary header and claims JSON: tampering that keeps a valid signature.
fn signed_raw(key: &SigningKey, header: &str, claims: &str) -> String {
    let input = format!(
        "{}.{}",
        base64url(header.as_bytes()),
        base64url(claims.as_bytes())
    );
    let sig: Signature = key.sign(input.as_bytes());
    format!("{input}.{}", base64url(&sig.to_bytes()))
}

fn header_json(key: &SigningKey) -> serde_json::Value {
    serde_json::json!({"typ": TOKEN_TYP, "alg": "ES256", "jwk": jwk_of(key)})
}

fn claims_json(choice: Choice) -> serde_json::Value {
    serde_json::to_value(claims(choice)).unwrap()
}

/// The refusal's code, or `ok` for a token that passes.
fn code(token: &str) -> &'static str {
    verify(token, &EXPECT).map_or_else(|e| e.code(), |_| "ok")
}

#[test]
fn every_choice_round_trips() {
    let k = key();
    for choice in [
        Choice::BothWays,
        Choice::LinkedinOnly,
        Choice::NotNow,
        Choice::Withdraw,
    ] {
        let c = claims(choice);
        let v = verify(&token(&k, &c), &EXPECT).unwrap();
        assert_eq!(v.claims, c);
        assert_eq!(v.header_jwk, jwk_of(&k));
        assert_eq!(v.thumbprint, jwk_of(&k).thumbprint());
    }
}

#[test]
fn a_changed_byte_anywhere_breaks_it() {
    let k = key();
    let t = token(&k, &claims(Choice::BothWays));
    let dots: Vec<usize> = t.match_indices('.').map(|(i, _)| i).collect();
    for (at, part) in [
        (5, "header"),
        (dots[0] + 9, "claims"),
        (dots[1] + 7, "signature"),
    ] {
        let mut bytes = t.clone().into_bytes();
        bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(bytes).unwrap();
        let err = verify(&tampered, &EXPECT).unwrap_err();
        assert!(
            matches!(err.code(), "bad-signature" | "bad-json" | "malformed"),
            "{part}: {err}"
        );
    }
    // A flip that keeps the JSON valid still fails on the signature.
    let mut c = claims(Choice::BothWays);
    c.sub = "someone-else".into();
    let forged_claims = base64url(&serde_json::to_vec(&c).unwrap());
    let parts: Vec<&str> = t.split('.').collect();
    assert_eq!(
        code(&format!("{}.{forged_claims}.{}", parts[0], parts[2])),
        "bad-signature"
    );
}

#[test]
fn header_tampering_has_its_own_errors() {
    let k = key();
    let c = claims_json(Choice::NotNow).to_string();
    let mut h = header_json(&k);
    h["typ"] = "JWT".into();
    assert_eq!(code(&signed_raw(&k, &h.to_string(), &c)), "bad-typ");
    for alg in ["none", "HS256", "ES384", "RS256"] {
        let mut h = header_json(&k);
        h["alg"] = alg.into();
        assert_eq!(
            code(&signed_raw(&k, &h.to_string(), &c)),
            "bad-alg",
            "{alg}"
        );
    }
    let mut h = header_json(&k);
    h["jwk"]["d"] = base64url(&k.to_bytes()).into();
    assert_eq!(code(&signed_raw(&k, &h.to_string(), &c)), "bad-key");
    let mut h = header_json(&k);
    h["jwk"]["kid"] = "k1".into();
    assert_eq!(code(&signed_raw(&k, &h.to_string(), &c)), "bad-key");
    let mut h = header_json(&k);
    h["jwk"]["x"] = base64url(&[7u8; 32]).into();
    assert_eq!(
        code(&signed_raw(&k, &h.to_string(), &c)),
        "bad-key",
        "not on the curve"
    );
    for extra in ["crit", "kid", "jku", "x5u", "x5c"] {
        let mut h = header_json(&k);
        h[extra] = serde_json::json!(["exp"]);
        assert_eq!(
            code(&signed_raw(&k, &h.to_string(), &c)),
            "bad-json",
            "{extra}"
        );
    }
}

#[test]
fn claims_tampering_has_its_own_errors() {
    let k = key();
    let h = header_json(&k).to_string();
    let with = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut c = claims_json(Choice::BothWays);
        edit(&mut c);
        code(&signed_raw(&k, &h, &c.to_string()))
    };
    assert_eq!(with(&|c| c["exp"] = 1.into()), "bad-json", "unknown claim");
    assert_eq!(with(&|c| c["v"] = 2.into()), "unknown-version");
    assert_eq!(
        with(&|c| c["aud"] = "https://other.example".into()),
        "wrong-audience"
    );
    // iat is judged against the challenge, by the server: any value passes here.
    assert_eq!(with(&|c| c["iat"] = (NOW - 86_400).into()), "ok");
    for jti in [
        "jti-1",
        "",
        "dGhpcyBpcyAxNSBieXRl",
        "dGhpcyBpcyAxNiBieXRlcw==",
        "dGhpcyBpcyAxNiBieXRlcw\nsecond line",
        "dGhpcyBpcyAxNiBieXRlcx",
    ] {
        assert_eq!(with(&|c| c["jti"] = jti.into()), "bad-jti", "{jti:?}");
    }
    assert_eq!(with(&|c| c["jti"] = "dGhpcyBpcyAxNiBieXRlcw".into()), "ok");
    assert_eq!(
        with(&|c| c["notice"]["sha256"] = "00".repeat(32).into()),
        "notice-mismatch"
    );
    assert_eq!(with(&|c| c["notice"]["ver"] = 99.into()), "notice-mismatch");
    assert_eq!(
        with(&|c| c["notice"]["lang"] = "xx".into()),
        "notice-mismatch"
    );
    assert_eq!(
        with(&|c| {
            c["flows"]["microsoft_to_linkedin"]
                .as_object_mut()
                .unwrap()
                .remove("contacts");
        }),
        "flows-mismatch",
        "missing category"
    );
    assert_eq!(
        with(&|c| c["flows"]["linkedin_to_microsoft"]["calendar"] = true.into()),
        "flows-mismatch",
        "a category the direction does not offer"
    );
    assert_eq!(
        with(&|c| c["flows"]["microsoft_to_linkedin"]["profile"] = false.into()),
        "flows-mismatch",
        "flipped flow"
    );
    assert_eq!(
        with(&|c| c["choice"] = "linkedin_only".into()),
        "flows-mismatch"
    );
    assert_eq!(
        with(&|c| c["flows"]["linkedin_to_microsoft"]["galaxy"] = true.into()),
        "bad-json",
        "unknown category name"
    );
}

#[test]
fn duplicate_keys_are_refused_even_inside_maps() {
    let k = key();
    let h = header_json(&k).to_string();
    let c = claims_json(Choice::BothWays).to_string();
    let dup_flow = c.replacen("\"profile\":true", "\"profile\":true,\"profile\":false", 1);
    assert_ne!(dup_flow, c);
    assert_eq!(code(&signed_raw(&k, &h, &dup_flow)), "bad-json");
    let dup_claim = c.replacen("{", "{\"sub\":\"x\",", 1);
    assert_eq!(code(&signed_raw(&k, &h, &dup_claim)), "bad-json");
    let dup_jwk = h.replacen("\"kty\":\"EC\"", "\"kty\":\"EC\",\"kty\":\"EC\"", 1);
    assert_ne!(dup_jwk, h);
    assert_eq!(code(&signed_raw(&k, &dup_jwk, &c)), "bad-json");
}

#[test]
fn shape_and_size_come_first() {
    let k = key();
    let t = token(&k, &claims(Choice::NotNow));
    assert_eq!(code(&"a".repeat(MAX_TOKEN_BYTES + 1)), "too-large");
    assert_eq!(code(&t[..t.rfind('.').unwrap()]), "malformed");
    assert_eq!(code(&format!("{t}.x")), "malformed");
    assert_eq!(
        code(&t.replacen('.', "=.", 1)),
        "malformed",
        "padding is not base64url"
    );
    assert_eq!(code(""), "malformed");
}

#[test]
fn garbage_never_panics() {
    let k = key();
    let t = token(&k, &claims(Choice::LinkedinOnly));
    let mut seed = 0x9e3779b97f4a7c15u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let mut bytes = t.clone().into_bytes();
        for _ in 0..(next() % 4 + 1) {
            let i = (next() % bytes.len() as u64) as usize;
            bytes[i] = (next() % 128) as u8;
        }
        let s = String::from_utf8_lossy(&bytes);
        assert!(verify(&s, &EXPECT).is_err() || s == t);
    }
    for junk in [
        "..",
        "a.b.c",
        "e30.e30.",
        "eyJ9.eyJ9.AA",
        "\u{0}.\u{0}.\u{0}",
    ] {
        assert!(verify(junk, &EXPECT).is_err());
    }
}

#[test]
fn high_s_signatures_are_accepted_like_low_s() {
    // WebCrypto does not normalise s, so either of the two valid signatures can come.
    let k = key();
    let unsigned = UnsignedToken::new(jwk_of(&k), &claims(Choice::BothWays));
    let input = unsigned.signing_input().to_owned();
    let sig: Signature = k.sign(input.as_bytes());
    let low = sig.normalize_s().unwrap_or(sig);
    let (r, s) = low.split_scalars();
    let high = Signature::from_scalars(r.to_bytes(), (-*s).to_bytes()).unwrap();
    assert!(high.normalize_s().is_some(), "really high-S");
    for sig in [low, high] {
        let token = format!("{input}.{}", base64url(&sig.to_bytes()));
        assert!(verify(&token, &EXPECT).is_ok());
    }
}

#[test]
fn whitespace_and_non_canonical_base64_are_malformed() {
    let k = key();
    let t = token(&k, &claims(Choice::NotNow));
    let dot = t.find('.').unwrap();
    for tampered in [
        format!(" {t}"),
        format!("{t}\n"),
        format!("{} {}", &t[..dot], &t[dot..]),
        format!("{}\t{}", &t[..10], &t[10..]),
        t.replace('-', "+").replace('_', "/"),
    ] {
        if tampered != t {
            assert_eq!(code(&tampered), "malformed", "{tampered:?}");
        }
    }
    // A 64-byte signature is 86 characters; the last holds 2 unused bits that must be 0.
    let (input, sig) = t.rsplit_once('.').unwrap();
    let mut last = sig.as_bytes()[85];
    last = match last {
        b'A' => b'B',
        b'Q' => b'R',
        b'g' => b'h',
        b'w' => b'x',
        _ => unreachable!("a canonical final sextet ends in 00"),
    };
    let mut sig = sig.as_bytes().to_vec();
    sig[85] = last;
    let sig = String::from_utf8(sig).unwrap();
    assert_eq!(code(&format!("{input}.{sig}")), "malformed");
}

#[test]
fn key_and_alg_must_match() {
    let k = key();
    let c = claims_json(Choice::NotNow).to_string();
    for (member, value) in [("kty", "RSA"), ("kty", "OKP"), ("crv", "P-384")] {
        let mut h = header_json(&k);
        h["jwk"][member] = value.into();
        assert_eq!(
            code(&signed_raw(&k, &h.to_string(), &c)),
            "bad-alg",
            "{member}={value}"
        );
    }
    let mut h = header_json(&k);
    h["jwk"].as_object_mut().unwrap().remove("y");
    assert_eq!(code(&signed_raw(&k, &h.to_string(), &c)), "bad-key");
    let mut h = header_json(&k);
    h["jwk"]["x"] = base64url(&[1u8; 31]).into();
    assert_eq!(code(&signed_raw(&k, &h.to_string(), &c)), "bad-key");
    let mut h = header_json(&k);
    h["jwk"] = "a key".into();
    assert_eq!(code(&signed_raw(&k, &h.to_string(), &c)), "bad-json");
    // Someone else's valid key in the header: the signature no longer matches it.
    let mut h = header_json(&k);
    h["jwk"] = serde_json::to_value(jwk_of(&key())).unwrap();
    assert_eq!(code(&signed_raw(&k, &h.to_string(), &c)), "bad-signature");
}

#[test]
fn the_first_failing_check_is_the_one_reported() {
    let k = key();
    let h = header_json(&k);
    let mut late = claims_json(Choice::BothWays);
    late["aud"] = "https://other.example".into();
    late["iat"] = 0.into();
    late["flows"]["microsoft_to_linkedin"]["profile"] = false.into();
    assert_eq!(
        code(&signed_raw(&k, &h.to_string(), &late.to_string())),
        "wrong-audience"
    );
    late["v"] = 7.into();
    assert_eq!(
        code(&signed_raw(&k, &h.to_string(), &late.to_string())),
        "unknown-version"
    );
    let mut bad_typ = h.clone();
    bad_typ["typ"] = "JWT".into();
    bad_typ["alg"] = "none".into();
    assert_eq!(
        code(&signed_raw(&k, &bad_typ.to_string(), &late.to_string())),
        "bad-typ"
    );
    // An unsigned token with other faults is refused for its signature first.
    let t = signed_raw(&k, &h.to_string(), &late.to_string());
    let unsigned = &t[..t.rfind('.').unwrap()];
    assert_eq!(
        code(&format!("{unsigned}.{}", base64url(&[1u8; 64]))),
        "bad-signature"
    );
    let mut skewed = claims_json(Choice::BothWays);
    skewed["jti"] = "short".into();
    skewed["notice"]["id"] = "another-notice".into();
    assert_eq!(
        code(&signed_raw(&k, &h.to_string(), &skewed.to_string())),
        "bad-jti"
    );
    skewed["jti"] = "dGhpcyBpcyAxNiBieXRlcw".into();
    skewed["flows"]["microsoft_to_linkedin"]["profile"] = false.into();
    assert_eq!(
        code(&signed_raw(&k, &h.to_string(), &skewed.to_string())),
        "notice-mismatch"
    );
}

/// `iat` is judged against the challenge it answers, which only the server's state
/// knows (crate::freshness): the stateless checks take any value, extremes included.
#[test]
fn iat_is_left_to_the_challenge_check_and_never_overflows() {
    let k = key();
    let h = header_json(&k).to_string();
    for iat in [NOW - 3600, NOW + 3600, i64::MIN, i64::MAX] {
        let mut c = claims_json(Choice::NotNow);
        c["iat"] = iat.into();
        let result = verify(&signed_raw(&k, &h, &c.to_string()), &EXPECT);
        assert_eq!(result.map(|v| v.claims.iat), Ok(iat));
    }
}

#[test]
fn random_strings_never_panic() {
    let mut seed = 0x2545f4914f6cdd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    const ALPHABET: &[u8] =
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ {}\"";
    for _ in 0..3000 {
        let len = (next() % 300) as usize;
        let s: String = (0..len)
            .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize] as char)
            .collect();
        assert!(verify(&s, &EXPECT).is_err());
    }
    // Well-formed base64url around arbitrary JSON-ish bytes reaches the JSON parser.
    let pieces = [
        "{",
        "}",
        "[",
        "]",
        "\"typ\"",
        "\"jwk\"",
        ":",
        ",",
        "1e999",
        "-0",
        "null",
        "\"\\ud800\"",
        "{\"a\":",
        "[[[[[[[[",
        "\"flows\"",
        "true",
    ];
    for _ in 0..3000 {
        let mut part = || {
            let n = next() % 12;
            let json: String = (0..n)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect();
            base64url(json.as_bytes())
        };
        let t = format!("{}.{}.{}", part(), part(), base64url(&[9u8; 64]));
        assert!(verify(&t, &EXPECT).is_err());
    }
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let t = format!("{}.{}.AA", base64url(deep.as_bytes()), base64url(b"{}"));
    assert_eq!(code(&t), "too-large");
    let deep = format!("{}{}", "[".repeat(2000), "]".repeat(2000));
    let t = format!("{}.{}.AA", base64url(deep.as_bytes()), base64url(b"{}"));
    assert_eq!(code(&t), "bad-json");
}

/// Records what the signature arithmetic was asked, and answers as told.
struct Scripted {
    answer: bool,
    asked: std::cell::Cell<usize>,
}

impl Es256 for Scripted {
    fn verify(&self, point: &[u8; 65], message: &[u8], signature: &[u8; 64]) -> bool {
        self.asked.set(self.asked.get() + 1);
        assert_eq!(point[0], 4, "uncompressed SEC1");
        assert_eq!(
            message.iter().filter(|&&b| b == b'.').count(),
            1,
            "header.claims"
        );
        assert!(signature.iter().any(|&b| b != 0));
        self.answer
    }
}

#[test]
fn a_pluggable_es256_decides_only_the_signature() {
    let k = key();
    let good = token(&k, &claims(Choice::LinkedinOnly));
    let says = |answer| Scripted {
        answer,
        asked: 0.into(),
    };

    let refuses = says(false);
    let err = verify_with(&good, &EXPECT, &refuses).unwrap_err();
    assert_eq!((err.code(), refuses.asked.get()), ("bad-signature", 1));

    // A key off the curve is refused before the arithmetic is asked anything.
    let mut header = header_json(&k);
    header["jwk"]["y"] = base64url(&[1u8; 32]).into();
    let off_curve = signed_raw(
        &k,
        &header.to_string(),
        &claims_json(Choice::BothWays).to_string(),
    );
    let accepts = says(true);
    assert_eq!(
        verify_with(&off_curve, &EXPECT, &accepts)
            .unwrap_err()
            .code(),
        "bad-key"
    );
    assert_eq!(accepts.asked.get(), 0);

    // The checks after the signature still run when the arithmetic says yes.
    let elsewhere = Expectations {
        aud: "https://other.example",
    };
    assert_eq!(
        verify_with(&good, &elsewhere, &accepts).unwrap_err().code(),
        "wrong-audience"
    );
    assert!(verify_with(&good, &EXPECT, &accepts).is_ok());
}
