//! Benchmark: pre-signed decisions as a load generator nobody here wrote sends them
//! (oha, from crates.io) beside the project's own client, on SQLite and on PostgreSQL
//! with fsync on, at 1, 16 and 64 connections; and npm jose's `jwtVerify` beside the
//! backend's verifier on one core, on the same tokens. Prints the figures and writes
//! them to docs/BENCHMARKS.md.
//!
//! `cargo run --release -p consent-server --example peers -- [requests per run]`
//!
//! oha picks a random line of its body file for each request, so a token can go out
//! twice; the second time it is a re-send, answered `200` from the ledger without an
//! append. Each oha run gets ten times as many tokens as it sends requests, and the
//! table says how many of its answers were re-sends.

// What the other benchmarks share, of which this one needs a part.
#[path = "common/mod.rs"]
#[allow(dead_code)]
mod common;
#[path = "../tests/support/device.rs"]
#[allow(dead_code)]
mod device;
#[path = "common/flow.rs"]
#[allow(dead_code)] // the whole-flow client; only its signer is used here
mod flow;
#[path = "../tests/support/pg.rs"]
#[allow(dead_code)] // a test's cluster can also stop and restart; here it only starts
mod pg;

use common::{
    bench_config, decision_request, load_average, machine, presigned_tokens, send_all,
    write_section,
};
use flow::{sign_in, Signer};
use serde_json::Value;
use std::process::Command;
use std::time::{Duration, Instant};

const CONNECTIONS: [usize; 3] = [1, 16, 64];
/// Tokens per request in an oha run: how rarely its random picks repeat.
const SPARE: usize = 10;

/// For `pg.rs`.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// What one run measured.
struct Run {
    store: &'static str,
    client: String,
    connections: usize,
    requests: usize,
    recorded: usize,
    resent: usize,
    per_second: f64,
    p50: Duration,
    p99: Duration,
}

impl Run {
    fn row(&self) -> String {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        format!(
            "| {} | {} | {} | {} | {} | {} | **{:.0}** | {:.1} ms | **{:.1} ms** |",
            self.store,
            self.client,
            self.connections,
            self.requests,
            self.recorded,
            self.resent,
            self.per_second,
            ms(self.p50),
            ms(self.p99)
        )
    }
}

/// `count` tokens, each on a challenge of its own, signed (ring) for `signer`'s session.
async fn presign(addr: std::net::SocketAddr, signer: &Signer, count: usize) -> Vec<String> {
    presigned_tokens(addr, &signer.who, count, |claims| signer.sign(claims)).await
}

/// The project's own client: every token once.
async fn own_client(
    store: &'static str,
    addr: std::net::SocketAddr,
    signer: &Signer,
    tokens: Vec<String>,
    connections: usize,
) -> Run {
    let requests: Vec<Vec<u8>> = tokens
        .iter()
        .map(|t| decision_request(addr, &signer.who, t))
        .collect();
    let started = Instant::now();
    let mut latencies = send_all(addr, requests, connections).await;
    let elapsed = started.elapsed();
    latencies.sort();
    let pct = |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    Run {
        store,
        client: "own client".into(),
        connections,
        requests: latencies.len(),
        recorded: latencies.len(),
        resent: 0,
        per_second: latencies.len() as f64 / elapsed.as_secs_f64(),
        p50: pct(0.5),
        p99: pct(0.99),
    }
}

/// oha, `requests` requests over `connections`, bodies drawn from `tokens`.
fn oha(
    store: &'static str,
    addr: std::net::SocketAddr,
    signer: &Signer,
    tokens: &[String],
    requests: usize,
    connections: usize,
    version: &str,
) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let bodies = dir.path().join("tokens");
    std::fs::write(&bodies, tokens.join("\n")).unwrap();
    let out = Command::new("oha")
        .args(["--no-tui", "--output-format", "json", "-m", "POST"])
        .args(["-T", "application/jwt", "-H"])
        .arg(format!("{}: {}", signer.who.header, signer.who.value))
        .arg("-Z")
        .arg(&bodies)
        .args(["-n", &requests.to_string(), "-c", &connections.to_string()])
        .arg(format!("http://{addr}/v1/decisions"))
        .output()
        .expect("oha is not installed: scripts/bench installs it (cargo install --locked oha)");
    assert!(
        out.status.success(),
        "oha failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "oha's output is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    let codes = &report["statusCodeDistribution"];
    let count = |code: &str| codes[code].as_u64().unwrap_or(0) as usize;
    let (recorded, resent) = (count("201"), count("200"));
    // A run that was refused measured nothing worth printing.
    assert_eq!(
        recorded + resent,
        requests,
        "oha saw answers other than 201 and 200: {codes}"
    );
    let secs = |v: &Value| Duration::from_secs_f64(v.as_f64().unwrap());
    Run {
        store,
        client: format!("oha {version}"),
        connections,
        requests,
        recorded,
        resent,
        per_second: report["summary"]["requestsPerSec"].as_f64().unwrap(),
        p50: secs(&report["latencyPercentiles"]["p50"]),
        p99: secs(&report["latencyPercentiles"]["p99"]),
    }
}

/// Both clients at every connection count against one server, interleaved.
async fn measure(
    store: &'static str,
    config: consent_server::config::Config,
    requests: usize,
    version: &str,
    runs: &mut Vec<Run>,
) -> Vec<String> {
    let server = consent_server::start(config).await.unwrap();
    let signer = sign_in(server.addr, "megan").await;
    for connections in CONNECTIONS {
        let tokens = presign(server.addr, &signer, requests).await;
        runs.push(own_client(store, server.addr, &signer, tokens, connections).await);
        println!("{}", runs.last().unwrap().row());
        let tokens = presign(server.addr, &signer, requests * SPARE).await;
        runs.push(oha(
            store,
            server.addr,
            &signer,
            &tokens,
            requests,
            connections,
            version,
        ));
        println!("{}", runs.last().unwrap().row());
    }
    let spare = presign(server.addr, &signer, requests).await;
    server.stop().await;
    spare
}

/// Verifications per second on one thread: the backend's stateless checks (ring's
/// ES256) and npm jose's `jwtVerify`, on the same tokens.
fn per_core(tokens: &[String], audience: &str) -> (f64, f64, String) {
    let expect = consent_core::verify::Expectations { aud: audience };
    let check = || {
        for t in tokens {
            consent_core::verify::verify_with(t, &expect, &consent_server::es256::Ring)
                .expect("a pre-signed token verifies");
        }
    };
    check();
    let started = Instant::now();
    check();
    let ours = tokens.len() as f64 / started.elapsed().as_secs_f64();

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tokens");
    std::fs::write(&file, tokens.join("\n")).unwrap();
    let out = Command::new("node")
        .arg("bench/jose-verify.mjs")
        .arg(&file)
        .arg(audience)
        .output()
        .expect("node runs bench/jose-verify.mjs");
    assert!(
        out.status.success(),
        "jose-verify failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let jose: Value = serde_json::from_slice(&out.stdout).unwrap();
    (
        ours,
        jose["per_second"].as_f64().unwrap(),
        jose["version"].as_str().unwrap_or("?").to_owned(),
    )
}

#[tokio::main]
async fn main() {
    let requests: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let version = Command::new("oha")
        .arg("--version")
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .trim()
                .replace("oha ", "")
        })
        .expect("oha is not installed: scripts/bench installs it (cargo install --locked oha)");
    let load_before = load_average();
    let mut runs = Vec::new();

    let dir = tempfile::tempdir().unwrap();
    let sqlite = bench_config(dir.path());
    let audience = sqlite.audience.clone();
    let tokens = measure("SQLite", sqlite, requests, &version, &mut runs).await;

    let cluster = pg::PgCluster::start_durable();
    let dir = tempfile::tempdir().unwrap();
    let postgres = consent_server::config::Config {
        database_url: Some(cluster.url.clone()),
        ..bench_config(dir.path())
    };
    measure("PostgreSQL", postgres, requests, &version, &mut runs).await;
    drop(cluster);

    let (ours, jose, jose_version) = per_core(&tokens, &audience);
    let load = (load_before + load_average()) / 2.0;

    let rows: Vec<String> = runs.iter().map(Run::row).collect();
    let table = format!(
        "| store | client | connections | requests | recorded (201) | re-sends (200) | decisions/s | p50 | p99 |\n\
         |---|---|---:|---:|---:|---:|---:|---:|---:|\n{}",
        rows.join("\n")
    );
    let verify = format!(
        "| verifier, one thread, the same {} tokens | verifications/s |\n|---|---:|\n\
         | the backend's checks (`consent_core::verify` with ring's ES256) | **{ours:.0}** |\n\
         | npm jose {jose_version} `jwtVerify` (Node {}) | **{jose:.0}** |",
        tokens.len(),
        node_version()
    );
    println!("{table}\n\n{verify}\nload average around the runs {load:.1}");

    let date = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    let section = format!(
        "<!-- peers:start -->\n### Reference backend under a load generator nobody here wrote (pre-signed decisions, loopback)\n\n\
         Measured {} on {} by `bash scripts/bench peers` (`cargo run --release -p consent-server --example peers -- {requests}`).\n\
         Each row sends {requests} decisions, each on a challenge of its own fetched and signed beforehand, to a fresh server\n\
         per store (PostgreSQL with fsync on); the project's own client and oha take turns at each connection count.\n\
         oha draws each request's body at random from {SPARE} times as many tokens, so a few go out twice: a\n\
         re-send is answered 200 from the ledger, without an append. Latency is per request; the server, oha and\n\
         PostgreSQL share the machine.\n\n{table}\n\n{verify}\n\n\
         Load average around the runs {load:.1}.\n<!-- peers:end -->",
        &date[..10],
        machine()
    );
    write_section("docs/BENCHMARKS.md", "peers", &section);
}

fn node_version() -> String {
    Command::new("node")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_else(|_| "?".into())
}
