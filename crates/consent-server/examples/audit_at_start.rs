//! Benchmark: how long the start-up audit takes (docs/DESIGN.md, Ledger). A SQLite
//! ledger is filled straight through the store (synthetic leaves, with their tree
//! nodes, decision rows and signed head, as the writer writes them), then the audit
//! the server runs before it listens is timed: every leaf rehashed and compared with
//! its decision row, every node recomputed, the root compared with the signed head.
//! Prints the figures and writes them to docs/BENCHMARKS.md.
//!
//! `cargo run --release -p consent-server --example audit_at_start -- [leaves] [runs]`

// Only a few of the helpers the benchmarks share are needed here.
#[path = "common/mod.rs"]
#[allow(dead_code)]
mod common;
#[path = "../tests/support/device.rs"]
#[allow(dead_code)]
mod device;
#[path = "../tests/support/fill.rs"]
mod fill;

use common::{load_average, machine, write_section};
use consent_server::ledger::{audit, LedgerSigner};
use consent_server::store::SqliteStore;
use std::time::Instant;

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let leaves = args.first().copied().unwrap_or(100_000);
    let runs = args.get(1).copied().unwrap_or(5).max(1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.sqlite3");
    {
        let store = SqliteStore::open(&path).unwrap();
        fill::fill(&store, leaves, dir.path()).unwrap();
    }
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let origin = consent_server::config::Config::default().origin;
    let signer = LedgerSigner::load_or_create(dir.path(), &origin).unwrap();

    let mut millis = Vec::new();
    for _ in 0..runs {
        // A fresh open each run, as a start has; the OS page cache stays warm.
        let store = SqliteStore::open(&path).unwrap();
        let started = Instant::now();
        let audited = audit(&store, &signer).unwrap();
        millis.push(started.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(audited.size, leaves);
        assert!(!audited.adopted);
    }
    millis.sort_by(f64::total_cmp);
    let median = millis[millis.len() / 2];
    let (best, worst) = (millis[0], millis[millis.len() - 1]);
    let per_leaf_us = median * 1000.0 / leaves as f64;
    let load = load_average();
    println!(
        "audit of {leaves} leaves ({:.0} MB database): median {median:.0} ms \
         (best {best:.0}, worst {worst:.0}, {runs} runs), {per_leaf_us:.1} µs per leaf; load {load:.1}",
        bytes as f64 / 1e6
    );
    let date = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    let section = format!(
        "<!-- audit-at-start:start -->\n### Start-up audit ({leaves} leaves, SQLite)\n\n\
         Measured {} on {} by `cargo run --release -p consent-server --example audit_at_start -- {leaves} {runs}`.\n\
         The ledger was filled through the store with {leaves} synthetic decision leaves ({:.0} MB database; their tokens,\n\
         about 120 bytes, are a fraction of a real one with its key and claims, so real leaves take somewhat longer), then\n\
         the audit a start runs was timed on a freshly opened store, page cache warm: every leaf rehashed and\n\
         compared with its decision row, every stored node recomputed, the root compared with the signed head.\n\n\
         | runs | median | best | worst | per leaf |\n|---|---|---|---|---|\n\
         | {runs} | {median:.0} ms | {best:.0} ms | {worst:.0} ms | {per_leaf_us:.1} µs |\n\n\
         Load average around the run: {load:.1} (other work shares the machine: figures far from idle are upper bounds).\n\
         <!-- audit-at-start:end -->",
        &date[..10],
        machine(),
        bytes as f64 / 1e6,
    );
    write_section("docs/BENCHMARKS.md", "audit-at-start", &section);
}
