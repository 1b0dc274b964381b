//! The durable outbox: signed decisions stay in IndexedDB until the backend has them,
//! so a closed tab or a dead network loses nothing.

use super::clock;
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
        ("queuedAt", clock::wall_ms().into()),
    ]);
    vault::outbox_put(&entry).await.is_ok()
}

/// Removes an answered decision.
pub async fn forget(jti: &str) {
    let _ = vault::outbox_delete(jti).await;
}

/// Decisions signed earlier for `backend` and never acknowledged (e.g. the page was
/// closed while offline), oldest first.
///
/// The order matters: the backend takes the latest decision by ledger order, and
/// IndexedDB hands entries back in key (`jti`, random) order, so a user who decided
/// twice while offline would otherwise get either choice. Oldest is by `iat`, which
/// is on the backend's clock (a device clock set back between two pages would
/// reorder `queuedAt`), then by `queuedAt`.
pub async fn unsent(backend: &str) -> Vec<Signed> {
    let Ok(all) = vault::outbox_all().await else {
        return Vec::new();
    };
    let mut unsent: Vec<(f64, f64, Signed)> = js_sys::Array::from(&all)
        .iter()
        .filter_map(|e| {
            let signed = unsent_for(backend, &e)?;
            let queued_at = js::get(&e, "queuedAt").as_f64().unwrap_or_default();
            Some((iat(&signed.token), queued_at, signed))
        })
        .collect();
    unsent.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    unsent.into_iter().map(|(_, _, signed)| signed).collect()
}

/// A token's `iat`; 0 for one that cannot be read (it goes first, and the backend
/// judges it).
fn iat(token: &str) -> f64 {
    token
        .split('.')
        .nth(1)
        .and_then(|claims| consent_core::token::base64url_decode(claims).ok())
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .and_then(|claims| js::get(&claims, "iat").as_f64())
        .unwrap_or_default()
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
