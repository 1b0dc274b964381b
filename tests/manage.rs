//! The manage view: the current connection, what Disconnect stops at once, and what the
//! user can also do on LinkedIn's side; reachable whatever the tenant's policy.
#![cfg(target_arch = "wasm32")]

mod common;
use common::*;
use consent_core::catalogue;
use consent_core::Direction;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn after_both_ways_disconnect_withdraws_at_once_and_contacts_stay_on_linkedin() {
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
    let m = &catalogue::notice("en").manage;
    let body = text(&host, ".manage");
    assert!(body.contains("Connected both ways"), "{body}");
    assert!(body.contains(m.stops_both_ways), "{body}");
    assert!(
        !body.contains("also remove the connection in your LinkedIn settings"),
        "the button does not depend on LinkedIn's side: {body}"
    );
    assert!(body.contains(m.contacts_stay.text), "{body}");
    let links: Vec<_> = find_all(&host, ".manage a")
        .iter()
        .map(|a| a.get_attribute("data-link").unwrap())
        .collect();
    assert_eq!(
        links,
        ["remove_contacts", "profile_visibility", "linkedin_help"]
    );
    assert_eq!(
        find(&host, ".manage a[data-link=remove_contacts]")
            .unwrap()
            .get_attribute("href")
            .as_deref(),
        Some("https://www.linkedin.com/mypreferences/d/manage-synced-contacts")
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
async fn after_linkedin_only_there_are_no_contacts_to_remove() {
    let host = host();
    let handle = mount_json(
        &host,
        &format!(r#"{{"backendUrl":"{BACKEND}","decision":"linkedin_only"}}"#),
    )
    .unwrap();
    handle.manage().unwrap();
    settle().await;
    let m = &catalogue::notice("en").manage;
    let body = text(&host, ".manage");
    assert!(body.contains("LinkedIn data only"), "{body}");
    assert!(body.contains(m.stops_linkedin_only), "{body}");
    assert!(
        !body.contains(m.contacts_stay.text),
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

/// A user who connected can always disconnect, whatever the tenant says now.
#[wasm_bindgen_test]
async fn with_the_policy_off_a_connected_user_still_disconnects() {
    for policy in ["off", "not_in_group"] {
        let fake = fake_backend::fake();
        *fake.policy.borrow_mut() = policy.into();
        fake.remembers("both_ways", catalogue::CURRENT_VERSION);
        let host = host();
        let decisions = record(&host, "consent:decision");
        let ready = record(&host, "consent:ready");
        let handle = mount_default(&host);
        wait_for_events(&ready, 1).await;
        assert_eq!(get_str(&ready.last(), "decision"), "both_ways");
        assert_eq!(get_str(&ready.last(), "policy"), policy);
        handle.manage().unwrap();
        settle().await;
        assert!(dialog_open(&host), "{policy}: manage opens");
        click(&host, "button[data-action=disconnect]");
        wait_for_events(&decisions, 1).await;
        assert_eq!(get_str(&decisions.last(), "choice"), "withdraw");
        assert_eq!(fake.ledger.borrow().len(), 1, "the backend has it");
        assert_eq!(
            get(&handle.state().unwrap(), "connected").as_bool(),
            Some(false)
        );
        handle.destroy();
    }
    fake_backend::fake();
}
