//! How Rust values cross to JavaScript and back: the one module that knows.
//!
//! Written by hand on `Reflect` rather than through serde-wasm-bindgen, because that
//! costs more than the budget allows. Measured on the release build (wasm-opt -Oz,
//! gzip -9 of the wasm): its json-compatible serializer for the payloads and the outbox
//! entry added 2976 bytes (2.9 KB); its deserializer for the challenge, the device key
//! and outbox entries another 17190 bytes (16.8 KB) over reading them by hand.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// A Rust value with a JS shape: what the host page receives is built through this.
///
/// ```text
/// struct Detail { view: &'static str }
/// impl ToJs for Detail {
///     fn to_js(&self) -> JsValue {
///         js::object(&[("view", self.view.into())])
///     }
/// }
/// ```
pub trait ToJs {
    fn to_js(&self) -> JsValue;
}

/// A plain JS object with `fields`, in that order (the order `Object.keys` shows).
///
/// ```text
/// let detail = js::object(&[("code", "offline".into()), ("message", message.into())]);
/// ```
pub fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let obj = Object::new().into();
    extend(&obj, fields);
    obj
}

/// Adds `fields` to the object `obj`, after the members it has.
pub fn extend(obj: &JsValue, fields: &[(&str, JsValue)]) {
    for (key, value) in fields {
        let _ = Reflect::set(obj, &JsValue::from_str(key), value);
    }
}

/// `obj[key]`; `undefined` when `obj` has no such member or is not an object.
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `obj[key]` when it is a string.
///
/// ```text
/// let detail = js::get_str(&problem, "detail").unwrap_or_default();
/// ```
pub fn get_str(obj: &JsValue, key: &str) -> Option<String> {
    get(obj, key).as_string()
}

/// `Some(value)` as JS, `None` as `null`: the TypeScript types say `T | null`.
pub fn or_null(value: Option<impl Into<JsValue>>) -> JsValue {
    value.map_or(JsValue::NULL, Into::into)
}

/// `s` in double quotes, escaped as `JSON.stringify` escapes it: how the widget's error
/// messages quote what a host or the backend sent. The browser does the escaping, so the
/// wasm carries no `Debug` formatting of strings and no Unicode tables for it (3 KB gzip).
///
/// ```text
/// format!("lang: {} is not a language tag", js::quoted("en US"))  // lang: "en US" is ...
/// ```
pub fn quoted(s: &str) -> String {
    js_sys::JSON::stringify(&JsValue::from_str(s))
        .ok()
        .and_then(|q| q.as_string())
        .unwrap_or_else(|| format!("\"{s}\""))
}
