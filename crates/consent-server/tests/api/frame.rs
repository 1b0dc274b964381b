//! The isolated frame page, as a browser gets it: only the allowed host origins may
//! embed it (`frame-ancestors`), it runs under a policy that loads nothing but this
//! origin's scripts and wasm and calls nothing but this backend, and a host origin that
//! is not allowed gets a problem instead of the page.

use crate::support::{problem, TestServer};
use reqwest::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use reqwest::StatusCode;

const HOST_PAGE: &str = "http://127.0.0.1:9400";
const OTHER_HOST_PAGE: &str = "https://people.contoso.example";

async fn with_host_pages() -> TestServer {
    TestServer::sqlite()
        .with_config(|c| c.allowed_origins = vec![HOST_PAGE.into(), OTHER_HOST_PAGE.into()])
        .start()
        .await
}

async fn frame(server: &TestServer, host: &str) -> reqwest::Response {
    reqwest::Client::new()
        .get(server.url("/frame"))
        .query(&[("host", host)])
        .send()
        .await
        .unwrap()
}

/// The policy's directives by name, each with its sources.
fn directives(csp: &str) -> Vec<(String, Vec<String>)> {
    csp.split(';')
        .map(str::split_whitespace)
        .filter_map(|mut words| {
            let name = words.next()?.to_owned();
            Some((name, words.map(String::from).collect()))
        })
        .collect()
}

fn sources<'a>(policy: &'a [(String, Vec<String>)], name: &str) -> &'a [String] {
    let found: Vec<_> = policy.iter().filter(|(n, _)| n == name).collect();
    assert_eq!(found.len(), 1, "{name} exactly once in {policy:?}");
    &found[0].1
}

#[tokio::test]
async fn an_allowed_host_gets_the_page_embeddable_by_the_allowed_origins_only() {
    let mut server = with_host_pages().await;
    let res = frame(&server, HOST_PAGE).await;
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers().clone();
    assert!(h[CONTENT_TYPE].to_str().unwrap().starts_with("text/html"));
    assert_eq!(h[CACHE_CONTROL], "no-store");
    assert!(
        h.get("x-frame-options").is_none(),
        "X-Frame-Options would forbid every embedder"
    );
    let csp = h[CONTENT_SECURITY_POLICY].to_str().unwrap();
    let policy = directives(csp);
    assert_eq!(
        sources(&policy, "frame-ancestors"),
        ["'self'", HOST_PAGE, OTHER_HOST_PAGE],
        "{csp}"
    );
    assert_eq!(sources(&policy, "default-src"), ["'none'"]);
    assert_eq!(
        sources(&policy, "script-src"),
        ["'self'", "'wasm-unsafe-eval'"]
    );
    assert_eq!(sources(&policy, "connect-src"), ["'self'"]);
    assert_eq!(sources(&policy, "style-src"), ["'self'"]);
    assert_eq!(sources(&policy, "base-uri"), ["'none'"]);
    assert_eq!(sources(&policy, "form-action"), ["'none'"]);
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains('*'),
        "{csp}"
    );

    let body = res.text().await.unwrap();
    assert!(body.contains(r#"src="/pkg/frame-page.js""#), "{body}");
    assert!(
        !body.contains(HOST_PAGE),
        "the host's origin is never written into the page"
    );
    // The other allowed origin gets the same page.
    assert_eq!(
        frame(&server, OTHER_HOST_PAGE).await.status(),
        StatusCode::OK
    );
    server.stop().await;
}

#[tokio::test]
async fn a_host_origin_not_allowed_gets_a_problem_not_the_page() {
    let mut server = with_host_pages().await;
    for host in [
        "https://evil.example",
        "http://127.0.0.1:9401",
        "http://127.0.0.1:9400/",
        "HTTP://127.0.0.1:9400",
        "https://people.contoso.example.evil.example",
        "",
    ] {
        let res = frame(&server, host).await;
        assert!(
            res.headers().get(CONTENT_SECURITY_POLICY).is_none()
                || !res.headers()[CONTENT_SECURITY_POLICY]
                    .to_str()
                    .unwrap()
                    .contains(HOST_PAGE),
            "{host:?}: no embedding allowed by a refusal"
        );
        let body = problem(res, StatusCode::BAD_REQUEST, "bad-frame-host").await;
        assert!(
            body["detail"].as_str().unwrap().contains("allowed origins"),
            "{host:?}: {body}"
        );
    }
    let missing = reqwest::get(server.url("/frame")).await.unwrap();
    let body = problem(missing, StatusCode::BAD_REQUEST, "bad-frame-host").await;
    assert!(
        body["detail"].as_str().unwrap().contains("?host="),
        "{body}"
    );
    server.stop().await;
}

#[tokio::test]
async fn with_no_host_origins_only_the_backend_s_own_pages_may_embed_it() {
    let mut server = TestServer::sqlite().start().await;
    // The harness's backend calls itself https://consent.test.
    let res = frame(&server, "https://consent.test").await;
    assert_eq!(res.status(), StatusCode::OK);
    let csp = res.headers()[CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert_eq!(
        sources(&directives(csp), "frame-ancestors"),
        ["'self'"],
        "{csp}"
    );
    let other = frame(&server, HOST_PAGE).await;
    problem(other, StatusCode::BAD_REQUEST, "bad-frame-host").await;
    server.stop().await;
}
