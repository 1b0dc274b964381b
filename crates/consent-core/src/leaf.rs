//! The bytes of a ledger leaf. The server hashes them when it appends; a receipt's
//! holder rebuilds them from their own token to check the receipt, so both sides must
//! produce them byte for byte from one definition.

/// The leaf for a decision: a JSON object with the verbatim token, when the server
/// received it (RFC 3339) and the RFC 7638 thumbprint of the signing key, members in
/// this (sorted) order and nothing else, no whitespace.
///
/// ```
/// let leaf = consent_core::leaf::decision("a.b.c", "2026-11-25T12:00:00Z", "thumb");
/// assert_eq!(leaf, r#"{"key_thumbprint":"thumb","received_at":"2026-11-25T12:00:00Z","token":"a.b.c"}"#);
/// ```
pub fn decision(token: &str, received_at: &str, key_thumbprint: &str) -> String {
    let mut out = String::with_capacity(token.len() + 96);
    out.push_str("{\"key_thumbprint\":");
    json_string(&mut out, key_thumbprint);
    out.push_str(",\"received_at\":");
    json_string(&mut out, received_at);
    out.push_str(",\"token\":");
    json_string(&mut out, token);
    out.push('}');
    out
}

/// The leaf for a key change: the subject started signing with another device key.
/// A JSON object with `changed_at` (RFC 3339, when the server saw the first decision
/// signed with the new key), `kind` (`key_change`), the RFC 7638 thumbprints of the
/// old and the new key and the subject, members in this (sorted) order, no
/// whitespace. Its holder rebuilds it from an export line to check its proof.
///
/// ```
/// let leaf = consent_core::leaf::key_change("sub-1", "old", "new", "2026-11-25T12:00:00Z");
/// assert_eq!(
///     leaf,
///     r#"{"changed_at":"2026-11-25T12:00:00Z","kind":"key_change","new_key_thumbprint":"new","old_key_thumbprint":"old","sub":"sub-1"}"#
/// );
/// ```
pub fn key_change(
    sub: &str,
    old_thumbprint: &str,
    new_thumbprint: &str,
    changed_at: &str,
) -> String {
    let mut out = String::with_capacity(160 + sub.len());
    out.push_str("{\"changed_at\":");
    json_string(&mut out, changed_at);
    out.push_str(",\"kind\":\"key_change\",\"new_key_thumbprint\":");
    json_string(&mut out, new_thumbprint);
    out.push_str(",\"old_key_thumbprint\":");
    json_string(&mut out, old_thumbprint);
    out.push_str(",\"sub\":");
    json_string(&mut out, sub);
    out.push('}');
    out
}

/// Appends `s` as a JSON string, escaped exactly as `serde_json` escapes (the ledger's
/// first leaves were written by it): `"`, `\` and control characters only, with the
/// short forms where JSON has them.
pub(crate) fn json_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let b = c as u8;
                out.push_str("\\u00");
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 15) as usize] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_serde_json_for_any_text() {
        let samples = [
            "",
            "plain",
            "quote \" backslash \\ slash /",
            "\n\r\t\u{8}\u{c}\u{0}\u{1f}\u{7f}",
            "ünïcödé ✓ \u{2028} 𝄞",
        ];
        for a in samples {
            for b in samples {
                let ours = decision(a, b, a);
                let theirs = serde_json::json!({"token": a, "received_at": b, "key_thumbprint": a})
                    .to_string();
                assert_eq!(ours, theirs);
                let ours = key_change(a, b, a, b);
                let theirs = serde_json::json!({
                    "changed_at": b, "kind": "key_change", "new_key_thumbprint": a,
                    "old_key_thumbprint": b, "sub": a,
                })
                .to_string();
                assert_eq!(ours, theirs);
            }
        }
    }
}
