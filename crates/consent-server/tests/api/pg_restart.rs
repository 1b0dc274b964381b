//! PostgreSQL restarted under the server's feet: while it is down, decisions are
//! answered `503` with `Retry-After` (never a 2xx that was not committed, never a 500)
//! and `/healthz` says not ready while `/livez` stays up; once it is back the server
//! reconnects by itself, and every acknowledged decision is in the ledger exactly once.

use crate::support::resend::{check_ledger, decide, Tally};
use crate::support::{problem, retry_after, TestServer};
use reqwest::StatusCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Polls `/healthz` until it answers `status`; fails the test after 20 s.
async fn wait_for_health(server: &TestServer, status: StatusCode) -> reqwest::Response {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let res = reqwest::get(server.url("/healthz")).await.unwrap();
        if res.status() == status {
            return res;
        }
        assert!(
            Instant::now() < deadline,
            "/healthz never answered {status}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until the clients have had `n` decisions acknowledged since `since`; fails the
/// test after 20 s.
async fn wait_for_acks(tally: &Tally, n: usize, since: Instant) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while tally.acked().iter().filter(|a| a.at > since).count() < n {
        assert!(
            Instant::now() < deadline,
            "fewer than {n} decisions acknowledged"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgres_restart_under_load_loses_and_doubles_nothing() {
    let server = TestServer::postgres().start().await;
    let mut clients = Vec::new();
    for user in ["megan", "adele", "alex", "lynne"] {
        clients.push(server.signed_in(user).await);
    }
    let tally = Arc::new(Tally::default());
    let stop = Arc::new(AtomicBool::new(false));
    let began = Instant::now();
    let deadline = began + Duration::from_secs(90);
    let mut workers = Vec::new();
    for c in clients.clone() {
        let (tally, stop) = (tally.clone(), stop.clone());
        workers.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                decide(&c, &tally, deadline).await;
            }
        }));
    }

    wait_for_acks(&tally, 20, began).await;
    let store = server.store();
    // The cluster's tools block; the clients go on on the other worker.
    let stopped = Instant::now();
    tokio::task::block_in_place(|| store.stop_database());
    let down = wait_for_health(&server, StatusCode::SERVICE_UNAVAILABLE).await;
    assert_eq!(retry_after(&down), 1);
    problem(down, StatusCode::SERVICE_UNAVAILABLE, "store-unavailable").await;
    let live = reqwest::get(server.url("/livez")).await.unwrap();
    assert_eq!(
        live.status(),
        StatusCode::OK,
        "alive while the database is down"
    );
    tokio::time::sleep(Duration::from_millis(1000)).await;
    tokio::task::block_in_place(|| store.start_database());
    let restarted = Instant::now();
    wait_for_health(&server, StatusCode::OK).await;
    wait_for_acks(&tally, 20, restarted).await;
    stop.store(true, Ordering::Relaxed);
    for w in workers {
        w.await.unwrap();
    }

    let acked = tally.acked();
    let failures = tally.failures();
    let before = acked.iter().filter(|a| a.at < stopped).count();
    let after = acked.iter().filter(|a| a.at > restarted).count();
    assert!(
        before > 0 && after > 0,
        "decided before ({before}) and after ({after})"
    );
    assert!(
        failures
            .get("503 store-unavailable")
            .is_some_and(|n| *n > 0),
        "the clients met the restart: {failures:?}"
    );
    assert!(
        failures.keys().all(|k| k == "503 store-unavailable"),
        "every failure was a 503 to retry: {failures:?}"
    );
    let audit = check_ledger(&clients[0], &clients, &acked).await;
    audit.assert_clean();
    assert_eq!(audit.size, acked.len());
    // Stopping the PostgreSQL cluster blocks.
    tokio::task::spawn_blocking(move || drop(server))
        .await
        .unwrap();
}
