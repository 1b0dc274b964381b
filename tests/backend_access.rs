//! How the widget reaches its backend: headers from the host's `getHeaders` hook on
//! every call (asked again, once, after a `401`), and a backend that cannot be reached
//! at mount reported to the host, with no choice offered that could never be recorded.
#![cfg(target_arch = "wasm32")]

mod common;
use common::fake_backend::{fake, Fake, Mode};
use common::*;
use js_sys::{Promise, Reflect};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A `getHeaders` that resolves to a new bearer token each time (`Bearer 1`,
/// `Bearer 2`, ...), asynchronously as MSAL's token calls do; `calls` counts them.
fn token_hook(calls: Rc<Cell<u32>>) -> Closure<dyn FnMut() -> JsValue> {
    Closure::new(move || {
        calls.set(calls.get() + 1);
        let headers = js_sys::Object::new();
        let token = format!("Bearer {}", calls.get());
        Reflect::set(&headers, &"Authorization".into(), &token.into()).unwrap();
        Promise::resolve(&headers).into()
    })
}

fn mount_with_hook(
    host: &web_sys::HtmlElement,
    hook: &Closure<dyn FnMut() -> JsValue>,
) -> account_link_consent::ConsentHandle {
    let options = options(&format!(r#"{{"backendUrl":"{}"}}"#, backend_url()));
    Reflect::set(&options, &"getHeaders".into(), hook.as_ref()).unwrap();
    account_link_consent::mount(host.clone().unchecked_into(), options.unchecked_into())
        .map_err(JsValue::from)
        .expect("mounts with a getHeaders hook")
}

fn requests_to(fake: &Fake, path: &str) -> Vec<Option<String>> {
    fake.requests
        .borrow()
        .iter()
        .filter(|(p, _)| p == path)
        .map(|(_, auth)| auth.clone())
        .collect()
}

#[wasm_bindgen_test]
async fn the_headers_hook_is_asked_before_every_call() {
    let fake = fake();
    let calls = Rc::new(Cell::new(0));
    let hook = token_hook(calls.clone());
    let host = host();
    let decisions = record(&host, "consent:decision");
    let handle = mount_with_hook(&host, &hook);
    let pending = open_prompt(&handle, &host).await;
    click(&host, "button[data-choice=both_ways]");
    JsFuture::from(pending).await.unwrap();
    wait_for_events(&decisions, 1).await;
    // The next challenge is fetched after each decision.
    wait_until("the next challenge was asked for", || {
        fake.challenges.get() >= 2
    })
    .await;
    settle().await;

    let requests = fake.requests.borrow().clone();
    assert!(requests.len() >= 3, "{requests:?}");
    assert_eq!(
        calls.get() as usize,
        requests.len(),
        "asked once per call: {requests:?}"
    );
    let mut tokens: Vec<String> = requests
        .iter()
        .map(|(path, auth)| {
            auth.clone()
                .unwrap_or_else(|| panic!("{path} had no token"))
        })
        .collect();
    tokens.sort();
    tokens.dedup();
    assert_eq!(tokens.len(), requests.len(), "a fresh token each time");
    assert_eq!(requests_to(&fake, "v1/decisions").len(), 1);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn after_a_401_the_hook_is_asked_again_and_the_call_tried_once_more() {
    let fake = fake();
    // The first token has expired; the second is good.
    *fake.requires_auth.borrow_mut() = Some("Bearer 2".into());
    let calls = Rc::new(Cell::new(0));
    let hook = token_hook(calls.clone());
    let host = host();
    let errors = record(&host, "consent:error");
    let handle = mount_with_hook(&host, &hook);
    let pending = open_prompt(&handle, &host).await;
    assert_eq!(
        requests_to(&fake, "v1/challenge"),
        [Some("Bearer 1".into()), Some("Bearer 2".into())]
    );
    assert_eq!(errors.count(), 0, "a renewed token is no error");

    // Now no token the host can get is accepted: one retry, then a refusal.
    *fake.requires_auth.borrow_mut() = Some("never".into());
    click(&host, "button[data-choice=not_now]");
    let err = JsFuture::from(pending).await.unwrap_err();
    let message = String::from(err.unchecked_into::<js_sys::Error>().message());
    assert!(message.contains("expired"), "{message}");
    assert_eq!(get_str(&errors.last(), "code"), "no-session");
    let sent = requests_to(&fake, "v1/decisions");
    assert_eq!(sent.len(), 2, "tried once more, not again: {sent:?}");
    assert_ne!(sent[0], sent[1], "with fresh headers");
    assert!(fake.ledger.borrow().is_empty());
    handle.destroy();
}

#[wasm_bindgen_test]
async fn an_unreachable_backend_at_mount_is_an_error_and_offers_no_choice() {
    // As a backend that is down, or that does not allow this page's origin (a CORS
    // refusal rejects fetch exactly like a network error).
    let fake = fake();
    fake.set(Mode::Offline);
    let host = host();
    let errors = record(&host, "consent:error");
    let ready = record(&host, "consent:ready");
    let handle = mount_default(&host);
    let outcome = JsFuture::from(handle.prompt().unwrap()).await;
    let err = outcome.expect_err("prompt() rejects: nothing chosen could be recorded");
    let message = String::from(err.unchecked_into::<js_sys::Error>().message());
    assert!(message.contains("cannot be reached"), "{message}");

    assert_eq!(errors.count(), 1);
    assert_eq!(get_str(&errors.last(), "code"), "unreachable");
    let said = get_str(&errors.last(), "message");
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    for cause in ["network", "allowed origins", origin.as_str()] {
        assert!(said.contains(cause), "names {cause:?}: {said}");
    }
    assert_eq!(
        ready.count(),
        1,
        "the host still learns the widget has settled"
    );
    assert!(!dialog_open(&host));
    assert!(find(&host, "button[data-choice]").is_none());

    // manage() would offer Disconnect: it too waits for the backend, and says why not.
    handle.manage().unwrap();
    wait_for_events(&errors, 2).await;
    settle().await;
    assert!(!dialog_open(&host));
    assert!(
        fake.attempts.borrow().is_empty(),
        "nothing was signed or sent"
    );

    // Once the backend can be reached, the next prompt() asks again and opens.
    fake.set(Mode::Up);
    let pending = open_prompt(&handle, &host).await;
    click(&host, "button[data-choice=linkedin_only]");
    let outcome = JsFuture::from(pending).await.unwrap();
    assert_eq!(get_str(&outcome, "choice"), "linkedin_only");
    assert_eq!(fake.ledger.borrow().len(), 1);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_hook_that_returns_no_headers_object_is_a_clear_error() {
    let fake = fake();
    let hook: Closure<dyn FnMut() -> JsValue> =
        Closure::new(|| options(r#"{"Authorization": 42}"#));
    let host = host();
    let errors = record(&host, "consent:error");
    let handle = mount_with_hook(&host, &hook);
    let err = JsFuture::from(handle.prompt().unwrap()).await.unwrap_err();
    let message = String::from(err.unchecked_into::<js_sys::Error>().message());
    assert!(message.contains("getHeaders()"), "{message}");
    assert_eq!(get_str(&errors.last(), "code"), "bad-headers");
    assert!(get_str(&errors.last(), "message").contains("\"Authorization\""));
    assert!(
        fake.requests.borrow().is_empty(),
        "nothing sent without its headers"
    );
    assert!(!dialog_open(&host));
    handle.destroy();
}
