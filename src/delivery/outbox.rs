//! The durable outbox: signed decisions stay in IndexedDB until the backend has them,
//! so a closed tab or a dead network loses nothing.

use super::signer::Signed;
use super::vault;
use crate::js;
use consent_core::Choice;
use wasm_bindgen::JsValue;

/// Writes `signed` to the outbox. `false` when the outbox is unavailable (private
/// browsing, storage blocked): delivery still goes on, for as long as the page lives.
pub async fn keep(backend: &str, signed: &Signed) -> bool {
    let entry = js::object(&[
        ("jti", signed.jti.as_str().into()),
        ("token", signed.token.as_str().into()),
        ("choice", signed.choice.as_str().into()),
        ("backend", backend.into()),
        ("queuedAt", js_sys::Date::now().into()),
    ]);
    vault::outbox_put(&entry).await.is_ok()
}

/// Removes an answered decision.
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
        .filter_map(|e| unsent_for(backend, &e))
        .collect()
}

/// The decision in an outbox `entry` if it is for `backend`; an entry this version
/// cannot read is skipped rather than blocking the others.
fn unsent_for(backend: &str, entry: &JsValue) -> Option<Signed> {
    if js::get_str(entry, "backend").as_deref() != Some(backend) {
        return None;
    }
    Some(Signed {
        jti: js::get_str(entry, "jti")?,
        token: js::get_str(entry, "token")?,
        choice: Choice::parse(&js::get_str(entry, "choice")?)?,
    })
}
