//! `preloadChallenge()`: a page asks for the first challenge before the wasm is loaded,
//! and the widget mounted afterwards answers it instead of asking again, but only for
//! exactly the request it would have sent, and only once.
#![cfg(target_arch = "wasm32")]

mod common;
use account_link_consent::mount;
use common::fake_backend::fake;
use common::*;
use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/js/preload.js")]
extern "C" {
    #[wasm_bindgen(js_name = preloadChallenge, catch)]
    fn preload_challenge(options: &JsValue) -> Result<Promise, JsValue>;
}

/// Preloads for `json` (mount's options) and waits until the answer is there.
async fn preload(json: &str) {
    let settled = preload_challenge(&options(json)).expect("preloadChallenge accepts the options");
    JsFuture::from(settled).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_widget_answers_the_preloaded_challenge_without_asking_again() {
    let fake = fake();
    let json = format!(r#"{{"backendUrl":"{}"}}"#, backend_url());
    preload(&json).await;
    assert_eq!(fake.challenges.get(), 1, "the preload asked once");

    let host = host();
    let decisions = record(&host, "consent:decision");
    let handle = mount_json(&host, &json).unwrap();
    let _pending = open_prompt(&handle, &host).await;
    assert_eq!(
        fake.challenges.get(),
        1,
        "the prompt opened on the preloaded challenge"
    );
    assert!(text(&host, "#alc-title").contains("LinkedIn"));

    click(&host, "button[data-choice=not_now]");
    wait_for_events(&decisions, 1).await;
    assert_eq!(
        fake.ledger.borrow().len(),
        1,
        "the decision on the preloaded nonce was recorded"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_preload_with_the_hosts_language_and_links_is_taken_too() {
    let fake = fake();
    let json = format!(
        r#"{{"backendUrl":"{}","lang":"nl-BE","links":{{"help":"https://intranet.contoso.example/linkedin"}}}}"#,
        backend_url()
    );
    preload(&json).await;
    let host = host();
    let handle = mount_json(&host, &json).unwrap();
    let _pending = open_prompt(&handle, &host).await;
    assert_eq!(fake.challenges.get(), 1);
    assert!(
        find(&host, "a[href='https://intranet.contoso.example/linkedin']").is_some(),
        "the host's link is shown"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_preload_for_another_request_is_left_alone() {
    let fake = fake();
    let url = backend_url();
    preload(&format!(r#"{{"backendUrl":"{url}","lang":"de"}}"#)).await;

    let host = host();
    let handle = mount_json(&host, &format!(r#"{{"backendUrl":"{url}","lang":"fr"}}"#)).unwrap();
    let _pending = open_prompt(&handle, &host).await;
    assert_eq!(fake.challenges.get(), 2, "the widget asked for its own");
    assert!(
        fake.last_request.borrow().contains("\"fr\""),
        "in its own language"
    );
    let shown = find(&host, ".frame").and_then(|f| f.get_attribute("lang"));
    assert_eq!(
        shown.as_deref(),
        Some("fr"),
        "and shows it, not the preloaded German"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_preloaded_challenge_serves_one_widget_only() {
    let fake = fake();
    let json = format!(r#"{{"backendUrl":"{}"}}"#, backend_url());
    preload(&json).await;
    let (first, second) = (host(), host());
    let a = mount_json(&first, &json).unwrap();
    let _a = open_prompt(&a, &first).await;
    let b = mount_json(&second, &json).unwrap();
    let _b = open_prompt(&b, &second).await;
    assert_eq!(
        fake.challenges.get(),
        2,
        "a nonce is single-use: the second widget asked for its own"
    );
    a.destroy();
    b.destroy();
}

#[wasm_bindgen_test]
async fn a_preload_that_got_no_answer_is_asked_again_at_once() {
    let fake = fake();
    fake.set(common::fake_backend::Mode::Offline);
    let json = format!(r#"{{"backendUrl":"{}"}}"#, backend_url());
    preload(&json).await;
    fake.set(common::fake_backend::Mode::Up);

    let host = host();
    let errors = record(&host, "consent:error");
    let handle = mount_json(&host, &json).unwrap();
    let _pending = open_prompt(&handle, &host).await;
    assert!(dialog_open(&host));
    assert_eq!(
        fake.challenges.get(),
        1,
        "the widget's own request was answered"
    );
    assert_eq!(
        errors.count(),
        0,
        "nothing went wrong that a user would see"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_preload_whose_get_headers_threw_is_reported_as_get_headers_failing() {
    let fake = fake();
    let url = backend_url();
    let throwing = js_sys::Function::new_no_args("throw new Error('no token yet')");
    let opts = options(&format!(r#"{{"backendUrl":"{url}"}}"#));
    js_sys::Reflect::set(&opts, &"getHeaders".into(), &throwing).unwrap();
    JsFuture::from(preload_challenge(&opts).unwrap())
        .await
        .unwrap();
    assert_eq!(fake.challenges.get(), 0, "nothing was sent");

    let host = host();
    let errors = record(&host, "consent:error");
    let handle = mount(host.clone().unchecked_into(), opts.unchecked_into()).unwrap();
    wait_for_events(&errors, 1).await;
    let message = js_sys::Reflect::get(&errors.last(), &"message".into())
        .unwrap()
        .as_string()
        .unwrap_or_default();
    assert!(
        message.contains("getHeaders() failed: no token yet"),
        "the host is told what failed, not that the backend is unreachable: {message}"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
fn preload_without_a_backend_url_throws_a_type_error() {
    let err = preload_challenge(&options(r#"{"lang":"en"}"#)).unwrap_err();
    let err: js_sys::Error = err.unchecked_into();
    assert_eq!(err.name(), "TypeError");
    assert!(String::from(err.message()).contains("backendUrl"));
}
