//! The public key carried in a token's header, and its RFC 7638 thumbprint.

use base64ct::{Base64UrlUnpadded, Encoding};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

/// An EC public key as a JWK, with exactly the members a thumbprint covers.
///
/// ```
/// use consent_core::jwk::EcPublicJwk;
/// let k = EcPublicJwk { kty: "EC".into(), crv: "P-256".into(),
///     x: "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU".into(),
///     y: "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0".into() };
/// assert_eq!(k.thumbprint().len(), 43);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EcPublicJwk {
    /// Key type: `"EC"` for the keys this crate signs and accepts.
    pub kty: String,
    /// Curve: `"P-256"`.
    pub crv: String,
    /// The point's x coordinate, 32 bytes big-endian, base64url without padding.
    pub x: String,
    /// The point's y coordinate, 32 bytes big-endian, base64url without padding.
    pub y: String,
}

impl EcPublicJwk {
    /// The RFC 7638 thumbprint: base64url (no padding) of the SHA-256 of
    /// `{"crv":..,"kty":..,"x":..,"y":..}`, the required members in lexicographic
    /// order with no whitespace. The ledger records it to name a key without
    /// storing the key.
    ///
    /// ```
    /// use consent_core::jwk::EcPublicJwk;
    /// let k = EcPublicJwk { kty: "EC".into(), crv: "P-256".into(),
    ///     x: "MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4".into(),
    ///     y: "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM".into() };
    /// assert_eq!(k.thumbprint(), "cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s");
    /// ```
    pub fn thumbprint(&self) -> String {
        thumbprint(&[
            ("crv", &self.crv),
            ("kty", &self.kty),
            ("x", &self.x),
            ("y", &self.y),
        ])
    }
}

/// RFC 7638 over `members`, which must already be the key type's required members in
/// lexicographic order.
pub(crate) fn thumbprint(members: &[(&str, &str)]) -> String {
    let mut json = String::from("{");
    for (i, (name, value)) in members.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        // Well-formed keys never need escaping, but a hostile `crv` could hold a quote:
        // escaped as serde_json escapes, which is what RFC 7638 (via RFC 7159) requires, so such a key
        // still gets a thumbprint no other member list can collide with.
        push_json_string(&mut json, name);
        json.push(':');
        push_json_string(&mut json, value);
    }
    json.push('}');
    Base64UrlUnpadded::encode_string(&Sha256::digest(json.as_bytes()))
}

fn push_json_string(out: &mut String, s: &str) {
    crate::leaf::json_string(out, s);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_7638_example() {
        // RFC 7638 section 3.1, an RSA key.
        let n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        let t = thumbprint(&[("e", "AQAB"), ("kty", "RSA"), ("n", n)]);
        assert_eq!(t, "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }

    #[test]
    fn ec_thumbprint_covers_every_member() {
        let k = EcPublicJwk {
            kty: "EC".into(),
            crv: "P-256".into(),
            x: "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU".into(),
            y: "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0".into(),
        };
        let base = k.thumbprint();
        for edit in 0..4 {
            let mut m = k.clone();
            match edit {
                0 => m.kty.push('x'),
                1 => m.crv.push('x'),
                2 => m.x.push('x'),
                _ => m.y.push('x'),
            }
            assert_ne!(m.thumbprint(), base);
        }
    }

    #[test]
    fn ec_thumbprint_matches_an_independent_computation() {
        // The RFC 7517 appendix A.1 key; the value was computed with Python's hashlib
        // over the canonical JSON written out by hand.
        let k = EcPublicJwk {
            kty: "EC".into(),
            crv: "P-256".into(),
            x: "MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4".into(),
            y: "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM".into(),
        };
        assert_eq!(
            k.thumbprint(),
            "cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s"
        );
    }

    #[test]
    fn member_values_are_escaped_as_json() {
        // A quote or backslash in a value must stay inside its string, or a crafted
        // member could rewrite the canonical JSON that is hashed.
        assert_eq!(
            thumbprint(&[("a", "\"\\")]),
            Base64UrlUnpadded::encode_string(&Sha256::digest(br#"{"a":"\"\\"}"#))
        );
    }
}
