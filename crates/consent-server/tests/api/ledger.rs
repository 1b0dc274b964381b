//! The ledger as an outside auditor sees it: one tree across restarts and across
//! instances.

use crate::support::{b64, hashes, Backend, TestServer};
use consent_core::{merkle, Choice};
use reqwest::StatusCode;

async fn a_restart_keeps_the_ledger_keys_and_subjects(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let c = server.signed_in("megan").await;
    let (_, r1, _) = c.decide(Choice::BothWays).await;
    let sub = c.challenge().await["sub"].clone();
    let key1 = c.get("/.well-known/consent-ledger-key").await;
    // A challenge issued before the restart is still good after it (queued offline
    // decisions are delivered then).
    let pending_ch = c.challenge().await;
    let pending = c.sign(&c.claims(&pending_ch, Choice::Withdraw));

    server.restart().await;
    let c2 = server.signed_in("megan").await;
    let key2 = c2.get("/.well-known/consent-ledger-key").await;
    assert_eq!(key1, key2, "same ledger key");
    assert_eq!(
        c2.challenge().await["sub"],
        sub,
        "same pseudonymous subject"
    );
    let c = c.on(&server);
    let (status, r2) = c.send(&pending).await;
    assert_eq!(status, StatusCode::CREATED, "{r2}");
    assert_eq!(r2["index"], 1);
    // Consistency between the tree before and after the restart.
    let proof = c.get("/v1/ledger/proof/consistency?from=1&to=2").await;
    assert!(merkle::verify_consistency(
        1,
        2,
        &b64(&r1["root_hash"]),
        &b64(&r2["root_hash"]),
        &hashes(&proof["consistency_proof"])
    ));
    let inclusion = c.get("/v1/ledger/proof/inclusion?index=0&size=2").await;
    assert!(merkle::verify_inclusion(
        0,
        2,
        &b64(&r1["leaf_hash"]),
        &hashes(&inclusion["inclusion_proof"]),
        &b64(&r2["root_hash"])
    ));
    let current = c.get("/v1/decisions/current").await;
    assert_eq!(
        current["decision"]["choice"], "withdraw",
        "latest by ledger order"
    );
    let export = c.text("/v1/decisions/export").await;
    assert_eq!(export.lines().count(), 2);
    server.stop().await;
}

on_both_backends!(a_restart_keeps_the_ledger_keys_and_subjects);

#[tokio::test]
async fn two_instances_share_one_strictly_ordered_ledger_on_postgres() {
    let mut a = TestServer::postgres().start().await;
    let mut b = a.another_instance().await;
    let c = a.signed_in("megan").await;
    let mut tokens = Vec::new();
    for i in 0..60 {
        let ch = c.challenge().await;
        let choice = [Choice::BothWays, Choice::NotNow][i % 2];
        tokens.push((i % 2 == 0, c.sign(&c.claims(&ch, choice))));
    }
    let mut tasks = Vec::new();
    for (to_a, token) in tokens {
        let c = c.on(if to_a { &a } else { &b });
        tasks.push(tokio::spawn(async move {
            let (status, receipt) = c.send(&token).await;
            (status, receipt["index"].as_u64())
        }));
    }
    let mut indices = Vec::new();
    for t in tasks {
        let (status, index) = t.await.unwrap();
        assert_eq!(status, StatusCode::CREATED);
        indices.push(index.unwrap());
    }
    indices.sort();
    assert_eq!(
        indices,
        (0..60).collect::<Vec<u64>>(),
        "no index given twice, none skipped"
    );
    let (ca, cb) = (
        c.on(&a).text("/v1/ledger/checkpoint").await,
        c.on(&b).text("/v1/ledger/checkpoint").await,
    );
    assert_eq!(ca, cb, "both instances sign the same tree");
    assert!(ca.starts_with("consent.example/ledger\n60\n"), "{ca}");
    a.stop().await;
    b.stop().await;
}
