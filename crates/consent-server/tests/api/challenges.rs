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
