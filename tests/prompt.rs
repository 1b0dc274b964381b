//! The prompt shows every fact, and each choice reaches the host with the right flows.
#![cfg(target_arch = "wasm32")]

mod common;
use common::*;
use consent_core::{catalogue, Choice, Direction};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn renders_every_category_of_both_directions_with_what_it_covers() {
    let host = host();
    let handle = mount_default(&host);
    let _pending = open_prompt(&handle, &host).await;
    assert!(dialog_open(&host));
    let notice = catalogue::notice("en");
    for d in Direction::ALL {
        let section = format!("[data-direction={}]", d.as_str());
        let shown: Vec<String> = find_all(&host, &format!("{section} li[data-category]"))
            .iter()
            .map(|li| li.get_attribute("data-category").unwrap())
            .collect();
        let expected: Vec<&str> = d.categories().iter().map(|c| c.as_str()).collect();
        assert_eq!(shown, expected, "{d:?}");
        for c in notice.direction(d).categories {
            let item = text(
                &host,
                &format!("{section} li[data-category={}]", c.category.as_str()),
            );
            assert!(item.contains(c.name), "{item}");
            assert!(item.contains(c.includes), "{item}");
            for note in c.notes {
                assert!(item.contains(note), "{item}");
            }
            // Expandable: a native disclosure, collapsed until the user opens it.
            assert!(find(
                &host,
                &format!(
                    "{section} li[data-category={}] details:not([open]) summary",
                    c.category.as_str()
                )
            )
            .is_some());
        }
    }
    let all = text(&host, ".prompt");
    assert!(
        all.contains("such as its title, agenda or content"),
        "calendar exclusion shown"
    );
    let facts = text(&host, ".facts");
    assert!(
        facts.contains("stay on LinkedIn until you remove them"),
        "contacts retention shown"
    );
    assert!(
        facts.contains("from the European Union to the United States and back"),
        "transfer shown"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn offers_three_equal_choices_and_says_which_directions_flow() {
    let host = host();
    let handle = mount_default(&host);
    let _pending = open_prompt(&handle, &host).await;
    let buttons = find_all(&host, ".choices button");
    let labels: Vec<_> = buttons.iter().map(|b| b.text_content().unwrap()).collect();
    assert_eq!(
        labels,
        ["Connect both ways", "LinkedIn data only", "Not now"]
    );
    let classes: Vec<_> = buttons.iter().map(|b| b.class_name()).collect();
    assert!(
        classes.iter().all(|c| c == &classes[0]),
        "equal visual weight"
    );
    assert!(buttons
        .iter()
        .all(|b| !b.has_attribute("aria-pressed") && !b.has_attribute("autofocus")));
    // Each button is described by its card: what flows where under that choice.
    for b in &buttons {
        let choice = b.get_attribute("data-choice").unwrap();
        let described = b.get_attribute("aria-describedby").unwrap();
        assert_eq!(described, format!("alc-choice-{choice}"));
        assert!(find(&host, &format!("#{described}")).is_some());
    }
    let flows = |choice: &str, class: &str| -> Vec<String> {
        find_all(&host, &format!("#alc-choice-{choice} li.{class}"))
            .iter()
            .map(|li| li.get_attribute("data-direction").unwrap())
            .collect()
    };
    assert_eq!(
        flows("both_ways", "flows"),
        ["linkedin_to_microsoft", "microsoft_to_linkedin"]
    );
    assert_eq!(flows("linkedin_only", "flows"), ["linkedin_to_microsoft"]);
    assert_eq!(flows("linkedin_only", "stops"), ["microsoft_to_linkedin"]);
    assert!(text(&host, "#alc-choice-linkedin_only")
        .contains("LinkedIn gets no data from your Microsoft account."));
    assert!(text(&host, "#alc-choice-both_ways")
        .contains("LinkedIn keeps your contacts until you remove them."));
    assert!(flows("not_now", "flows").is_empty());
    handle.destroy();
}

#[wasm_bindgen_test]
async fn each_choice_reaches_the_host_with_its_flows() {
    for choice in Choice::OFFERED {
        let host = host();
        let decisions = record(&host, "consent:decision");
        let opened = record(&host, "consent:open");
        let closed = record(&host, "consent:close");
        let handle = mount_default(&host);
        let pending = open_prompt(&handle, &host).await;
        assert_eq!(opened.count(), 1);
        click(&host, &format!("button[data-choice={}]", choice.as_str()));
        settle().await;
        assert!(!dialog_open(&host), "{choice:?} closes the prompt");
        wait_for_events(&decisions, 1).await;
        assert_eq!(decisions.count(), 1, "{choice:?}");
        assert_eq!(closed.count(), 1);
        let d = decisions.last();
        assert_eq!(get_str(&d, "choice"), choice.as_str());
        for dir in Direction::ALL {
            for cat in dir.categories() {
                let flows = get(&d, &format!("flows.{}.{}", dir.as_str(), cat.as_str()));
                assert_eq!(
                    flows.as_bool(),
                    Some(choice.allows(dir)),
                    "{choice:?} {dir:?} {cat:?}"
                );
            }
        }
        let notice = catalogue::notice("en").reference();
        assert_eq!(get_str(&d, "notice.sha256"), notice.sha256);
        let resolved = JsFuture::from(pending).await.unwrap();
        assert_eq!(get_str(&resolved, "choice"), choice.as_str());
        assert_eq!(get_str(&handle.state().unwrap(), "view"), "closed");
        handle.destroy();
    }
}

#[wasm_bindgen_test]
async fn an_existing_decision_resolves_at_once_without_a_prompt() {
    let host = host();
    let opened = record(&host, "consent:open");
    let handle = mount_json(
        &host,
        &format!(r#"{{"backendUrl":"{BACKEND}","decision":"linkedin_only"}}"#),
    )
    .unwrap();
    let outcome = JsFuture::from(handle.prompt().unwrap()).await.unwrap();
    settle().await;
    assert_eq!(get_str(&outcome, "choice"), "linkedin_only");
    assert!(!dialog_open(&host));
    assert_eq!(opened.count(), 0);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn admin_off_asks_nothing_and_says_why_but_manage_still_opens() {
    for (policy, reason_text) in [("off", "turned off"), ("not_in_group", "selected people")] {
        let fake = fake_backend::fake();
        *fake.policy.borrow_mut() = policy.into();
        let host = host();
        let unavailable = record(&host, "consent:unavailable");
        let handle = mount_default(&host);
        let outcome = JsFuture::from(handle.prompt().unwrap()).await.unwrap();
        settle().await;
        assert_eq!(get_str(&outcome, "status"), "unavailable");
        assert_eq!(get_str(&outcome, "reason"), policy);
        assert!(get_str(&outcome, "message").contains(reason_text));
        assert!(get_str(&outcome, "message").contains("up to your organization's admin"));
        assert!(!dialog_open(&host));
        assert!(find(&host, ".prompt").is_none(), "no prompt");
        assert!(unavailable.count() >= 1);
        // Managing the connection never needs the tenant: the view says who decides,
        // and offers no way to connect.
        handle.manage().unwrap();
        settle().await;
        assert!(dialog_open(&host));
        assert!(text(&host, ".manage .policy").contains(reason_text));
        assert!(find(&host, "button[data-action=connect]").is_none());
        handle.destroy();
    }
    fake_backend::fake();
}

#[wasm_bindgen_test]
async fn every_link_has_a_default_and_a_host_s_target_is_shown_and_signed() {
    let host = host();
    let decisions = record(&host, "consent:decision");
    let handle = mount_json(
        &host,
        &format!(
            r#"{{"backendUrl":"{BACKEND}","links":{{"help":"https://help.example.test/faq"}}}}"#
        ),
    )
    .unwrap();
    let pending = open_prompt(&handle, &host).await;
    let notice = catalogue::notice("en");
    for key in catalogue::LinkKey::ALL {
        let a = find(&host, &format!(".prompt a[data-link={}]", key.as_str()))
            .unwrap_or_else(|| panic!("{key:?} is linked"));
        let expected = if key == catalogue::LinkKey::Help {
            "https://help.example.test/faq".to_owned()
        } else {
            notice.link(key).href.to_string()
        };
        assert_eq!(a.get_attribute("href").unwrap(), expected, "{key:?}");
        assert_eq!(a.text_content().unwrap(), notice.link(key).label);
        assert_eq!(
            a.get_attribute("rel").as_deref(),
            Some("noopener noreferrer")
        );
    }
    click(&host, "button[data-choice=not_now]");
    wait_for_events(&decisions, 1).await;
    JsFuture::from(pending).await.unwrap();
    // The digest of what was shown covers the host's target, and the token says it.
    let shown = notice
        .with_links(&catalogue::LinkOverrides::from([(
            catalogue::LinkKey::Help,
            "https://help.example.test/faq".to_owned(),
        )]))
        .unwrap()
        .reference();
    assert_eq!(get_str(&decisions.last(), "notice.sha256"), shown.sha256);
    assert_ne!(shown.sha256, notice.reference().sha256);
    handle.destroy();
}
