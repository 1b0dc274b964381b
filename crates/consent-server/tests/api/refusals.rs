//! Every refusal of a decision has a problem type of its own, and nothing refused
//! reaches the ledger.

use crate::support::{problem_type, Backend, TestServer};
use consent_core::token::base64url;
use consent_core::Choice;
use reqwest::StatusCode;

async fn every_refusal_has_its_own_problem_type(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let c = server.signed_in("megan").await;
    let other = server.signed_in("alex").await;
    let mut cases: Vec<(&str, StatusCode, String)> = Vec::new();

    let ch = c.challenge().await;
    let good = c.claims(&ch, Choice::NotNow);
    let token = c.sign(&good);
    assert_eq!(c.send(&token).await.0, StatusCode::CREATED);
    // The same nonce with a new decision id.
    let mut again = good.clone();
    again.jti = "another-decision-id-0001".into();
    cases.push(("nonce-replayed", StatusCode::CONFLICT, c.sign(&again)));
    // The same decision id with different content.
    let ch = c.challenge().await;
    let mut reused = c.claims(&ch, Choice::BothWays);
    reused.jti = good.jti.clone();
    cases.push(("jti-reused", StatusCode::CONFLICT, c.sign(&reused)));
    let mut unknown = c.claims(&c.challenge().await, Choice::NotNow);
    unknown.nonce = "never-issued".into();
    cases.push(("unknown-nonce", StatusCode::BAD_REQUEST, c.sign(&unknown)));
    let mut wrong_sub = c.claims(&c.challenge().await, Choice::NotNow);
    wrong_sub.sub = "somebody-else".into();
    cases.push(("wrong-subject", StatusCode::FORBIDDEN, c.sign(&wrong_sub)));
    let mut aud = c.claims(&c.challenge().await, Choice::NotNow);
    aud.aud = "https://evil.test".into();
    cases.push(("wrong-audience", StatusCode::FORBIDDEN, c.sign(&aud)));
    let mut old = c.claims(&c.challenge().await, Choice::NotNow);
    old.iat -= 3600;
    cases.push(("iat-skew", StatusCode::BAD_REQUEST, c.sign(&old)));
    let mut flows = c.claims(&c.challenge().await, Choice::LinkedinOnly);
    flows.flows = Choice::BothWays.flows();
    cases.push(("flows-mismatch", StatusCode::BAD_REQUEST, c.sign(&flows)));
    let tampered = {
        let t = c.sign(&c.claims(&c.challenge().await, Choice::NotNow));
        let (input, _) = t.rsplit_once('.').unwrap();
        format!("{input}.{}", base64url(&[1u8; 64]))
    };
    cases.push(("bad-signature", StatusCode::BAD_REQUEST, tampered));
    cases.push(("malformed", StatusCode::BAD_REQUEST, "not.a-token".into()));
    cases.push(("too-large", StatusCode::PAYLOAD_TOO_LARGE, "a".repeat(9000)));

    for (code, status, token) in &cases {
        let (s, body) = c.send(token).await;
        assert_eq!((s, problem_type(&body)), (*status, *code), "{body}");
        assert_eq!(body["status"], s.as_u16());
    }
    // A challenge issued to another session cannot be answered from this one.
    let theirs = other.challenge().await;
    let mut stolen = c.claims(&theirs, Choice::NotNow);
    stolen.sub = c.challenge().await["sub"].as_str().unwrap().into();
    let (s, body) = c.send(&c.sign(&stolen)).await;
    assert_eq!(
        (s, problem_type(&body)),
        (StatusCode::FORBIDDEN, "wrong-session")
    );
    // Wrong media type and no session.
    let res = c
        .http
        .post(c.url("/v1/decisions"))
        .body(token.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let (anon, _) = server.client().send(&token).await;
    assert_eq!(anon, StatusCode::UNAUTHORIZED);
    // Nothing refused reached the ledger.
    assert_eq!(c.get("/v1/ledger/entries?start=0").await["tree_size"], 1);
    server.stop().await;
}

on_both_backends!(every_refusal_has_its_own_problem_type);
