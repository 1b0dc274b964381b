//! Every notice version kept: the text behind any digest, decisions on an older version,
//! a host's own link targets, and choices the tenant policy does not allow.

use crate::support::{device, problem, Backend, StoredChallenge, TestServer};
use consent_core::catalogue::{self, LinkKey, LinkOverrides};
use consent_core::{Choice, Digest, NoticeRef};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn version_1() -> NoticeRef {
    catalogue::published()
        .into_iter()
        .find(|p| p.ver == 1)
        .expect("version 1 is kept")
        .reference(LinkOverrides::new())
}

/// What an auditor does with `GET /v1/notices/{sha256}`: recompute the digest from the
/// fields it lists.
fn recomputed(published: &Value) -> String {
    let mut bytes = Vec::new();
    let mut field = |s: &str| {
        bytes.extend((s.len() as u32).to_be_bytes());
        bytes.extend(s.as_bytes());
    };
    field(published["domain"].as_str().unwrap());
    field(published["id"].as_str().unwrap());
    field(&published["ver"].to_string());
    field(published["lang"].as_str().unwrap());
    for f in published["fields"].as_array().unwrap() {
        field(f["text"].as_str().unwrap());
    }
    Digest::of(&bytes).to_hex()
}

fn texts(published: &Value) -> Vec<&str> {
    published["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["text"].as_str().unwrap())
        .collect()
}

async fn every_published_notice_is_served_by_its_digest(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let c = server.client();
    assert_eq!(
        server.store().count("notices"),
        catalogue::published().len() as i64
    );
    let current = catalogue::notice("en").reference();
    let res = c.fetch(&format!("/v1/notices/{}", current.sha256)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/json");
    let v2: Value = res.json().await.unwrap();
    assert_eq!(
        (v2["ver"].as_u64(), v2["lang"].as_str()),
        (Some(2), Some("en"))
    );
    assert_eq!(recomputed(&v2), current.sha256);
    assert!(texts(&v2).contains(&catalogue::notice("en").prompt.title));
    assert_eq!(
        v2["links"]["eu_transfer"],
        "https://www.linkedin.com/help/linkedin/answer/62533"
    );

    let v1: Value = c.get(&format!("/v1/notices/{}", version_1().sha256)).await;
    assert_eq!(v1["ver"], 1);
    assert_eq!(v1["domain"], "account-link-consent/notice/v1");
    assert_eq!(recomputed(&v1), version_1().sha256);
    assert!(texts(&v1)
        .contains(&"Your Microsoft apps show LinkedIn data. Nothing is sent to LinkedIn."));
    assert_eq!(
        v1["links"],
        Value::Null,
        "version 1 did not cover link targets"
    );

    let unknown = c.fetch(&format!("/v1/notices/{}", "ab".repeat(32))).await;
    problem(unknown, StatusCode::NOT_FOUND, "unknown-notice").await;
    let malformed = c.fetch("/v1/notices/ABCD").await;
    problem(malformed, StatusCode::BAD_REQUEST, "bad-digest").await;

    // Restarting publishes nothing twice.
    server.restart().await;
    assert_eq!(
        server.store().count("notices"),
        catalogue::published().len() as i64
    );
    server.stop().await;
}

async fn a_decision_on_version_1_still_verifies_after_version_2_is_published(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let c = server.signed_in("megan").await;
    let v1 = version_1();
    // The previous server offered version 1 in a challenge; the widget signed its answer
    // and kept it in its outbox while this server, which shows version 2, started.
    let mut ch = c.challenge().await;
    ch["nonce"] = json!("bm9uY2UgZnJvbSB0aGUgdmVyc2lvbiAxIHNlcnZlcg");
    let session = consent_server::cookie::stored_session_id(c.cookie().split_once('=').unwrap().1);
    server.store().store_challenge(&StoredChallenge {
        nonce: ch["nonce"].as_str().unwrap().into(),
        session_id: session,
        sub: ch["sub"].as_str().unwrap().into(),
        notice: v1.clone(),
        // Live now: the decision's iat must fall within the challenge's life.
        expires_at: consent_server::time::now_secs() + 3600,
    });
    let mut claims = device::claims_for(&ch, Choice::LinkedinOnly);
    claims.notice = v1.clone();
    let (status, receipt) = c.send(&c.sign(&claims)).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");

    let current = c.get("/v1/decisions/current").await;
    assert_eq!(current["decision"]["choice"], "linkedin_only");
    assert_eq!(current["decision"]["notice"]["ver"], 1);
    assert_eq!(current["decision"]["notice_is_current"], false);
    // The widget hears the same from its next challenge, and asks again.
    let next = c.challenge().await;
    assert_eq!(next["notice"]["ver"], catalogue::CURRENT_VERSION);
    assert_eq!(next["decision"]["choice"], "linkedin_only");
    assert_eq!(next["decision"]["notice_is_current"], false);
    // An auditor reads what this user was shown.
    let shown: Value = c.get(&format!("/v1/notices/{}", v1.sha256)).await;
    assert_eq!(recomputed(&shown), v1.sha256);

    // A version-1 answer to a challenge that offered version 2 is still refused.
    let mut stale = c.claims(&c.challenge().await, Choice::NotNow);
    stale.notice = v1;
    let (status, body) = c.send(&c.sign(&stale)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(crate::support::problem_type(&body), "notice-not-offered");
    server.stop().await;
}

async fn a_challenge_names_the_latest_decision(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let c = server.signed_in("adele").await;
    assert_eq!(c.challenge().await["decision"], Value::Null);
    let (status, _, _) = c.decide(Choice::BothWays).await;
    assert_eq!(status, StatusCode::CREATED);
    let ch = c.challenge().await;
    assert_eq!(ch["decision"]["choice"], "both_ways");
    assert_eq!(ch["decision"]["notice_is_current"], true);
    assert_eq!(
        ch["decision"]["notice"],
        serde_json::to_value(catalogue::notice("en").reference()).unwrap()
    );
    server.stop().await;
}

async fn a_host_s_own_link_targets_are_offered_kept_and_verified(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let c = server.signed_in("lynne").await;
    let own = "https://intranet.contoso.example/linkedin-faq";
    let res = c
        .post_json(
            "/v1/challenge",
            json!({"lang": "en", "links": {"help": own}}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let ch: Value = res.json().await.unwrap();
    let expected = catalogue::notice("en")
        .with_links(&LinkOverrides::from([(LinkKey::Help, own.to_owned())]))
        .unwrap()
        .reference();
    assert_eq!(ch["notice"]["sha256"], expected.sha256.as_str());
    assert_eq!(ch["notice"]["links"]["help"], own);
    assert_ne!(expected.sha256, catalogue::notice("en").reference().sha256);

    let kept: Value = c.get(&format!("/v1/notices/{}", expected.sha256)).await;
    assert_eq!(kept["links"]["help"], own);
    assert_eq!(recomputed(&kept), expected.sha256);

    let mut claims = c.claims(&ch, Choice::BothWays);
    claims.notice = expected.clone();
    let (status, receipt) = c.send(&c.sign(&claims)).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");

    // A host sends its targets with every challenge: the server, which remembers what
    // it kept, names the same notice again, and a decision on it is recorded.
    let host_links = json!({"lang": "en", "links": {"help": own}});
    let again: Value = c
        .post_json("/v1/challenge", host_links)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["notice"], ch["notice"]);
    let mut claims = c.claims(&again, Choice::NotNow);
    claims.notice = expected.clone();
    let (status, receipt) = c.send(&c.sign(&claims)).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    // Another target is another notice, kept in its turn.
    let other = "https://intranet.contoso.example/other";
    let third: Value = c
        .post_json("/v1/challenge", json!({"links": {"help": other}}))
        .await
        .json()
        .await
        .unwrap();
    let third_sha = third["notice"]["sha256"].as_str().unwrap();
    assert_ne!(third_sha, expected.sha256);
    let kept: Value = c.get(&format!("/v1/notices/{third_sha}")).await;
    assert_eq!(kept["links"]["help"], other);
    assert_eq!(recomputed(&kept), third_sha);

    let plain_http = c
        .post_json(
            "/v1/challenge",
            json!({"links": {"help": "http://intranet.contoso.example/"}}),
        )
        .await;
    let body = problem(plain_http, StatusCode::BAD_REQUEST, "bad-request-body").await;
    assert!(
        body["detail"].as_str().unwrap().contains("links.help"),
        "{body}"
    );
    let unknown_link = c
        .post_json("/v1/challenge", json!({"links": {"elsewhere": own}}))
        .await;
    problem(unknown_link, StatusCode::BAD_REQUEST, "bad-request-body").await;
    server.stop().await;
}

async fn withdrawing_and_refusing_work_under_every_policy_connecting_does_not(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let megan = server.signed_in("megan").await;
    let alex = server.signed_in("alex").await;
    let (status, _, _) = megan.decide(Choice::BothWays).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _, _) = alex.decide(Choice::LinkedinOnly).await;
    assert_eq!(status, StatusCode::CREATED);

    for (mode, user) in [("off", &megan), ("group", &alex)] {
        let res = user
            .post_json(
                "/v1/admin/policy",
                json!({"mode": mode, "group": ["megan", "adele"]}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        for choice in [Choice::BothWays, Choice::LinkedinOnly] {
            let (status, body, _) = user.decide(choice).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{mode} {choice:?}: {body}");
            assert_eq!(crate::support::problem_type(&body), "choice-not-allowed");
        }
        for choice in [Choice::Withdraw, Choice::NotNow] {
            let (status, body, _) = user.decide(choice).await;
            assert_eq!(status, StatusCode::CREATED, "{mode} {choice:?}: {body}");
        }
        let current = user.get("/v1/decisions/current").await;
        assert_eq!(current["decision"]["choice"], "not_now", "{mode}");
    }
    server.stop().await;
}

async fn a_decision_made_in_dutch_verifies_and_one_claiming_another_locale_does_not(
    backend: Backend,
) {
    let mut server = TestServer::on(backend).start().await;
    let c = server.signed_in("megan").await;
    let nl = catalogue::notice("nl").reference();
    let ch: Value = c
        .post_json("/v1/challenge", json!({"lang": "nl-BE"}))
        .await
        .json()
        .await
        .unwrap();
    // The challenge offers the Dutch text, by its own digest.
    assert_eq!(ch["notice"]["lang"], "nl");
    assert_eq!(ch["notice"]["sha256"], nl.sha256.as_str());
    assert_ne!(nl.sha256, catalogue::notice("en").reference().sha256);
    let mut claims = c.claims(&ch, Choice::BothWays);
    claims.notice = nl.clone();

    // The same Dutch digest claimed as German names nothing the catalogue published.
    let mut relabelled = claims.clone();
    relabelled.notice.lang = "de".into();
    let (status, body) = c.send(&c.sign(&relabelled)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(crate::support::problem_type(&body), "notice-mismatch");

    let (status, receipt) = c.send(&c.sign(&claims)).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let current = c.get("/v1/decisions/current").await;
    assert_eq!(current["decision"]["notice"]["lang"], "nl");
    // An auditor gets the Dutch text back by the digest the decision names.
    let shown: Value = c.get(&format!("/v1/notices/{}", nl.sha256)).await;
    assert_eq!(shown["lang"], "nl");
    assert_eq!(recomputed(&shown), nl.sha256);
    assert!(texts(&shown).contains(&catalogue::notice("nl").prompt.title));
    server.stop().await;
}

/// A widget that carries no language sends the reader's preferences and asks for the
/// text: it gets the first language the notice is written in, and exactly the strings
/// that make up that locale's digest, with the host's links covered too.
async fn a_challenge_negotiates_the_reader_s_languages_and_sends_that_locale_s_text(
    backend: Backend,
) {
    let mut server = TestServer::on(backend).start().await;
    let c = server.signed_in("megan").await;
    let own = "https://intranet.example/linkedin-help";
    let ch: Value = c
        .post_json(
            "/v1/challenge",
            json!({"langs": ["ko-KR", "zh-TW", "ar-EG", "nl"], "text": true,
                   "links": {"help": own}}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ch["notice"]["lang"], "ar");
    let text: Vec<String> = serde_json::from_value(ch["text"].clone()).unwrap();
    assert_eq!(text, catalogue::texts("ar").unwrap());
    assert!(text.contains(&catalogue::notice("ar").prompt.title.to_owned()));
    let mut links = LinkOverrides::new();
    links.insert(LinkKey::Help, own.into());
    let rebuilt = catalogue::notice("en")
        .with_texts("ar", &text)
        .unwrap()
        .with_links(&links)
        .unwrap();
    assert_eq!(
        rebuilt.reference().sha256,
        ch["notice"]["sha256"].as_str().unwrap()
    );

    // Without asking, no text travels; nothing wanted is the default locale.
    let ch: Value = c
        .post_json("/v1/challenge", json!({"langs": ["fr-CA"]}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ch["notice"]["lang"], "fr");
    assert!(ch.get("text").is_none(), "{ch}");
    let ch: Value = c
        .post_json("/v1/challenge", json!({"text": true}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ch["notice"]["lang"], "en");
    let text: Vec<String> = serde_json::from_value(ch["text"].clone()).unwrap();
    assert_eq!(text, catalogue::notice("en").texts());

    // A preference list no reader has is refused, not searched.
    let many: Vec<String> = (0..17).map(|i| format!("x{i}")).collect();
    let res = c.post_json("/v1/challenge", json!({"langs": many})).await;
    let body = problem(res, StatusCode::BAD_REQUEST, "bad-request-body").await;
    assert!(
        body["detail"].as_str().unwrap().contains("at most 16"),
        "{body}"
    );
    let res = c
        .post_json("/v1/challenge", json!({"langs": ["a".repeat(36)]}))
        .await;
    problem(res, StatusCode::BAD_REQUEST, "bad-request-body").await;
    server.stop().await;
}

on_both_backends!(
    a_challenge_negotiates_the_reader_s_languages_and_sends_that_locale_s_text,
    every_published_notice_is_served_by_its_digest,
    a_decision_on_version_1_still_verifies_after_version_2_is_published,
    a_challenge_names_the_latest_decision,
    a_host_s_own_link_targets_are_offered_kept_and_verified,
    withdrawing_and_refusing_work_under_every_policy_connecting_does_not,
    a_decision_made_in_dutch_verifies_and_one_claiming_another_locale_does_not,
);
