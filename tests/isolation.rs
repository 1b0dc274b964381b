//! The host page's CSS cannot restyle the widget.
#![cfg(target_arch = "wasm32")]

mod common;
use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const HOSTILE_CSS: &str = r#"
  body { color: rgb(255, 0, 0); font-family: "Comic Sans MS", cursive; }
  button, p, ul, li, h2, dialog, details, summary, a {
    color: rgb(255, 0, 0) !important;
    display: inline !important;
    font-family: "Comic Sans MS", cursive !important;
    font-size: 40px !important;
    border: 7px dashed rgb(255, 0, 0) !important;
    background: rgb(0, 255, 0) !important;
  }
"#;

fn style_of(el: &Element) -> web_sys::CssStyleDeclaration {
    web_sys::window()
        .unwrap()
        .get_computed_style(el)
        .unwrap()
        .unwrap()
}

#[wasm_bindgen_test]
async fn host_page_styles_do_not_reach_inside() {
    let style: web_sys::HtmlStyleElement =
        document().create_element("style").unwrap().unchecked_into();
    style.set_text_content(Some(HOSTILE_CSS));
    document().head().unwrap().append_child(&style).unwrap();

    let host = host();
    let handle = mount_json(
        &host,
        &format!(r#"{{"backendUrl":"{BACKEND}","links":{{"help":"https://help.example.test/"}}}}"#),
    )
    .unwrap();
    let _pending = open_prompt(&handle, &host).await;
    for selector in ["dialog", "h2", "p", "ul", "li", "button", "summary", "a"] {
        let el = find(&host, selector).unwrap_or_else(|| panic!("{selector} rendered"));
        let s = style_of(&el);
        let prop = |name: &str| s.get_property_value(name).unwrap();
        assert_ne!(prop("color"), "rgb(255, 0, 0)", "{selector} colour");
        assert!(!prop("font-family").contains("Comic"), "{selector} font");
        assert_ne!(prop("font-size"), "40px", "{selector} size");
        assert_ne!(prop("border-top-width"), "7px", "{selector} border");
        assert_ne!(
            prop("background-color"),
            "rgb(0, 255, 0)",
            "{selector} background"
        );
    }
    assert_eq!(
        style_of(&find(&host, "dialog").unwrap())
            .get_property_value("display")
            .unwrap(),
        "flex"
    );
    assert_eq!(
        style_of(&find(&host, ".choices > ul").unwrap())
            .get_property_value("display")
            .unwrap(),
        "grid"
    );
    handle.destroy();
    style.remove();
}
