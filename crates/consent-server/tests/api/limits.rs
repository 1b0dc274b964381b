//! One client cannot crowd out the others: connections are capped per address as
//! well as in all, and challenges and sign-ins are limited per address, answered with
//! `429` and `Retry-After`. A trusted proxy, which carries everybody's requests, is
//! capped only in all. Other client addresses are other loopback addresses
//! (127.0.0.2), which Linux routes to the same server.

use crate::support::{problem, retry_after, TestServer};
use consent_server::config::{Config, TrustedHeader};
use reqwest::StatusCode;
use serde_json::json;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

const ELSEWHERE: &str = "127.0.0.2";

/// A connection to `server` from the local address `from`.
async fn connect_from(from: &str, server: SocketAddr) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    socket
        .bind(SocketAddr::new(from.parse().unwrap(), 0))
        .unwrap();
    socket.connect(server).await.unwrap()
}

/// `GET /healthz` over `conn`; the status line, or `None` when the server closed the
/// connection without answering.
async fn health(mut conn: TcpStream) -> Option<String> {
    let request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if conn.write_all(request.as_bytes()).await.is_err() {
        return None;
    }
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), conn.read_to_end(&mut answer))
        .await
        .expect("the server neither answered nor closed within 10 s");
    let answer = String::from_utf8_lossy(&answer).into_owned();
    match read {
        Ok(_) if !answer.is_empty() => answer.lines().next().map(str::to_owned),
        _ => None,
    }
}

/// A browser (cookie jar) whose connections come from `from`.
fn browser_at(from: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .local_address(from.parse::<IpAddr>().unwrap())
        .build()
        .unwrap()
}

#[tokio::test]
async fn one_address_cannot_take_every_connection() {
    let mut server = TestServer::sqlite()
        .with_config(|c| c.max_connections_per_address = 2)
        .start()
        .await;
    let hogs = [
        TcpStream::connect(server.addr).await.unwrap(),
        TcpStream::connect(server.addr).await.unwrap(),
    ];
    // Let the server accept both before the next ones arrive.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let third = TcpStream::connect(server.addr).await.unwrap();
    assert_eq!(
        health(third).await,
        None,
        "a third connection from one address"
    );
    let neighbour = connect_from(ELSEWHERE, server.addr).await;
    assert_eq!(
        health(neighbour).await.as_deref(),
        Some("HTTP/1.1 200 OK"),
        "another address is served while the first holds its share"
    );
    // Closing its connections gives the address its share back.
    drop(hogs);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let again = TcpStream::connect(server.addr).await.unwrap();
    assert_eq!(health(again).await.as_deref(), Some("HTTP/1.1 200 OK"));
    server.stop().await;
}

#[tokio::test]
async fn the_trusted_proxy_is_capped_only_in_all() {
    let mut server = TestServer::sqlite()
        .with_config(|c: &mut Config| {
            c.demo = false;
            c.allowed_hosts = Some(vec!["127.0.0.1".into()]);
            c.trusted_header = Some(TrustedHeader {
                name: "X-Authenticated-User".into(),
                proxies: vec!["127.0.0.1".parse().unwrap()],
            });
            c.max_connections_per_address = 2;
        })
        .start()
        .await;
    let _held = [
        TcpStream::connect(server.addr).await.unwrap(),
        TcpStream::connect(server.addr).await.unwrap(),
        connect_from(ELSEWHERE, server.addr).await,
        connect_from(ELSEWHERE, server.addr).await,
    ];
    tokio::time::sleep(Duration::from_millis(200)).await;
    let via_proxy = TcpStream::connect(server.addr).await.unwrap();
    assert_eq!(
        health(via_proxy).await.as_deref(),
        Some("HTTP/1.1 200 OK"),
        "the proxy's third connection"
    );
    let direct = connect_from(ELSEWHERE, server.addr).await;
    assert_eq!(
        health(direct).await,
        None,
        "another address's third connection"
    );
    server.stop().await;
}

#[tokio::test]
async fn challenges_are_limited_per_address_across_sessions() {
    let mut server = TestServer::sqlite()
        .with_config(|c| c.address_rate_per_minute = Some(3))
        .start()
        .await;
    // A new session for every challenge, as a script dodging the per-session limit
    // would do.
    let mut served = 0;
    let mut refusal = None;
    for _ in 0..8 {
        let c = server.signed_in("alex").await;
        let res = c.post_json("/v1/challenge", json!({})).await;
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            refusal = Some(res);
            break;
        }
        assert_eq!(res.status(), StatusCode::OK);
        served += 1;
    }
    // A minute boundary inside the loop resets the count once at most.
    assert!((3..=6).contains(&served), "{served} challenges served");
    let res = refusal.expect("the address was limited");
    let retry = retry_after(&res);
    assert!((1..=60).contains(&retry), "Retry-After: {retry}");
    problem(res, StatusCode::TOO_MANY_REQUESTS, "rate-limited").await;

    // Somebody at another address is not held back.
    let neighbour = browser_at(ELSEWHERE);
    let res = neighbour
        .post(server.url("/v1/session"))
        .json(&json!({"user": "adele"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = neighbour
        .post(server.url("/v1/challenge"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    server.stop().await;
}

#[tokio::test]
async fn sign_ins_over_the_limit_say_when_to_come_back() {
    let mut server = TestServer::sqlite()
        .with_config(|c| c.rate_per_minute = 2)
        .start()
        .await;
    let mut refusal = None;
    for _ in 0..6 {
        let res = server.client().sign_in("megan").await;
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            refusal = Some(res);
            break;
        }
        assert_eq!(res.status(), StatusCode::OK);
    }
    let res = refusal.expect("sign-ins were limited");
    assert!(res.headers().get("set-cookie").is_none());
    let retry = retry_after(&res);
    assert!((1..=60).contains(&retry), "Retry-After: {retry}");
    problem(res, StatusCode::TOO_MANY_REQUESTS, "rate-limited").await;
    server.stop().await;
}
