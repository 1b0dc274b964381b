//! The prompt behaves as a modal dialog for keyboard and screen-reader users.
#![cfg(target_arch = "wasm32")]

mod common;
use common::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn is_a_labelled_modal_dialog_with_focus_inside() {
    let host = host();
    let handle = mount_default(&host);
    let _pending = open_prompt(&handle, &host).await;
    let dialog = find(&host, "dialog").unwrap();
    assert_eq!(dialog.get_attribute("role").as_deref(), Some("dialog"));
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let title = find(
        &host,
        &format!("#{}", dialog.get_attribute("aria-labelledby").unwrap()),
    )
    .unwrap();
    assert_eq!(
        title.text_content().unwrap(),
        "Connect your work account with LinkedIn?"
    );
    assert!(find(
        &host,
        &format!("#{}", dialog.get_attribute("aria-describedby").unwrap())
    )
    .is_some());
    assert_eq!(
        active_in_widget(&host),
        Some(title),
        "focus moves to the title"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn escape_means_not_now() {
    let host = host();
    let decisions = record(&host, "consent:decision");
    let handle = mount_default(&host);
    let pending = open_prompt(&handle, &host).await;
    press(&host, "Escape", false);
    press(&host, "Escape", false);
    settle().await;
    wait_for_events(&decisions, 1).await;
    sleep(50).await;
    assert!(!dialog_open(&host));
    assert_eq!(
        decisions.count(),
        1,
        "one refusal, however often Escape is pressed"
    );
    assert_eq!(get_str(&decisions.last(), "choice"), "not_now");
    assert_eq!(
        get_str(&JsFuture::from(pending).await.unwrap(), "choice"),
        "not_now"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn tab_and_shift_tab_cycle_inside_the_dialog() {
    let host = host();
    let handle = mount_json(
        &host,
        &format!(r#"{{"backendUrl":"{BACKEND}","links":{{"help":"https://help.example.test/"}}}}"#),
    )
    .unwrap();
    let _pending = open_prompt(&handle, &host).await;
    let focusables = find_all(&host, "dialog button, dialog a[href], dialog summary");
    let first = focusables.first().unwrap().clone();
    let last = focusables.last().unwrap().clone();
    assert_eq!(last.tag_name(), "A", "the help link is the last control");
    last.unchecked_ref::<HtmlElement>().focus().unwrap();
    press(&host, "Tab", false);
    assert_eq!(
        active_in_widget(&host),
        Some(first.clone()),
        "Tab from the last control wraps to the first"
    );
    press(&host, "Tab", true);
    assert_eq!(
        active_in_widget(&host),
        Some(last),
        "Shift+Tab from the first wraps to the last"
    );
    // From the title (focused on open) Shift+Tab must not leave the dialog either.
    find(&host, "#alc-title")
        .unwrap()
        .unchecked_ref::<HtmlElement>()
        .focus()
        .unwrap();
    press(&host, "Tab", true);
    assert!(active_in_widget(&host).is_some_and(|a| a.tag_name() == "A"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn focus_returns_to_what_opened_the_prompt() {
    let opener: HtmlElement = document()
        .create_element("button")
        .unwrap()
        .unchecked_into();
    opener.set_text_content(Some("Show LinkedIn profile"));
    document().body().unwrap().append_child(&opener).unwrap();
    opener.focus().unwrap();
    let host = host();
    let handle = mount_default(&host);
    let _pending = open_prompt(&handle, &host).await;
    assert!(active_in_widget(&host).is_some());
    click(&host, "button[data-choice=linkedin_only]");
    wait_until("focus left the widget", || {
        active_in_widget(&host).is_none()
    })
    .await;
    let active = document().active_element().unwrap();
    assert!(
        active.is_same_node(Some(&opener)),
        "focus went back to the opener"
    );
    handle.destroy();
    opener.remove();
}

#[wasm_bindgen_test]
async fn choices_are_reachable_and_activatable_by_keyboard() {
    let host = host();
    let decisions = record(&host, "consent:decision");
    let handle = mount_default(&host);
    let _pending = open_prompt(&handle, &host).await;
    // Tab from the title lands on the first choice; buttons activate with Enter natively.
    press(&host, "Tab", false);
    let focused = active_in_widget(&host).unwrap();
    assert_eq!(
        focused.get_attribute("data-choice").as_deref(),
        Some("both_ways")
    );
    focused.unchecked_ref::<HtmlElement>().click();
    wait_for_events(&decisions, 1).await;
    assert_eq!(get_str(&decisions.last(), "choice"), "both_ways");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_dialog_closed_by_the_browser_counts_as_not_now() {
    let host = host();
    let decisions = record(&host, "consent:decision");
    let handle = mount_default(&host);
    let _pending = open_prompt(&handle, &host).await;
    find(&host, "dialog")
        .unwrap()
        .unchecked_into::<web_sys::HtmlDialogElement>()
        .close();
    // The close event is a queued task; wait for its effect rather than a tick count.
    wait_until("the state follows the closed dialog", || {
        get_str(&handle.state().unwrap(), "view") == "closed"
    })
    .await;
    wait_for_events(&decisions, 1).await;
    assert_eq!(get_str(&decisions.last(), "choice"), "not_now");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_view_opened_as_the_prompt_closes_stays_open() {
    let host = host();
    let decisions = record(&host, "consent:decision");
    let handle = Rc::new(mount_default(&host));
    let _pending = open_prompt(&handle, &host).await;
    // A host that offers the manage view, once, the moment the prompt closes: it opens
    // before the browser has told the dialog it was closed.
    let opener = {
        let handle = handle.clone();
        let once = Cell::new(false);
        Closure::<dyn FnMut()>::new(move || {
            if !once.replace(true) {
                handle.manage().unwrap();
            }
        })
    };
    host.add_event_listener_with_callback("consent:close", opener.as_ref().unchecked_ref())
        .unwrap();
    click(&host, "button[data-choice=not_now]");
    wait_for_events(&decisions, 1).await;
    next_frames(3).await;
    settle().await;
    assert_eq!(get_str(&handle.state().unwrap(), "view"), "manage");
    assert!(dialog_open(&host), "the manage view is still on screen");
    assert_eq!(decisions.count(), 1, "nobody chose anything else");
    handle.destroy();
}
