//! The widget says what the backend acknowledged, nothing more: a refused decision
//! leaves the choice open again with the reason shown; a busy or timed-out backend
//! gets the same token again until it answers; a challenge for another notice stops
//! the prompt before anyone is asked; and `iat` is on the backend's clock.
#![cfg(target_arch = "wasm32")]

mod common;
use common::fake_backend::fake;
use common::*;
use consent_core::catalogue;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn claims_of(token: &str) -> JsValue {
    let part = token.split('.').nth(1).unwrap();
    let std = part.replace('-', "+").replace('_', "/");
    let padded = format!("{std}{}", "=".repeat((4 - std.len() % 4) % 4));
    let json = web_sys::window().unwrap().atob(&padded).unwrap();
    js_sys::JSON::parse(&json).unwrap()
}

fn message(err: JsValue) -> String {
    String::from(err.unchecked_into::<js_sys::Error>().message())
}

#[wasm_bindgen_test]
async fn a_refused_decision_can_be_answered_again_and_the_user_sees_why() {
    let fake = fake();
    let host = host();
    let decisions = record(&host, "consent:decision");
    let handle = mount_default(&host);
    let pending = open_prompt(&handle, &host).await;
    fake.next_answers.borrow_mut().push((409, None));
    click(&host, "button[data-choice=not_now]");
    let err = JsFuture::from(pending).await.unwrap_err();
    assert!(message(err).contains("already answered"));
    settle().await;

    // Nothing was recorded, and the widget does not claim otherwise.
    let state = handle.state().unwrap();
    assert!(
        get(&state, "decision").is_null(),
        "state() says no decision"
    );
    assert_eq!(get(&state, "upToDate").as_bool(), Some(false));
    wait_until("the reason is shown", || {
        find(&host, "[data-record=not-recorded]").is_some()
    })
    .await;
    // The user reads why in their own words; the host got the backend's (above).
    let reasons = &catalogue::notice("en").status.reasons;
    assert!(text(&host, "[data-record=not-recorded]").contains(reasons.refused));

    // Answered again, on a fresh challenge, and acknowledged this time.
    click(&host, "button[data-action=retry]");
    wait_until("the prompt is open again", || dialog_open(&host)).await;
    settle().await;
    click(&host, "button[data-choice=linkedin_only]");
    wait_for_events(&decisions, 1).await;
    let attempts = fake.attempts.borrow().clone();
    assert_eq!(attempts.len(), 2);
    let nonce = |t: &str| get_str(&claims_of(t), "nonce");
    assert_ne!(
        nonce(&attempts[0]),
        nonce(&attempts[1]),
        "a fresh challenge"
    );
    assert_eq!(
        get_str(&handle.state().unwrap(), "decision"),
        "linkedin_only"
    );
    // prompt() now has a decision that stands.
    let outcome = JsFuture::from(handle.prompt().unwrap()).await.unwrap();
    assert_eq!(get_str(&outcome, "choice"), "linkedin_only");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_busy_or_timed_out_backend_gets_the_same_token_until_it_acknowledges() {
    let fake = fake();
    let host = host();
    let decisions = record(&host, "consent:decision");
    let errors = record(&host, "consent:error");
    let handle = mount_default(&host);
    let pending = open_prompt(&handle, &host).await;
    fake.next_answers
        .borrow_mut()
        .extend([(503, Some(1)), (408, None)]);
    click(&host, "button[data-choice=both_ways]");
    let outcome = JsFuture::from(pending).await.unwrap();
    assert_eq!(get_str(&outcome, "choice"), "both_ways");
    assert_eq!(decisions.count(), 1);
    assert_eq!(errors.count(), 0, "neither answer is a failure");
    let attempts = fake.attempts.borrow().clone();
    assert_eq!(attempts.len(), 3, "503, 408, then recorded");
    assert!(attempts.iter().all(|t| *t == attempts[0]), "the same token");
    assert_eq!(fake.ledger.borrow().len(), 1);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_challenge_for_another_notice_stops_the_prompt_before_anyone_is_asked() {
    let fake = fake();
    *fake.notice_sha256.borrow_mut() = Some("00".repeat(32));
    let host = host();
    let errors = record(&host, "consent:error");
    let opened = record(&host, "consent:open");
    let handle = mount_default(&host);
    let err = JsFuture::from(handle.prompt().unwrap()).await.unwrap_err();
    assert!(message(err).contains("different version of the notice"));
    assert_eq!(get_str(&errors.last(), "code"), "notice-mismatch");
    settle().await;
    assert!(!dialog_open(&host), "the user was not asked");
    assert_eq!(opened.count(), 0);
    assert!(
        fake.attempts.borrow().is_empty(),
        "nothing was signed or sent"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn iat_is_stamped_on_the_backends_clock_not_the_devices() {
    let fake = fake();
    // The device's clock runs two hours ahead of the backend's.
    fake.clock_offset_secs.set(-7200);
    let host = host();
    let decisions = record(&host, "consent:decision");
    let handle = mount_default(&host);
    let _pending = open_prompt(&handle, &host).await;
    click(&host, "button[data-choice=not_now]");
    wait_for_events(&decisions, 1).await;
    let iat = get(&claims_of(&get_str(&decisions.last(), "token")), "iat")
        .as_f64()
        .unwrap();
    let backend_now = js_sys::Date::now() / 1000.0 - 7200.0;
    assert!(
        (backend_now - 120.0..=backend_now + 1.0).contains(&iat),
        "iat {iat} is the backend's time ({backend_now}), not the device's"
    );
    handle.destroy();
}
