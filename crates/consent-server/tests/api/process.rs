//! The real binary, ended from outside: `kill -9` under load loses no acknowledged
//! decision on either backend (the server answers only after its transaction is
//! durable), and SIGTERM ends it cleanly.

use crate::support::{binary, free_port, Backend, Client, TestStore};
use consent_core::Choice;
use serde_json::{json, Value};
use std::collections::HashSet;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

async fn crash_under_load(backend: Backend) {
    let store = TestStore::create(backend).await;
    let port = free_port();
    let c = Client::new(&format!("http://127.0.0.1:{port}"));
    let mut server = binary::spawn(&store, port);
    binary::wait_healthy(&c.base).await;
    c.sign_in("megan").await;
    let acked = Arc::new(Mutex::new(HashSet::new()));

    let mut workers = Vec::new();
    for _ in 0..8 {
        let (c, acked) = (c.clone(), acked.clone());
        workers.push(tokio::spawn(async move {
            // Until the server dies: challenge, sign, send; remember what was acknowledged.
            loop {
                let Ok(res) = c
                    .http
                    .post(c.url("/v1/challenge"))
                    .json(&json!({}))
                    .send()
                    .await
                else {
                    return;
                };
                let Ok(ch) = res.json::<Value>().await else {
                    return;
                };
                let claims = c.claims(&ch, Choice::BothWays);
                let sent = c
                    .http
                    .post(c.url("/v1/decisions"))
                    .header("content-type", "application/jwt")
                    .body(c.sign(&claims))
                    .send()
                    .await;
                match sent {
                    Ok(r) if r.status().as_u16() == 201 => {
                        acked.lock().unwrap().insert(claims.jti);
                    }
                    Ok(r) if r.status().is_client_error() => panic!("refused: {}", r.status()),
                    _ => return,
                }
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.kill().unwrap(); // SIGKILL: no shutdown, no flush
    server.wait().unwrap();
    for w in workers {
        w.await.unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(
        acked.len() > 10,
        "the load reached the server ({} acknowledged)",
        acked.len()
    );

    let mut server = binary::spawn(&store, port);
    binary::wait_healthy(&c.base).await;
    let export = c.text("/v1/decisions/export").await;
    let kept: HashSet<String> = export
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["jti"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let lost: Vec<_> = acked.difference(&kept).collect();
    assert!(
        lost.is_empty(),
        "{} acknowledged decisions lost: {lost:?}",
        lost.len()
    );
    let entries = c.get("/v1/ledger/entries?start=0").await;
    assert_eq!(
        entries["tree_size"].as_u64().unwrap() as usize,
        kept.len(),
        "the ledger and the decisions agree"
    );
    server.kill().unwrap();
    server.wait().unwrap();
    // Stopping a PostgreSQL cluster blocks.
    tokio::task::spawn_blocking(move || drop(store))
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_under_load_loses_nothing_acknowledged_sqlite() {
    crash_under_load(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_under_load_loses_nothing_acknowledged_postgres() {
    crash_under_load(Backend::Postgres).await;
}

#[cfg(unix)]
#[tokio::test]
async fn the_binary_stops_cleanly_on_sigterm() {
    let store = TestStore::create(Backend::Sqlite).await;
    let port = free_port();
    let mut child = binary::command(port, &store.data_dir())
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    binary::wait_healthy(&format!("http://127.0.0.1:{port}")).await;
    let killed = std::process::Command::new("kill")
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
