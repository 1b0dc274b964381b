//! Whatever a client sends, it gets an answer it can parse: problem+json for every
//! refusal, with a type of its own, never a panic or a 5xx; and nothing refused reaches
//! the ledger.

use crate::support::{problem, problem_type, Backend, TestServer};
use consent_core::token::base64url;
use consent_core::Choice;
use reqwest::header::{ALLOW, CONTENT_TYPE};
use reqwest::StatusCode;
use serde_json::{json, Value};

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
    let mut jti = c.claims(&c.challenge().await, Choice::NotNow);
    jti.jti = "decision\nforged-line".into();
    cases.push(("bad-jti", StatusCode::BAD_REQUEST, c.sign(&jti)));
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

#[tokio::test]
async fn requests_the_framework_refuses_are_problems_too() {
    let mut server = TestServer::sqlite().start().await;
    let c = server.client();
    let res = c.fetch("/v1/nope").await;
    problem(res, StatusCode::NOT_FOUND, "not-found").await;

    let res = c.http.put(c.url("/v1/session")).send().await.unwrap();
    let allow = res.headers().get(ALLOW).cloned();
    problem(res, StatusCode::METHOD_NOT_ALLOWED, "method-not-allowed").await;
    assert!(allow.is_some_and(|a| a.to_str().unwrap().contains("DELETE")));

    // Sign-in bodies: not JSON, the wrong shape, an unknown field.
    for (ct, body) in [
        ("application/json", "{"),
        ("application/json", r#"{"user": 7}"#),
        ("application/json", r#"{"user": "megan", "admin": true}"#),
        ("text/plain", r#"{"user": "megan"}"#),
    ] {
        let res = c
            .http
            .post(c.url("/v1/session"))
            .header(CONTENT_TYPE, ct)
            .body(body)
            .send()
            .await
            .unwrap();
        assert!(res.status().is_client_error(), "{ct} {body}");
        let body: Value = {
            assert_eq!(res.headers()[CONTENT_TYPE], "application/problem+json");
            res.json().await.unwrap()
        };
        assert!(body["type"]
            .as_str()
            .unwrap()
            .starts_with("https://consent.example/problems/"));
    }

    assert_eq!(c.sign_in("megan").await.status(), StatusCode::OK);
    // A challenge body with a wrong type is refused, an empty one is fine.
    let res = c
        .http
        .post(c.url("/v1/challenge"))
        .header(CONTENT_TYPE, "application/json")
        .body(r#"{"lang": 5}"#)
        .send()
        .await
        .unwrap();
    let body = problem(res, StatusCode::BAD_REQUEST, "bad-request-body").await;
    assert!(
        body["detail"].as_str().unwrap().contains("invalid type"),
        "{body}"
    );
    let res = c.http.post(c.url("/v1/challenge")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = c.post_json("/v1/challenge", json!({"lang": "de-DE"})).await;
    assert_eq!(res.status(), StatusCode::OK);

    // Over the body limit: refused before the handler, still a problem.
    let res = c
        .http
        .post(c.url("/v1/decisions"))
        .header(CONTENT_TYPE, "application/jwt")
        .body("a".repeat(64 * 1024))
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::PAYLOAD_TOO_LARGE, "too-large").await;
    server.stop().await;
}

#[tokio::test]
async fn random_input_to_every_endpoint_gets_a_client_error_never_a_crash() {
    use rand::{Rng, SeedableRng};
    let mut server = TestServer::sqlite().start().await;
    let c = server.signed_in("adele").await;
    // Seeded, so a failure can be replayed.
    let mut rng = rand::rngs::StdRng::seed_from_u64(0x5eed);
    let posts = [
        "/v1/session",
        "/v1/challenge",
        "/v1/decisions",
        "/v1/admin/policy",
    ];
    let gets = [
        "/v1/ledger/proof/inclusion?index=",
        "/v1/ledger/proof/consistency?from=1&to=",
        "/v1/ledger/entries?start=",
    ];
    let types = ["application/json", "application/jwt", "text/plain", ""];
    for round in 0..300 {
        let len = rng.gen_range(0..600);
        let bytes: Vec<u8> = match round % 3 {
            // Raw bytes, JSON-ish text, and dotted base64url-ish text.
            0 => (0..len).map(|_| rng.gen()).collect(),
            1 => (0..len)
                .map(|_| b"{}[]\":,0123456789eE.-+ truefalsnul\\u"[rng.gen_range(0..36)])
                .collect(),
            _ => (0..len)
                .map(|_| b"abcXYZ019-_.."[rng.gen_range(0..13)])
                .collect(),
        };
        let path = posts[rng.gen_range(0..posts.len())];
        let mut req = c.http.post(c.url(path)).body(bytes.clone());
        let ct = types[rng.gen_range(0..types.len())];
        if !ct.is_empty() {
            req = req.header(CONTENT_TYPE, ct);
        }
        let res = req.send().await.unwrap();
        let status = res.status();
        assert!(!status.is_server_error(), "{path} {ct} {bytes:?}: {status}");
        if !status.is_success() {
            assert_eq!(
                res.headers()[CONTENT_TYPE],
                "application/problem+json",
                "{path} {ct} {bytes:?}"
            );
        }
        let query: String = (0..rng.gen_range(0..30))
            .map(|_| b"0123456789-x%&=+"[rng.gen_range(0..16)] as char)
            .collect();
        let path = gets[rng.gen_range(0..gets.len())];
        let res = c.fetch(&format!("{path}{query}")).await;
        assert!(!res.status().is_server_error(), "{path}{query}");
        if !res.status().is_success() {
            assert_eq!(res.headers()[CONTENT_TYPE], "application/problem+json");
        }
    }
    // The server still works afterwards.
    let res = c.fetch("/healthz").await;
    assert_eq!(res.status(), StatusCode::OK);
    server.stop().await;
}
