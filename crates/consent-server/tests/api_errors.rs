//! Whatever an API client sends, it gets an answer it can parse: problem+json for every
//! refusal, never a panic or a 5xx. Also the trusted-header mode and the sign-in
//! allowance, which only make sense over real connections.

use consent_server::config::{Config, TrustedHeader};
use reqwest::header::{ALLOW, CONTENT_TYPE};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn start(config: Config) -> (tempfile::TempDir, consent_server::Server, String) {
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        port: 0,
        data_dir: dir.path().join("data"),
        www_dir: dir.path().join("www"),
        pkg_dir: dir.path().join("pkg"),
        ..config
    };
    let server = consent_server::start(config).await.unwrap();
    let base = format!("http://{}", server.addr);
    (dir, server, base)
}

fn jar() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap()
}

/// Asserts an RFC 9457 answer with this status and reason code; returns it.
async fn problem(res: reqwest::Response, status: StatusCode, code: &str) -> Value {
    assert_eq!(res.status(), status, "{code}");
    assert_eq!(
        res.headers()[CONTENT_TYPE],
        "application/problem+json",
        "{code}"
    );
    let body: Value = res.json().await.unwrap();
    assert_eq!(
        body["type"],
        format!("https://consent.example/problems/{code}"),
        "{body}"
    );
    assert_eq!(body["status"], status.as_u16());
    assert!(body["title"].as_str().is_some_and(|t| !t.is_empty()));
    body
}

#[tokio::test]
async fn requests_the_framework_refuses_are_problems_too() {
    let (_dir, server, base) = start(Config::default()).await;
    let http = jar();
    let res = http.get(format!("{base}/v1/nope")).send().await.unwrap();
    problem(res, StatusCode::NOT_FOUND, "not-found").await;

    let res = http
        .delete(format!("{base}/v1/session"))
        .send()
        .await
        .unwrap();
    let allow = res.headers().get(ALLOW).cloned();
    problem(res, StatusCode::METHOD_NOT_ALLOWED, "method-not-allowed").await;
    assert!(allow.is_some_and(|a| a.to_str().unwrap().contains("POST")));

    // Sign-in bodies: not JSON, the wrong shape, an unknown field.
    for (ct, body) in [
        ("application/json", "{"),
        ("application/json", r#"{"user": 7}"#),
        ("application/json", r#"{"user": "megan", "admin": true}"#),
        ("text/plain", r#"{"user": "megan"}"#),
    ] {
        let res = http
            .post(format!("{base}/v1/session"))
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

    let res = http
        .post(format!("{base}/v1/session"))
        .json(&json!({"user": "megan"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    // A challenge body with a wrong type is refused, an empty one is fine.
    let res = http
        .post(format!("{base}/v1/challenge"))
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
    let res = http
        .post(format!("{base}/v1/challenge"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = http
        .post(format!("{base}/v1/challenge"))
        .json(&json!({"lang": "de-DE"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);

    // Over the body limit: refused before the handler, still a problem.
    let res = http
        .post(format!("{base}/v1/decisions"))
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
    let (_dir, server, base) = start(Config {
        rate_per_minute: 100_000,
        ..Config::default()
    })
    .await;
    let http = jar();
    http.post(format!("{base}/v1/session"))
        .json(&json!({"user": "adele"}))
        .send()
        .await
        .unwrap();
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
        let mut req = http.post(format!("{base}{path}")).body(bytes.clone());
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
        let res = http
            .get(format!("{base}{path}{query}"))
            .send()
            .await
            .unwrap();
        assert!(!res.status().is_server_error(), "{path}{query}");
        if !res.status().is_success() {
            assert_eq!(res.headers()[CONTENT_TYPE], "application/problem+json");
        }
    }
    // The server still works afterwards.
    let res = http.get(format!("{base}/healthz")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    server.stop().await;
}

fn trusted(proxies: &[&str]) -> Config {
    Config {
        demo: false,
        trusted_header: Some(TrustedHeader {
            name: "X-Authenticated-User".into(),
            proxies: proxies.iter().map(|p| p.parse().unwrap()).collect(),
        }),
        ..Config::default()
    }
}

#[tokio::test]
async fn the_trusted_header_is_believed_from_the_proxy_only() {
    let (_dir, server, base) = start(trusted(&["127.0.0.1"])).await;
    let http = reqwest::Client::new();
    let who = |user: &'static str| {
        http.get(format!("{base}/v1/session"))
            .header("X-Authenticated-User", user)
            .send()
    };
    let res = who("carol@contoso.example").await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let me: Value = res.json().await.unwrap();
    let sub = me["sub"].as_str().unwrap().to_owned();
    // Pseudonymous, stable, and different per user.
    assert!(!sub.contains("carol"), "{sub}");
    assert!(sub.len() >= 40, "{sub}");
    let again: Value = who("carol@contoso.example")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(again["sub"], sub);
    let other: Value = who("dave@contoso.example")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_ne!(other["sub"], sub);

    let res = http
        .post(format!("{base}/v1/challenge"))
        .header("X-Authenticated-User", "carol@contoso.example")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let ch: Value = res.json().await.unwrap();
    assert_eq!(ch["sub"], sub);
    assert_eq!(ch["policy"], "enabled");

    // No header: nobody. No demo sign-in or policy switch outside demo mode either.
    let res = http.get(format!("{base}/v1/session")).send().await.unwrap();
    problem(res, StatusCode::UNAUTHORIZED, "no-session").await;
    let res = http
        .post(format!("{base}/v1/session"))
        .json(&json!({"user": "megan"}))
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::NOT_FOUND, "not-demo").await;
    let res = http
        .post(format!("{base}/v1/admin/policy"))
        .json(&json!({"mode": "off"}))
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::NOT_FOUND, "not-demo").await;
    server.stop().await;

    // The same header from an address that is not the proxy is ignored.
    let (_dir, server, base) = start(trusted(&["192.0.2.7"])).await;
    let res = http
        .get(format!("{base}/v1/session"))
        .header("X-Authenticated-User", "carol@contoso.example")
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::UNAUTHORIZED, "no-session").await;
    server.stop().await;
}

#[tokio::test]
async fn one_address_cannot_mint_sessions_without_bound() {
    let (_dir, server, base) = start(Config {
        rate_per_minute: 5,
        ..Config::default()
    })
    .await;
    let http = reqwest::Client::new();
    let mut statuses = Vec::new();
    for _ in 0..7 {
        let res = http
            .post(format!("{base}/v1/session"))
            .json(&json!({"user": "alex"}))
            .send()
            .await
            .unwrap();
        statuses.push(res.status());
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            problem(res, StatusCode::TOO_MANY_REQUESTS, "rate-limited").await;
        }
    }
    // A minute boundary may fall inside the loop and reset the count once.
    let ok = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    assert!((5..=6).contains(&ok), "{statuses:?}");
    assert!(
        statuses.contains(&StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    server.stop().await;
}

#[tokio::test]
async fn the_policy_switch_follows_demo_mode_unless_configured() {
    let policy = |base: String| async move {
        reqwest::Client::new()
            .post(format!("{base}/v1/admin/policy"))
            .json(&json!({"mode": "group", "group": ["megan"]}))
            .send()
            .await
            .unwrap()
    };
    // Demo mode, switch left at its default: on.
    let (_d, server, base) = start(Config::default()).await;
    assert_eq!(policy(base).await.status(), StatusCode::OK);
    server.stop().await;
    // Demo mode, switch turned off explicitly.
    let (_d, server, base) = start(Config {
        admin_api: Some(false),
        ..Config::default()
    })
    .await;
    problem(policy(base).await, StatusCode::NOT_FOUND, "not-demo").await;
    server.stop().await;
    // Outside demo mode but asked for.
    let (_d, server, base) = start(Config {
        demo: false,
        admin_api: Some(true),
        ..Config::default()
    })
    .await;
    let res = policy(base.clone()).await;
    assert_eq!(res.status(), StatusCode::OK);
    let now: Value = reqwest::get(format!("{base}/v1/admin/policy"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(now["mode"], "group");
    assert_eq!(now["group"], json!(["megan"]));
    server.stop().await;
}
