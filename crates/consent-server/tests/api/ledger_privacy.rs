//! The public ledger gives away no decision: anyone gets what checking the log needs
//! (leaf hashes, checkpoints, proofs), the subject their own records, and only a
//! configured auditor the entries themselves.

use crate::support::{b64, hash_of, problem, sha256_hex, Backend, TestServer, AUDITOR_TOKEN};
use consent_core::{merkle, Choice};
use reqwest::header::{AUTHORIZATION, WWW_AUTHENTICATE};
use reqwest::StatusCode;
use serde_json::Value;
use std::collections::BTreeSet;

async fn the_public_sees_hashes_and_no_decision(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let megan = server.signed_in("megan").await;
    let adele = server.signed_in("adele").await;
    let (_, r1, t1) = megan.decide(Choice::BothWays).await;
    let (_, r2, t2) = adele.decide(Choice::NotNow).await;

    let public = server.client();
    let res = public.fetch("/v1/ledger/entries?start=0").await;
    assert_eq!(res.status(), StatusCode::OK);
    let text = res.text().await.unwrap();
    let entries: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(entries["tree_size"], 2);
    for e in entries["entries"].as_array().unwrap() {
        let keys: BTreeSet<&str> = e.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        assert_eq!(keys, BTreeSet::from(["index", "leaf_hash"]), "{e}");
    }
    // Nothing of either token, its subject or its key is in the public answer.
    let sub = megan.challenge().await["sub"].as_str().unwrap().to_owned();
    for secret in [
        &t1,
        &t2,
        t1.split('.').nth(1).unwrap(),
        &sub,
        r1["jti"].as_str().unwrap(),
    ] {
        assert!(!text.contains(secret), "the public entries reveal {secret}");
    }
    // What they do give is enough to check the log: the leaf hashes rebuild the root
    // of the signed checkpoint, and match the receipts.
    let leaves: Vec<[u8; 32]> = entries["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| b64(&e["leaf_hash"]))
        .collect();
    assert_eq!(leaves, [b64(&r1["leaf_hash"]), b64(&r2["leaf_hash"])]);
    let checkpoint = public.text("/v1/ledger/checkpoint").await;
    assert_eq!(
        merkle::root(&leaves),
        hash_of(checkpoint.lines().nth(2).unwrap())
    );

    // The auditor gets each leaf, whose hash is the one the public sees.
    let audited = public.audit("/v1/ledger/entries?start=0").await;
    let leaf = audited["entries"][0]["leaf"].as_str().unwrap();
    assert_eq!(merkle::leaf_hash(leaf.as_bytes()), leaves[0]);
    let leaf: Value = serde_json::from_str(leaf).unwrap();
    assert_eq!(leaf["token"], t1.as_str());

    // Each subject gets their own records, and only theirs.
    let export = megan.text("/v1/decisions/export").await;
    assert!(export.contains(&t1) && !export.contains(&t2), "{export}");
    server.stop().await;
}

on_both_backends!(the_public_sees_hashes_and_no_decision);

#[tokio::test]
async fn a_wrong_auditor_credential_is_refused_not_answered_as_public() {
    let mut server = TestServer::sqlite().start().await;
    let c = server.signed_in("alex").await;
    c.decide(Choice::LinkedinOnly).await;
    for credential in [
        "Bearer not-the-auditor".to_owned(),
        format!("Bearer {}", sha256_hex(AUDITOR_TOKEN)),
        format!("Basic {AUDITOR_TOKEN}"),
        "Bearer ".to_owned(),
        AUDITOR_TOKEN.to_owned(),
    ] {
        let res = c
            .http
            .get(c.url("/v1/ledger/entries?start=0"))
            .header(AUTHORIZATION, &credential)
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.headers()[WWW_AUTHENTICATE],
            "Bearer realm=\"consent-ledger\"",
            "{credential}"
        );
        problem(res, StatusCode::UNAUTHORIZED, "bad-auditor-token").await;
    }
    // The scheme's case does not matter.
    let res = c
        .http
        .get(c.url("/v1/ledger/entries?start=0"))
        .header(AUTHORIZATION, format!("bearer {AUDITOR_TOKEN}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);

    // With no auditor configured, nobody reads the entries.
    server.restart_with(|c| c.auditor_tokens.clear()).await;
    let res = c
        .on(&server)
        .http
        .get(server.url("/v1/ledger/entries?start=0"))
        .bearer_auth(AUDITOR_TOKEN)
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::UNAUTHORIZED, "bad-auditor-token").await;
    server.stop().await;
}

#[tokio::test]
async fn an_auditor_token_that_is_not_a_sha256_refuses_to_start() {
    let err = TestServer::sqlite()
        .with_config(|c| c.auditor_tokens = vec![AUDITOR_TOKEN.to_owned()])
        .try_start()
        .await
        .err()
        .expect("refused to start");
    assert!(err.contains("auditor_tokens"), "{err}");
    assert!(err.contains("sha256sum"), "{err}");
}
