//! Building a compact JWS decision token. Signing happens outside (WebCrypto in the
//! widget, a native key in tests), so a token is built in two steps.

use crate::catalogue::{Notice, NoticeRef};
use crate::claims::{Claims, SCHEMA_VERSION, TOKEN_TYP};
use crate::jwk::EcPublicJwk;
use crate::leaf::json_string;
use crate::{Category, Challenge, Choice, Direction};
use base64ct::{Base64UrlUnpadded, Encoding};

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
        let parts = ClaimsParts {
            v: claims.v,
            jti: &claims.jti,
            iat: claims.iat,
            nonce: &claims.nonce,
            aud: &claims.aud,
            sub: &claims.sub,
            notice: &claims.notice,
            choice: claims.choice,
        };
        let claims = claims_json(&parts, |out| {
            object(
                out,
                claims.flows.0.iter(),
                |out, (direction, categories)| {
                    json_string(out, direction.as_str());
                    out.push(':');
                    object(out, categories.iter(), |out, (category, on)| {
                        flow(out, *category, *on)
                    });
                },
            )
        });
        UnsignedToken::from_json(&jwk, &claims)
    }

    /// The token for `choice` made on `notice` against `challenge`: exactly
    /// `UnsignedToken::new(jwk, &Claims::new(jti, iat, nonce, aud, sub, notice, choice))`
    /// with the challenge's nonce, audience and subject, written without building the
    /// claims' [`Flows`](crate::Flows) maps. The widget signs this way: the code of
    /// those two maps cost its wasm more than writing the token does.
    ///
    /// ```
    /// # use consent_core::{catalogue, claims::Claims, jwk::EcPublicJwk, token::*, Challenge, Choice};
    /// # let jwk = EcPublicJwk { kty: "EC".into(), crv: "P-256".into(), x: "x".into(), y: "y".into() };
    /// let notice = catalogue::notice("en");
    /// let challenge: Challenge = serde_json::from_value(serde_json::json!({
    ///     "nonce": "n", "sub": "s", "aud": "a", "notice": notice.reference(),
    ///     "policy": "enabled", "issued_at": "", "expires_at": "",
    /// })).unwrap();
    /// let claims = Claims::new("j".into(), 7, "n".into(), "a".into(), "s".into(), notice, Choice::NotNow);
    /// assert_eq!(
    ///     UnsignedToken::for_decision(jwk.clone(), "j", 7, &challenge, notice, Choice::NotNow).signing_input(),
    ///     UnsignedToken::new(jwk, &claims).signing_input(),
    /// );
    /// ```
    pub fn for_decision(
        jwk: EcPublicJwk,
        jti: &str,
        iat: i64,
        challenge: &Challenge,
        notice: &Notice,
        choice: Choice,
    ) -> UnsignedToken {
        let notice = notice.reference();
        let parts = ClaimsParts {
            v: SCHEMA_VERSION,
            jti,
            iat,
            nonce: &challenge.nonce,
            aud: &challenge.aud,
            sub: &challenge.sub,
            notice: &notice,
            choice,
        };
        let claims = claims_json(&parts, |out| {
            // `Choice::flows` in the order its maps keep: directions and categories
            // as their `Ord` sorts them, the order they are declared in.
            object(out, Direction::ALL.iter(), |out, direction| {
                json_string(out, direction.as_str());
                out.push(':');
                let on = choice.allows(*direction);
                let offered = direction.categories();
                let listed = Category::ALL.iter().filter(|c| offered.contains(c));
                object(out, listed, |out, category| flow(out, *category, on));
            })
        });
        UnsignedToken::from_json(&jwk, &claims)
    }

    fn from_json(jwk: &EcPublicJwk, claims: &str) -> UnsignedToken {
        UnsignedToken {
            signing_input: format!(
                "{}.{}",
                Base64UrlUnpadded::encode_string(header_json(jwk).as_bytes()),
                Base64UrlUnpadded::encode_string(claims.as_bytes())
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

// The header and the claims are written by hand, member by member in the order of the
// structs' fields, rather than with serde_json: that is the only JSON the widget writes,
// and serde_json with the Serialize impls it needs cost the widget's wasm 1.8 KB gzip.
// The bytes are signed, so they must stay exactly what `serde_json::to_vec` gives for the
// same structs (the backend reads them with serde); tests::written_as_serde_json_writes
// holds the two equal.

/// The protected header: exactly `typ`, `alg` and the public `jwk`.
fn header_json(jwk: &EcPublicJwk) -> String {
    let mut out = String::with_capacity(160);
    out.push_str("{\"typ\":");
    json_string(&mut out, TOKEN_TYP);
    out.push_str(",\"alg\":\"ES256\",\"jwk\":{\"kty\":");
    json_string(&mut out, &jwk.kty);
    out.push_str(",\"crv\":");
    json_string(&mut out, &jwk.crv);
    out.push_str(",\"x\":");
    json_string(&mut out, &jwk.x);
    out.push_str(",\"y\":");
    json_string(&mut out, &jwk.y);
    out.push_str("}}");
    out
}

/// [`Claims`] but for its flows, borrowed.
struct ClaimsParts<'a> {
    v: u32,
    jti: &'a str,
    iat: i64,
    nonce: &'a str,
    aud: &'a str,
    sub: &'a str,
    notice: &'a NoticeRef,
    choice: Choice,
}

/// The claims, with `flows` writing the `flows` member's value.
fn claims_json(c: &ClaimsParts, flows: impl FnOnce(&mut String)) -> String {
    let mut out = String::with_capacity(512);
    out.push_str("{\"v\":");
    out.push_str(&c.v.to_string());
    out.push_str(",\"jti\":");
    json_string(&mut out, c.jti);
    out.push_str(",\"iat\":");
    out.push_str(&c.iat.to_string());
    out.push_str(",\"nonce\":");
    json_string(&mut out, c.nonce);
    out.push_str(",\"aud\":");
    json_string(&mut out, c.aud);
    out.push_str(",\"sub\":");
    json_string(&mut out, c.sub);
    let n = c.notice;
    out.push_str(",\"notice\":{\"id\":");
    json_string(&mut out, &n.id);
    out.push_str(",\"ver\":");
    out.push_str(&n.ver.to_string());
    out.push_str(",\"lang\":");
    json_string(&mut out, &n.lang);
    out.push_str(",\"sha256\":");
    json_string(&mut out, &n.sha256);
    // Left out when empty, as `skip_serializing_if` does.
    if !n.links.is_empty() {
        out.push_str(",\"links\":");
        object(&mut out, n.links.iter(), |out, (key, href)| {
            json_string(out, key.as_str());
            out.push(':');
            json_string(out, href);
        });
    }
    out.push_str("},\"choice\":");
    json_string(&mut out, c.choice.as_str());
    out.push_str(",\"flows\":");
    flows(&mut out);
    out.push('}');
    out
}

/// One member of a direction's flows: `"category":true`.
fn flow(out: &mut String, category: Category, on: bool) {
    json_string(out, category.as_str());
    out.push_str(if on { ":true" } else { ":false" });
}

/// `{` the members `write` writes for each of `items`, comma-separated `}`.
fn object<T>(out: &mut String, items: impl Iterator<Item = T>, write: impl Fn(&mut String, T)) {
    out.push('{');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        write(out, item);
    }
    out.push('}');
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
    use crate::catalogue::{LinkKey, LinkOverrides};
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

    /// The same structs, serialised with serde as the backend reads them.
    #[derive(serde::Serialize)]
    struct SerdeHeader<'a> {
        typ: &'a str,
        alg: &'a str,
        jwk: &'a EcPublicJwk,
    }

    #[test]
    fn written_as_serde_json_writes() {
        let odd = [
            "",
            "plain",
            "quote \" backslash \\ slash /",
            "\n\r\t\u{8}\u{c}\u{0}\u{1f}\u{7f}",
            "ünïcödé ✓ \u{2028} 𝄞",
        ];
        let overrides = [
            LinkOverrides::new(),
            LinkOverrides::from([(LinkKey::Help, "https://intranet.example/help".to_owned())]),
            LinkKey::ALL
                .into_iter()
                .zip(odd.iter().cycle())
                .map(|(k, s)| (k, format!("https://x.example/{s}")))
                .collect(),
        ];
        for (i, s) in odd.iter().enumerate() {
            let key = EcPublicJwk {
                kty: s.to_string(),
                crv: "P-256".into(),
                x: s.to_string(),
                y: odd[(i + 1) % odd.len()].to_string(),
            };
            let serde = SerdeHeader {
                typ: TOKEN_TYP,
                alg: "ES256",
                jwk: &key,
            };
            assert_eq!(
                header_json(&key).as_bytes(),
                serde_json::to_vec(&serde).unwrap()
            );
            for links in &overrides {
                {
                    let notice = catalogue::notice("en");
                    for choice in [
                        Choice::BothWays,
                        Choice::LinkedinOnly,
                        Choice::NotNow,
                        Choice::Withdraw,
                    ] {
                        for iat in [0, 1_800_000_000, -1, i64::MIN, i64::MAX] {
                            let mut c = Claims::new(
                                s.to_string(),
                                iat,
                                odd[(i + 2) % odd.len()].to_string(),
                                odd[(i + 3) % odd.len()].to_string(),
                                odd[(i + 4) % odd.len()].to_string(),
                                notice,
                                choice,
                            );
                            c.notice.links = links.clone();
                            c.notice.id = s.to_string();
                            c.notice.ver = if iat < 0 { u32::MAX } else { c.notice.ver };
                            c.v = if iat > 0 { u32::MAX } else { c.v };
                            let ours = UnsignedToken::new(key.clone(), &c);
                            let (_, claims) = ours.signing_input().split_once('.').unwrap();
                            assert_eq!(
                                base64url_decode(claims).unwrap(),
                                serde_json::to_vec(&c).unwrap()
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_decision_token_is_the_token_of_its_claims() {
        let odd = ["plain", "quote \" \\ \n\u{1f}", "ünïcödé 𝄞"];
        let own = LinkOverrides::from([
            (LinkKey::Help, "https://intranet.example/help".to_owned()),
            (
                LinkKey::EuTransfer,
                "https://intranet.example/eu".to_owned(),
            ),
        ]);
        let en = catalogue::notice("en");
        let shown = en.with_links(&own).unwrap();
        for notice in [en, &shown] {
            for (i, s) in odd.iter().enumerate() {
                let challenge = Challenge {
                    nonce: s.to_string(),
                    sub: odd[(i + 1) % odd.len()].to_string(),
                    aud: odd[(i + 2) % odd.len()].to_string(),
                    notice: notice.reference(),
                    policy: crate::Policy::Enabled,
                    issued_at: String::new(),
                    expires_at: String::new(),
                    decision: None,
                    text: None,
                };
                for choice in [
                    Choice::BothWays,
                    Choice::LinkedinOnly,
                    Choice::NotNow,
                    Choice::Withdraw,
                ] {
                    for iat in [0, 1_800_000_000, i64::MIN] {
                        let direct =
                            UnsignedToken::for_decision(jwk(), s, iat, &challenge, notice, choice);
                        let claims = Claims::new(
                            s.to_string(),
                            iat,
                            challenge.nonce.clone(),
                            challenge.aud.clone(),
                            challenge.sub.clone(),
                            notice,
                            choice,
                        );
                        assert_eq!(
                            direct.signing_input(),
                            UnsignedToken::new(jwk(), &claims).signing_input()
                        );
                    }
                }
            }
        }
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
