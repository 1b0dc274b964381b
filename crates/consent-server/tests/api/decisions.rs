//! Decisions as the widget sends them: recorded once each, with receipts that verify,
//! from whichever device key, however many at once.

use crate::support::{b64, check_receipt, leaf_hashes, Backend, TestServer};
use base64ct::{Base64, Base64UrlUnpadded, Encoding};
use consent_core::{merkle, Choice};
use p256::ecdsa::SigningKey;
use reqwest::StatusCode;
use serde_json::Value;

async fn a_decision_is_recorded_with_a_verifiable_receipt(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let c = server.signed_in("megan").await;
    let (status, receipt, token) = c.decide(Choice::BothWays).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    assert_eq!(receipt["index"], 0);
    assert!(receipt["checkpoint"]
        .as_str()
        .unwrap()
        .starts_with("consent.example/ledger\n1\n"));
    // The leaf holds the verbatim token, and the inclusion proof leads to the root.
    let entries = c.audit("/v1/ledger/entries?start=0").await;
    let leaf: Value =
        serde_json::from_str(entries["entries"][0]["leaf"].as_str().unwrap()).unwrap();
    assert_eq!(leaf["token"], token);
    let leaf_hash = merkle::leaf_hash(entries["entries"][0]["leaf"].as_str().unwrap().as_bytes());
    assert_eq!(leaf_hash, b64(&receipt["leaf_hash"]));
    // The holder proves inclusion from the receipt, their token and the published key
    // alone; the same receipt does not hold for another token or another key.
    let key = c.get("/.well-known/consent-ledger-key").await;
    let checkpoint = check_receipt(&receipt, &token, &key).unwrap();
    assert_eq!((checkpoint.size, checkpoint.root), (1, leaf_hash));
    assert!(check_receipt(&receipt, "another.token.here", &key).is_err());
    let mut forged = receipt.clone();
    forged["checkpoint"] = Value::from(
        receipt["checkpoint"]
            .as_str()
            .unwrap()
            .replace("\n1\n", "\n2\n"),
    );
    assert!(
        check_receipt(&forged, &token, &key).is_err(),
        "a changed checkpoint fails its signature"
    );

    let current = c.get("/v1/decisions/current").await;
    assert_eq!(current["decision"]["choice"], "both_ways");
    assert_eq!(current["decision"]["notice_is_current"], true);
    server.stop().await;
}

async fn a_resent_token_gets_the_same_receipt_once(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let c = server.signed_in("adele").await;
    let (s1, r1, token) = c.decide(Choice::LinkedinOnly).await;
    let (s2, r2) = c.send(&token).await;
    assert_eq!((s1, s2), (StatusCode::CREATED, StatusCode::OK));
    assert_eq!(r1, r2);
    assert_eq!(c.get("/v1/ledger/entries?start=0").await["tree_size"], 1);
    server.stop().await;
}

async fn concurrent_submissions_lose_nothing_and_duplicate_nothing(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let c = std::sync::Arc::new(server.signed_in("lynne").await);
    // Two racers per nonce: exactly one of each pair wins.
    let mut tokens = Vec::new();
    for i in 0..150 {
        let ch = c.challenge().await;
        let choice = [Choice::BothWays, Choice::LinkedinOnly, Choice::NotNow][i % 3];
        let first = c.sign(&c.claims(&ch, choice));
        let second = c.sign(&c.claims(&ch, choice));
        tokens.push((first, second));
    }
    let mut tasks = Vec::new();
    for (first, second) in tokens {
        for t in [first, second] {
            let c = c.clone();
            tasks.push(tokio::spawn(async move { c.send(&t).await.0 }));
        }
    }
    let mut created = 0;
    let mut replayed = 0;
    for t in tasks {
        match t.await.unwrap() {
            StatusCode::CREATED => created += 1,
            StatusCode::CONFLICT => replayed += 1,
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!((created, replayed), (150, 150));
    let entries = c.audit("/v1/ledger/entries?start=0").await;
    assert_eq!(entries["tree_size"], 150);
    let leaves = leaf_hashes(&entries);
    let checkpoint = c.text("/v1/ledger/checkpoint").await;
    let root_line = checkpoint.lines().nth(2).unwrap();
    assert_eq!(
        Base64::encode_string(&merkle::root(&leaves)),
        root_line,
        "the tree verifies"
    );
    let nonces: std::collections::HashSet<String> = entries["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let leaf: Value = serde_json::from_str(e["leaf"].as_str().unwrap()).unwrap();
            let token = leaf["token"].as_str().unwrap().to_owned();
            let claims = token.split('.').nth(1).unwrap().to_owned();
            let claims: Value =
                serde_json::from_slice(&Base64UrlUnpadded::decode_vec(&claims).unwrap()).unwrap();
            claims["nonce"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(nonces.len(), 150, "one decision per nonce");
    server.stop().await;
}

async fn a_new_device_key_is_a_ledger_entry_proved_and_exported(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let mut c = server.signed_in("adele").await;
    let (status, before, _) = c.decide(Choice::NotNow).await;
    assert_eq!(status, StatusCode::CREATED);
    c.key = SigningKey::random(&mut rand_core::OsRng);
    let (status, after, token) = c.decide(Choice::LinkedinOnly).await;
    assert_eq!(status, StatusCode::CREATED, "{after}");
    // The change sits between the two decisions, appended with the second.
    assert_eq!(before["index"], 0);
    assert_eq!(after["index"], 2);

    let export = c.text("/v1/decisions/export").await;
    let lines: Vec<Value> = export
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{export}");
    let change = &lines[1];
    assert_eq!(change["kind"], "key_change", "{change}");
    assert_eq!(change["index"], 1);
    assert_eq!(change["old_key_thumbprint"], before["key_thumbprint"]);
    assert_eq!(change["new_key_thumbprint"], after["key_thumbprint"]);
    assert_eq!(change["changed_at"], after["received_at"]);
    assert_eq!(lines[2]["choice"], "linkedin_only");

    // Its holder rebuilds the leaf from the export line and proves it against the
    // signed checkpoint of the second decision's receipt, trusting only the key.
    let sub = c.get("/v1/decisions/current").await["sub"].clone();
    let leaf = consent_core::leaf::key_change(
        sub.as_str().unwrap(),
        change["old_key_thumbprint"].as_str().unwrap(),
        change["new_key_thumbprint"].as_str().unwrap(),
        change["changed_at"].as_str().unwrap(),
    );
    let key = c.get("/.well-known/consent-ledger-key").await;
    let checkpoint = check_receipt(&after, &token, &key).unwrap();
    let proof = c
        .get(&format!(
            "/v1/ledger/proof/inclusion?index=1&size={}",
            checkpoint.size
        ))
        .await;
    assert!(merkle::verify_inclusion(
        1,
        checkpoint.size,
        &merkle::leaf_hash(leaf.as_bytes()),
        &crate::support::hashes(&proof["inclusion_proof"]),
        &checkpoint.root
    ));

    // The audit at the next start takes it, and the export is unchanged.
    server.restart().await;
    let c = c.on(&server);
    assert_eq!(c.text("/v1/decisions/export").await, export);
    server.stop().await;
    assert_eq!(server.store().count("key_changes WHERE idx = 1"), 1);

    // Its row is checked against its leaf like a decision's.
    server
        .store()
        .execute("UPDATE key_changes SET old_thumbprint = new_thumbprint");
    let refused = server.try_restart().await.unwrap_err();
    assert!(
        refused.contains("leaf 1: its key change row differs from the ledger entry"),
        "{refused}"
    );
}

on_both_backends!(
    a_decision_is_recorded_with_a_verifiable_receipt,
    a_resent_token_gets_the_same_receipt_once,
    concurrent_submissions_lose_nothing_and_duplicate_nothing,
    a_new_device_key_is_a_ledger_entry_proved_and_exported,
);
