//! Expired challenges and sessions are deleted, in both stores; decisions are not.

mod support {
    pub mod device;
    pub mod pg;
}

use consent_core::Choice;
use consent_server::config::Config;
use consent_server::store::{Nonce, PostgresStore, SqliteStore, Storage};
use p256::ecdsa::SigningKey;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;

fn nonce(id: &str, session: &str, expires_at: u64) -> Nonce {
    Nonce {
        nonce: id.into(),
        session_id: session.into(),
        sub: "sub".into(),
        notice: consent_core::catalogue::notice("en").reference(),
        expires_at,
    }
}

/// The storage-level contract, run against each backend. `nonces` counts the rows
/// left in the nonce table, straight from the database.
fn sweeps_only_what_expired(store: &dyn Storage, nonces: &dyn Fn() -> i64) {
    store.create_session("old", "megan", 100).unwrap();
    store.create_session("new", "megan", 1_000).unwrap();
    store.issue_nonce(&nonce("n-old", "old", 500)).unwrap();
    store.issue_nonce(&nonce("n-edge", "new", 1_000)).unwrap();
    store.issue_nonce(&nonce("n-new", "new", 2_000)).unwrap();
    assert_eq!(nonces(), 3);
    // Nonces that expired before 1000 and sessions created before 500.
    assert_eq!(store.sweep(1_000, 500).unwrap(), 2);
    assert_eq!(store.session_user("old").unwrap(), None);
    assert_eq!(store.session_user("new").unwrap().as_deref(), Some("megan"));
    assert_eq!(
        nonces(),
        2,
        "only the nonce that expired before the cut goes"
    );
    assert_eq!(store.sweep(1_000, 500).unwrap(), 0);
    assert_eq!(store.sweep(u64::MAX / 4, u64::MAX / 4).unwrap(), 3);
    assert_eq!(nonces(), 0);
}

#[test]
fn sqlite_sweeps_only_what_expired() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.sqlite3");
    let store = SqliteStore::open(&path).unwrap();
    let count = || {
        rusqlite::Connection::open(&path)
            .unwrap()
            .query_row("SELECT COUNT(*) FROM nonces", [], |r| r.get(0))
            .unwrap()
    };
    sweeps_only_what_expired(&store, &count);
}

#[test]
fn postgres_sweeps_only_what_expired() {
    let cluster = support::pg::PgCluster::start();
    let store = PostgresStore::connect(&cluster.url).unwrap();
    let url = cluster.url.clone();
    let count = move || {
        let url = url.clone();
        // The blocking client must not share a thread with another runtime.
        std::thread::spawn(move || {
            let mut c = ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap();
            c.query_one("SELECT COUNT(*) FROM nonces", &[])
                .unwrap()
                .get(0)
        })
        .join()
        .unwrap()
    };
    sweeps_only_what_expired(&store, &count);
}

#[tokio::test]
async fn the_server_sweeps_while_it_runs_and_keeps_the_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let server = consent_server::start(Config {
        port: 0,
        data_dir: dir.path().to_path_buf(),
        www_dir: dir.path().join("www"),
        pkg_dir: dir.path().join("pkg"),
        audience: "https://consent.test".into(),
        nonce_ttl_secs: 1,
        session_ttl_secs: 2,
        sweep_interval_secs: 1,
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
    let key = SigningKey::random(&mut rand_core::OsRng);
    let challenge = || async {
        http.post(format!("{base}/v1/challenge"))
            .send()
            .await
            .unwrap()
            .json::<Value>()
            .await
            .unwrap()
    };
    let send = |token: String| {
        http.post(format!("{base}/v1/decisions"))
            .header("content-type", "application/jwt")
            .body(token)
            .send()
    };
    // One decision recorded in time, one challenge left to expire.
    let answered = challenge().await;
    let kept = support::device::sign(
        &key,
        &support::device::claims_for(&answered, Choice::LinkedinOnly),
    );
    assert_eq!(
        send(kept.clone()).await.unwrap().status(),
        StatusCode::CREATED
    );
    let late = challenge().await;
    let late = support::device::sign(&key, &support::device::claims_for(&late, Choice::BothWays));

    // Whole seconds are stored: a sweep after creation + ttl + 1 s surely takes it.
    tokio::time::sleep(Duration::from_millis(4_500)).await;
    // The session has been swept, so the late answer is refused before any nonce
    // check; the table counts below show its challenges went too, the decision not.
    let res = send(late).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = http.get(format!("{base}/v1/session")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let checkpoint = http
        .get(format!("{base}/v1/ledger/checkpoint"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(checkpoint.lines().nth(1), Some("1"));
    server.stop().await;

    let db = rusqlite::Connection::open(dir.path().join("ledger.sqlite3")).unwrap();
    let count = |table: &str| -> i64 {
        db.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(count("nonces"), 0);
    assert_eq!(count("sessions"), 0);
    assert_eq!(count("decisions"), 1);
    assert_eq!(count("ledger"), 1);
}
