//! The shapes the widget and host pages rely on: the session cookie and the challenge.

use base64ct::{Base64UrlUnpadded, Encoding};
use consent_server::config::Config;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::HashSet;

#[tokio::test]
async fn sign_in_sets_a_strict_http_only_cookie_and_a_pseudonymous_subject() {
    let dir = tempfile::tempdir().unwrap();
    let server = consent_server::start(Config {
        port: 0,
        data_dir: dir.path().to_path_buf(),
        audience: "https://consent.test".into(),
        nonce_ttl_secs: 600,
        ..Config::default()
    })
    .await
    .unwrap();
    let base = format!("http://{}", server.addr);
    let http = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let res = http
        .post(format!("{base}/v1/session"))
        .json(&json!({"user": "adele"}))
        .send()
        .await
        .unwrap();
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
        let mut req = http.post(format!("{base}/v1/challenge"));
        if let Some(lang) = lang {
            req = req.json(&json!({"lang": lang}));
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let ch: Value = res.json().await.unwrap();
        let keys: HashSet<&str> = ch.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        assert_eq!(
            keys,
            HashSet::from(["nonce", "sub", "aud", "notice", "policy", "expires_at"])
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
    let other = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let them: Value = other
        .post(format!("{base}/v1/session"))
        .json(&json!({"user": "alex"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_ne!(them["sub"], sub.as_str());
    // Not a demo user: refused, nothing set.
    let res = other
        .post(format!("{base}/v1/session"))
        .json(&json!({"user": "mallory"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res.headers().get("set-cookie").is_none());
    server.stop().await;
}
