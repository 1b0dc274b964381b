//! The manage view: the current connection, and disconnecting with the right steps.
#![cfg(target_arch = "wasm32")]

mod common;
use common::*;
use consent_core::Direction;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn after_both_ways_disconnecting_needs_both_sides_and_contacts_stay() {
    let host = host();
    let decisions = record(&host, "consent:decision");
    let handle = mount_json(
        &host,
        &format!(r#"{{"backendUrl":"{BACKEND}","decision":"both_ways","links":{{"removeContacts":"https://www.linkedin.com/mypreferences/d/manage-synced-contacts"}}}}"#),
    )
    .unwrap();
    handle.manage().unwrap();
    settle().await;
    assert!(dialog_open(&host));
    let body = text(&host, ".manage");
    assert!(body.contains("Connected both ways"), "{body}");
    assert!(
        body.contains("also remove the connection in your LinkedIn settings"),
        "{body}"
    );
    assert!(body.contains("does not delete contacts"), "{body}");
    assert_eq!(
        find_all(&host, ".manage a").len(),
        1,
        "link to remove imported contacts"
    );
    click(&host, "button[data-action=disconnect]");
    wait_for_events(&decisions, 1).await;
    let d = decisions.last();
    assert_eq!(get_str(&d, "choice"), "withdraw");
    for dir in Direction::ALL {
        for cat in dir.categories() {
            assert_eq!(
                get(&d, &format!("flows.{}.{}", dir.as_str(), cat.as_str())).as_bool(),
                Some(false)
            );
        }
    }
    assert!(!dialog_open(&host));
    assert_eq!(
        common::get(&handle.state().unwrap(), "connected").as_bool(),
        Some(false)
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn after_linkedin_only_the_linkedin_side_is_enough() {
    let host = host();
    let handle = mount_json(
        &host,
        &format!(r#"{{"backendUrl":"{BACKEND}","decision":"linkedin_only"}}"#),
    )
    .unwrap();
    handle.manage().unwrap();
    settle().await;
    let body = text(&host, ".manage");
    assert!(body.contains("LinkedIn data only"), "{body}");
    assert!(
        body.contains("removing it in your LinkedIn settings is enough"),
        "{body}"
    );
    assert!(
        !body.contains("does not delete contacts"),
        "no contacts were ever sent: {body}"
    );
    press(&host, "Escape", false);
    settle().await;
    assert!(!dialog_open(&host), "Escape closes the manage view");
    assert_eq!(
        get_str(&handle.state().unwrap(), "decision"),
        "linkedin_only",
        "and changes nothing"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn when_not_connected_it_offers_to_connect() {
    let host = host();
    let decisions = record(&host, "consent:decision");
    let handle = mount_json(
        &host,
        &format!(r#"{{"backendUrl":"{BACKEND}","decision":"not_now"}}"#),
    )
    .unwrap();
    handle.manage().unwrap();
    settle().await;
    assert!(text(&host, ".manage").contains("not connected"));
    assert!(find(&host, "button[data-action=disconnect]").is_none());
    click(&host, "button[data-action=connect]");
    wait_until("the prompt replaces the manage view", || {
        find(&host, ".prompt").is_some()
    })
    .await;
    settle().await;
    assert!(
        find(&host, ".prompt").is_some(),
        "the prompt replaces the manage view"
    );
    assert_eq!(
        active_in_widget(&host)
            .and_then(|e| e.get_attribute("id"))
            .as_deref(),
        Some("alc-title")
    );
    click(&host, "button[data-choice=both_ways]");
    wait_for_events(&decisions, 1).await;
    assert_eq!(get_str(&decisions.last(), "choice"), "both_ways");
    handle.destroy();
}
