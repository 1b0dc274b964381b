//! The ledger as an outside auditor sees it: checkpoints parsed and verified as C2SP
//! signed notes from the published key alone, the tree rebuilt from the entries, one
//! tree across restarts and across instances, and the key files readable by their
//! owner only.

use crate::support::{b64, check_receipt, hash_of, hashes, leaf_hashes, Backend, TestServer};
use base64ct::{Base64, Encoding};
use consent_core::{merkle, Choice};
use ed25519_dalek::{Signature, VerifyingKey};
use reqwest::StatusCode;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Verifies a signed note against a `name+keyid+base64(0x01||key)` verifier key, the
/// way a C2SP client does; returns the note body's lines. Malformed notes and keys
/// fail the test outright; only a signature that does not verify is an `Err`.
fn open_note(note: &str, vkey: &str) -> Result<Vec<String>, String> {
    let mut parts = vkey.splitn(3, '+');
    let (name, id_hex, key) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    let key = Base64::decode_vec(key).unwrap();
    assert_eq!(key.len(), 33);
    assert_eq!(key[0], 0x01, "Ed25519 key type");
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    h.update(b"\n");
    h.update(&key);
    let key_id = &h.finalize()[..4];
    let hex: String = key_id.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, id_hex, "key id in the verifier key");

    let (body, sigs) = note
        .split_once("\n\n")
        .expect("blank line before signatures");
    let body = format!("{body}\n");
    let lines: Vec<&str> = sigs.lines().collect();
    assert_eq!(lines.len(), 1, "{note}");
    let rest = lines[0]
        .strip_prefix("\u{2014} ")
        .expect("signature lines start with an em dash");
    let (signer, blob) = rest.split_once(' ').unwrap();
    assert_eq!(signer, name);
    let blob = Base64::decode_vec(blob).unwrap();
    assert_eq!(&blob[..4], key_id, "signature's key id");
    let pk = VerifyingKey::from_bytes(key[1..].try_into().unwrap()).unwrap();
    let sig = Signature::from_slice(&blob[4..]).unwrap();
    pk.verify_strict(body.as_bytes(), &sig)
        .map_err(|e| format!("the checkpoint signature does not verify: {e}"))?;
    Ok(body.lines().map(str::to_owned).collect())
}

#[tokio::test]
async fn checkpoints_verify_from_the_published_key_and_match_the_entries() {
    let mut server = TestServer::sqlite()
        .with_config(|c| c.origin = "ledger.contoso.example/consent".into())
        .start()
        .await;
    let c = server.signed_in("lynne").await;
    let mut receipts = Vec::new();
    for choice in [Choice::NotNow, Choice::LinkedinOnly, Choice::BothWays] {
        let (status, receipt, _) = c.decide(choice).await;
        assert_eq!(status, 201);
        receipts.push(receipt);
    }

    let published = c.get("/.well-known/consent-ledger-key").await;
    let vkey = published["vkey"].as_str().unwrap();
    assert!(
        vkey.starts_with("ledger.contoso.example/consent+"),
        "{vkey}"
    );

    // The current checkpoint: origin, size, root, in that order and nothing else.
    let note = c.text("/v1/ledger/checkpoint").await;
    let body = open_note(&note, vkey).unwrap();
    assert_eq!(body.len(), 3, "{note}");
    assert_eq!(body[0], "ledger.contoso.example/consent");
    assert_eq!(body[1], "3");
    let root = hash_of(&body[2]);

    // The tree rebuilt from the entries as served has that root.
    let entries = c.audit("/v1/ledger/entries?start=0&end=3").await;
    let leaves = leaf_hashes(&entries);
    assert_eq!(leaves.len(), 3);
    assert_eq!(merkle::root(&leaves), root);
    for (i, e) in entries["entries"].as_array().unwrap().iter().enumerate() {
        // Leaves hold the token, the receive time and the key thumbprint, nothing else.
        let leaf: Value = serde_json::from_str(e["leaf"].as_str().unwrap()).unwrap();
        let mut keys: Vec<&str> = leaf
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        keys.sort();
        assert_eq!(keys, ["key_thumbprint", "received_at", "token"]);
        assert_eq!(e["index"], i);
    }

    // Each receipt's checkpoint is a signed note of the tree it was issued at, and
    // its inclusion proof leads from its leaf to that root.
    for (i, r) in receipts.iter().enumerate() {
        let body = open_note(r["checkpoint"].as_str().unwrap(), vkey).unwrap();
        assert_eq!(body[1], (i + 1).to_string());
        let at = hash_of(&body[2]);
        assert!(merkle::verify_inclusion(
            i as u64,
            i as u64 + 1,
            &leaves[i],
            &hashes(&r["inclusion_proof"]),
            &at
        ));
        // And that older tree is a prefix of today's.
        assert_eq!(merkle::root(&leaves[..=i]), at);
    }
    // The same signature over an edited tree size is refused by the same check.
    let forged = note.replacen("\n3\n", "\n4\n", 1);
    assert_ne!(forged, note);
    assert!(open_note(&forged, vkey).is_err());
    server.stop().await;

    #[cfg(unix)]
    for file in ["ledger-key", "subject-secret"] {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(server.store().data_dir().join(file))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{file}");
    }
}

async fn a_restart_keeps_the_ledger_keys_and_subjects(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let c = server.signed_in("megan").await;
    let (_, r1, first) = c.decide(Choice::BothWays).await;
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
    let key = c.get("/.well-known/consent-ledger-key").await;
    let root1 = check_receipt(&r1, &first, &key).unwrap().root;
    let root2 = check_receipt(&r2, &pending, &key).unwrap().root;
    assert!(merkle::verify_consistency(
        1,
        2,
        &root1,
        &root2,
        &hashes(&proof["consistency_proof"])
    ));
    let inclusion = c.get("/v1/ledger/proof/inclusion?index=0&size=2").await;
    assert!(merkle::verify_inclusion(
        0,
        2,
        &b64(&r1["leaf_hash"]),
        &hashes(&inclusion["inclusion_proof"]),
        &root2
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
