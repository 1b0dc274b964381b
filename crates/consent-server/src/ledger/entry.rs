//! Reading a ledger leaf back. The leaf is the evidence (it is what the tree hashes),
//! so what the server tells a host about a decision or a key change, and what the
//! start-up audit compares the rows with, comes from here rather than from the rows.

use consent_core::token::base64url_decode;
use serde::Deserialize;

/// What a leaf records.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    Decision(DecisionEntry),
    KeyChange(KeyChangeEntry),
    /// A leaf of another shape (written before its format was fixed, or synthetic):
    /// it is hashed and proved like any other, but says nothing this server reads.
    Other,
}

/// A decision leaf (`consent_core::leaf::decision`) and what its token claims.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionEntry {
    pub token: String,
    pub received_at: String,
    pub key_thumbprint: String,
    pub jti: String,
    pub sub: String,
    pub choice: String,
    pub notice: serde_json::Value,
}

/// A key-change leaf (`consent_core::leaf::key_change`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyChangeEntry {
    pub changed_at: String,
    pub kind: String,
    pub new_key_thumbprint: String,
    pub old_key_thumbprint: String,
    pub sub: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DecisionLeaf {
    key_thumbprint: String,
    received_at: String,
    token: String,
}

/// The claims a reader needs; the token passed every check before it was appended,
/// so the rest is not looked at again here.
#[derive(Deserialize)]
struct Said {
    jti: String,
    sub: String,
    choice: String,
    notice: serde_json::Value,
}

/// Reads `leaf`. A decision leaf whose token cannot be read is an error: the server
/// never appends one.
///
/// ```
/// use consent_server::ledger::entry::{parse, Entry};
/// assert_eq!(parse(r#"{"old":1}"#).unwrap(), Entry::Other);
/// ```
pub fn parse(leaf: &str) -> Result<Entry, String> {
    let Ok(d) = serde_json::from_str::<DecisionLeaf>(leaf) else {
        return Ok(match serde_json::from_str::<KeyChangeEntry>(leaf) {
            Ok(k) if k.kind == "key_change" => Entry::KeyChange(k),
            _ => Entry::Other,
        });
    };
    let claims = d
        .token
        .split('.')
        .nth(1)
        .and_then(|part| base64url_decode(part).ok())
        .and_then(|json| serde_json::from_slice::<Said>(&json).ok())
        .ok_or("its token's claims cannot be read")?;
    Ok(Entry::Decision(DecisionEntry {
        token: d.token,
        received_at: d.received_at,
        key_thumbprint: d.key_thumbprint,
        jti: claims.jti,
        sub: claims.sub,
        choice: claims.choice,
        notice: claims.notice,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decision_leaf_gives_its_claims() {
        let claims = r#"{"jti":"j","sub":"s","choice":"withdraw","notice":{"id":"n"},"v":1}"#;
        let token = format!(
            "e30.{}.c2ln",
            consent_core::token::base64url(claims.as_bytes())
        );
        let leaf = consent_core::leaf::decision(&token, "2026-01-01T00:00:00Z", "k");
        let Entry::Decision(d) = parse(&leaf).unwrap() else {
            panic!("a decision")
        };
        assert_eq!((d.jti.as_str(), d.sub.as_str()), ("j", "s"));
        assert_eq!(d.choice, "withdraw");
        assert_eq!(d.notice, serde_json::json!({"id": "n"}));
        assert_eq!(d.token, token);
    }

    #[test]
    fn a_key_change_leaf_reads_back() {
        let leaf = consent_core::leaf::key_change("s", "old", "new", "2026-01-01T00:00:00Z");
        let Entry::KeyChange(k) = parse(&leaf).unwrap() else {
            panic!("a key change")
        };
        assert_eq!(
            (k.old_key_thumbprint.as_str(), k.new_key_thumbprint.as_str()),
            ("old", "new")
        );
        assert_eq!(
            (k.sub.as_str(), k.changed_at.as_str()),
            ("s", "2026-01-01T00:00:00Z")
        );
    }

    #[test]
    fn a_decision_leaf_with_an_unreadable_token_is_an_error() {
        let leaf = consent_core::leaf::decision("a.b.c", "2026-01-01T00:00:00Z", "k");
        assert!(parse(&leaf).is_err());
    }
}
