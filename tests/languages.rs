//! The widget in the reader's language: the backend picks the locale and sends its
//! text with the first challenge; the widget shows it, marks the dialog with its
//! language and direction, reports it, and signs decisions on that locale's digest.
#![cfg(target_arch = "wasm32")]

mod common;
use common::fake_backend::fake;
use common::*;
use consent_core::catalogue;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_in(host: &web_sys::HtmlElement, extra: &str) -> account_link_consent::ConsentHandle {
    mount_json(host, &format!(r#"{{"backendUrl":"{BACKEND}"{extra}}}"#)).unwrap()
}

fn dialog_attr(host: &web_sys::HtmlElement, name: &str) -> Option<String> {
    find(host, "dialog").and_then(|d| d.get_attribute(name))
}

#[wasm_bindgen_test]
async fn a_dutch_reader_sees_signs_and_is_told_dutch() {
    let f = fake();
    let host = host();
    let ready = record(&host, "consent:ready");
    let handle = mount_in(&host, r#","lang":"nl-BE""#);
    wait_for_events(&ready, 1).await;
    assert_eq!(get_str(&ready.last(), "lang"), "nl");
    let asked = f.last_request.borrow().clone();
    assert!(asked.contains(r#""langs":["nl-BE"]"#), "{asked}");

    let pending = open_prompt(&handle, &host).await;
    let nl = catalogue::notice("nl");
    assert_eq!(dialog_attr(&host, "lang").as_deref(), Some("nl"));
    assert_eq!(dialog_attr(&host, "dir").as_deref(), Some("ltr"));
    let body = text(&host, "dialog");
    assert!(body.contains(nl.prompt.title), "{body}");
    assert!(
        !body.contains(catalogue::notice("en").prompt.title),
        "{body}"
    );
    assert_eq!(get_str(&handle.state().unwrap(), "lang"), "nl");

    click(&host, "button[data-choice=linkedin_only]");
    let outcome = JsFuture::from(pending).await.unwrap();
    assert_eq!(get_str(&outcome, "lang"), "nl");
    assert_eq!(get_str(&outcome, "notice.lang"), "nl");
    assert_eq!(get_str(&outcome, "notice.sha256"), nl.reference().sha256);
    // Later challenges name the chosen locale and ask for no text.
    let asked = f.last_request.borrow().clone();
    assert!(
        asked.contains(r#""lang":"nl""#) && !asked.contains("text"),
        "{asked}"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn arabic_and_hebrew_read_right_to_left_from_the_page_s_language() {
    fake();
    for (page, locale) in [("ar-EG", "ar"), ("he", "he")] {
        let wrapper = document().create_element("section").unwrap();
        wrapper.set_attribute("lang", page).unwrap();
        document().body().unwrap().append_child(&wrapper).unwrap();
        let host = host();
        wrapper.append_child(&host).unwrap();
        let handle = mount_in(&host, "");
        let _pending = open_prompt(&handle, &host).await;
        assert_eq!(dialog_attr(&host, "lang").as_deref(), Some(locale));
        assert_eq!(dialog_attr(&host, "dir").as_deref(), Some("rtl"));
        let frame = find(&host, ".frame").unwrap();
        assert_eq!(frame.get_attribute("dir").as_deref(), Some("rtl"));
        let title = find(&host, "dialog h2").unwrap();
        let style = web_sys::window()
            .unwrap()
            .get_computed_style(&title)
            .unwrap()
            .unwrap();
        assert_eq!(style.get_property_value("direction").unwrap(), "rtl");
        assert!(text(&host, "dialog").contains(catalogue::notice(locale).prompt.title));
        handle.destroy();
        wrapper.remove();
    }
}

#[wasm_bindgen_test]
async fn a_text_that_does_not_match_its_digest_is_never_shown() {
    let f = fake();
    *f.altered_text.borrow_mut() = Some("Verbind uw account, alles is veilig".into());
    let host = host();
    let errors = record(&host, "consent:error");
    let handle = mount_in(&host, r#","lang":"nl""#);
    wait_for_events(&errors, 1).await;
    assert_eq!(get_str(&errors.last(), "code"), "notice-mismatch");
    let pending = handle.prompt().unwrap();
    let refused = JsFuture::from(pending).await.unwrap_err();
    let message = refused.unchecked_into::<js_sys::Error>().message();
    assert!(String::from(message).contains("different version"));
    assert!(
        !dialog_open(&host),
        "nothing the backend would not record is shown"
    );
    assert!(!text(&host, ".frame").contains("alles is veilig"));
    handle.destroy();
}
