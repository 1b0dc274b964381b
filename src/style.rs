//! The widget's stylesheet, attached as a constructable stylesheet: unlike a `<style>`
//! element it works under a strict `style-src` Content Security Policy, and one parsed
//! sheet is shared by every widget on the page.

use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, ShadowRoot};

// Minified by build.rs.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));

thread_local! {
    static SHEET: Result<CssStyleSheet, JsValue> = CssStyleSheet::new().and_then(|sheet| {
        sheet.replace_sync(CSS)?;
        Ok(sheet)
    });
}

/// Applies the widget's stylesheet to `root`.
pub fn adopt(root: &ShadowRoot) -> Result<(), JsValue> {
    SHEET.with(|sheet| {
        let sheet = sheet.as_ref().map_err(Clone::clone)?;
        root.set_adopted_style_sheets(&js_sys::Array::of1(sheet));
        Ok(())
    })
}
