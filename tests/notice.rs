//! The notice as the user meets it: the first layer says what each choice means, every
//! string shown is one the digest covers, a decision on an older notice is asked again
//! with what changed, and after a choice the user sees whether it was recorded.
#![cfg(target_arch = "wasm32")]

mod common;
use common::fake_backend::{fake, Mode};
use common::*;
use consent_core::catalogue;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, Node};

wasm_bindgen_test_configure!(run_in_browser);

/// Every non-blank text under `root` that is not hidden from assistive technology,
/// trimmed, and every link target.
fn shown_strings(root: &Element) -> Vec<String> {
    fn walk(node: &Node, out: &mut Vec<String>) {
        if node.node_type() == Node::TEXT_NODE {
            let text = node.text_content().unwrap_or_default();
            if !text.trim().is_empty() {
                out.push(text.trim().to_owned());
            }
            return;
        }
        if let Some(el) = node.dyn_ref::<Element>() {
            if el.get_attribute("aria-hidden").as_deref() == Some("true") {
                return;
            }
            if let Some(href) = el.get_attribute("href") {
                out.push(href);
            }
        }
        let children = node.child_nodes();
        for i in 0..children.length() {
            walk(&children.item(i).unwrap(), out);
        }
    }
    let mut out = Vec::new();
    walk(root, &mut out);
    out
}

#[wasm_bindgen_test]
async fn everything_the_prompt_and_manage_view_show_is_covered_by_the_digest() {
    let fields: Vec<String> = catalogue::notice("en")
        .fields()
        .iter()
        .map(|f| f.text.to_string())
        .collect();
    let host = host();
    let handle = mount_json(
        &host,
        &format!(r#"{{"backendUrl":"{BACKEND}","decision":"both_ways"}}"#),
    )
    .unwrap();
    handle.manage().unwrap();
    settle().await;
    for s in shown_strings(&find(&host, "dialog").unwrap()) {
        assert!(
            fields.contains(&s),
            "manage view shows {s:?}, not in the digest"
        );
    }
    handle.destroy();
    let host = common::host();
    let handle = mount_default(&host);
    let _pending = open_prompt(&handle, &host).await;
    let shown = shown_strings(&find(&host, "dialog").unwrap());
    assert!(shown.len() > 40, "{shown:?}");
    for s in shown {
        assert!(
            fields.contains(&s),
            "the prompt shows {s:?}, not in the digest"
        );
    }
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_first_layer_needs_no_expanding() {
    let host = host();
    let handle = mount_default(&host);
    let _pending = open_prompt(&handle, &host).await;
    assert!(
        find(&host, "details[open]").is_none(),
        "every category detail starts collapsed"
    );
    // Outside any <details>: the flows of each choice, contacts retention, the transfer.
    for selector in [
        "#alc-choice-both_ways li.flows",
        "#alc-choice-both_ways li.note",
        "#alc-choice-linkedin_only li.stops",
        ".facts [data-fact=remove_contacts]",
        ".facts [data-fact=eu_transfer]",
    ] {
        let el = find(&host, selector).unwrap_or_else(|| panic!("{selector}"));
        assert!(el.closest("details").unwrap().is_none(), "{selector}");
    }
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_decision_on_the_current_notice_stands() {
    let fake = fake();
    fake.remembers("linkedin_only", catalogue::CURRENT_VERSION);
    let host = host();
    let ready = record(&host, "consent:ready");
    let opened = record(&host, "consent:open");
    let handle = mount_default(&host);
    let outcome = JsFuture::from(handle.prompt().unwrap()).await.unwrap();
    assert_eq!(get_str(&outcome, "choice"), "linkedin_only");
    assert_eq!(ready.count(), 1);
    assert_eq!(get(&ready.last(), "upToDate").as_bool(), Some(true));
    assert_eq!(
        get(&ready.last(), "decisionNoticeVersion").as_f64(),
        Some(f64::from(catalogue::CURRENT_VERSION))
    );
    settle().await;
    assert_eq!(opened.count(), 0, "nothing to ask");
    handle.destroy();
    fake_reset();
}

#[wasm_bindgen_test]
async fn a_decision_on_an_older_notice_is_asked_again_with_what_changed() {
    let fake = fake();
    fake.remembers("both_ways", 1);
    let host = host();
    let decisions = record(&host, "consent:decision");
    let handle = mount_default(&host);
    let pending = open_prompt(&handle, &host).await;
    let state = handle.state().unwrap();
    assert_eq!(get_str(&state, "decision"), "both_ways");
    assert_eq!(get(&state, "upToDate").as_bool(), Some(false));
    assert_eq!(get(&state, "decisionNoticeVersion").as_f64(), Some(1.0));
    let notice = catalogue::notice("en");
    let changed = text(&host, "[data-changed]");
    assert!(changed.contains(notice.changes.heading), "{changed}");
    assert!(changed.contains(notice.changed_since(1)), "{changed}");
    // It is part of what the dialog's description reads out.
    assert!(find(&host, "#alc-description [data-changed]").is_some());
    click(&host, "button[data-choice=both_ways]");
    wait_for_events(&decisions, 1).await;
    let outcome = JsFuture::from(pending).await.unwrap();
    assert_eq!(get_str(&outcome, "choice"), "both_ways");
    assert_eq!(
        get(&handle.state().unwrap(), "upToDate").as_bool(),
        Some(true)
    );
    // Asked and answered: the next prompt() resolves at once.
    let again = JsFuture::from(handle.prompt().unwrap()).await.unwrap();
    assert_eq!(get_str(&again, "choice"), "both_ways");
    handle.destroy();
    fake_reset();
}

#[wasm_bindgen_test]
async fn after_a_choice_the_user_sees_it_was_recorded() {
    fake();
    let host = host();
    let decisions = record(&host, "consent:decision");
    let handle = mount_default(&host);
    let _pending = open_prompt(&handle, &host).await;
    click(&host, "button[data-choice=both_ways]");
    wait_for_events(&decisions, 1).await;
    settle().await;
    let status = find(&host, ".record").expect("a status after the choice");
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(
        text(&host, ".record p"),
        "Your choice is recorded: Connect both ways."
    );
    // When, as an English reader writes it (the browser's Intl, not the device's format).
    let when = text(&host, ".record-when");
    assert!(
        when.starts_with("Recorded on ") && when.ends_with('.'),
        "{when}"
    );
    let year = js_sys::Date::new_0().get_full_year().to_string();
    assert!(when.contains(&year), "{when}");
    click(&host, ".record button[data-action=dismiss]");
    settle().await;
    assert!(find(&host, ".record").is_none());
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_refused_choice_says_why_and_can_be_made_again() {
    let fake = fake();
    fake.set(Mode::Refusing);
    let host = host();
    let errors = record(&host, "consent:error");
    let handle = mount_default(&host);
    let pending = open_prompt(&handle, &host).await;
    click(&host, "button[data-choice=linkedin_only]");
    wait_for_events(&errors, 1).await;
    settle().await;
    let status = find(&host, ".record[data-record=not-recorded]").expect("told it failed");
    assert_eq!(status.get_attribute("role").as_deref(), Some("alert"));
    let said = status.text_content().unwrap();
    assert!(said.contains("was not recorded"), "{said}");
    let reasons = &catalogue::notice("en").status.reasons;
    assert!(said.contains(reasons.refused), "{said}");
    assert!(
        get_str(&errors.last(), "message").contains("this challenge was already answered"),
        "the host hears the backend's own words"
    );
    assert!(JsFuture::from(pending).await.is_err());
    fake.set(Mode::Up);
    click(&host, ".record button[data-action=retry]");
    wait_until("the prompt is open again", || dialog_open(&host)).await;
    settle().await;
    assert!(find(&host, ".prompt").is_some());
    assert!(find(&host, ".record").is_none(), "the status gave way");
    handle.destroy();
}

fn fake_reset() {
    fake();
}
