//! Who is asking: the demo sign-in and its cookie, the subject behind a trusted proxy,
//! the challenge's shape, and the limits per session and per address.

use crate::support::{problem, problem_type, Client, TestServer};
use base64ct::{Base64UrlUnpadded, Encoding};
use consent_server::config::{Config, TrustedHeader};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::HashSet;

const USER_HEADER: &str = "X-Authenticated-User";

/// Real deployments: no demo sign-in, the user named by the proxy in front (which
/// here forwards the `Host` the test client sends, the loopback address).
fn behind_proxy(proxies: &[&str]) -> impl FnOnce(&mut Config) {
    let proxies = proxies.iter().map(|p| p.parse().unwrap()).collect();
    |c: &mut Config| {
        c.demo = false;
        c.allowed_hosts = Some(vec!["127.0.0.1".into()]);
        c.trusted_header = Some(TrustedHeader {
            name: USER_HEADER.into(),
            proxies,
        });
    }
}

/// A server that believes [`USER_HEADER`] from `proxies` only.
async fn proxy_in_front(proxies: &[&str]) -> TestServer {
    TestServer::sqlite()
        .with_config(behind_proxy(proxies))
        .start()
        .await
}

/// A server that takes five requests a minute from each session and each address,
/// so that the tests reach the limit in a few requests.
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
async fn sign_in_sets_a_strict_http_only_cookie_and_a_pseudonymous_subject() {
    let mut server = TestServer::sqlite()
        .with_config(|c| c.nonce_ttl_secs = 600)
        .start()
        .await;
    let c = server.client();
    let res = c.sign_in("adele").await;
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    let attrs: Vec<&str> = cookie.split(';').map(str::trim).collect();
    for wanted in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(attrs.contains(&wanted), "{cookie}");
    }
    let value = attrs[0].split_once('=').unwrap().1;
    assert!(
        Base64UrlUnpadded::decode_vec(value).unwrap().len() >= 16,
        "{cookie}"
    );
    let me: Value = res.json().await.unwrap();
    assert_eq!(me["user"], "adele");
    assert_eq!(me["policy"], "enabled");
    let sub = me["sub"].as_str().unwrap().to_owned();
    assert!(!sub.to_lowercase().contains("adele"));

    // Challenges: fresh 128-bit-plus nonces, this session's subject, the server's
    // audience, the notice of the asked language (English when unknown), short-lived.
    let mut nonces = HashSet::new();
    for lang in [
        None,
        Some("de-DE"),
        Some("en-US"),
        Some("xx-unknown"),
        Some(""),
    ] {
        let mut req = c.http.post(c.url("/v1/challenge"));
        if let Some(lang) = lang {
            req = req.json(&json!({"lang": lang}));
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let ch: Value = res.json().await.unwrap();
        let keys: HashSet<&str> = ch.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        assert_eq!(
            keys,
            HashSet::from([
                "nonce",
                "sub",
                "aud",
                "notice",
                "policy",
                "issued_at",
                "expires_at",
                "decision"
            ])
        );
        let nonce = ch["nonce"].as_str().unwrap();
        assert!(Base64UrlUnpadded::decode_vec(nonce).unwrap().len() >= 16);
        assert!(nonces.insert(nonce.to_owned()), "nonce repeated");
        assert_eq!(ch["sub"], sub.as_str());
        assert_eq!(ch["aud"], "https://consent.test");
        assert_eq!(ch["policy"], "enabled");
        let expected = consent_core::catalogue::notice(lang.unwrap_or("en")).reference();
        assert_eq!(ch["notice"], serde_json::to_value(&expected).unwrap());
        let expires = humantime::parse_rfc3339(ch["expires_at"].as_str().unwrap()).unwrap();
        let left = expires
            .duration_since(std::time::SystemTime::now())
            .unwrap_or_default()
            .as_secs();
        assert!((590..=600).contains(&left), "{left} s left");
    }
    // Another user gets another subject.
    let other = server.client();
    let them: Value = other.sign_in("alex").await.json().await.unwrap();
    assert_ne!(them["sub"], sub.as_str());
    // Not a demo user: refused, nothing set.
    let res = other.sign_in("mallory").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res.headers().get("set-cookie").is_none());
    server.stop().await;
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
async fn one_address_cannot_mint_sessions_without_bound() {
    let mut server = five_a_minute().await;
    let mut statuses = Vec::new();
    for _ in 0..7 {
        // A new browser each time, as a script minting sessions would be.
        let res = server.client().sign_in("alex").await;
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
async fn behind_a_proxy_the_subject_comes_from_the_trusted_header_only() {
    let mut server = proxy_in_front(&["127.0.0.1"]).await;
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

#[tokio::test]
async fn the_trusted_header_is_believed_from_the_proxy_only() {
    let mut server = proxy_in_front(&["127.0.0.1"]).await;
    let carol = forwarded(&server, "carol@contoso.example");
    let res = carol.fetch("/v1/session").await;
    assert_eq!(res.status(), StatusCode::OK);
    let me: Value = res.json().await.unwrap();
    let sub = me["sub"].as_str().unwrap().to_owned();
    // Pseudonymous, stable, and different per user.
    assert!(!sub.contains("carol"), "{sub}");
    assert!(sub.len() >= 40, "{sub}");
    assert_eq!(carol.get("/v1/session").await["sub"], sub);
    let dave = forwarded(&server, "dave@contoso.example");
    assert_ne!(dave.get("/v1/session").await["sub"], sub);

    let res = carol
        .http
        .post(carol.url("/v1/challenge"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let ch: Value = res.json().await.unwrap();
    assert_eq!(ch["sub"], sub);
    assert_eq!(ch["policy"], "enabled");

    // No header: nobody. No demo sign-in or policy switch outside demo mode either.
    let nobody = server.client();
    let res = nobody.fetch("/v1/session").await;
    problem(res, StatusCode::UNAUTHORIZED, "no-session").await;
    let res = nobody.sign_in("megan").await;
    problem(res, StatusCode::NOT_FOUND, "not-demo").await;
    let res = nobody
        .post_json("/v1/admin/policy", json!({"mode": "off"}))
        .await;
    problem(res, StatusCode::NOT_FOUND, "not-demo").await;
    server.stop().await;

    // The same header from an address that is not the proxy is ignored.
    let mut server = proxy_in_front(&["192.0.2.7"]).await;
    let res = carol.on(&server).fetch("/v1/session").await;
    problem(res, StatusCode::UNAUTHORIZED, "no-session").await;
    server.stop().await;
}
