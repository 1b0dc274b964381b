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
    pub kty: String,
    pub crv: String,
    pub x: String,
    pub y: String,
}

impl EcPublicJwk {
    /// RFC 7638: base64url SHA-256 of the required members in lexicographic order.
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
        // Member values of these key types are base64url or fixed names: no escaping.
        json.push_str(&format!("\"{name}\":\"{value}\""));
    }
    json.push('}');
    Base64UrlUnpadded::encode_string(&Sha256::digest(json.as_bytes()))
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
}
