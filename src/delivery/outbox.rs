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
        ("iat", (signed.iat as f64).into()),
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
/// reorder `queuedAt`), then by `queuedAt`; entries from before `iat` was kept
/// count as 0 and go first. A few entries at most: an insertion, not a sort, whose
/// code costs the wasm more.
pub async fn unsent(backend: &str) -> Vec<Signed> {
    let Ok(all) = vault::outbox_all().await else {
        return Vec::new();
    };
    let mut unsent: Vec<((i64, f64), Signed)> = Vec::new();
    for entry in js_sys::Array::from(&all).iter() {
        let Some(signed) = unsent_for(backend, &entry) else {
            continue;
        };
        let queued_at = js::get(&entry, "queuedAt").as_f64().unwrap_or_default();
        let at = (signed.iat, queued_at);
        let place = unsent
            .iter()
            .position(|(t, _)| at < *t)
            .unwrap_or(unsent.len());
        unsent.insert(place, (at, signed));
    }
    unsent.into_iter().map(|(_, signed)| signed).collect()
}

/// The decision in an outbox `entry` if it is for `backend`; an entry this version
/// cannot read is skipped rather than blocking the others.
fn unsent_for(backend: &str, entry: &JsValue) -> Option<Signed> {
    if js::get_str(entry, "backend").as_deref() != Some(backend) {
        return None;
    }
    Some(Signed {
        jti: js::get_str(entry, "jti")?,
        iat: js::get(entry, "iat").as_f64().unwrap_or_default() as i64,
        token: js::get_str(entry, "token")?,
        choice: Choice::parse(&js::get_str(entry, "choice")?)?,
    })
}
