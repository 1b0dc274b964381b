//! The load test's bounded version (the full one, 200,000 leaves with its p99, is
//! `bash scripts/bench proofs`): on a ledger of 5,000 leaves, eight clients request
//! proofs in a loop while decisions are sent; every proof verifies and every decision
//! gets its receipt. Nothing here is timed.

use crate::support::{b64, check_receipt, hashes, Backend, TestServer};
use consent_core::{merkle, Choice};
use reqwest::StatusCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

const FILLED: u64 = 5_000;

/// What `support/fill.rs` puts at `index`.
fn filler(index: u64) -> merkle::Hash {
    merkle::leaf_hash(crate::support::fill::filler_leaf(index).as_bytes())
}

async fn proofs_served_under_load_verify_and_every_decision_gets_its_receipt(backend: Backend) {
    let mut server = TestServer::on(backend)
        .with_store(|store| store.fill_ledger(FILLED))
        .start()
        .await;
    let leaves: Arc<Vec<merkle::Hash>> = Arc::new((0..FILLED).map(filler).collect());
    let full_root = merkle::root(&leaves);
    let stop = Arc::new(AtomicBool::new(false));

    let mut provers = Vec::new();
    for client in 0..8u64 {
        let (c, leaves, stop) = (server.client(), leaves.clone(), stop.clone());
        provers.push(tokio::spawn(async move {
            let mut proven = 0u64;
            // Positions spread over the whole ledger, different for each client.
            let mut at = client * 611 + 1;
            while !stop.load(Ordering::Relaxed) || proven < 2 {
                at = (at * 7919 + 13) % FILLED + 1;
                let (size, index) = (at, (at * 31) % at);
                let p = c
                    .get(&format!(
                        "/v1/ledger/proof/inclusion?index={index}&size={size}"
                    ))
                    .await;
                let root = b64(&p["root_hash"]);
                assert_eq!(b64(&p["leaf_hash"]), leaves[index as usize]);
                assert!(
                    merkle::verify_inclusion(
                        index,
                        size,
                        &leaves[index as usize],
                        &hashes(&p["inclusion_proof"]),
                        &root
                    ),
                    "{index} in {size}"
                );
                let p = c
                    .get(&format!(
                        "/v1/ledger/proof/consistency?from={size}&to={FILLED}"
                    ))
                    .await;
                assert_eq!(b64(&p["from_root"]), root, "one root for {size}");
                assert!(
                    merkle::verify_consistency(
                        size,
                        FILLED,
                        &root,
                        &b64(&p["to_root"]),
                        &hashes(&p["consistency_proof"])
                    ),
                    "{size} -> {FILLED}"
                );
                proven += 2;
            }
            proven
        }));
    }

    let mut deciders = Vec::new();
    for user in ["megan", "adele", "lynne", "alex"] {
        let c = server.signed_in(user).await;
        let key = c.get("/.well-known/consent-ledger-key").await;
        deciders.push(tokio::spawn(async move {
            let mut indices = Vec::new();
            for i in 0..10 {
                let choice = [Choice::BothWays, Choice::NotNow][i % 2];
                let (status, receipt, token) = c.decide(choice).await;
                assert_eq!(status, StatusCode::CREATED, "{receipt}");
                let cp = check_receipt(&receipt, &token, &key).unwrap();
                assert!(cp.size > FILLED);
                indices.push(receipt["index"].as_u64().unwrap());
            }
            indices
        }));
    }
    let mut indices = Vec::new();
    for d in deciders {
        indices.extend(d.await.unwrap());
    }
    stop.store(true, Ordering::Relaxed);
    for p in provers {
        assert!(p.await.unwrap() >= 2);
    }
    indices.sort();
    assert_eq!(indices, (FILLED..FILLED + 40).collect::<Vec<_>>());

    // The filled tree is a prefix of the one the decisions grew.
    let c = server.client();
    let p = c
        .get(&format!(
            "/v1/ledger/proof/consistency?from={FILLED}&to={}",
            FILLED + 40
        ))
        .await;
    assert_eq!(b64(&p["from_root"]), full_root);
    assert!(merkle::verify_consistency(
        FILLED,
        FILLED + 40,
        &full_root,
        &b64(&p["to_root"]),
        &hashes(&p["consistency_proof"])
    ));

    // Entries come a bounded page at a time, whatever the ledger's size.
    let page = c.get("/v1/ledger/entries?start=0").await;
    assert_eq!(page["tree_size"], FILLED + 40);
    let entries = page["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1000, "one page at most");
    for (i, e) in entries.iter().enumerate() {
        assert_eq!(e["index"], i);
        assert_eq!(b64(&e["leaf_hash"]), leaves[i]);
    }
    let tail = c
        .get(&format!(
            "/v1/ledger/entries?start={}&end=999999",
            FILLED - 10
        ))
        .await;
    assert_eq!(tail["entries"].as_array().unwrap().len(), 50);
    server.stop().await;
}

on_both_backends!(proofs_served_under_load_verify_and_every_decision_gets_its_receipt);
