//! Safe defaults for a real deployment: no demo surface once a trusted header is
//! configured, no demo on a network address unless asked for, the trusted header
//! exactly once, a `Host` allow-list against DNS rebinding, and media types matched
//! whatever their case.

use crate::support::{binary, free_port, problem, Backend, Client, TestServer, TestStore};
use consent_core::Choice;
use consent_server::config::{Config, TrustedHeader};
use reqwest::header::{CONTENT_TYPE, HOST};
use reqwest::StatusCode;
use serde_json::json;

const USER_HEADER: &str = "X-Authenticated-User";

/// A trusted header from the loopback proxy, and nothing else changed: `demo` keeps
/// its default (on), as an operator who forgot it would leave it.
fn trusted_header(c: &mut Config) {
    c.allowed_hosts = Some(vec!["127.0.0.1".into()]);
    c.trusted_header = Some(TrustedHeader {
        name: USER_HEADER.into(),
        proxies: vec!["127.0.0.1".parse().unwrap()],
    });
}

#[tokio::test]
async fn a_trusted_header_leaves_no_demo_surface() {
    // A demo session from before the switch to real authentication.
    let mut server = TestServer::sqlite().start().await;
    let old = server.signed_in("megan").await;
    server.restart_with(trusted_header).await;
    let old = old.on(&server);

    let res = old.sign_in("adele").await;
    problem(res, StatusCode::NOT_FOUND, "not-demo").await;
    let res = old.fetch("/v1/admin/policy").await;
    problem(res, StatusCode::NOT_FOUND, "not-demo").await;
    let res = old
        .post_json("/v1/admin/policy", json!({"mode": "off"}))
        .await;
    problem(res, StatusCode::NOT_FOUND, "not-demo").await;
    let res = old
        .http
        .delete(old.url("/v1/session"))
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::NOT_FOUND, "not-demo").await;
    // The old cookie is not looked at.
    let res = old.fetch("/v1/session").await;
    problem(res, StatusCode::UNAUTHORIZED, "no-session").await;
    let res = old.post_json("/v1/challenge", json!({})).await;
    problem(res, StatusCode::UNAUTHORIZED, "no-session").await;
    // Only the header says who is asking.
    let carol = Client::with_header(&server.base, USER_HEADER, "carol@contoso.example");
    let (status, receipt, _) = carol.decide(Choice::NotNow).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    server.stop().await;
}

#[tokio::test]
async fn the_policy_switch_cannot_be_forced_on_beside_a_trusted_header() {
    let err = TestServer::sqlite()
        .with_config(|c| {
            trusted_header(c);
            c.admin_api = Some(true);
        })
        .try_start()
        .await
        .err()
        .expect("refused to start");
    assert!(err.contains("admin_api"), "{err}");
}

#[tokio::test]
async fn demo_mode_on_a_network_address_must_be_asked_for() {
    let on_network = |c: &mut Config| c.bind = "0.0.0.0".parse().unwrap();
    let err = TestServer::sqlite()
        .with_config(on_network)
        .try_start()
        .await
        .err()
        .expect("refused to start");
    assert!(err.contains("0.0.0.0"), "{err}");
    assert!(err.contains("allow_demo_on_network"), "{err}");
    assert!(err.contains("trusted_header"), "{err}");

    // Asked for: it starts, and answers over any local address with a loopback name.
    let mut server = TestServer::sqlite()
        .with_config(move |c| {
            on_network(c);
            c.allow_demo_on_network = true;
        })
        .start()
        .await;
    let c = Client::new(&format!("http://127.0.0.1:{}", server.addr.port()));
    assert_eq!(c.sign_in("megan").await.status(), StatusCode::OK);
    server.stop().await;

    // With real authentication there is no demo to refuse.
    let mut server = TestServer::sqlite()
        .with_config(move |c| {
            on_network(c);
            trusted_header(c);
        })
        .start()
        .await;
    server.stop().await;
}

#[tokio::test]
async fn the_binary_explains_why_it_will_not_serve_the_demo_on_the_network() {
    let store = TestStore::create(Backend::Sqlite).await;
    let out = binary::command(free_port(), &store.data_dir())
        .args(["--bind", "0.0.0.0"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("refusing to start in demo mode"),
        "{stderr}"
    );
    assert!(stderr.contains("--allow-demo-on-network"), "{stderr}");
}

#[tokio::test]
async fn an_ipv4_proxy_is_recognised_on_a_dual_stack_listener() {
    // Bound to ::, the server sees the proxy at 127.0.0.1 as ::ffff:127.0.0.1.
    let mut server = TestServer::sqlite()
        .with_config(|c| {
            trusted_header(c);
            c.bind = "::".parse().unwrap();
            c.max_connections_per_address = 1;
        })
        .start()
        .await;
    let base = format!("http://127.0.0.1:{}", server.addr.port());
    let carol = Client::with_header(&base, USER_HEADER, "carol@contoso.example");
    assert_eq!(
        carol.get("/v1/session").await["user"],
        "carol@contoso.example"
    );
    // And, carrying everybody's traffic, it is not capped per address.
    let (a, b) = tokio::join!(carol.fetch("/v1/session"), carol.fetch("/v1/session"));
    assert_eq!((a.status(), b.status()), (StatusCode::OK, StatusCode::OK));
    server.stop().await;
}

#[tokio::test]
async fn the_trusted_header_counts_only_once_and_non_empty() {
    let mut server = TestServer::sqlite()
        .with_config(trusted_header)
        .start()
        .await;
    let http = reqwest::Client::new();
    let session = |values: &[&[u8]]| {
        let mut req = http.get(server.url("/v1/session"));
        for v in values {
            req = req.header(
                USER_HEADER,
                reqwest::header::HeaderValue::from_bytes(v).unwrap(),
            );
        }
        req.send()
    };
    let res = session(&[b"carol"]).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    // A second name smuggled beside the proxy's, or the same name twice.
    for twice in [[b"carol".as_slice(), b"mallory"], [b"carol", b"carol"]] {
        let res = session(&twice).await.unwrap();
        problem(res, StatusCode::BAD_REQUEST, "bad-identity-header").await;
    }
    for bad in [b"".as_slice(), b"   ", b"caf\xc3\xa9"] {
        let res = session(&[bad]).await.unwrap();
        problem(res, StatusCode::BAD_REQUEST, "bad-identity-header").await;
    }
    let res = session(&[]).await.unwrap();
    problem(res, StatusCode::UNAUTHORIZED, "no-session").await;
    server.stop().await;
}

/// `GET path` naming `host` in the `Host` header; the status.
async fn as_host(server: &TestServer, path: &str, host: &str) -> reqwest::Response {
    reqwest::Client::new()
        .get(server.url(path))
        .header(HOST, host)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn requests_naming_another_host_are_misdirected() {
    let mut server = TestServer::sqlite()
        .with_file("www/index.html", "<!doctype html><title>demo</title>")
        .start()
        .await;
    let port = server.addr.port();
    // A page on a rebound name reaches the loopback demo with its own name as Host.
    for path in ["/v1/session", "/v1/ledger/checkpoint", "/", "/index.html"] {
        let res = as_host(&server, path, &format!("rebind.attacker.example:{port}")).await;
        problem(res, StatusCode::MISDIRECTED_REQUEST, "wrong-host").await;
    }
    // The demo's own names, whatever their case and port.
    for host in [
        format!("127.0.0.1:{port}"),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
        "consent.test".to_owned(),
    ] {
        let res = as_host(&server, "/v1/ledger/checkpoint", &host).await;
        assert_eq!(res.status(), StatusCode::OK, "{host}");
    }
    // Health checks come by address from anywhere.
    for probe in ["/healthz", "/livez"] {
        let res = as_host(&server, probe, "10.1.2.3:8080").await;
        assert_eq!(res.status(), StatusCode::OK, "{probe}");
    }
    server.stop().await;

    // Outside demo mode only the audience's host, unless configured otherwise.
    let mut server = TestServer::sqlite()
        .with_config(|c| {
            trusted_header(c);
            c.allowed_hosts = None;
        })
        .start()
        .await;
    let res = as_host(&server, "/v1/ledger/checkpoint", "consent.test").await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = as_host(
        &server,
        "/v1/ledger/checkpoint",
        &format!("127.0.0.1:{port}"),
    )
    .await;
    problem(res, StatusCode::MISDIRECTED_REQUEST, "wrong-host").await;
    server
        .restart_with(|c| c.allowed_hosts = Some(vec!["people.contoso.example".into()]))
        .await;
    let res = as_host(&server, "/v1/ledger/checkpoint", "people.contoso.example").await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = as_host(&server, "/v1/ledger/checkpoint", "consent.test").await;
    problem(res, StatusCode::MISDIRECTED_REQUEST, "wrong-host").await;
    server.stop().await;
}

#[tokio::test]
async fn media_types_are_matched_whatever_their_case() {
    let mut server = TestServer::sqlite().start().await;
    let c = server.client();
    let res = c
        .http
        .post(c.url("/v1/session"))
        .header(CONTENT_TYPE, "Application/JSON; Charset=UTF-8")
        .body(r#"{"user":"megan"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = c
        .http
        .post(c.url("/v1/admin/policy"))
        .header(CONTENT_TYPE, "APPLICATION/json")
        .body(r#"{"mode":"all"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let token = c.sign(&c.claims(&c.challenge().await, Choice::LinkedinOnly));
    let res = c
        .http
        .post(c.url("/v1/decisions"))
        .header(CONTENT_TYPE, "Application/JWT; charset=utf-8")
        .body(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    // Still only that type.
    let token = c.sign(&c.claims(&c.challenge().await, Choice::NotNow));
    let res = c
        .http
        .post(c.url("/v1/decisions"))
        .header(CONTENT_TYPE, "Application/JSON")
        .body(token)
        .send()
        .await
        .unwrap();
    problem(
        res,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
    )
    .await;
    server.stop().await;
}
