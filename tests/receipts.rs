//! A decision counts as acknowledged only once its receipt proves it is in the ledger:
//! the leaf rebuilt from the token the widget sent, the inclusion proof, and the
//! checkpoint's Ed25519 signature under the ledger key (published by the backend, or
//! pinned by the host's `ledgerKey`). A receipt that fails any check is a refusal the
//! host and the user are told about, and the choice stays open.
#![cfg(target_arch = "wasm32")]

mod common;
use common::fake_backend::{fake, Fake};
use common::fake_ledger::{ed25519_pair, Forgery, ORIGIN};
use common::*;
use consent_core::note::VerifierKey;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn message(err: JsValue) -> String {
    String::from(err.unchecked_into::<js_sys::Error>().message())
}

/// Mounts with extra options (JSON members, without braces), answers the prompt with
/// "LinkedIn data only" and returns what `prompt()` settled with.
async fn decide(
    host: &web_sys::HtmlElement,
    extra: &str,
) -> (
    account_link_consent::ConsentHandle,
    Result<JsValue, JsValue>,
) {
    let json = format!(r#"{{"backendUrl":"{BACKEND}"{extra}}}"#);
    let handle = mount_json(host, &json).unwrap();
    let pending = open_prompt(&handle, host).await;
    click(host, "button[data-choice=linkedin_only]");
    let outcome = JsFuture::from(pending).await;
    (handle, outcome)
}

#[wasm_bindgen_test]
async fn a_receipt_that_verifies_is_reported_with_the_decision() {
    let fake = fake();
    let host = host();
    let decisions = record(&host, "consent:decision");
    let errors = record(&host, "consent:error");
    let (handle, outcome) = decide(&host, "").await;
    let outcome = outcome.expect("acknowledged");
    assert_eq!(get_str(&outcome, "choice"), "linkedin_only");
    assert_eq!(decisions.count(), 1);
    assert_eq!(errors.count(), 0);
    let receipt = get(&decisions.last(), "receipt");
    assert_eq!(get_str(&receipt, "jti"), get_str(&outcome, "jti"));
    assert!(get_str(&receipt, "checkpoint").starts_with(ORIGIN));
    assert_eq!(fake.key_fetches.get(), 1, "the published key was fetched");

    // A second decision in the same mount: the key is not fetched again.
    handle.manage().unwrap();
    wait_until("the manage view is open", || dialog_open(&host)).await;
    settle().await;
    click(&host, "button[data-action=disconnect]");
    wait_for_events(&decisions, 2).await;
    assert_eq!(get_str(&decisions.last(), "choice"), "withdraw");
    assert_eq!(get(&decisions.last(), "receipt.index").as_f64(), Some(1.0));
    assert_eq!(fake.key_fetches.get(), 1, "fetched once per mount");
    assert_eq!(errors.count(), 0);
    handle.destroy();
}

/// Each forgery, and what the user and the host are told.
#[wasm_bindgen_test]
async fn a_forged_receipt_is_not_an_acknowledgement_and_says_why() {
    let cases = [
        (Forgery::LeafHash, "for another token"),
        (Forgery::Proof, "inclusion proof does not lead"),
        (Forgery::OtherKey, "signature does not verify"),
        (Forgery::OtherToken, "for another token"),
    ];
    for (forgery, why) in cases {
        let fake = fake();
        fake.tree.forgery.set(forgery);
        let host = host();
        let decisions = record(&host, "consent:decision");
        let errors = record(&host, "consent:error");
        let (handle, outcome) = decide(&host, "").await;
        let err = message(outcome.expect_err("not acknowledged"));
        assert!(
            err.contains("not recorded") && err.contains(why),
            "{forgery:?}: {err}"
        );
        assert_eq!(decisions.count(), 0, "{forgery:?}");
        assert_eq!(
            get_str(&errors.last(), "code"),
            "receipt-invalid",
            "{forgery:?}"
        );
        assert!(
            get_str(&errors.last(), "message").contains(why),
            "{forgery:?}"
        );
        assert_eq!(fake.ledger.borrow().len(), 1, "the backend did say 201");

        // The state does not claim it, the user sees why and may decide again.
        let state = handle.state().unwrap();
        assert!(get(&state, "decision").is_null(), "{forgery:?}");
        wait_until("the reason is shown", || {
            find(&host, "[data-record=not-recorded]").is_some()
        })
        .await;
        let reasons = &consent_core::catalogue::notice("en").status.reasons;
        assert!(text(&host, "[data-record=not-recorded]").contains(reasons.refused));
        handle.destroy();
        host.remove();
    }
}

/// The token with a receipt that did not verify is not re-sent by later mounts: the
/// user was told it was not recorded and may have decided otherwise since.
#[wasm_bindgen_test]
async fn a_decision_with_a_forged_receipt_is_not_resent_later() {
    let fake = fake();
    fake.tree.forgery.set(Forgery::OtherKey);
    let url = backend_url();
    let host = host();
    let json = format!(r#"{{"backendUrl":"{url}"}}"#);
    let handle = mount_json(&host, &json).unwrap();
    let pending = open_prompt(&handle, &host).await;
    click(&host, "button[data-choice=not_now]");
    assert!(JsFuture::from(pending).await.is_err());
    handle.destroy();
    assert_eq!(fake.attempts.borrow().len(), 1);

    fake.tree.forgery.set(Forgery::None);
    let handle = mount_json(&host, &json).unwrap();
    let ready = record(&host, "consent:ready");
    wait_for_events(&ready, 1).await;
    sleep(200).await;
    assert_eq!(fake.attempts.borrow().len(), 1, "nothing was re-sent");
    handle.destroy();
}

fn vkey_json(key: &VerifierKey) -> String {
    format!(r#","ledgerKey":"{key}""#)
}

#[wasm_bindgen_test]
async fn a_pinned_ledger_key_is_the_only_one_trusted() {
    // Pinned to the key the backend publishes: acknowledged, and nothing is fetched.
    let fake: std::rc::Rc<Fake> = fake();
    let published = fake.tree.verifier_key().await;
    let host = host();
    let (handle, outcome) = decide(&host, &vkey_json(&published)).await;
    assert_eq!(
        get_str(&outcome.expect("acknowledged"), "choice"),
        "linkedin_only"
    );
    assert_eq!(fake.key_fetches.get(), 0, "the pinned key is used as it is");
    handle.destroy();

    // Pinned to another key: the backend's own (published) signature is not enough.
    let fake = common::fake_backend::fake();
    let (_, other) = ed25519_pair().await;
    let pinned = VerifierKey {
        name: ORIGIN.into(),
        key_id: VerifierKey::key_id(ORIGIN, &other),
        public_key: other,
    };
    let host = common::host();
    let errors = record(&host, "consent:error");
    let (handle, outcome) = decide(&host, &vkey_json(&pinned)).await;
    assert!(outcome.is_err());
    assert_eq!(get_str(&errors.last(), "code"), "receipt-invalid");
    assert!(
        get_str(&errors.last(), "message").contains("not signed by the ledger key"),
        "{}",
        get_str(&errors.last(), "message")
    );
    assert_eq!(fake.key_fetches.get(), 0);
    handle.destroy();
}

/// Until the receipt can be checked the decision is not reported, and it stays in the
/// outbox: a page closed meanwhile leaves it to the next mount, which gets the receipt
/// again (`200`, recorded once) and reports it then.
#[wasm_bindgen_test]
async fn a_receipt_that_cannot_be_checked_yet_waits_in_the_outbox() {
    let fake = fake();
    fake.key_unreachable.set(true);
    let url = backend_url();
    let json = format!(r#"{{"backendUrl":"{url}"}}"#);
    let host = host();
    let decisions = record(&host, "consent:decision");
    let handle = mount_json(&host, &json).unwrap();
    let _prompt = open_prompt(&handle, &host).await;
    click(&host, "button[data-choice=both_ways]");
    wait_until("the key was asked for twice", || {
        fake.key_fetches.get() >= 2
    })
    .await;
    assert_eq!(fake.ledger.borrow().len(), 1, "the backend recorded it");
    assert_eq!(decisions.count(), 0, "but nothing proves it yet");
    handle.destroy();

    fake.key_unreachable.set(false);
    let handle = mount_json(&host, &json).unwrap();
    wait_for_events(&decisions, 1).await;
    let d = decisions.last();
    assert_eq!(get_str(&d, "choice"), "both_ways");
    assert_eq!(get_str(&d, "receipt.jti"), get_str(&d, "jti"));
    assert_eq!(fake.ledger.borrow().len(), 1, "recorded once");
    assert_eq!(fake.attempts.borrow().len(), 2, "sent once per mount");
    handle.destroy();
}

/// A backend that publishes no key cannot prove anything: the host hears why.
#[wasm_bindgen_test]
async fn without_a_published_key_no_decision_counts_as_acknowledged() {
    let fake = fake();
    fake.key_missing.set(true);
    let host = host();
    let errors = record(&host, "consent:error");
    let (handle, outcome) = decide(&host, "").await;
    assert!(message(outcome.expect_err("not acknowledged")).contains("ledger key"));
    assert_eq!(get_str(&errors.last(), "code"), "ledger-key-invalid");
    assert!(get(&handle.state().unwrap(), "decision").is_null());
    handle.destroy();
}
