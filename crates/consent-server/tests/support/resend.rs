//! A client that never gives up on a decision, as the widget's outbox: it re-sends the
//! same token on any error (a refused connection, a `503`) until it is acknowledged,
//! and remembers what was acknowledged, so a scenario that breaks the server or its
//! database can then check the ledger against it ([`check_ledger`]).

use super::{check_receipt, leaf_hashes, problem_type, Client};
use consent_core::{merkle, Choice};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A decision the server answered with a 2xx.
#[derive(Clone, Debug)]
pub struct Acked {
    pub jti: String,
    pub token: String,
    pub receipt: Value,
    pub at: Instant,
}

/// What a scenario's clients saw: the acknowledged decisions, and every failed
/// attempt by kind (`transport`, or the status and problem type).
#[derive(Default)]
pub struct Tally {
    pub acked: Mutex<Vec<Acked>>,
    pub failures: Mutex<BTreeMap<String, u64>>,
}

impl Tally {
    fn failed(&self, kind: String) {
        *self.failures.lock().unwrap().entry(kind).or_default() += 1;
    }

    /// The failure kinds seen, with their counts.
    pub fn failures(&self) -> BTreeMap<String, u64> {
        self.failures.lock().unwrap().clone()
    }

    pub fn acked(&self) -> Vec<Acked> {
        self.acked.lock().unwrap().clone()
    }
}

/// How long a client waits before trying again: short, so the test sees recovery as
/// soon as it happens.
const PAUSE: Duration = Duration::from_millis(50);

async fn failure(res: reqwest::Response) -> String {
    let status = res.status().as_u16();
    let body: Value = res.json().await.unwrap_or(Value::Null);
    format!("{status} {}", problem_type(&body))
}

/// One decision from challenge to acknowledgement, trying again on every failure until
/// `deadline` (then the test fails: the server never recovered).
pub async fn decide(c: &Client, tally: &Tally, deadline: Instant) -> Acked {
    let challenge = loop {
        assert!(
            Instant::now() < deadline,
            "no challenge before the deadline"
        );
        match c
            .http
            .post(c.url("/v1/challenge"))
            .json(&json!({}))
            .send()
            .await
        {
            Ok(res) if res.status().is_success() => match res.json::<Value>().await {
                Ok(ch) => break ch,
                Err(_) => tally.failed("transport".into()),
            },
            Ok(res) => tally.failed(failure(res).await),
            Err(_) => tally.failed("transport".into()),
        }
        tokio::time::sleep(PAUSE).await;
    };
    // A choice every demo user may make, whatever the tenant policy.
    let claims = c.claims(&challenge, Choice::NotNow);
    let token = c.sign(&claims);
    loop {
        assert!(
            Instant::now() < deadline,
            "{} not acknowledged before the deadline",
            claims.jti
        );
        let sent = c
            .http
            .post(c.url("/v1/decisions"))
            .header("content-type", "application/jwt")
            .body(token.clone())
            .send()
            .await;
        match sent {
            Ok(res) if res.status().is_success() => {
                if let Ok(receipt) = res.json::<Value>().await {
                    let acked = Acked {
                        jti: claims.jti.clone(),
                        token,
                        receipt,
                        at: Instant::now(),
                    };
                    tally.acked.lock().unwrap().push(acked.clone());
                    return acked;
                }
                // The answer was cut off: the decision may be kept; the re-send says.
                tally.failed("transport".into());
            }
            Ok(res) => tally.failed(failure(res).await),
            Err(_) => tally.failed("transport".into()),
        }
        tokio::time::sleep(PAUSE).await;
    }
}

/// Checks the ledger the server at `c` keeps against what its clients saw, for the
/// subjects of `clients`: every acknowledged decision is kept exactly once and
/// nothing else is (a decision whose answer was lost was re-sent until acknowledged,
/// so none is left unacknowledged); the leaves as served hash to the signed tree;
/// every receipt's inclusion proof and checkpoint verify from the published key, and
/// each checkpoint's tree is a prefix of today's. Returns the tree's size.
pub async fn check_ledger(c: &Client, clients: &[Client], acked: &[Acked]) -> usize {
    let mut kept: HashMap<String, usize> = HashMap::new();
    for client in clients {
        for line in client.text("/v1/decisions/export").await.lines() {
            let row: Value = serde_json::from_str(line).unwrap();
            *kept.entry(row["jti"].as_str().unwrap().into()).or_default() += 1;
        }
    }
    let twice: Vec<_> = kept.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "decisions kept more than once: {twice:?}");
    let lost: Vec<_> = acked
        .iter()
        .filter(|a| !kept.contains_key(&a.jti))
        .map(|a| &a.jti)
        .collect();
    assert!(
        lost.is_empty(),
        "{} acknowledged decisions lost: {lost:?}",
        lost.len()
    );
    let mut acked_jtis: Vec<&str> = acked.iter().map(|a| a.jti.as_str()).collect();
    acked_jtis.sort();
    acked_jtis.dedup();
    assert_eq!(
        acked_jtis.len(),
        kept.len(),
        "every decision kept was acknowledged, each once"
    );

    let entries = c.audit("/v1/ledger/entries?start=0").await;
    let leaves = leaf_hashes(&entries);
    assert_eq!(
        leaves.len(),
        kept.len(),
        "one leaf per decision, and no leaf without its decision"
    );
    let note = c.text("/v1/ledger/checkpoint").await;
    let body: Vec<&str> = note.lines().collect();
    assert_eq!(body[1], leaves.len().to_string(), "{note}");
    assert_eq!(
        super::hash_of(body[2]),
        merkle::root(&leaves),
        "the signed root is the entries' root"
    );
    let key = c.get("/.well-known/consent-ledger-key").await;
    for a in acked {
        let checkpoint = check_receipt(&a.receipt, &a.token, &key)
            .unwrap_or_else(|e| panic!("the receipt of {} does not verify: {e}", a.jti));
        let size = checkpoint.size as usize;
        assert!(size <= leaves.len());
        assert_eq!(checkpoint.root, merkle::root(&leaves[..size]), "{}", a.jti);
    }
    leaves.len()
}
