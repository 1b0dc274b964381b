//! The ledger as an outside auditor sees it: checkpoints parsed and verified as C2SP
//! signed notes from the published key alone, the tree rebuilt from the entries, and
//! the key files readable by their owner only.

mod support {
    pub mod device;
}

use base64ct::{Base64, Encoding};
use consent_core::{merkle, Choice};
use consent_server::config::Config;
use ed25519_dalek::{Signature, VerifyingKey};
use p256::ecdsa::SigningKey;
use serde_json::{json, Value};
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
    let dir = tempfile::tempdir().unwrap();
    let server = consent_server::start(Config {
        port: 0,
        data_dir: dir.path().to_path_buf(),
        www_dir: dir.path().join("www"),
        pkg_dir: dir.path().join("pkg"),
        audience: "https://consent.test".into(),
        origin: "ledger.contoso.example/consent".into(),
        ..Config::default()
    })
    .await
    .unwrap();
    let base = format!("http://{}", server.addr);
    let http = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    http.post(format!("{base}/v1/session"))
        .json(&json!({"user": "lynne"}))
        .send()
        .await
        .unwrap();
    let key = SigningKey::random(&mut rand_core::OsRng);
    let mut receipts = Vec::new();
    for choice in [Choice::NotNow, Choice::LinkedinOnly, Choice::BothWays] {
        let ch: Value = http
            .post(format!("{base}/v1/challenge"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let token = support::device::sign(&key, &support::device::claims_for(&ch, choice));
        let res = http
            .post(format!("{base}/v1/decisions"))
            .header("content-type", "application/jwt")
            .body(token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        receipts.push(res.json::<Value>().await.unwrap());
    }

    let published: Value = http
        .get(format!("{base}/.well-known/consent-ledger-key"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let vkey = published["vkey"].as_str().unwrap();
    assert!(
        vkey.starts_with("ledger.contoso.example/consent+"),
        "{vkey}"
    );

    // The current checkpoint: origin, size, root, in that order and nothing else.
    let note = http
        .get(format!("{base}/v1/ledger/checkpoint"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let body = open_note(&note, vkey).unwrap();
    assert_eq!(body.len(), 3, "{note}");
    assert_eq!(body[0], "ledger.contoso.example/consent");
    assert_eq!(body[1], "3");
    let root: [u8; 32] = Base64::decode_vec(&body[2]).unwrap().try_into().unwrap();

    // The tree rebuilt from the entries as served has that root.
    let entries: Value = http
        .get(format!("{base}/v1/ledger/entries?start=0&end=3"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let leaves: Vec<[u8; 32]> = entries["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| merkle::leaf_hash(e["leaf"].as_str().unwrap().as_bytes()))
        .collect();
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
        let at: [u8; 32] = Base64::decode_vec(&body[2]).unwrap().try_into().unwrap();
        let proof: Vec<[u8; 32]> = r["inclusion_proof"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                Base64::decode_vec(p.as_str().unwrap())
                    .unwrap()
                    .try_into()
                    .unwrap()
            })
            .collect();
        assert!(merkle::verify_inclusion(
            i as u64,
            i as u64 + 1,
            &leaves[i],
            &proof,
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
        let mode = std::fs::metadata(dir.path().join(file))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{file}");
    }
}
