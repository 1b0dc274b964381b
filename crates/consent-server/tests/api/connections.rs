//! Connections that misbehave cannot tie the server up, and shutting down finishes the
//! requests in flight, appends included.

use crate::support::server::Builder;
use crate::support::TestServer;
use consent_core::Choice;
use reqwest::StatusCode;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Slow clients are cut off after a second, so the tests need not wait long.
fn impatient() -> Builder {
    TestServer::sqlite().with_config(|c| c.header_timeout_secs = 1)
}

/// Reads until the server closes the connection; how long that took.
async fn time_until_closed(conn: &mut TcpStream) -> Duration {
    let started = Instant::now();
    let mut sink = [0u8; 1024];
    loop {
        match tokio::time::timeout(Duration::from_secs(10), conn.read(&mut sink)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return started.elapsed(),
            Ok(Ok(_)) => continue,
            Err(_) => panic!("the server kept a stalled connection open for 10 s"),
        }
    }
}

#[tokio::test]
async fn a_client_trickling_headers_is_cut_off() {
    let mut server = impatient().start().await;
    let mut slow = TcpStream::connect(server.addr).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let mut idle = TcpStream::connect(server.addr).await.unwrap();
    // Meanwhile the server answers everybody else.
    let res = reqwest::get(server.url("/healthz")).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let (a, b) = tokio::join!(time_until_closed(&mut slow), time_until_closed(&mut idle));
    assert!(
        a < Duration::from_secs(5) && b < Duration::from_secs(5),
        "{a:?} {b:?}"
    );
    server.stop().await;
}

#[tokio::test]
async fn connections_beyond_the_cap_are_closed_until_slots_free_up() {
    let mut server = impatient()
        .with_config(|c| c.max_connections = 2)
        .start()
        .await;
    let _hog1 = TcpStream::connect(server.addr).await.unwrap();
    let _hog2 = TcpStream::connect(server.addr).await.unwrap();
    // Let the server accept both before the third arrives.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let fresh = || {
        reqwest::Client::builder()
            .pool_max_idle_per_host(0)
            .build()
            .unwrap()
    };
    assert!(
        fresh().get(server.url("/healthz")).send().await.is_err(),
        "a third connection was served with two slots"
    );
    // The hogs send nothing; the header timeout frees their slots.
    tokio::time::sleep(Duration::from_millis(1800)).await;
    let res = fresh().get(server.url("/healthz")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    server.stop().await;
}

#[tokio::test]
async fn shutdown_finishes_the_decision_in_flight() {
    let mut server = impatient().start().await;
    let c = server.signed_in("megan").await;
    let token = c.sign(&c.claims(&c.challenge().await, Choice::BothWays));

    // The request has started (headers sent) but its body is not there yet when the
    // server is told to stop.
    let mut conn = TcpStream::connect(server.addr).await.unwrap();
    conn.write_all(
        format!(
            "POST /v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {}\r\n\
             Content-Type: application/jwt\r\nContent-Length: {}\r\n\r\n",
            c.cookie(),
            token.len()
        )
        .as_bytes(),
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let stopping = server.stop_in_background();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!stopping.is_finished(), "stopped with a request in flight");
    // No new connections are taken while draining.
    assert!(reqwest::get(server.url("/healthz")).await.is_err());
    conn.write_all(token.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    conn.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    tokio::time::timeout(Duration::from_secs(10), stopping)
        .await
        .expect("shutdown finishes once the request has")
        .unwrap();

    // The acknowledged decision is in the ledger after a restart.
    server.restart().await;
    let checkpoint = server.client().text("/v1/ledger/checkpoint").await;
    assert_eq!(checkpoint.lines().nth(1), Some("1"), "{checkpoint}");
    server.stop().await;
}
