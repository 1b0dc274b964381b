//! Connections that misbehave cannot tie the server up, and shutting down finishes the
//! requests in flight, appends included.

mod support {
    pub mod device;
}

use consent_core::Choice;
use consent_server::config::Config;
use p256::ecdsa::SigningKey;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::path::Path;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn config(data: &Path) -> Config {
    Config {
        port: 0,
        data_dir: data.to_path_buf(),
        www_dir: data.join("www"),
        pkg_dir: data.join("pkg"),
        audience: "https://consent.test".into(),
        header_timeout_secs: 1,
        ..Config::default()
    }
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
    let dir = tempfile::tempdir().unwrap();
    let server = consent_server::start(config(dir.path())).await.unwrap();
    let mut slow = TcpStream::connect(server.addr).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let mut idle = TcpStream::connect(server.addr).await.unwrap();
    // Meanwhile the server answers everybody else.
    let res = reqwest::get(format!("http://{}/healthz", server.addr))
        .await
        .unwrap();
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
    let dir = tempfile::tempdir().unwrap();
    let server = consent_server::start(Config {
        max_connections: 2,
        ..config(dir.path())
    })
    .await
    .unwrap();
    let base = format!("http://{}", server.addr);
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
        fresh().get(format!("{base}/healthz")).send().await.is_err(),
        "a third connection was served with two slots"
    );
    // The hogs send nothing; the header timeout frees their slots.
    tokio::time::sleep(Duration::from_millis(1800)).await;
    let res = fresh().get(format!("{base}/healthz")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    server.stop().await;
}

#[tokio::test]
async fn shutdown_finishes_the_decision_in_flight() {
    let dir = tempfile::tempdir().unwrap();
    let server = consent_server::start(config(dir.path())).await.unwrap();
    let addr = server.addr;
    let base = format!("http://{addr}");
    let http = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let res = http
        .post(format!("{base}/v1/session"))
        .json(&json!({"user": "megan"}))
        .send()
        .await
        .unwrap();
    let cookie = res.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let ch: Value = http
        .post(format!("{base}/v1/challenge"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let key = SigningKey::random(&mut rand_core::OsRng);
    let token = support::device::sign(&key, &support::device::claims_for(&ch, Choice::BothWays));

    // The request has started (headers sent) but its body is not there yet when the
    // server is told to stop.
    let mut conn = TcpStream::connect(addr).await.unwrap();
    conn.write_all(
        format!(
            "POST /v1/decisions HTTP/1.1\r\nHost: x\r\nCookie: {cookie}\r\n\
             Content-Type: application/jwt\r\nContent-Length: {}\r\n\r\n",
            token.len()
        )
        .as_bytes(),
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let stopping = tokio::spawn(server.stop());
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!stopping.is_finished(), "stopped with a request in flight");
    // No new connections are taken while draining.
    assert!(reqwest::get(format!("{base}/healthz")).await.is_err());
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
    let server = consent_server::start(config(dir.path())).await.unwrap();
    let checkpoint = reqwest::get(format!("http://{}/v1/ledger/checkpoint", server.addr))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(checkpoint.lines().nth(1), Some("1"), "{checkpoint}");
    server.stop().await;
}

#[cfg(unix)]
#[tokio::test]
async fn the_binary_stops_cleanly_on_sigterm() {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_consent-server"))
        .args(["--port", &port.to_string(), "--data-dir"])
        .arg(dir.path())
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if reqwest::get(format!("{base}/healthz"))
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            break;
        }
        assert!(Instant::now() < deadline, "the server did not come up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let output = tokio::task::spawn_blocking(move || {
        let started = Instant::now();
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                let out = child.wait_with_output().unwrap();
                return (status, out, started.elapsed());
            }
            if started.elapsed() > Duration::from_secs(10) {
                let _ = child.kill();
                panic!("still running 10 s after SIGTERM");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    })
    .await
    .unwrap();
    let (status, out, _) = output;
    assert!(status.success(), "exit status {status}");
    let log =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(log.contains("shutting down"), "{log}");
}
