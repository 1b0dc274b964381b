//! Checking the backend's receipt before a decision counts as acknowledged: a `201`
//! is only the backend's word, a receipt that verifies is proof. The leaf is rebuilt
//! from the token this widget sent, the inclusion proof walked to the checkpoint's
//! root and the checkpoint's Ed25519 signature checked under the ledger key, which
//! is the host's `ledgerKey` option when given, else the one the backend publishes
//! at `.well-known/consent-ledger-key` (fetched once per mount).
//!
//! Everything but the Ed25519 arithmetic is `consent_core::Receipt::check`, the code
//! the server's own tests run; the signature is WebCrypto's (`js/ledger.js`).

use super::backend::{Api, CallError};
use super::retry;
use super::signer::Signed;
use crate::js;
use consent_core::note::VerifierKey;
use consent_core::Receipt;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/ledger.js")]
extern "C" {
    /// Owned bytes, so JS gets copies: views into wasm memory would not survive the
    /// `await`s inside.
    #[wasm_bindgen(js_name = verifyEd25519, catch)]
    async fn verify_ed25519(
        public_key: Vec<u8>,
        signature: Vec<u8>,
        message: Vec<u8>,
    ) -> Result<JsValue, JsValue>;
}

/// The key checkpoints must be signed with.
///
/// ```text
/// let key = LedgerKey::new(api.clone(), options.ledger_key);
/// receipt::verify(&receipt, &signed, &key.get().await?).await?;
/// ```
pub struct LedgerKey {
    api: Api,
    /// The host's `ledgerKey`: when set, the only key trusted, and nothing is fetched.
    pinned: Option<VerifierKey>,
    /// The published key, once fetched: every later receipt of this mount uses it.
    fetched: RefCell<Option<VerifierKey>>,
}

impl LedgerKey {
    pub fn new(api: Api, pinned: Option<VerifierKey>) -> LedgerKey {
        LedgerKey {
            api,
            pinned,
            fetched: RefCell::default(),
        }
    }

    /// The ledger key: the pinned one, or the published one, fetched on first need and
    /// asked again (with backoff) while the backend cannot be reached. Two receipts
    /// arriving together before the first fetch ends may fetch it twice; sharing one
    /// fetch (`futures::future::Shared`) cost more wasm than that second request is
    /// worth.
    pub async fn get(&self) -> Result<VerifierKey, CallError> {
        if let Some(key) = self.pinned.as_ref().or(self.fetched.borrow().as_ref()) {
            return Ok(key.clone());
        }
        let key = retry::until_answered(|| published(&self.api), |_, _| {}).await?;
        *self.fetched.borrow_mut() = Some(key.clone());
        Ok(key)
    }
}

/// The key the backend publishes (`{origin, public_key, vkey}`): its `vkey` is read,
/// whose key id is checked against its key.
async fn published(api: &Api) -> Result<VerifierKey, CallError> {
    let unusable = |why: String| {
        CallError::local(
            "ledger-key-invalid",
            format!(
                "the ledger key the backend publishes at {}.well-known/consent-ledger-key \
                 cannot be used: {why}",
                api.url
            ),
        )
    };
    // A refusal (a backend that publishes no key answers 404) is the key's problem,
    // not the decision's; a network error stays transient and is tried again.
    let json = api
        .get(".well-known/consent-ledger-key")
        .await
        .map_err(|e| match e {
            CallError::Rejected { message, .. } => unusable(message),
            transient => transient,
        })?;
    let vkey = js::get_str(&json, "vkey").unwrap_or_default();
    VerifierKey::parse(&vkey).map_err(|e| unusable(e.to_string()))
}

/// Checks that `receipt` proves `signed` is in the ledger whose checkpoints `key`
/// signs; a `receipt-invalid` refusal saying which check failed otherwise.
pub async fn verify(
    receipt: &JsValue,
    signed: &Signed,
    key: &VerifierKey,
) -> Result<(), CallError> {
    let receipt = from_js(receipt)?;
    if receipt.jti != signed.jti {
        return Err(invalid("it is for another decision".into()));
    }
    let to_check = receipt
        .check(&signed.token, key)
        .map_err(|e| invalid(e.to_string()))?;
    let verified = verify_ed25519(
        to_check.public_key.to_vec(),
        to_check.signature.to_vec(),
        to_check.message,
    )
    .await
    .map_err(|e| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        invalid(format!(
            "this browser cannot check Ed25519 signatures ({why})"
        ))
    })?;
    if verified.as_bool() != Some(true) {
        return Err(invalid(
            "the checkpoint's signature does not verify under the ledger key".into(),
        ));
    }
    Ok(())
}

fn invalid(why: String) -> CallError {
    CallError::local(
        "receipt-invalid",
        format!("the backend's receipt does not prove the decision was recorded: {why}"),
    )
}

/// Reads the backend's receipt member by member (see `crate::js` for why not serde).
fn from_js(json: &JsValue) -> Result<Receipt, CallError> {
    let field = |k: &str| js::get_str(json, k).ok_or_else(|| invalid(format!("it has no `{k}`")));
    let index = js::get(json, "index")
        .as_f64()
        .filter(|i| i.fract() == 0.0 && (0.0..=9_007_199_254_740_991.0).contains(i))
        .ok_or_else(|| invalid("it has no leaf `index`".into()))? as u64;
    let proof = js::get(json, "inclusion_proof");
    if !js_sys::Array::is_array(&proof) {
        return Err(invalid("it has no `inclusion_proof`".into()));
    }
    let inclusion_proof = js_sys::Array::from(&proof)
        .iter()
        .map(|h| h.as_string())
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| invalid("its inclusion proof holds something other than hashes".into()))?;
    Ok(Receipt {
        jti: field("jti")?,
        index,
        received_at: field("received_at")?,
        key_thumbprint: field("key_thumbprint")?,
        leaf_hash: field("leaf_hash")?,
        inclusion_proof,
        checkpoint: field("checkpoint")?,
    })
}
