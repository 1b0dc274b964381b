//! Proofs as served from the stored tree nodes: for every tree size up to 70, every
//! inclusion and consistency proof is exactly what the whole tree gives and verifies
//! with consent-core's verifier; a ledger written at schema version 1 gets its nodes
//! on upgrade and proves what it proved; one written at version 2 gets its tree head
//! signed at its first start, which later starts check; and reads are answered while the ledger's
//! writer waits for its lock.

use crate::support::{b64, check_receipt, hashes, Backend, TestServer};
use consent_core::{merkle, Choice};
use reqwest::StatusCode;
use serde_json::Value;
use std::time::Duration;

/// Every leaf hash of a ledger of `size`, as the public reads them.
async fn public_leaves(c: &crate::support::Client, size: usize) -> Vec<merkle::Hash> {
    let entries = c
        .get(&format!("/v1/ledger/entries?start=0&end={size}"))
        .await;
    let leaves: Vec<_> = entries["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| b64(&e["leaf_hash"]))
        .collect();
    assert_eq!(leaves.len(), size);
    leaves
}

/// Asks for every inclusion proof (each index, each size) and every consistency proof
/// (each old size, each size) of the first `leaves.len()` leaves, and checks each
/// against the whole-tree computation and the verifier. Eight tree sizes at a time.
async fn every_proof_matches_the_whole_tree(c: &crate::support::Client, leaves: &[merkle::Hash]) {
    let mut sizes = tokio::task::JoinSet::new();
    for worker in 0..8 {
        let (c, leaves) = (c.clone(), leaves.to_vec());
        sizes.spawn(async move {
            for n in (1..=leaves.len()).skip(worker).step_by(8) {
                proofs_of_size(&c, &leaves[..n]).await;
            }
        });
    }
    while let Some(done) = sizes.join_next().await {
        done.unwrap();
    }
}

async fn proofs_of_size(c: &crate::support::Client, tree: &[merkle::Hash]) {
    let n = tree.len();
    let root = merkle::root(tree);
    for i in 0..n {
        let p = c
            .get(&format!("/v1/ledger/proof/inclusion?index={i}&size={n}"))
            .await;
        let proof = hashes(&p["inclusion_proof"]);
        assert_eq!(proof, merkle::inclusion_proof(i, tree), "{i} in {n}");
        assert_eq!(b64(&p["root_hash"]), root, "root of {n}");
        assert_eq!(b64(&p["leaf_hash"]), tree[i]);
        assert_eq!(
            (p["index"].as_u64(), p["tree_size"].as_u64()),
            (Some(i as u64), Some(n as u64))
        );
        assert!(merkle::verify_inclusion(
            i as u64, n as u64, &tree[i], &proof, &root
        ));
    }
    for m in 1..=n {
        let p = c
            .get(&format!("/v1/ledger/proof/consistency?from={m}&to={n}"))
            .await;
        let proof = hashes(&p["consistency_proof"]);
        assert_eq!(proof, merkle::consistency_proof(m, tree), "{m} -> {n}");
        let old = merkle::root(&tree[..m]);
        assert_eq!((b64(&p["from_root"]), b64(&p["to_root"])), (old, root));
        assert!(merkle::verify_consistency(
            m as u64, n as u64, &old, &root, &proof
        ));
    }
}

async fn every_proof_up_to_70_leaves_is_the_whole_trees(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let c = server.signed_in("megan").await;
    let key = c.get("/.well-known/consent-ledger-key").await;
    let mut receipts = Vec::new();
    for i in 0..70 {
        let choice = [Choice::BothWays, Choice::NotNow, Choice::LinkedinOnly][i % 3];
        let (status, receipt, token) = c.decide(choice).await;
        assert_eq!(status, StatusCode::CREATED, "{receipt}");
        receipts.push((receipt, token));
    }
    let leaves = public_leaves(&c, 70).await;
    // Each receipt (whose proof the writer made from its frontier) proves its leaf
    // in the tree it names, and that tree is a prefix of today's.
    for (i, (receipt, token)) in receipts.iter().enumerate() {
        let cp = check_receipt(receipt, token, &key).unwrap();
        assert_eq!(cp.size, i as u64 + 1);
        assert_eq!(cp.root, merkle::root(&leaves[..=i]));
    }
    every_proof_matches_the_whole_tree(&c, &leaves).await;
    // Out of range stays a problem, not a proof.
    for path in [
        "/v1/ledger/proof/inclusion?index=70",
        "/v1/ledger/proof/inclusion?index=3&size=71",
        "/v1/ledger/proof/consistency?from=0&to=5",
        "/v1/ledger/proof/consistency?from=6&to=5",
        "/v1/ledger/proof/consistency?from=1&to=71",
    ] {
        crate::support::problem(c.fetch(path).await, StatusCode::BAD_REQUEST, "out-of-range").await;
    }
    server.stop().await;
}

/// The leaf data of the version-1 ledger below.
fn old_leaf(i: usize) -> String {
    format!("{{\"old\":{i}}}")
}

/// `leaves` leaves as a version-1 server wrote them, straight into its schema.
fn version_1_ledger(backend: Backend, leaves: usize) -> String {
    let mut sql = String::from("INSERT INTO schema_version (id, version) VALUES (1, 1);\n");
    for i in 0..leaves {
        let hex: String = merkle::leaf_hash(old_leaf(i).as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let hash = match backend {
            Backend::Sqlite => format!("X'{hex}'"),
            Backend::Postgres => format!("'\\x{hex}'::bytea"),
        };
        sql.push_str(&format!(
            "INSERT INTO ledger (idx, leaf, leaf_hash) VALUES ({i}, '{}', {hash});\n",
            old_leaf(i)
        ));
    }
    sql
}

async fn a_version_1_ledger_migrates_and_proves_what_it_proved(backend: Backend) {
    let schema = match backend {
        Backend::Sqlite => include_str!("../support/schema_v1/sqlite.sql"),
        Backend::Postgres => include_str!("../support/schema_v1/postgres.sql"),
    };
    let inserts = version_1_ledger(backend, 37);
    let mut server = TestServer::on(backend)
        .with_store(move |store| store.execute(&format!("{schema}\n{inserts}")))
        .start()
        .await;
    let c = server.signed_in("adele").await;
    let leaves: Vec<_> = (0..37)
        .map(|i| merkle::leaf_hash(old_leaf(i).as_bytes()))
        .collect();
    assert_eq!(public_leaves(&c, 37).await, leaves);
    every_proof_matches_the_whole_tree(&c, &leaves).await;
    assert_eq!(server.store().count("schema_version WHERE version = 4"), 1);

    // The tree grows on from there: the next decision is leaf 37, and its tree
    // extends the migrated one.
    let (status, receipt, token) = c.decide(Choice::NotNow).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    assert_eq!(receipt["index"], 37);
    let key = c.get("/.well-known/consent-ledger-key").await;
    let cp = check_receipt(&receipt, &token, &key).unwrap();
    let p = c.get("/v1/ledger/proof/consistency?from=37&to=38").await;
    assert!(merkle::verify_consistency(
        37,
        38,
        &merkle::root(&leaves),
        &cp.root,
        &hashes(&p["consistency_proof"])
    ));
    server.stop().await;
}

/// Bytes as an SQL literal of `backend`'s binary type.
fn sql_bytes(backend: Backend, bytes: &[u8]) -> String {
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    match backend {
        Backend::Sqlite => format!("X'{hex}'"),
        Backend::Postgres => format!("'\\x{hex}'::bytea"),
    }
}

async fn a_version_2_ledger_gets_its_head_signed_at_first_start_and_checked_after(
    backend: Backend,
) {
    let schema = match backend {
        Backend::Sqlite => include_str!("../support/schema_v2/sqlite.sql"),
        Backend::Postgres => include_str!("../support/schema_v2/postgres.sql"),
    };
    let leaves: Vec<_> = (0..9)
        .map(|i| merkle::leaf_hash(old_leaf(i).as_bytes()))
        .collect();
    let mut sql = version_1_ledger(backend, 9).replace("VALUES (1, 1)", "VALUES (1, 2)");
    for (id, hash) in consent_server::ledger::tree::all_nodes(&leaves) {
        sql.push_str(&format!(
            "INSERT INTO nodes (level, idx, hash) VALUES ({}, {}, {});\n",
            id.level,
            id.index,
            sql_bytes(backend, &hash)
        ));
    }
    let mut server = TestServer::on(backend)
        .with_store(move |store| store.execute(&format!("{schema}\n{sql}")))
        .start()
        .await;
    let c = server.signed_in("adele").await;
    let checkpoint = c.text("/v1/ledger/checkpoint").await;
    assert!(checkpoint.contains("\n9\n"), "{checkpoint}");
    assert_eq!(server.store().count("schema_version WHERE version = 4"), 1);
    assert_eq!(
        server.store().texts("signed_head", "checkpoint"),
        [checkpoint],
        "the migrated tree's head, signed at the first start"
    );
    let (status, receipt, _) = c.decide(Choice::NotNow).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let signed = server.store().texts("signed_head", "checkpoint");
    assert!(signed[0].contains("\n10\n"), "each commit signs its head");

    // From now on the head must be there: deleting it is tampering, not a migration.
    server.stop().await;
    server.store().execute("DELETE FROM signed_head");
    let refused = server.try_restart().await.unwrap_err();
    assert!(
        refused.contains("no signed tree head is stored, but the ledger holds 10 leaves"),
        "{refused}"
    );
}

/// The reads anyone can make, each answered `200`.
async fn every_read_answers(c: &crate::support::Client, size: u64) -> Vec<Value> {
    let mut answers = Vec::new();
    for path in [
        "/v1/ledger/checkpoint".to_owned(),
        format!("/v1/ledger/proof/inclusion?index=0&size={size}"),
        format!("/v1/ledger/proof/consistency?from=1&to={size}"),
        format!("/v1/ledger/entries?start=0&end={size}"),
        "/v1/decisions/current".to_owned(),
        "/v1/decisions/export".to_owned(),
    ] {
        let res = c.fetch(&path).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        answers.push(Value::String(res.text().await.unwrap()));
    }
    answers
}

async fn reads_are_answered_while_the_writer_waits_for_its_lock(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let c = server.signed_in("megan").await;
    for _ in 0..3 {
        assert_eq!(c.decide(Choice::NotNow).await.0, StatusCode::CREATED);
    }
    // Challenged and signed first: issuing a challenge writes.
    let ch = c.challenge().await;
    let token = c.sign(&c.claims(&ch, Choice::BothWays));

    let lock = server.store().hold_ledger_lock();
    let sender = c.clone();
    let pending = tokio::spawn(async move { sender.send(&token).await });
    // Long enough for the decision to reach the writer and wait on the lock there.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let answers = every_read_answers(&c, 3).await;
    assert!(
        answers[0].as_str().unwrap().contains("\n3\n"),
        "{}",
        answers[0]
    );
    assert!(
        !pending.is_finished(),
        "the decision cannot be recorded while the ledger is locked"
    );
    lock.release();
    let (status, receipt) = pending.await.unwrap();
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    assert_eq!(receipt["index"], 3);
    server.stop().await;
}

on_both_backends!(
    every_proof_up_to_70_leaves_is_the_whole_trees,
    a_version_1_ledger_migrates_and_proves_what_it_proved,
    a_version_2_ledger_gets_its_head_signed_at_first_start_and_checked_after,
    reads_are_answered_while_the_writer_waits_for_its_lock,
);
