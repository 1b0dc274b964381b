//! `<account-link-consent>`: registered when the module is initialised.

use super::handle::mount;
use super::types::{ConsentOptions, MountTarget};
use wasm_bindgen::prelude::*;

/// The custom element's tag name.
pub const ELEMENT_NAME: &str = "account-link-consent";

#[wasm_bindgen(module = "/js/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineConsentElement)]
    fn define_consent_element(name: &str, mount: &js_sys::Function);
}

/// Registers `<account-link-consent>`; does nothing if the name is taken. Runs by
/// itself when the module is initialised, so hosts rarely need to call it.
///
/// ```js
/// import init, { defineElement } from "account-link-consent";
/// await init();
/// defineElement(); // already done by init(); harmless
/// ```
#[wasm_bindgen(js_name = defineElement)]
pub fn define_element() {
    let mount = Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsError>>::new(
        |el: JsValue, options: JsValue| {
            mount(
                el.unchecked_into::<MountTarget>(),
                options.unchecked_into::<ConsentOptions>(),
            )
            .map(JsValue::from)
        },
    );
    define_consent_element(ELEMENT_NAME, mount.as_ref().unchecked_ref());
    // The element class calls it for the life of the page (or is never defined, when the
    // name was taken, and then this one small closure is all that is kept).
    mount.forget();
}

#[wasm_bindgen(start)]
fn on_init() {
    define_element();
}
