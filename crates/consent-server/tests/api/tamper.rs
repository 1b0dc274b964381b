//! Tampering below the API, as someone with SQL access to a stopped server's
//! database would: every edit of a leaf, a tree node, a decision row, a deleted row
//! or the signed head makes the real binary refuse to start, with a message naming
//! what differs and a non-zero exit; the same database untouched (or put back)
//! starts. And while it runs, what the host is told (`current`, `export`) comes from
//! the ledger's entries: an edited decision row changes nothing, an edited entry gets
//! an error, never the edited value.

use crate::support::{binary, free_port, problem, Backend, Client, TestServer, TestStore};
use consent_core::Choice;
use reqwest::StatusCode;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// The tables the audit reads, copied aside so each case starts from the same data.
const TABLES: [&str; 4] = ["ledger", "nodes", "decisions", "signed_head"];

fn spawn_server(store: &TestStore, port: u16) -> Child {
    let mut cmd = binary::command(port, &store.data_dir());
    cmd.env("CONSENT_AUDIENCE", "https://consent.test")
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(url) = store.database_url() {
        cmd.env("CONSENT_DATABASE_URL", url);
    }
    cmd.spawn().expect("the server binary starts")
}

/// Starts the server, waits until it answers, and stops it.
async fn starts(store: &TestStore, port: u16) {
    let mut server = spawn_server(store, port);
    binary::wait_healthy(&format!("http://127.0.0.1:{port}")).await;
    server.kill().unwrap();
    server.wait().unwrap();
}

/// Starts the server and expects it to exit by itself with a failure; what it said.
async fn refuses(store: &TestStore, port: u16) -> String {
    let mut server = spawn_server(store, port);
    tokio::task::spawn_blocking(move || {
        let started = Instant::now();
        loop {
            if let Some(status) = server.try_wait().unwrap() {
                let out = server.wait_with_output().unwrap();
                let said = String::from_utf8_lossy(&out.stderr).into_owned();
                assert!(!status.success(), "exit status {status}: {said}");
                return said;
            }
            if started.elapsed() > Duration::from_secs(20) {
                let _ = server.kill();
                panic!("the server started on a tampered ledger");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    })
    .await
    .unwrap()
}

fn backup_sql() -> String {
    TABLES
        .iter()
        .map(|t| format!("CREATE TABLE saved_{t} AS SELECT * FROM {t};\n"))
        .collect()
}

/// Puts every audited table back as it was saved (decisions before the ledger rows
/// they reference, and after them on the way back in).
fn restore_sql() -> String {
    let mut sql = String::new();
    for t in ["decisions", "nodes", "signed_head", "ledger"] {
        sql.push_str(&format!("DELETE FROM {t};\n"));
    }
    for t in ["ledger", "nodes", "decisions", "signed_head"] {
        sql.push_str(&format!("INSERT INTO {t} SELECT * FROM saved_{t};\n"));
    }
    sql
}

async fn tampering_below_the_api_stops_the_server_from_starting(backend: Backend) {
    let store = TestStore::create(backend).await;
    let port = free_port();
    let c = Client::new(&format!("http://127.0.0.1:{port}"));
    let mut server = spawn_server(&store, port);
    binary::wait_healthy(&c.base).await;
    c.sign_in("megan").await;
    for _ in 0..6 {
        assert_eq!(c.decide(Choice::NotNow).await.0, StatusCode::CREATED);
    }
    server.kill().unwrap(); // no shutdown: what is committed is what counts
    server.wait().unwrap();

    // Untouched, it starts (and so audits what it wrote itself).
    starts(&store, port).await;
    store.execute(&backup_sql());

    let cases = [
        (
            "a decision's choice changed",
            "UPDATE decisions SET choice = 'both_ways' WHERE idx = 2",
            r#"leaf 2: its decision row says choice "both_ways", the ledger entry says "not_now""#,
        ),
        (
            "an entry's data changed",
            r#"UPDATE ledger SET leaf = replace(leaf, '"received_at":"', '"received_at":"1') WHERE idx = 1"#,
            "leaf 1: its data no longer hashes to its stored leaf hash",
        ),
        (
            "a tree node changed",
            "UPDATE nodes SET hash = (SELECT leaf_hash FROM ledger WHERE idx = 0)
             WHERE level = 1 AND idx = 1",
            "tree node at level 1, index 1 (leaves 2 to 3) does not match the leaves below it",
        ),
        (
            "a row deleted from the middle",
            "DELETE FROM decisions WHERE idx = 3; DELETE FROM ledger WHERE idx = 3",
            "leaf 3 is missing",
        ),
        (
            "the last decision deleted, its node too",
            "DELETE FROM decisions WHERE idx = 5; DELETE FROM ledger WHERE idx = 5;
             DELETE FROM nodes WHERE level = 1 AND idx = 2",
            "the ledger holds 5 leaves, but the server signed a tree of 6",
        ),
        (
            "a decision row deleted, its leaf kept",
            "DELETE FROM decisions WHERE idx = 4",
            "leaf 4: it holds a decision whose row is missing",
        ),
        (
            "the signed head deleted",
            "DELETE FROM signed_head",
            "no signed tree head is stored, but the ledger holds 6 leaves",
        ),
        (
            "the signed head's size changed",
            "UPDATE signed_head SET size = 5",
            "the stored head says size 5 but its signed checkpoint says size 6",
        ),
    ];
    for (what, tamper, expected) in cases {
        store.execute(tamper);
        let said = refuses(&store, port).await;
        assert!(said.contains("refusing to start"), "{what}: {said}");
        assert!(said.contains(expected), "{what}: {said}");
        store.execute(&restore_sql());
    }

    // Put back, it starts again, and the ledger is the one the decisions made.
    let mut server = spawn_server(&store, port);
    binary::wait_healthy(&c.base).await;
    let entries = c.get("/v1/ledger/entries?start=0").await;
    assert_eq!(entries["tree_size"], 6);
    server.kill().unwrap();
    server.wait().unwrap();
    tokio::task::spawn_blocking(move || drop(store))
        .await
        .unwrap();
}

/// The choices of an export, in order.
fn exported_choices(export: &str) -> Vec<String> {
    export
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["choice"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

async fn what_the_host_is_told_comes_from_the_ledger_not_the_rows(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let c = server.signed_in("megan").await;
    let (_, first, _) = c.decide(Choice::BothWays).await;
    let (status, latest, withdrawn) = c.decide(Choice::Withdraw).await;
    assert_eq!(status, StatusCode::CREATED, "{latest}");
    let at = latest["index"].as_u64().unwrap();

    // The rows say "connected" now, token and all, as if the withdrawal never was.
    server.store().execute(&format!(
        "UPDATE decisions SET choice = 'both_ways',
           token = (SELECT token FROM decisions WHERE idx = {first}),
           notice = (SELECT notice FROM decisions WHERE idx = {first})
         WHERE idx = {at}",
        first = first["index"]
    ));
    let current = c.get("/v1/decisions/current").await;
    assert_eq!(current["decision"]["choice"], "withdraw", "{current}");
    assert_eq!(current["decision"]["jti"], latest["jti"]);
    let challenge = c.challenge().await;
    assert_eq!(challenge["decision"]["choice"], "withdraw", "{challenge}");
    let export = c.text("/v1/decisions/export").await;
    assert_eq!(exported_choices(&export), ["both_ways", "withdraw"]);
    assert!(export.contains(&withdrawn), "the token as signed");

    // The latest row moved to another subject: the reads no longer find it, and say
    // so rather than answer with the decision before it ("connected").
    server.store().execute(&format!(
        "UPDATE decisions SET sub = 'someone-else' WHERE idx = {at}"
    ));
    for path in ["/v1/decisions/current", "/v1/challenge"] {
        let res = if path == "/v1/challenge" {
            c.post_json(path, serde_json::json!({})).await
        } else {
            c.fetch(path).await
        };
        problem(
            res,
            StatusCode::INTERNAL_SERVER_ERROR,
            "ledger-inconsistent",
        )
        .await;
    }
    server.store().execute(&format!(
        "UPDATE decisions SET sub = (SELECT sub FROM decisions WHERE idx = {first})
         WHERE idx = {at}",
        first = first["index"]
    ));
    assert_eq!(
        c.get("/v1/decisions/current").await["decision"]["choice"],
        "withdraw"
    );

    // The entry itself replaced by the earlier one, hash and all: it is no longer in
    // the tree the server signed, and the host hears that, not "connected".
    server.store().execute(&format!(
        "UPDATE ledger SET leaf = (SELECT leaf FROM ledger WHERE idx = {first}),
           leaf_hash = (SELECT leaf_hash FROM ledger WHERE idx = {first})
         WHERE idx = {at}",
        first = first["index"]
    ));
    for path in ["/v1/decisions/current", "/v1/decisions/export"] {
        let answer = problem(
            c.fetch(path).await,
            StatusCode::INTERNAL_SERVER_ERROR,
            "ledger-inconsistent",
        )
        .await;
        assert!(!answer.to_string().contains("both_ways"), "{answer}");
    }
    server.stop().await;
}

on_both_backends!(
    tampering_below_the_api_stops_the_server_from_starting,
    what_the_host_is_told_comes_from_the_ledger_not_the_rows,
);
