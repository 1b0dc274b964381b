//! `kill -9` under load loses no acknowledged decision, on either backend: the server
//! answers only after its transaction is durable.

mod support {
    pub mod device;
    pub mod pg;
}

use consent_core::Choice;
use p256::ecdsa::SigningKey;
use serde_json::{json, Value};
use std::collections::HashSet;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn spawn_server(data: &std::path::Path, port: u16, database_url: Option<&str>) -> Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_consent-server"));
    cmd.args(["--port", &port.to_string(), "--data-dir"])
        .arg(data)
        .env("CONSENT_AUDIENCE", "https://consent.test")
        .env("RUST_LOG", "error")
        .env("CONSENT_RATE_PER_MINUTE", "1000000")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(url) = database_url {
        cmd.env("CONSENT_DATABASE_URL", url);
    }
    cmd.spawn().expect("the server binary starts")
}

async fn wait_healthy(base: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if reqwest::get(format!("{base}/healthz"))
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not come up");
}

fn sign(key: &SigningKey, ch: &Value) -> (String, String) {
    let claims = support::device::claims_for(ch, Choice::BothWays);
    (claims.jti.clone(), support::device::sign(key, &claims))
}

async fn crash_under_load(database_url: Option<String>) {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = spawn_server(dir.path(), port, database_url.as_deref());
    wait_healthy(&base).await;
    let http = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    http.post(format!("{base}/v1/session"))
        .json(&json!({"user": "megan"}))
        .send()
        .await
        .unwrap();
    let key = Arc::new(SigningKey::random(&mut rand_core::OsRng));
    let acked = Arc::new(Mutex::new(HashSet::new()));

    let mut workers = Vec::new();
    for _ in 0..8 {
        let (http, base, key, acked) = (http.clone(), base.clone(), key.clone(), acked.clone());
        workers.push(tokio::spawn(async move {
            // Until the server dies: challenge, sign, send; remember what was acknowledged.
            loop {
                let Ok(res) = http
                    .post(format!("{base}/v1/challenge"))
                    .json(&json!({}))
                    .send()
                    .await
                else {
                    return;
                };
                let Ok(ch) = res.json::<Value>().await else {
                    return;
                };
                let (jti, token) = sign(&key, &ch);
                let sent = http
                    .post(format!("{base}/v1/decisions"))
                    .header("content-type", "application/jwt")
                    .body(token)
                    .send()
                    .await;
                match sent {
                    Ok(r) if r.status().as_u16() == 201 => {
                        acked.lock().unwrap().insert(jti);
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

    let mut server = spawn_server(dir.path(), port, database_url.as_deref());
    wait_healthy(&base).await;
    let export = http
        .get(format!("{base}/v1/decisions/export"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
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
    let entries: Value = reqwest::get(format!("{base}/v1/ledger/entries?start=0"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        entries["tree_size"].as_u64().unwrap() as usize,
        kept.len(),
        "the ledger and the decisions agree"
    );
    server.kill().unwrap();
    server.wait().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_under_load_loses_nothing_acknowledged_sqlite() {
    crash_under_load(None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_under_load_loses_nothing_acknowledged_postgres() {
    let pg = tokio::task::spawn_blocking(support::pg::PgCluster::start)
        .await
        .unwrap();
    crash_under_load(Some(pg.url.clone())).await;
    tokio::task::spawn_blocking(move || drop(pg)).await.unwrap();
}
