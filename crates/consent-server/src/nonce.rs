//! Challenge nonces that cost no write: the nonce carries its own expiry and MACs that
//! bind it to the session, subject and notice it was issued for, so issuing one is
//! computation only. It stays single-use because answering it is recorded in the
//! decision's own transaction (`used_nonces`, swept after the delivery grace).
//!
//! Layout, base64url without padding (87 characters):
//! `version (1) | id (16 random bytes) | expires_at (8, big-endian Unix seconds) |
//! MAC(id, expires_at) (16) | MAC(session) (8) | MAC(subject) (8) | MAC(notice) (8)`.
//! Each binding has a tag of its own, so a refusal can say which one did not match
//! (`wrong-session`, `wrong-subject`, `notice-not-offered`) rather than only "forged".
//! Every tag is HMAC-SHA-256 under a key derived from the installation's subject
//! secret (so instances that share it accept each other's nonces), truncated: forging
//! one takes about 2^64 online attempts against a rate-limited endpoint, for a nonce
//! that then still has to pass every other check.

use crate::subject::SubjectKey;
use base64ct::{Base64UrlUnpadded, Encoding};
use consent_core::NoticeRef;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

const VERSION: u8 = 1;
const ID: usize = 16;
const LEN: usize = 1 + ID + 8 + 16 + 8 + 8 + 8;

/// The key challenges are issued and checked with.
///
/// ```
/// use consent_server::nonce::{Binding, NonceKey};
/// let dir = tempfile::tempdir().unwrap();
/// let subjects = consent_server::subject::SubjectKey::load_or_create(dir.path()).unwrap();
/// let key = NonceKey::derive(&subjects);
/// let notice = consent_core::catalogue::notice("en").reference();
/// let issued_to = Binding { session_id: "s1", sub: "sub-1", notice: &notice };
/// let nonce = key.issue(&issued_to, 1_700_000_000);
/// let opened = key.open(&nonce, &issued_to).unwrap();
/// assert_eq!(opened.expires_at, 1_700_000_000);
/// assert!(opened.session_ok && opened.sub_ok && opened.notice_ok);
/// assert!(key.open("never-issued", &issued_to).is_none());
/// ```
pub struct NonceKey([u8; 32]);

/// What a challenge is issued for, and what a decision claims it was issued for.
pub struct Binding<'a> {
    /// The demo session, or `header:<sub>` (see `crate::identity`).
    pub session_id: &'a str,
    pub sub: &'a str,
    pub notice: &'a NoticeRef,
}

/// A nonce this server issued, and which of a decision's claims match what it was
/// issued for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    /// Its random part, base64url: what `used_nonces` records once it is answered.
    pub id: String,
    /// Unix seconds.
    pub expires_at: u64,
    pub session_ok: bool,
    pub sub_ok: bool,
    pub notice_ok: bool,
}

impl NonceKey {
    /// The nonce key of an installation. Derived from the subject secret rather than
    /// kept in a file of its own; hashed with a label first, because the subject secret
    /// itself keys the HMAC that turns user names into published subject ids.
    pub fn derive(subjects: &SubjectKey) -> NonceKey {
        let mut h = Sha256::new();
        h.update(b"consent-server nonce key v1\0");
        h.update(subjects.secret());
        NonceKey(h.finalize().into())
    }

    /// A fresh nonce for `binding`, valid until `expires_at` (Unix seconds).
    pub fn issue(&self, binding: &Binding, expires_at: u64) -> String {
        use rand::RngCore;
        let mut id = [0u8; ID];
        rand::rngs::OsRng.fill_bytes(&mut id);
        let mut out = Vec::with_capacity(LEN);
        out.push(VERSION);
        out.extend_from_slice(&id);
        out.extend_from_slice(&expires_at.to_be_bytes());
        out.extend_from_slice(&self.tag(b"issued", &id, &expires_at.to_be_bytes())[..16]);
        out.extend_from_slice(&self.tag(b"session", &id, binding.session_id.as_bytes())[..8]);
        out.extend_from_slice(&self.tag(b"subject", &id, binding.sub.as_bytes())[..8]);
        out.extend_from_slice(&self.tag(b"notice", &id, &notice_bytes(binding.notice))[..8]);
        Base64UrlUnpadded::encode_string(&out)
    }

    /// The nonce, if this installation issued it (whatever it was issued for), with
    /// which of `claimed`'s parts match; `None` for anything else.
    pub fn open(&self, nonce: &str, claimed: &Binding) -> Option<Opened> {
        if nonce.len() != Base64UrlUnpadded::encoded_len(&[0u8; LEN]) {
            return None;
        }
        let mut raw = [0u8; LEN];
        let raw = Base64UrlUnpadded::decode(nonce, &mut raw).ok()?;
        if raw.len() != LEN || raw[0] != VERSION {
            return None;
        }
        let (id, rest) = raw[1..].split_at(ID);
        let (expiry, rest) = rest.split_at(8);
        let (issued, rest) = rest.split_at(16);
        let (session, rest) = rest.split_at(8);
        let (subject, notice) = rest.split_at(8);
        self.verify(b"issued", id, expiry, issued).then_some(())?;
        Some(Opened {
            id: Base64UrlUnpadded::encode_string(id),
            expires_at: u64::from_be_bytes(expiry.try_into().ok()?),
            session_ok: self.verify(b"session", id, claimed.session_id.as_bytes(), session),
            sub_ok: self.verify(b"subject", id, claimed.sub.as_bytes(), subject),
            notice_ok: self.verify(b"notice", id, &notice_bytes(claimed.notice), notice),
        })
    }

    fn mac(&self, label: &[u8], id: &[u8], value: &[u8]) -> Hmac<Sha256> {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        // The label and the id have fixed lengths for each label, so only the last
        // part varies in length and no two inputs can run into each other.
        mac.update(label);
        mac.update(&[0]);
        mac.update(id);
        mac.update(value);
        mac
    }

    fn tag(&self, label: &[u8], id: &[u8], value: &[u8]) -> [u8; 32] {
        self.mac(label, id, value).finalize().into_bytes().into()
    }

    /// Compares in constant time (`verify_truncated_left`).
    fn verify(&self, label: &[u8], id: &[u8], value: &[u8], tag: &[u8]) -> bool {
        self.mac(label, id, value)
            .verify_truncated_left(tag)
            .is_ok()
    }
}

/// What makes two notice references equal (`NoticeRef`'s `PartialEq`: id, version,
/// language, digest; the digest covers the link targets already), in one form.
fn notice_bytes(notice: &NoticeRef) -> Vec<u8> {
    serde_json::to_vec(&(&notice.id, notice.ver, &notice.lang, &notice.sha256))
        .expect("strings and numbers always serialise")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> NonceKey {
        NonceKey([byte; 32])
    }

    fn en() -> NoticeRef {
        consent_core::catalogue::notice("en").reference()
    }

    #[test]
    fn each_binding_is_checked_on_its_own() {
        let notice = en();
        let mut other_notice = en();
        other_notice.lang = "nl".into();
        let bound = Binding {
            session_id: "s1",
            sub: "sub-1",
            notice: &notice,
        };
        let nonce = key(1).issue(&bound, 42);
        assert_eq!(nonce.len(), 87);
        let claim = |session_id, sub, notice| {
            let o = key(1)
                .open(
                    &nonce,
                    &Binding {
                        session_id,
                        sub,
                        notice,
                    },
                )
                .unwrap();
            (o.session_ok, o.sub_ok, o.notice_ok, o.expires_at)
        };
        assert_eq!(claim("s1", "sub-1", &notice), (true, true, true, 42));
        assert_eq!(claim("s2", "sub-1", &notice), (false, true, true, 42));
        assert_eq!(claim("s1", "sub-2", &notice), (true, false, true, 42));
        assert_eq!(claim("s1", "sub-1", &other_notice), (true, true, false, 42));
    }

    #[test]
    fn only_this_installations_unaltered_nonces_open() {
        let notice = en();
        let bound = Binding {
            session_id: "s1",
            sub: "sub-1",
            notice: &notice,
        };
        let nonce = key(1).issue(&bound, 42);
        assert!(key(2).open(&nonce, &bound).is_none(), "another key");
        let mut raw = Base64UrlUnpadded::decode_vec(&nonce).unwrap();
        // A later expiry is the forgery that would matter: the MAC covers it.
        raw[1 + ID + 7] ^= 1;
        let longer = Base64UrlUnpadded::encode_string(&raw);
        assert!(key(1).open(&longer, &bound).is_none(), "expiry altered");
        for bad in [
            "",
            "nonce-1",
            &nonce[..86],
            &format!("{nonce}A"),
            "=".repeat(87).as_str(),
        ] {
            assert!(key(1).open(bad, &bound).is_none(), "{bad:?}");
        }
        assert_ne!(key(1).issue(&bound, 42), nonce, "every nonce is new");
    }
}
