//! Turning a choice into a compact JWS with this device's WebCrypto key.

use super::backend::{CallError, Challenge};
use super::vault;
use crate::js;
use consent_core::catalogue::Notice;
use consent_core::jwk::EcPublicJwk;
use consent_core::token::UnsignedToken;
use consent_core::Choice;
use wasm_bindgen::{JsCast, JsValue};

/// This device's signing key for one backend and subject, as `vault.js` keeps it. The
/// private half is an opaque, non-extractable `CryptoKey`.
#[derive(Clone)]
pub struct DeviceKey {
    private_key: JsValue,
    jwk: EcPublicJwk,
}

impl DeviceKey {
    /// Reads `{privateKey, jwk}` member by member, not deserialised with serde: see
    /// `crate::js`.
    fn from_js(key: &JsValue) -> DeviceKey {
        let jwk = js::get(key, "jwk");
        let part = |k: &str| js::get_str(&jwk, k).unwrap_or_default();
        DeviceKey {
            private_key: js::get(key, "privateKey"),
            jwk: EcPublicJwk {
                kty: part("kty"),
                crv: part("crv"),
                x: part("x"),
                y: part("y"),
            },
        }
    }
}

/// A signed decision waiting for the backend.
#[derive(Clone, Debug)]
pub struct Signed {
    pub jti: String,
    /// When the decision was made, on the backend's clock (the token's `iat`): the
    /// outbox re-sends oldest first.
    pub iat: i64,
    pub token: String,
    pub choice: Choice,
}

fn signing_failed(what: &str, e: JsValue) -> CallError {
    let detail = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default();
    CallError::local("signing-failed", format!("{what}: {detail}"))
}

/// This device's key for `sub` at `backend`, made on first use.
pub async fn device_key(backend: &str, sub: &str) -> Result<DeviceKey, CallError> {
    let key = vault::device_key(&format!("{backend}#{sub}"))
        .await
        .map_err(|e| signing_failed("no signing key could be made", e))?;
    Ok(DeviceKey::from_js(&key))
}

/// Signs `choice` made on `notice` against `challenge`, at `iat` on the backend's
/// clock (see `Fresh::iat_now`).
pub async fn sign(
    key: &DeviceKey,
    challenge: &Challenge,
    iat: i64,
    notice: &'static Notice,
    choice: Choice,
) -> Result<Signed, CallError> {
    // 16 random bytes: the fewest a jti may carry (consent_core::claims::MIN_JTI_BYTES).
    let jti = consent_core::token::base64url(&vault::random_bytes(
        consent_core::claims::MIN_JTI_BYTES as u32,
    ));
    let unsigned =
        UnsignedToken::for_decision(key.jwk.clone(), &jti, iat, challenge, notice, choice);
    let signature = vault::sign(&key.private_key, unsigned.signing_input())
        .await
        .map_err(|e| signing_failed("the browser could not sign", e))?;
    let signature = js_sys::Uint8Array::new(&signature).to_vec();
    let token = unsigned
        .finish(&signature)
        .map_err(|e| CallError::local("signing-failed", e.to_string()))?;
    Ok(Signed {
        jti,
        iat,
        token,
        choice,
    })
}
