//! Decisions are signed with a WebCrypto key kept in IndexedDB, queued durably, and
//! reported only once the backend has acknowledged them.
#![cfg(target_arch = "wasm32")]

mod common;
use common::fake_backend::{fake, Mode};
use common::*;
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn b64url_decode(s: &str) -> Vec<u8> {
    let std = s.replace('-', "+").replace('_', "/");
    let padded = format!("{std}{}", "=".repeat((4 - std.len() % 4) % 4));
    let bin = web_sys::window().unwrap().atob(&padded).unwrap();
    bin.chars().map(|c| c as u8).collect()
}

fn json_part(token: &str, i: usize) -> JsValue {
    let part = token.split('.').nth(i).unwrap();
    js_sys::JSON::parse(&String::from_utf8(b64url_decode(part)).unwrap()).unwrap()
}

/// Verifies the token's signature with WebCrypto and the key in its own header.
async fn signature_valid(token: &str) -> bool {
    let subtle = web_sys::window().unwrap().crypto().unwrap().subtle();
    let jwk = get(&json_part(token, 0), "jwk");
    let alg = Object::new();
    Reflect::set(&alg, &"name".into(), &"ECDSA".into()).unwrap();
    Reflect::set(&alg, &"namedCurve".into(), &"P-256".into()).unwrap();
    Reflect::set(&alg, &"hash".into(), &"SHA-256".into()).unwrap();
    let usages = js_sys::Array::of1(&"verify".into());
    let key = JsFuture::from(
        subtle
            .import_key_with_object("jwk", jwk.unchecked_ref(), &alg, true, &usages)
            .unwrap(),
    )
    .await
    .unwrap();
    let (input, sig) = token.rsplit_once('.').unwrap();
    let sig = Uint8Array::from(b64url_decode(sig).as_slice());
    let data = Uint8Array::from(input.as_bytes());
    JsFuture::from(
        subtle
            .verify_with_object_and_buffer_source_and_buffer_source(
                &alg,
                key.unchecked_ref(),
                &sig,
                &data,
            )
            .unwrap(),
    )
    .await
    .unwrap()
    .as_bool()
    .unwrap()
}

#[wasm_bindgen_test]
async fn a_choice_becomes_a_token_signed_by_a_webcrypto_key() {
    let fake = fake();
    let host = host();
    let decisions = record(&host, "consent:decision");
    let handle = mount_default(&host);
    let _pending = open_prompt(&handle, &host).await;
    click(&host, "button[data-choice=linkedin_only]");
    wait_for_events(&decisions, 1).await;

    let token = fake.ledger.borrow()[0].clone();
    assert_eq!(get_str(&decisions.last(), "token"), token);
    assert_eq!(get(&decisions.last(), "receipt.index").as_f64(), Some(0.0));
    let header = json_part(&token, 0);
    assert_eq!(get_str(&header, "typ"), "consent-decision+jwt");
    assert_eq!(get_str(&header, "alg"), "ES256");
    assert_eq!(
        Object::keys(header.unchecked_ref::<Object>()).length(),
        3,
        "typ, alg, jwk and nothing else"
    );
    assert!(
        get(&header, "jwk.d").is_undefined(),
        "no private key in the header"
    );
    let claims = json_part(&token, 1);
    assert_eq!(get_str(&claims, "choice"), "linkedin_only");
    assert_eq!(get_str(&claims, "nonce"), "nonce-1-abcdefghijklmnop");
    assert_eq!(get_str(&claims, "sub"), "sub-demo-1");
    assert_eq!(get_str(&claims, "aud"), "https://consent.example.test");
    assert_eq!(get_str(&claims, "jti"), get_str(&decisions.last(), "jti"));
    assert!(
        get_str(&claims, "jti").len() >= 22,
        "at least 128 random bits"
    );
    assert_eq!(
        get(&claims, "flows.microsoft_to_linkedin.contacts").as_bool(),
        Some(false)
    );
    assert_eq!(
        get_str(&claims, "notice.sha256"),
        consent_core::catalogue::notice("en").reference().sha256
    );
    assert!(signature_valid(&token).await, "the signature verifies");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_key_survives_a_remount() {
    let fake = fake();
    let url = backend_url();
    let mut keys = Vec::new();
    for _ in 0..2 {
        let host = host();
        let decisions = record(&host, "consent:decision");
        let handle = mount_json(&host, &format!(r#"{{"backendUrl":"{url}"}}"#)).unwrap();
        let _pending = open_prompt(&handle, &host).await;
        click(&host, "button[data-choice=not_now]");
        wait_for_events(&decisions, 1).await;
        let token = get_str(&decisions.last(), "token");
        keys.push(get_str(&get(&json_part(&token, 0), "jwk"), "x"));
        handle.destroy();
        host.remove();
    }
    assert_eq!(keys[0], keys[1], "the same device key signs both decisions");
    assert_eq!(fake.ledger.borrow().len(), 2);
}

#[wasm_bindgen_test]
async fn offline_decisions_are_queued_and_resent_with_the_same_jti() {
    let fake = fake();
    let host = host();
    let decisions = record(&host, "consent:decision");
    let pending_events = record(&host, "consent:pending");
    let handle = mount_default(&host);
    let pending = open_prompt(&handle, &host).await;
    fake.set(Mode::Offline);
    click(&host, "button[data-choice=both_ways]");
    wait_for_events(&pending_events, 1).await;
    assert_eq!(
        decisions.count(),
        0,
        "not reported before the backend has it"
    );
    fake.set(Mode::Failing);
    wait_until("a 503 was answered too", || {
        fake.attempts.borrow().len() >= 2
    })
    .await;
    fake.set(Mode::Up);
    let outcome = JsFuture::from(pending).await.unwrap();
    assert_eq!(get_str(&outcome, "choice"), "both_ways");
    assert_eq!(decisions.count(), 1);
    let attempts = fake.attempts.borrow().clone();
    assert!(attempts.len() >= 3);
    assert!(
        attempts.iter().all(|t| *t == attempts[0]),
        "the very same token each time"
    );
    assert_eq!(fake.ledger.borrow().len(), 1, "recorded once");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_outbox_is_flushed_on_the_next_mount() {
    let fake = fake();
    let url = backend_url();
    let first_host = host();
    let pending_events = record(&first_host, "consent:pending");
    let first = mount_json(&first_host, &format!(r#"{{"backendUrl":"{url}"}}"#)).unwrap();
    let _pending = open_prompt(&first, &first_host).await;
    fake.set(Mode::Offline);
    click(&first_host, "button[data-choice=linkedin_only]");
    wait_for_events(&pending_events, 1).await;
    first.destroy(); // as if the tab were closed while offline
    let queued = fake.attempts.borrow()[0].clone();

    fake.set(Mode::Up);
    let host = host();
    let decisions = record(&host, "consent:decision");
    let second = mount_json(&host, &format!(r#"{{"backendUrl":"{url}"}}"#)).unwrap();
    wait_for_events(&decisions, 1).await;
    assert_eq!(get_str(&decisions.last(), "choice"), "linkedin_only");
    assert_eq!(
        fake.ledger.borrow().clone(),
        vec![queued],
        "the queued token, delivered once"
    );
    second.destroy();
}

#[wasm_bindgen_test]
async fn an_acknowledged_decision_leaves_nothing_to_resend() {
    // The outbox write and the first send run together; the entry must still be
    // gone once the backend has answered, or the next page would send it again.
    let fake = fake();
    let url = backend_url();
    let first_host = host();
    let decisions = record(&first_host, "consent:decision");
    let first = mount_json(&first_host, &format!(r#"{{"backendUrl":"{url}"}}"#)).unwrap();
    let _pending = open_prompt(&first, &first_host).await;
    click(&first_host, "button[data-choice=both_ways]");
    wait_for_events(&decisions, 1).await;
    first.destroy();

    let second = mount_json(&host(), &format!(r#"{{"backendUrl":"{url}"}}"#)).unwrap();
    settle().await;
    sleep(300).await;
    assert_eq!(fake.attempts.borrow().len(), 1, "sent once, never again");
    second.destroy();
}

#[wasm_bindgen_test]
async fn a_refusal_reaches_the_host_as_consent_error() {
    let fake = fake();
    let host = host();
    let errors = record(&host, "consent:error");
    let handle = mount_default(&host);
    let pending = open_prompt(&handle, &host).await;
    fake.set(Mode::Refusing);
    click(&host, "button[data-choice=not_now]");
    let err = JsFuture::from(pending).await.unwrap_err();
    assert!(
        String::from(err.unchecked_into::<js_sys::Error>().message()).contains("already answered")
    );
    assert_eq!(errors.count(), 1);
    assert_eq!(get_str(&errors.last(), "code"), "nonce-replayed");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_backends_policy_overrides_the_hosts() {
    let fake = fake();
    *fake.policy.borrow_mut() = "not_in_group".into();
    let host = host();
    let handle = mount_default(&host);
    let outcome = JsFuture::from(handle.prompt().unwrap()).await.unwrap();
    assert_eq!(get_str(&outcome, "status"), "unavailable");
    assert_eq!(get_str(&outcome, "reason"), "not_in_group");
    assert!(!dialog_open(&host));
    handle.destroy();
}
