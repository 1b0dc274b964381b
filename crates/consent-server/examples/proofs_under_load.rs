//! Benchmark: decisions while eight clients ask for proofs on a large ledger (the load
//! test of issue 12). The ledger is filled straight through the store (synthetic
//! leaves, the same append and tree nodes as a decision's), then a server opens it;
//! eight clients request inclusion and consistency proofs at random positions in a
//! loop while pre-signed decisions are sent over `concurrency` sockets. Prints the
//! figures and writes them to docs/BENCHMARKS.md.
//!
//! `cargo run --release -p consent-server --example proofs_under_load -- [leaves] [decisions] [concurrency]`

#[path = "common/mod.rs"]
#[allow(dead_code)]
mod common;
#[path = "../tests/support/device.rs"]
mod device;
#[path = "../tests/support/fill.rs"]
mod fill;

use common::{
    bench_config, cpu_seconds, demo_session, load_average, machine, presigned_decisions,
    read_response, send_all, write_section,
};
use consent_server::store::SqliteStore;
use rand::Rng;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::AsyncWriteExt;

const PROOF_CLIENTS: usize = 8;

#[tokio::main]
async fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let leaves = args.first().copied().unwrap_or(200_000);
    let total = args.get(1).copied().unwrap_or(2000) as usize;
    let concurrency = args.get(2).copied().unwrap_or(8) as usize;
    let dir = tempfile::tempdir().unwrap();

    let filling = Instant::now();
    {
        let store = SqliteStore::open(&dir.path().join("ledger.sqlite3")).unwrap();
        fill::fill(&store, leaves, dir.path()).unwrap();
    }
    let fill_secs = filling.elapsed().as_secs_f64();
    println!("filled {leaves} leaves in {fill_secs:.1} s");

    let server = consent_server::start(bench_config(dir.path()))
        .await
        .unwrap();

    // Setup (not timed). Half of the decisions are sent alone, half while proofs are
    // requested.
    let mut requests = presigned_decisions(
        server.addr,
        &demo_session(server.addr, "megan").await,
        total,
    )
    .await;

    // Timed, first without proof clients, as the baseline on this machine today.
    let baseline_requests = requests.split_off(requests.len() / 2);
    let started = Instant::now();
    let baseline = send_all(server.addr, baseline_requests, concurrency).await;
    let baseline_elapsed = started.elapsed();

    // Then proof clients loop until the last of the other half is answered.
    // Timed: proof clients loop until the last decision is answered.
    let stop = Arc::new(AtomicBool::new(false));
    let mut provers = Vec::new();
    for _ in 0..PROOF_CLIENTS {
        let (addr, stop) = (server.addr, stop.clone());
        provers.push(tokio::spawn(async move {
            let mut conn = tokio::net::TcpStream::connect(addr).await.unwrap();
            conn.set_nodelay(true).unwrap();
            let mut buf = Vec::with_capacity(8192);
            let mut latencies = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                let path = {
                    let mut rng = rand::thread_rng();
                    let size = rng.gen_range(1..=leaves);
                    if latencies.len() % 2 == 0 {
                        format!(
                            "/v1/ledger/proof/inclusion?index={}&size={size}",
                            rng.gen_range(0..size)
                        )
                    } else {
                        format!(
                            "/v1/ledger/proof/consistency?from={}&to={size}",
                            rng.gen_range(1..=size)
                        )
                    }
                };
                let request = format!("GET {path} HTTP/1.1\r\nhost: {addr}\r\n\r\n");
                let t = Instant::now();
                conn.write_all(request.as_bytes()).await.unwrap();
                let status = read_response(&mut conn, &mut buf).await;
                assert_eq!(status, 200, "{}", String::from_utf8_lossy(&buf));
                latencies.push(t.elapsed());
            }
            latencies
        }));
    }
    let load_before = load_average();
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let decisions = send_all(server.addr, requests, concurrency).await;
    let elapsed = started.elapsed();
    stop.store(true, Ordering::Relaxed);
    let mut proofs: Vec<Duration> = Vec::new();
    for p in provers {
        proofs.extend(p.await.unwrap());
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let busy = (cpu_seconds() - cpu_before) / (elapsed.as_secs_f64() * cores as f64);
    let load = (load_before + load_average()) / 2.0;
    server.stop().await;

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let row = |what: &str, mut l: Vec<Duration>, elapsed: Duration| {
        l.sort();
        let pct = |p: f64| l[((l.len() as f64 * p) as usize).min(l.len() - 1)];
        let rate = l.len() as f64 / elapsed.as_secs_f64();
        format!(
            "| {what} | {} | {rate:.0} | {:.1} ms | **{:.1} ms** | {:.1} ms |",
            l.len(),
            ms(pct(0.5)),
            ms(pct(0.99)),
            ms(*l.last().unwrap())
        )
    };
    let decision_p99 = {
        let mut l = decisions.clone();
        l.sort();
        ms(l[((l.len() as f64 * 0.99) as usize).min(l.len() - 1)])
    };
    let verdict = if decision_p99 <= 25.0 {
        "within budget"
    } else {
        "OUT of budget"
    };
    let table = format!(
        "| requests | count | per second | p50 | p99 | max |\n|---|---:|---:|---:|---:|---:|\n{}\n{}\n{}",
        row(&format!("decisions alone ({concurrency} sockets), baseline"), baseline, baseline_elapsed),
        row(&format!("**decisions ({concurrency} sockets) while proofs are requested**"), decisions, elapsed),
        row(&format!("proofs ({PROOF_CLIENTS} clients)"), proofs, elapsed),
    );
    println!(
        "{table}\ndecisions' p99 budget <= 25 ms: {verdict}\n\
         CPU busy while timed (server and clients): {:.0}% of {cores} cores; \
         load average around the run {load:.1}",
        busy * 100.0
    );
    let date = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    let section = format!(
        "<!-- proofs-under-load:start -->\n### Decisions while eight clients request proofs ({leaves} leaves, SQLite, loopback)\n\n\
         Measured {} on {} by `bash scripts/bench proofs` (`cargo run --release -p consent-server --example proofs_under_load -- {leaves} {total} {concurrency}`).\n\
         The ledger was filled through the store with {leaves} synthetic leaves ({fill_secs:.1} s), then {PROOF_CLIENTS} clients\n\
         requested inclusion and consistency proofs at random positions and sizes in a loop while half of {total}\n\
         pre-signed decisions were sent (the other half first, alone, as a baseline); clients and server on the same machine.\n\
         Budget: decisions' p99 <= 25 ms. Result: **{verdict}**.\n\n{table}\n\n\
         CPU busy while timed, server and clients together: {:.0}% of {cores} cores; the machine's load\n\
         average around the run was {load:.1} (other work shares it: figures far from idle are upper bounds).\n<!-- proofs-under-load:end -->",
        &date[..10],
        machine(),
        busy * 100.0
    );
    write_section("docs/BENCHMARKS.md", "proofs-under-load", &section);
}
