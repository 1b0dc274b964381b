//! A client that never gives up on a decision, as the widget's outbox: it re-sends the
//! same token on any error (a refused connection, a `503`) until it is acknowledged,
//! and remembers what was acknowledged, so a scenario that breaks the server or its
//! database can then check the ledger against it ([`check_ledger`]).

use super::{check_receipt, leaf_hashes, problem_type, Client};
use consent_core::{merkle, Choice};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
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

/// What [`check_ledger`] found against what the clients saw.
#[derive(Debug, Default)]
pub struct Audit {
    /// Leaves in the tree.
    pub size: usize,
    /// Acknowledged decisions not kept.
    pub lost: usize,
    /// Decisions kept more than once (counting each extra copy).
    pub doubled: usize,
    /// Decisions kept that no client saw acknowledged.
    pub unacknowledged: usize,
}

impl Audit {
    /// Panics, saying what, unless nothing was lost, doubled or kept unacknowledged.
    pub fn assert_clean(&self) {
        assert!(
            self.lost == 0 && self.doubled == 0 && self.unacknowledged == 0,
            "{self:?}"
        );
    }
}

/// Checks the ledger the server at `c` keeps against what its clients saw, for the
/// subjects of `clients`, and counts what was lost, doubled or kept unacknowledged (a
/// decision whose answer was lost is re-sent until acknowledged, so none should be).
/// Panics if the tree does not verify: the leaves as served must hash to the signed
/// root, one leaf per decision, and every receipt's inclusion proof and checkpoint
/// must verify from the published key, each checkpoint's tree a prefix of today's.
pub async fn check_ledger(c: &Client, clients: &[Client], acked: &[Acked]) -> Audit {
    let mut kept: HashMap<String, usize> = HashMap::new();
    for client in clients {
        for line in client.text("/v1/decisions/export").await.lines() {
            let row: Value = serde_json::from_str(line).unwrap();
            *kept.entry(row["jti"].as_str().unwrap().into()).or_default() += 1;
        }
    }
    let acked_jtis: HashSet<&str> = acked.iter().map(|a| a.jti.as_str()).collect();
    let mut audit = Audit {
        lost: acked_jtis
            .iter()
            .filter(|j| !kept.contains_key(**j))
            .count(),
        doubled: kept.values().map(|n| n - 1).sum(),
        unacknowledged: kept
            .keys()
            .filter(|j| !acked_jtis.contains(j.as_str()))
            .count(),
        ..Audit::default()
    };

    // Page by page: the server answers a bounded page at a time.
    let mut leaves = Vec::new();
    loop {
        let page = c
            .audit(&format!("/v1/ledger/entries?start={}", leaves.len()))
            .await;
        let got = leaf_hashes(&page);
        let size = page["tree_size"].as_u64().unwrap() as usize;
        leaves.extend(got.iter().copied());
        if got.is_empty() || leaves.len() >= size {
            break;
        }
    }
    assert_eq!(
        leaves.len(),
        kept.values().sum::<usize>(),
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
    // The root of every prefix of today's tree, in one pass.
    let mut frontier = merkle::Frontier::from_leaves(&[]);
    let mut roots = vec![frontier.root()];
    for leaf in &leaves {
        frontier.push(*leaf);
        roots.push(frontier.root());
    }
    let key = c.get("/.well-known/consent-ledger-key").await;
    for a in acked {
        let checkpoint = check_receipt(&a.receipt, &a.token, &key)
            .unwrap_or_else(|e| panic!("the receipt of {} does not verify: {e}", a.jti));
        let size = checkpoint.size as usize;
        assert!(size <= leaves.len());
        assert_eq!(checkpoint.root, roots[size], "{}", a.jti);
    }
    audit.size = leaves.len();
    audit
}
