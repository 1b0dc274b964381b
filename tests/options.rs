//! Bad options fail loudly, naming the field, and never panic.
#![cfg(target_arch = "wasm32")]

mod common;
use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn error_for(json: &str) -> String {
    let host = host();
    let err = mount_json(&host, json)
        .err()
        .unwrap_or_else(|| panic!("{json} was accepted"));
    assert!(
        !host.has_attribute("data-consent-mounted"),
        "nothing mounted on error"
    );
    host.remove();
    err
}

#[wasm_bindgen_test]
fn each_invalid_option_names_its_field() {
    let cases = [
        (r#"{}"#, "backendUrl"),
        (r#"{"backendUrl": 42}"#, "backendUrl"),
        (
            r#"{"backendUrl": "ftp://files.example.test/"}"#,
            "backendUrl",
        ),
        (r#"{"backendUrl": "javascript:alert(1)"}"#, "backendUrl"),
        (
            r#"{"backendUrl": "http://consent.example.test/"}"#,
            "backendUrl",
        ),
        (
            r#"{"backendUrl": "https://a.test/", "colour": "red"}"#,
            "colour",
        ),
        (
            r#"{"backendUrl": "https://a.test/", "policy": "sometimes"}"#,
            "policy",
        ),
        (
            r#"{"backendUrl": "https://a.test/", "decision": "maybe"}"#,
            "decision",
        ),
        (r#"{"backendUrl": "https://a.test/", "lang": 7}"#, "lang"),
        (
            r#"{"backendUrl": "https://a.test/", "getHeaders": {"Authorization": "Bearer x"}}"#,
            "getHeaders",
        ),
        (
            r#"{"backendUrl": "https://a.test/", "lang": "<script>"}"#,
            "lang",
        ),
        (
            r#"{"backendUrl": "https://a.test/", "ledgerKey": "consent.example/ledger"}"#,
            "ledgerKey",
        ),
        (
            // A key id that does not match the key.
            r#"{"backendUrl": "https://a.test/", "ledgerKey": "log+00000000+AQcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH"}"#,
            "ledgerKey",
        ),
        (
            r#"{"backendUrl": "https://a.test/", "ledgerKey": {"vkey": "x"}}"#,
            "ledgerKey",
        ),
        (
            r#"{"backendUrl": "https://a.test/", "links": {"help": "http://help.example.test/"}}"#,
            "links.help",
        ),
        (
            r#"{"backendUrl": "https://a.test/", "links": {"linkedinHelp": "http://localhost/help"}}"#,
            "links.linkedinHelp",
        ),
        (
            r#"{"backendUrl": "https://a.test/", "links": {"removeContacts": "data:text/html,hi"}}"#,
            "links.removeContacts",
        ),
        (
            r#"{"backendUrl": "https://a.test/", "links": {"helpp": "https://a.test/"}}"#,
            "helpp",
        ),
        (
            r#"{"backendUrl": "https://a.test/", "links": "https://a.test/"}"#,
            "links",
        ),
    ];
    for (json, field) in cases {
        let message = error_for(json);
        assert!(
            message.contains(field),
            "{json}: {message:?} does not name {field}"
        );
        assert!(message.starts_with("invalid consent options"), "{message}");
    }
}

#[wasm_bindgen_test]
fn the_value_given_is_quoted_in_the_message_and_escaped() {
    let cases = [
        (
            r#"{"backendUrl": "https://a.test/", "policy": "sometimes"}"#,
            r#"policy: unknown variant "sometimes", expected"#,
        ),
        // A quote and a line break in what the host gave stay visible, escaped as JSON is.
        (
            r#"{"backendUrl": "https://a.test/", "lang": "en\"\nUS"}"#,
            r#"lang: "en\"\nUS" is not a language tag"#,
        ),
        (
            r#"{"backendUrl": "https://a.test/", "links": {"help": "http://help.example.test/"}}"#,
            r#"links.help: "http://help.example.test/" must be an https: URL"#,
        ),
    ];
    for (json, expected) in cases {
        let message = error_for(json);
        assert!(
            message.contains(expected),
            "{json}: {message:?} lacks {expected:?}"
        );
    }
}

#[wasm_bindgen_test]
fn non_objects_and_non_elements_are_refused_clearly() {
    let host = host();
    for bad in [
        wasm_bindgen::JsValue::UNDEFINED,
        wasm_bindgen::JsValue::NULL,
        "https://a.test/".into(),
    ] {
        let err = account_link_consent::mount(host.clone().unchecked_into(), bad.unchecked_into())
            .err()
            .unwrap();
        let msg: String = wasm_bindgen::JsValue::from(err)
            .unchecked_into::<js_sys::Error>()
            .message()
            .into();
        assert!(msg.contains("backendUrl"), "{msg}");
    }
    let err = account_link_consent::mount(
        wasm_bindgen::JsValue::from_str("#host").unchecked_into(),
        options(r#"{"backendUrl":"https://a.test/"}"#).unchecked_into(),
    )
    .err()
    .unwrap();
    let msg: String = wasm_bindgen::JsValue::from(err)
        .unchecked_into::<js_sys::Error>()
        .message()
        .into();
    assert!(msg.contains("HTMLElement"), "{msg}");
}

#[wasm_bindgen_test]
fn every_documented_option_is_accepted() {
    let host = host();
    let pk = [7u8; 32];
    let ledger_key = consent_core::note::VerifierKey {
        name: "a.test/ledger".into(),
        key_id: consent_core::note::VerifierKey::key_id("a.test/ledger", &pk),
        public_key: pk,
    };
    let json = r#"{"backendUrl":"https://a.test/","lang":"en-US","policy":"enabled","decision":null,
            "links":{"microsoftPrivacy":"https://a.test/1","linkedinPrivacy":"https://a.test/2",
                     "euTransfer":"https://a.test/3","help":"https://a.test/4","removeContacts":"https://a.test/5",
                     "profileVisibility":"https://a.test/6","linkedinHelp":"https://a.test/7"},
            "ledgerKey":"KEY"}"#
        .replace("KEY", &ledger_key.to_string());
    let handle = mount_json(&host, &json).unwrap();
    handle.destroy();
}

#[wasm_bindgen_test]
fn development_and_relative_backends_are_accepted() {
    for url in [
        "http://127.0.0.1:8080",
        "http://localhost:8080/api/",
        "https://consent.example.test",
    ] {
        let host = host();
        let handle = mount_json(&host, &format!(r#"{{"backendUrl":"{url}"}}"#)).unwrap();
        handle.destroy();
    }
}
