//! Who is asking: the subject behind a trusted proxy, and the limit per session.

use crate::support::{problem_type, Client, TestServer};
use consent_server::config::{Config, TrustedHeader};
use reqwest::StatusCode;
use serde_json::{json, Value};

const USER_HEADER: &str = "X-Authenticated-User";

/// Real deployments: no demo sign-in, the user named by the proxy in front.
fn behind_proxy(proxies: &[&str]) -> impl FnOnce(&mut Config) {
    let proxies = proxies.iter().map(|p| p.parse().unwrap()).collect();
    |c: &mut Config| {
        c.demo = false;
        c.trusted_header = Some(TrustedHeader {
            name: USER_HEADER.into(),
            proxies,
        });
    }
}

/// A server that takes five requests a minute from each session, so that the test
/// reaches the limit in a few requests.
async fn five_a_minute() -> TestServer {
    TestServer::sqlite()
        .with_config(|c| c.rate_per_minute = 5)
        .start()
        .await
}

/// A browser whose requests the proxy forwards, naming `user`.
fn forwarded(server: &TestServer, user: &str) -> Client {
    Client::with_header(&server.base, USER_HEADER, user)
}

#[tokio::test]
async fn a_session_that_floods_is_slowed_down() {
    let mut server = five_a_minute().await;
    let flooder = server.signed_in("alex").await;
    let other = server.signed_in("adele").await;
    let mut statuses = Vec::new();
    for _ in 0..7 {
        let res = flooder.post_json("/v1/challenge", json!({})).await;
        statuses.push(res.status());
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            let body: Value = res.json().await.unwrap();
            assert_eq!(problem_type(&body), "rate-limited");
        }
    }
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 5);
    assert_eq!(statuses[5], StatusCode::TOO_MANY_REQUESTS);
    // Other sessions are not affected.
    assert!(other.challenge().await["nonce"].is_string());
    server.stop().await;
}

#[tokio::test]
async fn behind_a_proxy_the_subject_comes_from_the_trusted_header_only() {
    let mut server = TestServer::sqlite()
        .with_config(behind_proxy(&["127.0.0.1"]))
        .start()
        .await;
    let adele = forwarded(&server, "adele@contoso.example");
    let a = adele.challenge().await;
    let b = adele.challenge().await;
    assert_eq!(
        a["sub"], b["sub"],
        "the same user, the same pseudonymous subject"
    );
    assert!(
        !a["sub"].as_str().unwrap().contains("adele"),
        "the subject is not the user id"
    );
    let nobody = server.client();
    assert_eq!(
        nobody.post_json("/v1/challenge", json!({})).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        nobody.sign_in("megan").await.status(),
        StatusCode::NOT_FOUND,
        "no demo sign-in outside demo mode"
    );

    // The same header from an address that is not a configured proxy is ignored.
    server.restart_with(behind_proxy(&["10.9.9.9"])).await;
    let res = adele
        .on(&server)
        .post_json("/v1/challenge", json!({}))
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    server.stop().await;
}
