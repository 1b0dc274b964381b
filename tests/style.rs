//! The stylesheet the widget adopts is src/style.css as the browser reads it: build.rs
//! minifies it, and nothing in the minifying may change a rule.
#![cfg(target_arch = "wasm32")]

mod common;
use common::*;
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::CssStyleSheet;

wasm_bindgen_test_configure!(run_in_browser);

/// Every rule's `cssText`, as the browser serialises it (nested ones inside theirs).
fn rules(sheet: &CssStyleSheet) -> Vec<String> {
    let list = Reflect::get(sheet, &JsValue::from_str("cssRules")).unwrap();
    let list: js_sys::Array = js_sys::Array::from(&list);
    list.iter()
        .map(|rule| {
            Reflect::get(&rule, &JsValue::from_str("cssText"))
                .unwrap()
                .as_string()
                .unwrap()
        })
        .collect()
}

#[wasm_bindgen_test]
fn the_adopted_sheet_has_the_source_rules() {
    let host = host();
    let handle = mount_default(&host);
    let adopted: CssStyleSheet = shadow(&host).adopted_style_sheets().get(0).unchecked_into();

    let source = CssStyleSheet::new().unwrap();
    source
        .replace_sync(include_str!("../src/style.css"))
        .unwrap();

    let (theirs, ours) = (rules(&source), rules(&adopted));
    assert!(theirs.len() > 20, "the source sheet parsed: {theirs:?}");
    assert_eq!(ours, theirs);
    handle.destroy();
}
