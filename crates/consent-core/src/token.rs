//! Building a compact JWS decision token. Signing happens outside (WebCrypto in the
//! widget, a native key in tests), so a token is built in two steps.

use crate::claims::{Claims, TOKEN_TYP};
use crate::jwk::EcPublicJwk;
use base64ct::{Base64UrlUnpadded, Encoding};
use serde::Serialize;

/// The protected header: exactly `typ`, `alg` and the public `jwk`.
#[derive(Serialize)]
struct Header<'a> {
    typ: &'a str,
    alg: &'a str,
    jwk: &'a EcPublicJwk,
}

/// Why a token could not be finished.
#[derive(Debug, PartialEq, Eq)]
pub enum TokenError {
    /// ES256 signatures are 64 bytes, r||s.
    SignatureLength(usize),
}

impl std::fmt::Display for TokenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TokenError::SignatureLength(n) => {
                write!(f, "an ES256 signature is 64 bytes (r||s), got {n}")
            }
        }
    }
}

impl std::error::Error for TokenError {}

/// A token waiting for its signature.
///
/// ```
/// use consent_core::{catalogue, claims::Claims, jwk::EcPublicJwk, token::UnsignedToken, Choice};
/// let jwk = EcPublicJwk { kty: "EC".into(), crv: "P-256".into(), x: "x".into(), y: "y".into() };
/// let claims = Claims::new("j".into(), 0, "n".into(), "a".into(), "s".into(),
///                          catalogue::notice("en"), Choice::NotNow);
/// let unsigned = UnsignedToken::new(jwk, &claims);
/// let signature = [0u8; 64]; // sign unsigned.signing_input() with the key
/// let token = unsigned.finish(&signature).unwrap();
/// assert_eq!(token.split('.').count(), 3);
/// ```
pub struct UnsignedToken {
    signing_input: String,
}

impl UnsignedToken {
    pub fn new(jwk: EcPublicJwk, claims: &Claims) -> UnsignedToken {
        let header = Header {
            typ: TOKEN_TYP,
            alg: "ES256",
            jwk: &jwk,
        };
        // Serialising these plain structs cannot fail.
        let header = serde_json::to_vec(&header).unwrap_or_default();
        let claims = serde_json::to_vec(claims).unwrap_or_default();
        UnsignedToken {
            signing_input: format!(
                "{}.{}",
                Base64UrlUnpadded::encode_string(&header),
                Base64UrlUnpadded::encode_string(&claims)
            ),
        }
    }

    /// The bytes to sign: `base64url(header) "." base64url(claims)`.
    pub fn signing_input(&self) -> &str {
        &self.signing_input
    }

    /// The compact token, given the 64-byte r||s signature over the signing input.
    pub fn finish(self, signature: &[u8]) -> Result<String, TokenError> {
        if signature.len() != 64 {
            return Err(TokenError::SignatureLength(signature.len()));
        }
        Ok(format!(
            "{}.{}",
            self.signing_input,
            Base64UrlUnpadded::encode_string(signature)
        ))
    }
}

/// base64url without padding, as JWS uses it.
pub fn base64url(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}
