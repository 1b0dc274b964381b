//! How Rust values cross to JavaScript and back: the one module that knows.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// A plain JS object with `fields`, in that order (the order `Object.keys` shows).
///
/// ```ignore
/// let detail = js::object(&[("code", "offline".into()), ("message", message.into())]);
/// ```
pub fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let obj = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&obj, &JsValue::from_str(key), value);
    }
    obj.into()
}

/// `obj[key]`; `undefined` when `obj` has no such member or is not an object.
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `obj[key]` when it is a string.
///
/// ```ignore
/// let detail = js::get_str(&problem, "detail").unwrap_or_default();
/// ```
pub fn get_str(obj: &JsValue, key: &str) -> Option<String> {
    get(obj, key).as_string()
}
