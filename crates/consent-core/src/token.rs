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

/// Why a token could not be finished, or a base64url string not decoded.
///
/// ```
/// use consent_core::token::{base64url_decode, TokenError};
/// assert_eq!(base64url_decode("a+b="), Err(TokenError::NotBase64Url));
/// ```
#[derive(Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TokenError {
    /// ES256 signatures are 64 bytes, r||s.
    SignatureLength(usize),
    /// Not unpadded base64url (RFC 4648 section 5, as JWS uses it).
    NotBase64Url,
}

impl std::fmt::Display for TokenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TokenError::SignatureLength(n) => {
                write!(f, "an ES256 signature is 64 bytes (r||s), got {n}")
            }
            TokenError::NotBase64Url => write!(f, "not unpadded base64url"),
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
    /// Serialises the header (`typ`, `alg` ES256, the public `jwk`) and `claims`.
    ///
    /// ```
    /// # use consent_core::{catalogue, claims::Claims, jwk::EcPublicJwk, token::*, Choice};
    /// # let jwk = EcPublicJwk { kty: "EC".into(), crv: "P-256".into(), x: "x".into(), y: "y".into() };
    /// # let claims = Claims::new("j".into(), 0, "n".into(), "a".into(), "s".into(),
    /// #                          catalogue::notice("en"), Choice::NotNow);
    /// let unsigned = UnsignedToken::new(jwk, &claims);
    /// let header = unsigned.signing_input().split('.').next().unwrap();
    /// assert_eq!(
    ///     base64url_decode(header).unwrap(),
    ///     br#"{"typ":"consent-decision+jwt","alg":"ES256","jwk":{"kty":"EC","crv":"P-256","x":"x","y":"y"}}"#
    /// );
    /// ```
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
    ///
    /// ```
    /// # use consent_core::{catalogue, claims::Claims, jwk::EcPublicJwk, token::*, Choice};
    /// # let jwk = EcPublicJwk { kty: "EC".into(), crv: "P-256".into(), x: "x".into(), y: "y".into() };
    /// # let claims = Claims::new("j".into(), 0, "n".into(), "a".into(), "s".into(),
    /// #                          catalogue::notice("en"), Choice::NotNow);
    /// let unsigned = UnsignedToken::new(jwk, &claims);
    /// assert_eq!(unsigned.signing_input().split('.').count(), 2);
    /// ```
    pub fn signing_input(&self) -> &str {
        &self.signing_input
    }

    /// The compact token, given the 64-byte r||s signature over the signing input
    /// (what WebCrypto's ECDSA `sign` returns). Any other length is refused, so a
    /// DER-encoded signature cannot slip into a token.
    ///
    /// ```
    /// # use consent_core::{catalogue, claims::Claims, jwk::EcPublicJwk, token::*, Choice};
    /// # let jwk = EcPublicJwk { kty: "EC".into(), crv: "P-256".into(), x: "x".into(), y: "y".into() };
    /// # let claims = Claims::new("j".into(), 0, "n".into(), "a".into(), "s".into(),
    /// #                          catalogue::notice("en"), Choice::NotNow);
    /// let unsigned = UnsignedToken::new(jwk, &claims);
    /// assert_eq!(unsigned.finish(&[0u8; 70]), Err(TokenError::SignatureLength(70)));
    /// ```
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

/// What a compact token's signature covers: everything before its last dot, the
/// header and the claims. Two tokens with the same signing input carry the same
/// decision even when their signatures differ, as ECDSA's `(r, n-s)` twin does.
///
/// ```
/// use consent_core::token::signing_input;
/// assert_eq!(signing_input("aGVhZA.Y2xhaW1z.c2ln"), Some("aGVhZA.Y2xhaW1z"));
/// assert_eq!(signing_input("no-dots"), None);
/// ```
pub fn signing_input(token: &str) -> Option<&str> {
    token.rsplit_once('.').map(|(input, _)| input)
}

/// base64url without padding, as JWS uses it. The same as [`base64url_encode`].
///
/// ```
/// assert_eq!(consent_core::token::base64url(&[0xfb, 0xff]), "-_8");
/// ```
pub fn base64url(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

/// base64url without padding, as JWS uses it.
///
/// ```
/// assert_eq!(consent_core::token::base64url_encode(b"hi?"), "aGk_");
/// ```
pub fn base64url_encode(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

/// Decodes unpadded base64url strictly: padding, whitespace, the standard alphabet's
/// `+` and `/`, and non-zero trailing bits are all refused, so each byte string has
/// exactly one accepted encoding.
///
/// ```
/// use consent_core::token::base64url_decode;
/// assert_eq!(base64url_decode("aGk_").unwrap(), b"hi?");
/// assert!(base64url_decode("aGk/").is_err());
/// assert!(base64url_decode("aGk_=").is_err());
/// ```
pub fn base64url_decode(s: &str) -> Result<Vec<u8>, TokenError> {
    Base64UrlUnpadded::decode_vec(s).map_err(|_| TokenError::NotBase64Url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{catalogue, Choice};

    fn jwk() -> EcPublicJwk {
        EcPublicJwk {
            kty: "EC".into(),
            crv: "P-256".into(),
            x: "MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4".into(),
            y: "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM".into(),
        }
    }

    fn claims() -> Claims {
        Claims::new(
            "jti".into(),
            1_800_000_000,
            "nonce".into(),
            "aud".into(),
            "sub".into(),
            catalogue::notice("en"),
            Choice::BothWays,
        )
    }

    #[test]
    fn parts_decode_to_exactly_the_header_and_the_claims() {
        let unsigned = UnsignedToken::new(jwk(), &claims());
        let input = unsigned.signing_input().to_owned();
        let (h, c) = input.split_once('.').unwrap();
        let header: serde_json::Value =
            serde_json::from_slice(&base64url_decode(h).unwrap()).unwrap();
        assert_eq!(
            header,
            serde_json::json!({"typ": TOKEN_TYP, "alg": "ES256", "jwk": jwk()})
        );
        let back: Claims = serde_json::from_slice(&base64url_decode(c).unwrap()).unwrap();
        assert_eq!(back, claims());

        let sig: Vec<u8> = (0..64).collect();
        let token = unsigned.finish(&sig).unwrap();
        assert_eq!(token, format!("{input}.{}", base64url_encode(&sig)));
    }

    #[test]
    fn only_raw_64_byte_signatures_finish_a_token() {
        for n in [0, 63, 65, 72] {
            let unsigned = UnsignedToken::new(jwk(), &claims());
            assert_eq!(
                unsigned.finish(&vec![1; n]),
                Err(TokenError::SignatureLength(n))
            );
        }
    }

    #[test]
    fn base64url_is_strict() {
        for bytes in [&b""[..], b"f", b"fo", b"foo", &[0xff, 0xfe, 0xfd, 0xfc]] {
            assert_eq!(base64url_decode(&base64url_encode(bytes)).unwrap(), bytes);
            assert_eq!(base64url(bytes), base64url_encode(bytes));
        }
        // "Zh" decodes like "Zg" if trailing bits are ignored; only "Zg" is canonical.
        for bad in ["Zg==", "Zh", "Z g", "Zg\n", "+/", "Z", "Zm9v\u{e9}"] {
            assert_eq!(
                base64url_decode(bad),
                Err(TokenError::NotBase64Url),
                "{bad:?}"
            );
        }
    }
}
