//! The demo session as an attacker would try it: the cookie's name and attributes
//! over https and plain http, signing out for good, and a copy of the database that
//! holds no usable session.

use crate::support::{problem, Backend, TestServer};
use base64ct::{Base64UrlUnpadded, Encoding};
use reqwest::header::{COOKIE, SET_COOKIE};
use reqwest::StatusCode;
use serde_json::json;
use sha2::{Digest, Sha256};

/// The `Set-Cookie` of a sign-in as `user` on `server`, split into its attributes.
async fn sign_in_cookie(server: &TestServer, user: &str) -> Vec<String> {
    let res = server.client().sign_in(user).await;
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    cookie.split(';').map(|a| a.trim().to_owned()).collect()
}

#[tokio::test]
async fn over_https_the_cookie_is_host_prefixed_and_secure() {
    // The harness's audience is https://consent.test.
    let mut server = TestServer::sqlite().start().await;
    let attrs = sign_in_cookie(&server, "megan").await;
    let (name, value) = attrs[0].split_once('=').unwrap();
    assert_eq!(name, "__Host-alc_session");
    assert!(Base64UrlUnpadded::decode_vec(value).unwrap().len() >= 16);
    let mut rest: Vec<&str> = attrs[1..].iter().map(String::as_str).collect();
    rest.sort();
    assert_eq!(
        rest,
        [
            "HttpOnly",
            "Max-Age=43200",
            "Path=/",
            "SameSite=Strict",
            "Secure"
        ],
        "no Domain: a __Host- cookie stays on this host"
    );
    // The same value under the plain name, as a sibling subdomain could plant it, is
    // not a session.
    let res = session_with_cookie(&server, format!("alc_session={value}")).await;
    problem(res, StatusCode::UNAUTHORIZED, "no-session").await;
    let res = session_with_cookie(&server, format!("__Host-alc_session={value}")).await;
    assert_eq!(res.status(), StatusCode::OK);
    server.stop().await;
}

#[tokio::test]
async fn over_plain_http_the_cookie_is_plain_unless_told() {
    let mut server = TestServer::sqlite()
        .with_config(|c| c.audience = "http://127.0.0.1:8080".into())
        .start()
        .await;
    let attrs = sign_in_cookie(&server, "megan").await;
    assert!(attrs[0].starts_with("alc_session="), "{attrs:?}");
    assert!(!attrs.iter().any(|a| a == "Secure"), "{attrs:?}");
    for wanted in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(attrs.iter().any(|a| a == wanted), "{attrs:?}");
    }
    // A TLS terminator in front of an http audience: told explicitly.
    server.restart_with(|c| c.secure_cookie = Some(true)).await;
    let attrs = sign_in_cookie(&server, "megan").await;
    assert!(attrs[0].starts_with("__Host-alc_session="), "{attrs:?}");
    assert!(attrs.iter().any(|a| a == "Secure"), "{attrs:?}");
    server.stop().await;
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let mut server = TestServer::sqlite().start().await;
    let megan = server.signed_in("megan").await;
    let adele = server.signed_in("adele").await;
    let stolen = megan.cookie();

    let res = megan
        .http
        .delete(megan.url("/v1/session"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let cleared = res.headers()[SET_COOKIE].to_str().unwrap();
    assert!(cleared.starts_with("__Host-alc_session=;"), "{cleared}");
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    // The browser forgot it...
    let res = megan.fetch("/v1/session").await;
    problem(res, StatusCode::UNAUTHORIZED, "no-session").await;
    // ...and a copy taken before is worthless: the server forgot it too.
    let res = reqwest::Client::new()
        .post(server.url("/v1/challenge"))
        .header(COOKIE, &stolen)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::UNAUTHORIZED, "no-session").await;
    // Signing out again is no error; other sessions go on.
    let res = megan
        .http
        .delete(megan.url("/v1/session"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(adele.get("/v1/session").await["user"], "adele");
    server.stop().await;
}

async fn a_copy_of_the_database_holds_no_usable_session(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let c = server.signed_in("lynne").await;
    assert!(c.challenge().await["nonce"].is_string());
    let cookie = c.cookie();
    let value = cookie.split_once('=').unwrap().1.to_owned();
    let stored = server.store().texts("sessions", "id");
    let hashed = Base64UrlUnpadded::encode_string(&Sha256::digest(value.as_bytes()));
    assert_eq!(
        stored,
        std::slice::from_ref(&hashed),
        "the session is kept as its hash"
    );
    // Challenges are bound to the hash too, by a MAC in the nonce, and not stored.
    assert_eq!(server.store().count("nonces"), 0);
    // What the database holds does not work as a cookie.
    let res = session_with_cookie(&server, format!("__Host-alc_session={hashed}")).await;
    problem(res, StatusCode::UNAUTHORIZED, "no-session").await;
    server.stop().await;
}

on_both_backends!(a_copy_of_the_database_holds_no_usable_session);

#[cfg(unix)]
#[tokio::test]
async fn the_data_directory_is_the_owners_alone() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    // A data directory from an older server, open to everybody on the machine.
    let mut server = TestServer::sqlite().start().await;
    server.stop().await;
    let data = server.store().data_dir();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    for file in ["ledger-key", "subject-secret", "ledger.sqlite3"] {
        std::fs::set_permissions(data.join(file), std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    server.restart().await;
    let c = server.signed_in("megan").await;
    let (status, _, _) = c.decide(consent_core::Choice::BothWays).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(mode(&data), 0o700);
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&data).unwrap() {
        let entry = entry.unwrap();
        files.push(entry.file_name().into_string().unwrap());
        assert_eq!(mode(&entry.path()), 0o600, "{:?}", entry.file_name());
    }
    files.sort();
    for expected in [
        "ledger-key",
        "ledger.sqlite3",
        "ledger.sqlite3-wal",
        "subject-secret",
    ] {
        assert!(files.iter().any(|f| f == expected), "{files:?}");
    }
    server.stop().await;

    // A new data directory, parents and all, is made private from the start.
    let fresh = server.store().root().join("new/data");
    let mut other = TestServer::sqlite()
        .with_config(move |c| c.data_dir = fresh)
        .start()
        .await;
    let fresh = server.store().root().join("new/data");
    assert_eq!(mode(&fresh), 0o700);
    assert_eq!(mode(&fresh.join("ledger.sqlite3")), 0o600);
    other.stop().await;
}

/// `GET /v1/session` with exactly this `Cookie` header and nothing else of a browser's.
async fn session_with_cookie(server: &TestServer, cookie: impl AsRef<str>) -> reqwest::Response {
    reqwest::Client::new()
        .get(server.url("/v1/session"))
        .header(COOKIE, cookie.as_ref())
        .send()
        .await
        .unwrap()
}
