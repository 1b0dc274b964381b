//! The outbox survives days: decisions made while the backend cannot be reached wait
//! in IndexedDB through a day of page restarts, then each reaches the backend exactly
//! once, in the order they were made, and is reported with a receipt that verifies.
//! The widget's clocks and the fake backend's move together (tests/common/clock.rs),
//! and the fake judges each token by the backend's rules on that clock: `iat` inside
//! its challenge's life, delivered within a week of the challenge's expiry.
#![cfg(target_arch = "wasm32")]

mod common;
use common::clock::FakeClock;
use common::fake_backend::{fake, Mode};
use common::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn jti_of(token: &str) -> String {
    let claims = token.split('.').nth(1).unwrap();
    let json = consent_core::token::base64url_decode(claims).unwrap();
    let claims: serde_json::Value = serde_json::from_slice(&json).unwrap();
    claims["jti"].as_str().unwrap().to_owned()
}

#[wasm_bindgen_test]
async fn decisions_queued_for_a_day_across_restarts_each_arrive_once_with_a_receipt() {
    let fake = fake();
    // Challenges still come, decisions do not get through: the user can decide, and
    // every decision waits.
    fake.set(Mode::DecisionsOffline);
    let clock = FakeClock::install();
    let url = backend_url();
    let json = format!(r#"{{"backendUrl":"{url}"}}"#);
    let choices = ["both_ways", "not_now", "linkedin_only", "both_ways"];
    let mut queued: Vec<String> = Vec::new();
    for choice in choices {
        let host = host();
        let pending = record(&host, "consent:pending");
        let handle = mount_json(&host, &json).unwrap();
        let _prompt = open_prompt(&handle, &host).await;
        click(&host, &format!("button[data-choice={choice}]"));
        let is_new = |detail: &JsValue| {
            let jti = get_str(detail, "jti");
            !jti.is_empty() && !queued.contains(&jti)
        };
        wait_until("the decision is signed and queued", || {
            pending.events.borrow().iter().any(is_new)
        })
        .await;
        let new = pending.events.borrow().iter().find(|d| is_new(d)).cloned();
        let new = new.unwrap();
        assert_eq!(get_str(&new, "choice"), choice);
        queued.push(get_str(&new, "jti"));
        // The page stays open for hours, still trying, then is closed.
        clock.advance_hours(5.0);
        sleep(700).await;
        handle.destroy();
        host.remove();
        clock.advance_hours(1.0);
    }
    assert!(fake.ledger.borrow().is_empty(), "nothing got through");
    let attempts = fake.attempts.borrow().len();
    assert!(
        attempts > queued.len(),
        "each page re-sent what was waiting"
    );

    // A day after the first decision the backend is back; the next page delivers all.
    fake.set(Mode::Up);
    let host = host();
    let decisions = record(&host, "consent:decision");
    let errors = record(&host, "consent:error");
    let handle = mount_json(&host, &json).unwrap();
    wait_for_events(&decisions, queued.len()).await;
    sleep(300).await;
    assert_eq!(errors.count(), 0);
    let reported: Vec<String> = decisions
        .events
        .borrow()
        .iter()
        .map(|d| {
            assert_eq!(
                get_str(d, "receipt.jti"),
                get_str(d, "jti"),
                "with its receipt"
            );
            get_str(d, "jti")
        })
        .collect();
    assert_eq!(reported, queued, "each reported once, in the order made");
    let recorded: Vec<String> = fake.ledger.borrow().iter().map(|t| jti_of(t)).collect();
    assert_eq!(recorded, queued, "each recorded once, in the order made");
    handle.destroy();

    // And once more: nothing is left to send.
    let before = fake.attempts.borrow().len();
    let ready = record(&host, "consent:ready");
    let handle = mount_json(&host, &json).unwrap();
    wait_for_events(&ready, 1).await;
    sleep(300).await;
    assert_eq!(fake.attempts.borrow().len(), before, "the outbox is empty");
    assert_eq!(fake.ledger.borrow().len(), queued.len());
    handle.destroy();
    drop(clock);
}
