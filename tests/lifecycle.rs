//! Mounting, destroying, remounting, and the declarative custom element.
#![cfg(target_arch = "wasm32")]

mod common;
use common::*;
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn destroy_removes_everything_and_the_element_can_be_mounted_again() {
    let host = host();
    let decisions = record(&host, "consent:decision");
    let first = mount_default(&host);
    let pending = open_prompt(&first, &host).await;
    assert!(dialog_open(&host));
    assert!(
        mount_json(&host, &format!(r#"{{"backendUrl":"{BACKEND}"}}"#)).is_err(),
        "one widget per element"
    );

    first.destroy();
    first.destroy();
    settle().await;
    assert_eq!(shadow(&host).child_element_count(), 0, "no DOM left");
    assert_eq!(
        shadow(&host).adopted_style_sheets().length(),
        0,
        "no stylesheet left"
    );
    let rejected = JsFuture::from(pending).await.unwrap_err();
    assert!(rejected
        .unchecked_into::<js_sys::Error>()
        .message()
        .as_string()
        .unwrap()
        .contains("destroyed"));
    assert!(first.prompt().is_err() && first.state().is_err() && first.manage().is_err());

    let second = mount_default(&host);
    let _pending = open_prompt(&second, &host).await;
    assert_eq!(find_all(&host, "dialog").len(), 1);
    click(&host, "button[data-choice=both_ways]");
    wait_for_events(&decisions, 1).await;
    sleep(100).await;
    assert_eq!(
        decisions.count(),
        1,
        "the destroyed widget no longer reports anything"
    );
    second.destroy();
}

#[wasm_bindgen_test]
async fn a_listener_may_destroy_the_widget_from_inside_an_event() {
    let host = host();
    let handle = std::rc::Rc::new(mount_default(&host));
    let h = handle.clone();
    let on = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || h.destroy());
    host.add_event_listener_with_callback("consent:decision", on.as_ref().unchecked_ref())
        .unwrap();
    let pending = open_prompt(&handle, &host).await;
    click(&host, "button[data-choice=not_now]");
    settle().await;
    let outcome = JsFuture::from(pending)
        .await
        .expect("resolved, not rejected");
    assert_eq!(get_str(&outcome, "choice"), "not_now");
    assert_eq!(shadow(&host).child_element_count(), 0);
}

fn call(el: &HtmlElement, method: &str) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = Reflect::get(el, &method.into())?.dyn_into()?;
    f.call0(el)
}

#[wasm_bindgen_test]
async fn the_custom_element_maps_attributes_to_options() {
    let el = consent_element();
    el.set_attribute("link-help", "https://help.example.test/")
        .unwrap();
    el.set_attribute("lang", "en-GB").unwrap();
    let decisions = record(&el, "consent:decision");
    document().body().unwrap().append_child(&el).unwrap();
    let pending: js_sys::Promise = call(&el, "prompt").unwrap().unchecked_into();
    wait_until("the prompt is open", || dialog_open(&el)).await;
    settle().await;
    assert_eq!(
        find(&el, ".links a[data-link=help]")
            .and_then(|a| a.get_attribute("href"))
            .as_deref(),
        Some("https://help.example.test/"),
        "link-help replaces the default target"
    );
    click(&el, "button[data-choice=linkedin_only]");
    settle().await;
    assert_eq!(
        get_str(&JsFuture::from(pending).await.unwrap(), "choice"),
        "linkedin_only"
    );
    assert_eq!(decisions.count(), 1);
    // Removing the element destroys the widget.
    el.remove();
    assert_eq!(shadow(&el).child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn the_custom_element_reports_bad_attributes_as_consent_error() {
    let el = consent_element();
    el.set_attribute("link-help", "http://help.example.test/")
        .unwrap();
    let errors = record(&el, "consent:error");
    document().body().unwrap().append_child(&el).unwrap();
    assert_eq!(errors.count(), 1);
    assert!(get_str(&errors.last(), "message").contains("links.help"));
    let thrown = call(&el, "prompt").unwrap_err();
    assert!(thrown
        .unchecked_into::<js_sys::Error>()
        .message()
        .as_string()
        .unwrap()
        .contains("not mounted"));
    // Fixing the attribute mounts it.
    el.set_attribute("link-help", "https://help.example.test/")
        .unwrap();
    assert!(call(&el, "state").is_ok());
    el.remove();
}

#[wasm_bindgen_test]
async fn an_attribute_change_waits_for_the_open_dialog_and_its_promise() {
    let el = consent_element();
    el.set_attribute("lang", "en-GB").unwrap();
    let errors = record(&el, "consent:error");
    document().body().unwrap().append_child(&el).unwrap();
    let pending: js_sys::Promise = call(&el, "prompt").unwrap().unchecked_into();
    wait_until("the prompt is open", || dialog_open(&el)).await;
    settle().await;
    let shown = find(&el, "dialog").unwrap();
    let help = |el: &HtmlElement| {
        find(el, ".links a[data-link=help]").and_then(|a| a.get_attribute("href"))
    };
    let default_help = help(&el);

    el.set_attribute("link-help", "https://help.example.test/")
        .unwrap();
    settle().await;
    assert!(dialog_open(&el), "the user is still reading");
    assert!(
        find(&el, "dialog").is_some_and(|d| d.is_same_node(Some(&shown))),
        "the same dialog, not a new one"
    );
    assert_eq!(
        help(&el),
        default_help,
        "what the user reads does not change under them"
    );

    click(&el, "button[data-choice=linkedin_only]");
    let outcome = JsFuture::from(pending)
        .await
        .expect("not rejected by a remount");
    assert_eq!(get_str(&outcome, "choice"), "linkedin_only");
    settle().await;

    // Idle now: the new attribute has taken effect.
    let again: js_sys::Promise = call(&el, "prompt").unwrap().unchecked_into();
    wait_until("the prompt is open again", || dialog_open(&el)).await;
    settle().await;
    assert_eq!(help(&el).as_deref(), Some("https://help.example.test/"));
    assert_eq!(errors.count(), 0, "setting lang on itself is no error");
    el.remove();
    assert!(
        JsFuture::from(again).await.is_err(),
        "removed before a choice"
    );
}

/// A fresh `<account-link-consent>`, not yet in the page, pointed at the fake backend.
fn consent_element() -> HtmlElement {
    account_link_consent::define_element();
    let el: HtmlElement = document()
        .create_element("account-link-consent")
        .unwrap()
        .unchecked_into();
    el.set_attribute("backend-url", &backend_url()).unwrap();
    el
}
