//! Expired challenges and sessions are deleted, in both stores; decisions are not.

use crate::support::{Backend, StoredChallenge, TestServer, TestStore};
use consent_core::Choice;
use consent_server::store::{PostgresStore, SqliteStore, Storage};
use reqwest::StatusCode;
use std::time::Duration;

fn stored(id: &str, session: &str, expires_at: u64) -> StoredChallenge {
    StoredChallenge {
        nonce: id.into(),
        session_id: session.into(),
        sub: "sub".into(),
        notice: consent_core::catalogue::notice("en").reference(),
        expires_at,
    }
}

/// The storage-level contract, run against each backend; `db` is where `store` keeps
/// its rows, to count them. Challenges stored by older servers and the record of
/// answered stateless ones go by the same cut.
fn sweeps_only_what_expired(store: &dyn Storage, db: &TestStore) {
    let nonces = || db.count("nonces") + db.count("used_nonces");
    store.create_session("old", "megan", 100).unwrap();
    store.create_session("new", "megan", 1_000).unwrap();
    db.store_challenge(&stored("n-old", "old", 500));
    db.store_challenge(&stored("n-edge", "new", 1_000));
    db.execute("INSERT INTO used_nonces (id, expires_at) VALUES ('u-old', 999), ('u-new', 2000)");
    assert_eq!(nonces(), 4);
    // Nonces that expired before 1000 and sessions created before 500.
    assert_eq!(store.sweep(1_000, 500).unwrap(), 3);
    assert_eq!(store.session_user("old").unwrap(), None);
    assert_eq!(store.session_user("new").unwrap().as_deref(), Some("megan"));
    assert_eq!(
        (db.count("nonces"), db.count("used_nonces")),
        (1, 1),
        "only what expired before the cut goes"
    );
    assert_eq!(store.sweep(1_000, 500).unwrap(), 0);
    assert_eq!(store.sweep(u64::MAX / 4, u64::MAX / 4).unwrap(), 3);
    assert_eq!(nonces(), 0);
}

#[test]
fn sqlite_sweeps_only_what_expired() {
    let db = TestStore::new(Backend::Sqlite);
    let store = SqliteStore::open(&db.sqlite_path()).unwrap();
    sweeps_only_what_expired(&store, &db);
}

#[test]
fn postgres_sweeps_only_what_expired() {
    let db = TestStore::new(Backend::Postgres);
    let store = PostgresStore::connect(&db.database_url().unwrap()).unwrap();
    sweeps_only_what_expired(&store, &db);
}

#[tokio::test]
async fn the_server_sweeps_while_it_runs_and_keeps_the_decisions() {
    let mut server = TestServer::sqlite()
        .with_config(|c| {
            c.nonce_ttl_secs = 1;
            c.delivery_grace_secs = 0;
            c.session_ttl_secs = 2;
            c.sweep_interval_secs = 1;
        })
        .start()
        .await;
    let c = server.signed_in("adele").await;
    // One decision recorded in time, one challenge left to expire.
    assert_eq!(c.decide(Choice::LinkedinOnly).await.0, StatusCode::CREATED);
    let late = c.sign(&c.claims(&c.challenge().await, Choice::BothWays));

    // Whole seconds are stored: a sweep after creation + ttl + 1 s surely takes it.
    tokio::time::sleep(Duration::from_millis(4_500)).await;
    // The session has been swept, so the late answer is refused before any nonce
    // check; the table counts below show the answered challenge's record went too,
    // the decision not.
    assert_eq!(c.send(&late).await.0, StatusCode::UNAUTHORIZED);
    let res = c.fetch("/v1/session").await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let checkpoint = c.text("/v1/ledger/checkpoint").await;
    assert_eq!(checkpoint.lines().nth(1), Some("1"));
    server.stop().await;

    let db = server.store();
    assert_eq!(db.count("used_nonces"), 0);
    assert_eq!(db.count("sessions"), 0);
    assert_eq!(db.count("decisions"), 1);
    assert_eq!(db.count("ledger"), 1);
}
