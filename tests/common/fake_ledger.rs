//! The fake backend's ledger: a real RFC 9162 tree over the leaves it records and
//! checkpoints signed with an Ed25519 key made by WebCrypto, so the receipts it hands
//! out are as checkable as the real backend's; and ways to forge them, one flaw at a
//! time, to see the widget refuse each.

use base64ct::{Base64, Encoding};
use consent_core::jwk::EcPublicJwk;
use consent_core::merkle::{self, Hash};
use consent_core::note::{Checkpoint, VerifierKey};
use consent_core::token::base64url_decode;
use std::cell::{Cell, RefCell};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::CryptoKey;

/// The name the fake ledger signs its checkpoints under.
pub const ORIGIN: &str = "consent.example.test/ledger";

/// What is wrong with the receipts handed out, from the next one on.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Forgery {
    #[default]
    None,
    /// The receipt names a leaf hash other than the one recorded.
    LeafHash,
    /// One hash of the inclusion proof is wrong.
    Proof,
    /// The checkpoint is signed under the published key's name and id, by another key.
    OtherKey,
    /// A genuine receipt, for another token recorded just before this one.
    OtherToken,
}

/// One leaf: the token and what the server adds to it.
struct Entry {
    token: String,
    received_at: String,
    thumbprint: String,
}

impl Entry {
    fn hash(&self) -> Hash {
        let leaf = consent_core::leaf::decision(&self.token, &self.received_at, &self.thumbprint);
        merkle::leaf_hash(leaf.as_bytes())
    }
}

/// Signing keys: the published one, and another that must never be trusted.
struct Keys {
    published: CryptoKey,
    other: CryptoKey,
    verifier: VerifierKey,
}

#[derive(Default)]
pub struct FakeLedger {
    entries: RefCell<Vec<Entry>>,
    keys: RefCell<Option<std::rc::Rc<Keys>>>,
    pub forgery: Cell<Forgery>,
}

impl FakeLedger {
    /// Empties the tree (the keys stay: one published key per test binary).
    pub fn reset(&self) {
        self.entries.borrow_mut().clear();
        self.forgery.set(Forgery::None);
    }

    /// The published verifier key, made on first use.
    pub async fn verifier_key(&self) -> VerifierKey {
        self.keys().await.verifier.clone()
    }

    /// The body of `GET /.well-known/consent-ledger-key`, as the backend writes it.
    pub async fn published_key_json(&self) -> String {
        let key = self.verifier_key().await;
        format!(
            r#"{{"algorithm":"Ed25519","origin":"{}","public_key":"{}","vkey":"{key}"}}"#,
            key.name,
            Base64::encode_string(&key.public_key)
        )
    }

    /// Appends `token`, received at `received_at`; returns its index.
    pub fn append(&self, token: &str, received_at: String) -> usize {
        let mut entries = self.entries.borrow_mut();
        entries.push(Entry {
            token: token.to_owned(),
            received_at,
            thumbprint: thumbprint(token),
        });
        entries.len() - 1
    }

    /// Where `token` is in the tree, if it was recorded.
    pub fn position(&self, token: &str) -> Option<usize> {
        self.entries.borrow().iter().position(|e| e.token == token)
    }

    /// The receipt (JSON) for the leaf at `index`, against the tree as it is now, as
    /// the backend sends it, with the current forgery applied.
    pub async fn receipt(&self, jti: &str, index: usize) -> String {
        let forgery = self.forgery.get();
        let index = if forgery == Forgery::OtherToken {
            // A real decision recorded just before, whose receipt is handed out instead.
            let decoy = format!("{}.decoy", self.entries.borrow()[index].token);
            let at = self.entries.borrow()[index].received_at.clone();
            self.append(&decoy, at)
        } else {
            index
        };
        let (leaves, received_at, thumbprint) = {
            let entries = self.entries.borrow();
            let leaves: Vec<Hash> = entries.iter().map(Entry::hash).collect();
            let e = &entries[index];
            (leaves, e.received_at.clone(), e.thumbprint.clone())
        };
        let mut leaf_hash = leaves[index];
        let mut proof = merkle::inclusion_proof(index, &leaves);
        match forgery {
            Forgery::LeafHash => leaf_hash[0] ^= 1,
            Forgery::Proof if proof.is_empty() => proof.push([7; 32]),
            Forgery::Proof => proof[0][0] ^= 1,
            _ => {}
        }
        let keys = self.keys().await;
        let body = Checkpoint {
            origin: ORIGIN.into(),
            size: leaves.len() as u64,
            root: merkle::root(&leaves),
        }
        .body();
        let signer = match forgery {
            Forgery::OtherKey => &keys.other,
            _ => &keys.published,
        };
        let mut signature = keys.verifier.key_id.to_vec();
        signature.extend(sign(signer, body.as_bytes()).await);
        let checkpoint = format!(
            "{body}\n\u{2014} {ORIGIN} {}\n",
            Base64::encode_string(&signature)
        );
        serde_json::json!({
            "jti": jti,
            "index": index,
            "received_at": received_at,
            "key_thumbprint": thumbprint,
            "leaf_hash": Base64::encode_string(&leaf_hash),
            "inclusion_proof": proof.iter().map(|h| Base64::encode_string(h)).collect::<Vec<_>>(),
            "checkpoint": checkpoint,
        })
        .to_string()
    }

    async fn keys(&self) -> std::rc::Rc<Keys> {
        if let Some(keys) = self.keys.borrow().clone() {
            return keys;
        }
        let (published, public_key) = ed25519_pair().await;
        let (other, _) = ed25519_pair().await;
        let keys = std::rc::Rc::new(Keys {
            published,
            other,
            verifier: VerifierKey {
                name: ORIGIN.into(),
                key_id: VerifierKey::key_id(ORIGIN, &public_key),
                public_key,
            },
        });
        // Another request may have made keys meanwhile: the first ones stay.
        self.keys.borrow_mut().get_or_insert(keys).clone()
    }
}

/// A fresh Ed25519 pair from WebCrypto: the private key and the raw public key.
pub async fn ed25519_pair() -> (CryptoKey, [u8; 32]) {
    let subtle = web_sys::window().unwrap().crypto().unwrap().subtle();
    let usages = js_sys::Array::of2(&"sign".into(), &"verify".into());
    let pair = JsFuture::from(
        subtle
            .generate_key_with_str("Ed25519", true, &usages)
            .unwrap(),
    )
    .await
    .expect("this browser makes Ed25519 keys");
    let get = |k: &str| js_sys::Reflect::get(&pair, &k.into()).unwrap();
    let public: CryptoKey = get("publicKey").unchecked_into();
    let raw = JsFuture::from(subtle.export_key("raw", &public).unwrap())
        .await
        .unwrap();
    let raw = js_sys::Uint8Array::new(&raw).to_vec();
    (get("privateKey").unchecked_into(), raw.try_into().unwrap())
}

async fn sign(key: &CryptoKey, message: &[u8]) -> Vec<u8> {
    let subtle = web_sys::window().unwrap().crypto().unwrap().subtle();
    let data = js_sys::Uint8Array::from(message);
    let sig: JsValue = JsFuture::from(
        subtle
            .sign_with_str_and_js_u8_array("Ed25519", key, &data)
            .unwrap(),
    )
    .await
    .unwrap();
    js_sys::Uint8Array::new(&sig).to_vec()
}

/// The RFC 7638 thumbprint of the key in a token's header; empty for a token that has
/// none (the fake records whatever it is sent).
fn thumbprint(token: &str) -> String {
    let header = token
        .split('.')
        .next()
        .and_then(|h| base64url_decode(h).ok())
        .and_then(|h| serde_json::from_slice::<serde_json::Value>(&h).ok());
    let jwk = header.as_ref().map(|h| &h["jwk"]);
    let part = |k: &str| {
        jwk.and_then(|j| j[k].as_str())
            .unwrap_or_default()
            .to_owned()
    };
    EcPublicJwk {
        kty: part("kty"),
        crv: part("crv"),
        x: part("x"),
        y: part("y"),
    }
    .thumbprint()
}
