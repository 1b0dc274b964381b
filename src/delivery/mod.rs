//! Turning a choice into a signed decision the backend has acknowledged, losing nothing:
//! the token is written to a durable outbox before it is sent, re-sent with the same
//! `jti` until the backend answers, and removed only once it has.

pub mod backend;
mod vault;

use backend::{CallError, Challenge};
use consent_core::catalogue::Notice;
use consent_core::claims::Claims;
use consent_core::jwk::EcPublicJwk;
use consent_core::token::UnsignedToken;
use consent_core::Choice;
use wasm_bindgen::{JsCast, JsValue};

use crate::js::{self, object};

/// A signed decision waiting for the backend.
#[derive(Clone, Debug)]
pub struct Signed {
    pub jti: String,
    pub token: String,
    pub choice: Choice,
}

fn signing_failed(what: &str, e: JsValue) -> CallError {
    let detail = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default();
    CallError::Rejected {
        code: "signing-failed".into(),
        message: format!("{what}: {detail}"),
        status: 0,
    }
}

/// This device's key for `sub` at `backend`: `{privateKey, jwk, ...}` from `vault.js`.
pub async fn device_key(backend: &str, sub: &str) -> Result<JsValue, CallError> {
    vault::device_key(&format!("{backend}#{sub}"))
        .await
        .map_err(|e| signing_failed("no signing key could be made", e))
}

/// Signs `choice` against `challenge` with `key` (from [`device_key`]).
pub async fn sign(
    key: &JsValue,
    challenge: &Challenge,
    notice: &'static Notice,
    choice: Choice,
) -> Result<Signed, CallError> {
    let jwk_js = js::get(key, "jwk");
    let part = |k: &str| js::get_str(&jwk_js, k).unwrap_or_default();
    let jwk = EcPublicJwk {
        kty: part("kty"),
        crv: part("crv"),
        x: part("x"),
        y: part("y"),
    };
    let jti = consent_core::token::base64url(&vault::random_bytes(16));
    let claims = Claims::new(
        jti.clone(),
        (js_sys::Date::now() / 1000.0) as i64,
        challenge.nonce.clone(),
        challenge.aud.clone(),
        challenge.sub.clone(),
        notice,
        choice,
    );
    let unsigned = UnsignedToken::new(jwk, &claims);
    let private_key = js::get(key, "privateKey");
    let signature = vault::sign(&private_key, unsigned.signing_input())
        .await
        .map_err(|e| signing_failed("the browser could not sign", e))?;
    let signature = js_sys::Uint8Array::new(&signature).to_vec();
    let token = unsigned
        .finish(&signature)
        .map_err(|e| CallError::Rejected {
            code: "signing-failed".into(),
            message: e.to_string(),
            status: 0,
        })?;
    Ok(Signed { jti, token, choice })
}

/// Writes `signed` to the outbox. `false` when the outbox is unavailable (private
/// browsing, storage blocked): delivery still goes on, for as long as the page lives.
pub async fn keep(backend: &str, signed: &Signed) -> bool {
    let entry = object(&[
        ("jti", signed.jti.as_str().into()),
        ("token", signed.token.as_str().into()),
        ("choice", signed.choice.as_str().into()),
        ("backend", backend.into()),
        ("queuedAt", js_sys::Date::now().into()),
    ]);
    vault::outbox_put(&entry).await.is_ok()
}

pub async fn forget(jti: &str) {
    let _ = vault::outbox_delete(jti).await;
}

/// Decisions signed earlier for `backend` and never acknowledged (e.g. the page was
/// closed while offline).
pub async fn unsent(backend: &str) -> Vec<Signed> {
    let Ok(all) = vault::outbox_all().await else {
        return Vec::new();
    };
    js_sys::Array::from(&all)
        .iter()
        .filter(|e| js::get_str(e, "backend").as_deref() == Some(backend))
        .filter_map(|e| {
            Some(Signed {
                jti: js::get_str(&e, "jti")?,
                token: js::get_str(&e, "token")?,
                choice: Choice::parse(&js::get_str(&e, "choice")?)?,
            })
        })
        .collect()
}

/// Waits before retry number `attempt` (0-based): 0.5 s doubling to at most 10 s, so a
/// backend that comes back is reached within seconds without being hammered.
pub async fn backoff(attempt: u32) {
    let ms = (500u32 << attempt.min(5)).min(10_000);
    gloo_timers::future::TimeoutFuture::new(ms).await;
}
