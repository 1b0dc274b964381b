//! Host pages on other origins, as a browser's CORS checks see the backend: a listed
//! origin gets exact, credentialed access (preflights included) to the JSON and
//! `application/jwt` calls; any other origin gets no CORS header at all; every answer
//! varies by `Origin`.

use crate::support::{problem, TestServer};
use consent_core::Choice;
use reqwest::header::{HeaderMap, CONTENT_TYPE, COOKIE, ORIGIN, SET_COOKIE, VARY};
use reqwest::{Method, StatusCode};
use serde_json::json;

const HOST_PAGE: &str = "http://127.0.0.1:9400";
const OTHER_HOST_PAGE: &str = "https://people.contoso.example";

async fn with_host_pages() -> TestServer {
    TestServer::sqlite()
        .with_config(|c| c.allowed_origins = vec![HOST_PAGE.into(), OTHER_HOST_PAGE.into()])
        .start()
        .await
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).map(|v| v.to_str().unwrap())
}

fn varies_by_origin(headers: &HeaderMap) -> bool {
    headers
        .get_all(VARY)
        .iter()
        .flat_map(|v| v.to_str().unwrap().split(','))
        .any(|v| v.trim().eq_ignore_ascii_case("origin"))
}

fn cors_headers(headers: &HeaderMap) -> Vec<String> {
    headers
        .keys()
        .map(|k| k.as_str().to_owned())
        .filter(|k| k.starts_with("access-control-"))
        .collect()
}

/// What a browser sends before `POST path` with `content_type` and a bearer token.
async fn preflight(server: &TestServer, path: &str, origin: &str) -> reqwest::Response {
    reqwest::Client::new()
        .request(Method::OPTIONS, server.url(path))
        .header(ORIGIN, origin)
        .header("Access-Control-Request-Method", "POST")
        .header(
            "Access-Control-Request-Headers",
            "authorization,content-type",
        )
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_listed_origin_s_preflight_gets_exactly_its_origin_with_credentials() {
    let mut server = with_host_pages().await;
    for path in ["/v1/challenge", "/v1/decisions"] {
        let res = preflight(&server, path, HOST_PAGE).await;
        assert!(res.status().is_success(), "{path}: {}", res.status());
        let h = res.headers();
        assert_eq!(
            header(h, "access-control-allow-origin"),
            Some(HOST_PAGE),
            "{path}: the origin itself, never *"
        );
        assert_eq!(header(h, "access-control-allow-credentials"), Some("true"));
        let methods = header(h, "access-control-allow-methods").unwrap();
        assert!(methods.contains("POST"), "{methods}");
        let allowed = header(h, "access-control-allow-headers")
            .unwrap()
            .to_ascii_lowercase();
        for name in ["content-type", "authorization"] {
            assert!(allowed.contains(name), "{name} in {allowed}");
        }
        assert!(varies_by_origin(h), "{path}: Vary names Origin");
    }
    // The second listed origin is answered with itself, not the first.
    let res = preflight(&server, "/v1/challenge", OTHER_HOST_PAGE).await;
    assert_eq!(
        header(res.headers(), "access-control-allow-origin"),
        Some(OTHER_HOST_PAGE)
    );
    server.stop().await;
}

#[tokio::test]
async fn an_origin_not_listed_gets_no_cors_header_at_all() {
    let mut server = with_host_pages().await;
    // Near misses of a listed origin are other origins.
    for origin in [
        "https://evil.example",
        "http://127.0.0.1:9401",
        "https://127.0.0.1:9400",
        "http://localhost:9400",
        "null",
    ] {
        let res = preflight(&server, "/v1/decisions", origin).await;
        assert_eq!(
            cors_headers(res.headers()),
            Vec::<String>::new(),
            "{origin}"
        );
        assert!(varies_by_origin(res.headers()), "{origin}");

        let client = server.signed_in("megan").await;
        let res = client
            .http
            .post(client.url("/v1/challenge"))
            .header(ORIGIN, origin)
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(
            cors_headers(res.headers()),
            Vec::<String>::new(),
            "{origin}"
        );
        assert!(varies_by_origin(res.headers()), "{origin}");
    }
    server.stop().await;

    // With none configured, a same-origin deployment sends none either.
    let mut server = TestServer::sqlite().start().await;
    let res = preflight(&server, "/v1/decisions", HOST_PAGE).await;
    assert_eq!(cors_headers(res.headers()), Vec::<String>::new());
    assert!(varies_by_origin(res.headers()));
    server.stop().await;
}

#[tokio::test]
async fn a_listed_origin_makes_a_credentialed_decision_and_reads_refusals() {
    let mut server = with_host_pages().await;
    let client = server.signed_in("megan").await;
    let challenge = client
        .http
        .post(client.url("/v1/challenge"))
        .header(ORIGIN, HOST_PAGE)
        .json(&json!({"lang": "en"}))
        .send()
        .await
        .unwrap();
    assert_eq!(challenge.status(), StatusCode::OK);
    let h = challenge.headers();
    assert_eq!(header(h, "access-control-allow-origin"), Some(HOST_PAGE));
    assert_eq!(header(h, "access-control-allow-credentials"), Some("true"));
    assert!(varies_by_origin(h));
    let challenge = challenge.json().await.unwrap();

    let token = client.sign(&client.claims(&challenge, Choice::LinkedinOnly));
    let send = || {
        client
            .http
            .post(client.url("/v1/decisions"))
            .header(ORIGIN, HOST_PAGE)
            .header(CONTENT_TYPE, "application/jwt")
            .body(token.clone())
            .send()
    };
    let res = send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(
        header(res.headers(), "access-control-allow-origin"),
        Some(HOST_PAGE)
    );
    let receipt: serde_json::Value = res.json().await.unwrap();
    assert!(receipt["index"].is_u64(), "{receipt}");
    let current = client.get("/v1/decisions/current").await;
    assert_eq!(current["decision"]["choice"], "linkedin_only");

    // A refusal is readable by the host page too, so the widget can say why.
    let res = client
        .http
        .post(client.url("/v1/decisions"))
        .header(ORIGIN, HOST_PAGE)
        .header(CONTENT_TYPE, "application/jwt")
        .body("not-a-token")
        .send()
        .await
        .unwrap();
    assert_eq!(
        header(res.headers(), "access-control-allow-origin"),
        Some(HOST_PAGE)
    );
    problem(res, StatusCode::BAD_REQUEST, "malformed").await;
    server.stop().await;
}

#[tokio::test]
async fn over_https_with_host_origins_the_session_cookie_goes_cross_site() {
    // The harness's audience is https://consent.test.
    let mut server = with_host_pages().await;
    let res = server.client().sign_in("megan").await;
    let cookie = res.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    assert!(cookie.contains("; Secure;"), "{cookie}");
    assert!(cookie.contains("; SameSite=None;"), "{cookie}");
    let value = cookie.split(';').next().unwrap().to_owned();
    let res = reqwest::Client::new()
        .get(server.url("/v1/session"))
        .header(COOKIE, value)
        .header(ORIGIN, OTHER_HOST_PAGE)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    server.stop().await;

    // Over plain http, SameSite=None without Secure would be dropped by browsers.
    let mut server = TestServer::sqlite()
        .with_config(|c| {
            c.audience = "http://127.0.0.1".into();
            c.allowed_origins = vec![HOST_PAGE.into()];
        })
        .start()
        .await;
    let res = server.client().sign_in("megan").await;
    let cookie = res.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    assert!(cookie.contains("; SameSite=Strict;"), "{cookie}");
    server.stop().await;
}

#[tokio::test]
async fn an_origin_written_as_no_browser_sends_it_refuses_to_start() {
    for (origin, says) in [
        ("https://people.contoso.example/", "slash"),
        ("https://People.Contoso.example", "upper-case"),
        ("people.contoso.example", "http: or https:"),
        ("*", "http: or https:"),
        ("https://people.contoso.example/app", "more than"),
    ] {
        let err = TestServer::sqlite()
            .with_config(move |c| c.allowed_origins = vec![origin.into()])
            .try_start()
            .await
            .err()
            .expect("refused to start");
        assert!(err.contains("allowed_origins"), "{err}");
        assert!(err.contains(says), "{origin}: {err}");
    }
}
