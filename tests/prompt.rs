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
            if let Some(note) = c.note {
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
    assert!(all.contains("meeting titles"), "calendar exclusion shown");
    assert!(
        all.contains("stay on LinkedIn until you remove them"),
        "contacts retention shown"
    );
    assert!(
        all.contains("European Union and the United States"),
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
    let both = text(&host, "#alc-choice-both_ways");
    assert!(
        both.contains("LinkedIn to Microsoft: shared")
            && both.contains("Microsoft to LinkedIn: shared"),
        "{both}"
    );
    let only = text(&host, "#alc-choice-linkedin_only");
    assert!(
        only.contains("LinkedIn to Microsoft: shared")
            && only.contains("Microsoft to LinkedIn: not shared"),
        "{only}"
    );
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
async fn admin_off_renders_nothing_and_says_why() {
    for (policy, reason_text) in [("off", "turned off"), ("not_in_group", "selected people")] {
        let host = host();
        let unavailable = record(&host, "consent:unavailable");
        let handle = mount_json(
            &host,
            &format!(r#"{{"backendUrl":"{BACKEND}","policy":"{policy}"}}"#),
        )
        .unwrap();
        let outcome = JsFuture::from(handle.prompt().unwrap()).await.unwrap();
        handle.manage().unwrap();
        settle().await;
        assert_eq!(get_str(&outcome, "status"), "unavailable");
        assert_eq!(get_str(&outcome, "reason"), policy);
        assert!(get_str(&outcome, "message").contains(reason_text));
        assert!(!dialog_open(&host));
        assert!(
            find(&host, ".prompt, .manage").is_none(),
            "nothing rendered"
        );
        assert_eq!(unavailable.count(), 2, "told for prompt() and manage()");
        handle.destroy();
    }
}

#[wasm_bindgen_test]
async fn links_show_only_when_given_and_open_safely() {
    let host = host();
    let handle = mount_json(
        &host,
        &format!(r#"{{"backendUrl":"{BACKEND}","links":{{"help":"https://help.example.test/faq","linkedinPrivacy":"https://www.linkedin.com/legal/privacy-policy"}}}}"#),
    )
    .unwrap();
    let _pending = open_prompt(&handle, &host).await;
    let links = find_all(&host, ".links a");
    assert_eq!(links.len(), 2);
    for a in &links {
        assert!(a.get_attribute("href").unwrap().starts_with("https://"));
        assert_eq!(
            a.get_attribute("rel").as_deref(),
            Some("noopener noreferrer")
        );
    }
    assert_eq!(links[0].text_content().unwrap(), "LinkedIn privacy policy");
    handle.destroy();
}
