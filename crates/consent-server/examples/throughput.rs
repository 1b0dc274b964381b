//! Benchmark: verify + durable append throughput and latency of the reference backend
//! on loopback. Prints the figures and writes them to docs/BENCHMARKS.md.
//!
//! `cargo run --release -p consent-server --example throughput -- [decisions] [concurrency]`

#[path = "common/mod.rs"]
mod common;
#[path = "../tests/support/device.rs"]
mod device;
use common::{
    bench_config, cpu_seconds, load_average, machine, presigned_decisions, send_all, write_section,
};
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let total = args.first().copied().unwrap_or(4000);
    let concurrency = args.get(1).copied().unwrap_or(32);
    let dir = tempfile::tempdir().unwrap();
    let server = consent_server::start(bench_config(dir.path()))
        .await
        .unwrap();

    // Setup (not timed): one signed token per challenge.
    let requests = presigned_decisions(server.addr, total).await;

    // Timed: every token sent once over `concurrency` keep-alive connections. The
    // client is a few lines of HTTP/1.1 on a socket, as wrk would be, so that the
    // machine's two cores go to the backend rather than to a client library.
    let load_before = load_average();
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let mut latencies = send_all(server.addr, requests, concurrency).await;
    let elapsed = started.elapsed();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let busy = (cpu_seconds() - cpu_before) / (elapsed.as_secs_f64() * cores as f64);
    let load = (load_before + load_average()) / 2.0;
    latencies.sort();
    let pct = |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    let rate = total as f64 / elapsed.as_secs_f64();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let verdict = if rate >= 8000.0 && ms(pct(0.99)) <= 25.0 {
        "within budget"
    } else {
        "OUT of budget"
    };
    let table = format!(
        "| decisions | concurrency | decisions/s | p50 | p99 | max |\n|---:|---:|---:|---:|---:|---:|\n| {total} | {concurrency} | **{rate:.0}** | {:.1} ms | **{:.1} ms** | {:.1} ms |",
        ms(pct(0.5)), ms(pct(0.99)), ms(*latencies.last().unwrap())
    );
    println!(
        "{table}\nbudget >= 8000 decisions/s, p99 <= 25 ms: {verdict}\n\
         CPU busy while timed (server and client): {:.0}% of {cores} cores; \
         load average around the run {load:.1}",
        busy * 100.0
    );
    server.stop().await;

    let machine = machine();
    let date = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    let section = format!(
        "<!-- throughput:start -->\n### Reference backend: verify + durable append (SQLite, loopback)\n\n\
         Measured {} on {machine} by `bash scripts/bench` (`cargo run --release -p consent-server --example throughput`),\n\
         client (pre-signed tokens over {concurrency} keep-alive sockets) and server on the same machine.\n\
         Budget: >= 8,000 decisions/s with p99 <= 25 ms. Result: **{verdict}**.\n\n{table}\n\n\
         CPU busy while timed, server and client together: {:.0}% of {cores} cores; load average\n\
         around the run {load:.1}.\n<!-- throughput:end -->",
        &date[..10],
        busy * 100.0
    );
    write_section("docs/BENCHMARKS.md", "throughput", &section);
}
