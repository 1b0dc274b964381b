//! Verifying a decision token: every check of docs/DESIGN.md, Verification order, that needs no server
//! state, in the design's order, each failing with its own [`VerifyError`]. The `jti`
//! (re-send or reuse), the nonce, `iat` against the challenge's life
//! ([`crate::freshness`]) and key binding need the server's state and are checked there.
//!
//! ```
//! use consent_core::{catalogue, claims::Claims, jwk::EcPublicJwk, Choice};
//! use consent_core::token::{base64url, UnsignedToken};
//! use consent_core::verify::{verify, Expectations};
//! use p256::ecdsa::{signature::Signer, Signature, SigningKey};
//!
//! // The widget signs with WebCrypto; a native key stands in for it here.
//! let key = SigningKey::from_slice(&[7u8; 32]).unwrap();
//! let point = key.verifying_key().to_encoded_point(false);
//! let jwk = EcPublicJwk { kty: "EC".into(), crv: "P-256".into(),
//!     x: base64url(point.x().unwrap()), y: base64url(point.y().unwrap()) };
//! let claims = Claims::new("AAECAwQFBgcICQoLDA0ODw".into(), 1_700_000_000, "nonce".into(),
//!     "https://consent.example".into(), "sub-1".into(), catalogue::notice("en"), Choice::BothWays);
//! let unsigned = UnsignedToken::new(jwk, &claims);
//! let sig: Signature = key.sign(unsigned.signing_input().as_bytes());
//! let token = unsigned.finish(&sig.to_bytes()).unwrap();
//!
//! let expect = Expectations { aud: "https://consent.example" };
//! assert_eq!(verify(&token, &expect).unwrap().claims, claims);
//! let elsewhere = Expectations { aud: "https://other.example" };
//! assert_eq!(verify(&token, &elsewhere).unwrap_err().code(), "wrong-audience");
//! ```

use crate::claims::{Claims, SCHEMA_VERSION, TOKEN_TYP};
use crate::jwk::EcPublicJwk;
use base64ct::{Base64UrlUnpadded, Encoding};
use p256::ecdsa::{signature::Verifier, Signature, VerifyingKey};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// Tokens longer than this are refused before any parsing. A real token is about
/// 1 KB; the cap bounds what an attacker can make the parser and hasher chew on.
///
/// ```
/// use consent_core::verify::{verify, Expectations, MAX_TOKEN_BYTES};
/// let expect = Expectations { aud: "a" };
/// let huge = "a".repeat(MAX_TOKEN_BYTES + 1);
/// assert_eq!(verify(&huge, &expect).unwrap_err().code(), "too-large");
/// ```
pub const MAX_TOKEN_BYTES: usize = 8192;

/// What the verifier needs to know besides the token.
///
/// ```
/// let expect = consent_core::verify::Expectations { aud: "https://consent.example" };
/// assert_eq!(expect.aud, "https://consent.example");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Expectations<'a> {
    /// This backend's id: the token's `aud` must equal it.
    pub aud: &'a str,
}

/// A token that passed every stateless check. See the [module example](self).
#[derive(Clone, Debug, PartialEq)]
pub struct Verified {
    /// The public key from the header, which the signature verified under.
    pub header_jwk: EcPublicJwk,
    /// RFC 7638 thumbprint of the signing key.
    pub thumbprint: String,
    /// The claims, parsed strictly.
    pub claims: Claims,
}

/// Why a token was refused. [`VerifyError::code`] is stable and goes on the wire
/// (the server's problem `type`); the Display text is for people.
///
/// ```
/// use consent_core::verify::{verify, Expectations};
/// let expect = Expectations { aud: "a" };
/// let err = verify("not.a-token", &expect).unwrap_err();
/// assert_eq!(err.code(), "malformed");
/// assert!(err.to_string().starts_with("not a compact JWS"));
/// ```
/// Not `#[non_exhaustive]`: the server maps every reason to an HTTP status in an
/// exhaustive match, so a new reason cannot ship without one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VerifyError {
    /// `too-large`: longer than [`MAX_TOKEN_BYTES`] (the length is given).
    TooLarge(usize),
    /// `malformed`: not three unpadded base64url parts separated by dots.
    Malformed(&'static str),
    /// `bad-json`: header or claims are not strict JSON of the expected shape
    /// (duplicate key, unknown or missing member, wrong type, extra header parameter).
    BadJson(String),
    /// `bad-typ`: the header's `typ` is not [`TOKEN_TYP`].
    BadTyp(String),
    /// `bad-alg`: `alg` is not ES256, or the key is not an EC P-256 key.
    BadAlg(String),
    /// `bad-key`: the key holds a private part, other members, or no curve point.
    BadKey(&'static str),
    /// `bad-signature`: the signature is not a valid ES256 r||s over the signing input.
    BadSignature,
    /// `unknown-version`: `v` is not [`SCHEMA_VERSION`].
    UnknownVersion(u32),
    /// `bad-jti`: `jti` is not base64url of 16 to 64 bytes
    /// ([`crate::claims::jti_is_well_formed`]).
    BadJti,
    /// `wrong-audience`: `aud` is not this backend.
    WrongAudience,
    /// `notice-mismatch`: `notice` does not name exactly a published notice (any kept
    /// version; its digest recomputed with its link targets).
    NoticeMismatch,
    /// `flows-mismatch`: `flows` is not exactly what `choice` allows.
    FlowsMismatch,
}

impl VerifyError {
    /// A stable kebab-case reason code.
    pub fn code(&self) -> &'static str {
        match self {
            VerifyError::TooLarge(_) => "too-large",
            VerifyError::Malformed(_) => "malformed",
            VerifyError::BadJson(_) => "bad-json",
            VerifyError::BadTyp(_) => "bad-typ",
            VerifyError::BadAlg(_) => "bad-alg",
            VerifyError::BadKey(_) => "bad-key",
            VerifyError::BadSignature => "bad-signature",
            VerifyError::UnknownVersion(_) => "unknown-version",
            VerifyError::BadJti => "bad-jti",
            VerifyError::WrongAudience => "wrong-audience",
            VerifyError::NoticeMismatch => "notice-mismatch",
            VerifyError::FlowsMismatch => "flows-mismatch",
        }
    }
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VerifyError::TooLarge(n) => write!(
                f,
                "token is {n} bytes; at most {MAX_TOKEN_BYTES} are accepted"
            ),
            VerifyError::Malformed(why) => write!(f, "not a compact JWS: {why}"),
            VerifyError::BadJson(why) => write!(f, "header or claims are not strict JSON: {why}"),
            VerifyError::BadTyp(t) => write!(f, "typ must be {TOKEN_TYP:?}, not {t:?}"),
            VerifyError::BadAlg(a) => write!(
                f,
                "alg {a:?} is not allowed for this key (only ES256 with P-256)"
            ),
            VerifyError::BadKey(why) => write!(f, "the header key is unusable: {why}"),
            VerifyError::BadSignature => write!(f, "the signature does not verify"),
            VerifyError::UnknownVersion(v) => write!(f, "claims version {v} is unknown"),
            VerifyError::WrongAudience => write!(f, "the token is for another backend"),
            VerifyError::BadJti => write!(
                f,
                "jti must be base64url (no padding) of {} to {} random bytes",
                crate::claims::MIN_JTI_BYTES,
                crate::claims::MAX_JTI_BYTES
            ),
            VerifyError::NoticeMismatch => write!(f, "the notice is not one this backend offers"),
            VerifyError::FlowsMismatch => write!(f, "the flows do not match the choice"),
        }
    }
}

impl std::error::Error for VerifyError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    typ: String,
    alg: String,
    jwk: serde_json::Map<String, serde_json::Value>,
}

/// The ES256 arithmetic itself, apart from every other check so that a backend can
/// bring a faster implementation: pure-Rust `p256` is portable (it also builds for
/// wasm32) but several times slower than assembly, and the signature is most of
/// what a decision costs the server.
///
/// ```
/// use consent_core::verify::{Es256, PureRust};
/// // Any point and an all-zero signature: refused, never a panic.
/// let mut point = [0u8; 65];
/// point[0] = 4;
/// assert!(!PureRust.verify(&point, b"message", &[0u8; 64]));
/// ```
pub trait Es256 {
    /// Whether `signature` (r||s, 64 bytes) is a valid ECDSA P-256 SHA-256
    /// signature of `message` under `point`. The point is uncompressed SEC1
    /// (65 bytes) and [`verify_with`] has already checked that it lies on the curve.
    fn verify(&self, point: &[u8; 65], message: &[u8], signature: &[u8; 64]) -> bool;
}

/// [`Es256`] in pure Rust (RustCrypto `p256`): what [`verify`] uses.
#[derive(Clone, Copy, Debug, Default)]
pub struct PureRust;

impl Es256 for PureRust {
    fn verify(&self, point: &[u8; 65], message: &[u8], signature: &[u8; 64]) -> bool {
        let (Ok(key), Ok(sig)) = (
            VerifyingKey::from_sec1_bytes(point),
            Signature::from_slice(signature),
        ) else {
            return false;
        };
        key.verify(message, &sig).is_ok()
    }
}

/// Runs every stateless check on `token`, in the order of docs/DESIGN.md, Verification order, and
/// returns the first failure. Never panics, whatever the input. See the
/// [module example](self).
pub fn verify(token: &str, expect: &Expectations) -> Result<Verified, VerifyError> {
    verify_with(token, expect, &PureRust)
}

/// [`verify`], with the signature arithmetic done by `es256`. Every other check,
/// and their order, stay here.
///
/// ```
/// use consent_core::verify::{verify_with, Es256, Expectations};
/// struct Refuses;
/// impl Es256 for Refuses {
///     fn verify(&self, _: &[u8; 65], _: &[u8], _: &[u8; 64]) -> bool { false }
/// }
/// let expect = Expectations { aud: "a" };
/// // Checks before the signature still come first.
/// assert_eq!(verify_with("x", &expect, &Refuses).unwrap_err().code(), "malformed");
/// ```
pub fn verify_with(
    token: &str,
    expect: &Expectations,
    es256: &impl Es256,
) -> Result<Verified, VerifyError> {
    if token.len() > MAX_TOKEN_BYTES {
        return Err(VerifyError::TooLarge(token.len()));
    }
    let parts: Vec<&str> = token.split('.').collect();
    let [header_b64, claims_b64, sig_b64] = parts[..] else {
        return Err(VerifyError::Malformed("expected three dot-separated parts"));
    };
    let decode = |part: &str, what: &'static str| {
        Base64UrlUnpadded::decode_vec(part).map_err(|_| VerifyError::Malformed(what))
    };
    let header_bytes = decode(header_b64, "the header is not base64url")?;
    let claims_bytes = decode(claims_b64, "the claims are not base64url")?;
    let signature = decode(sig_b64, "the signature is not base64url")?;

    let header: RawHeader = strict_json(&header_bytes)?;
    let claims: Claims = strict_json(&claims_bytes)?;

    if header.typ != TOKEN_TYP {
        return Err(VerifyError::BadTyp(header.typ));
    }
    let member = |name: &str| header.jwk.get(name).and_then(|v| v.as_str());
    if header.alg != "ES256" || member("kty") != Some("EC") || member("crv") != Some("P-256") {
        return Err(VerifyError::BadAlg(header.alg));
    }
    let jwk = public_jwk(&header.jwk)?;
    let point = curve_point(&jwk)?;

    // Scalars out of range (zero, or not below the group order) are refused here,
    // whichever arithmetic runs next.
    let signature: [u8; 64] = Signature::from_slice(&signature)
        .map_err(|_| VerifyError::BadSignature)?
        .to_bytes()
        .into();
    let signing_input = &token[..header_b64.len() + 1 + claims_b64.len()];
    if !es256.verify(&point, signing_input.as_bytes(), &signature) {
        return Err(VerifyError::BadSignature);
    }

    if claims.v != SCHEMA_VERSION {
        return Err(VerifyError::UnknownVersion(claims.v));
    }
    if !crate::claims::jti_is_well_formed(&claims.jti) {
        return Err(VerifyError::BadJti);
    }
    if claims.aud != expect.aud {
        return Err(VerifyError::WrongAudience);
    }
    if !crate::catalogue::knows(&claims.notice) {
        return Err(VerifyError::NoticeMismatch);
    }
    if claims.flows != claims.choice.flows() {
        return Err(VerifyError::FlowsMismatch);
    }
    Ok(Verified {
        thumbprint: jwk.thumbprint(),
        header_jwk: jwk,
        claims,
    })
}

/// The header's key with exactly the public EC members; a private member (`d`) or
/// anything else is refused.
fn public_jwk(
    members: &serde_json::Map<String, serde_json::Value>,
) -> Result<EcPublicJwk, VerifyError> {
    if members.contains_key("d") {
        return Err(VerifyError::BadKey("it contains a private key"));
    }
    serde_json::from_value(serde_json::Value::Object(members.clone()))
        .map_err(|_| VerifyError::BadKey("only kty, crv, x and y are allowed"))
}

/// The key as an uncompressed SEC1 point, checked to lie on P-256.
fn curve_point(jwk: &EcPublicJwk) -> Result<[u8; 65], VerifyError> {
    let coord = |c: &str| {
        Base64UrlUnpadded::decode_vec(c)
            .ok()
            .filter(|b| b.len() == 32)
            .ok_or(VerifyError::BadKey("x and y must be 32 bytes each"))
    };
    let mut sec1 = [4u8; 65];
    sec1[1..33].copy_from_slice(&coord(&jwk.x)?);
    sec1[33..].copy_from_slice(&coord(&jwk.y)?);
    // Decoding an uncompressed point checks that it lies on the curve.
    VerifyingKey::from_sec1_bytes(&sec1)
        .map_err(|_| VerifyError::BadKey("not a point on P-256"))?;
    Ok(sec1)
}

/// Parses `bytes` as `T`, refusing duplicate keys at any depth: serde rejects them in
/// structs but keeps the last one in maps, and a signed map with two values for one
/// key would mean different things to different parsers.
fn strict_json<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, VerifyError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    NoDuplicates::deserialize(&mut de).map_err(|e| VerifyError::BadJson(e.to_string()))?;
    serde_json::from_slice(bytes).map_err(|e| VerifyError::BadJson(e.to_string()))
}

struct NoDuplicates;

impl<'de> Deserialize<'de> for NoDuplicates {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NoDuplicates)
    }
}

impl<'de> Visitor<'de> for NoDuplicates {
    type Value = NoDuplicates;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_unit<E>(self) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self, A::Error> {
        while seq.next_element::<NoDuplicates>()?.is_some() {}
        Ok(self)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self, A::Error> {
        let mut seen = std::collections::BTreeSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(de::Error::custom(format!("duplicate key {key:?}")));
            }
            map.next_value::<NoDuplicates>()?;
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests;
