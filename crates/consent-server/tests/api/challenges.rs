//! Challenges cost the backend no write, yet each is answered once, only by the session
//! and subject it was issued to, and still after a restart or on another instance.

use crate::support::{problem_type, Backend, TestServer};
use consent_core::Choice;
use reqwest::StatusCode;

on_both_backends!(
    issuing_a_challenge_writes_nothing_and_answering_it_spends_it,
    a_challenge_outlives_a_restart,
);

async fn issuing_a_challenge_writes_nothing_and_answering_it_spends_it(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let c = server.signed_in("megan").await;
    let challenges = challenges_for(&c, 20).await;
    let db = server.store();
    assert_eq!((db.count("nonces"), db.count("used_nonces")), (0, 0));

    let claims = c.claims(&challenges[7], Choice::LinkedinOnly);
    let (status, body) = c.send(&c.sign(&claims)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(db.count("used_nonces"), 1, "its answering is recorded");
    // The same challenge again, as another decision: refused, however it is signed.
    let mut again = c.claims(&challenges[7], Choice::BothWays);
    again.jti = "another-decision-id-0002".into();
    let (status, body) = c.send(&c.sign(&again)).await;
    assert_eq!(
        (status, problem_type(&body)),
        (StatusCode::CONFLICT, "nonce-replayed")
    );
    // The other nineteen are still good.
    let (status, body) = c
        .send(&c.sign(&c.claims(&challenges[8], Choice::NotNow)))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(db.count("decisions"), 2);
    server.stop().await;
}

async fn a_challenge_outlives_a_restart(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let c = server.signed_in("alex").await;
    let before = c.challenge().await;
    let spent = c.challenge().await;
    let (status, body) = c.send(&c.sign(&c.claims(&spent, Choice::NotNow))).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");

    server.restart().await;
    let c = c.on(&server);
    let (status, body) = c
        .send(&c.sign(&c.claims(&before, Choice::LinkedinOnly)))
        .await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "issued before the restart: {body}"
    );
    let mut replayed = c.claims(&spent, Choice::BothWays);
    replayed.jti = "another-decision-id-0003".into();
    let (status, body) = c.send(&c.sign(&replayed)).await;
    assert_eq!(
        (status, problem_type(&body)),
        (StatusCode::CONFLICT, "nonce-replayed"),
        "answered before the restart"
    );
    if backend == Backend::Postgres {
        // Instances behind a load balancer: issued by one, answered at the other.
        let mut other = server.another_instance().await;
        let ch = c.challenge().await;
        let at_other = c.on(&other);
        let (status, body) = at_other
            .send(&at_other.sign(&at_other.claims(&ch, Choice::NotNow)))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        other.stop().await;
    }
    server.stop().await;
}

/// `n` challenges for `c`, asked for one after another.
async fn challenges_for(c: &crate::support::Client, n: usize) -> Vec<serde_json::Value> {
    let mut all = Vec::with_capacity(n);
    for _ in 0..n {
        all.push(c.challenge().await);
    }
    all
}

/// Answers come compressed only where that saves something: the first challenge, with
/// the notice's text, is brotli for a browser; a challenge without text, a few hundred
/// bytes, comes plain rather than paying for an encoder per answer.
#[tokio::test]
async fn the_text_comes_compressed_and_a_short_answer_plain() {
    use reqwest::header::{ACCEPT_ENCODING, CONTENT_ENCODING};
    use std::io::Read;
    let mut server = TestServer::on(Backend::Sqlite).start().await;
    let c = server.signed_in("megan").await;
    let ask = |body: serde_json::Value| {
        c.http
            .post(c.url("/v1/challenge"))
            .header(ACCEPT_ENCODING, "gzip, deflate, br, zstd")
            .json(&body)
            .send()
    };
    let first = ask(serde_json::json!({"text": true, "langs": ["en"]}))
        .await
        .unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let encoding = first.headers().get(CONTENT_ENCODING).cloned();
    assert_eq!(encoding.as_ref().map(|v| v.to_str().unwrap()), Some("br"));
    let wire = first.bytes().await.unwrap();
    let mut json = Vec::new();
    brotli_decompressor::Decompressor::new(&wire[..], 4096)
        .read_to_end(&mut json)
        .unwrap();
    let challenge: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert!(challenge["text"].as_array().is_some_and(|t| t.len() > 50));
    assert!(
        wire.len() * 2 < json.len(),
        "{} of {}",
        wire.len(),
        json.len()
    );

    let later = ask(serde_json::json!({})).await.unwrap();
    assert_eq!(later.status(), StatusCode::OK);
    assert!(later.headers().get(CONTENT_ENCODING).is_none());
    let plain: serde_json::Value = later.json().await.unwrap();
    assert!(plain["nonce"].is_string() && plain.get("text").is_none_or(|t| t.is_null()));
    server.stop().await;
}
