//! Benchmark: the reference backend on loopback, two ways in the same interleaved
//! rounds: pre-signed decisions on challenges fetched beforehand (verify + durable
//! append alone), and the whole flow as users drive it (a challenge, the client signs,
//! the decision). Prints the figures and writes them to docs/BENCHMARKS.md.
//!
//! `cargo run --release -p consent-server --example throughput -- [decisions] [concurrency] [rounds]`

#[path = "common/mod.rs"]
mod common;
#[path = "../tests/support/device.rs"]
mod device;
#[path = "common/flow.rs"]
mod flow;
use common::{
    bench_config, cpu_seconds, load_average, machine, presigned_decisions, send_all, write_section,
};
use flow::{flow_all, sign_in};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What one way of sending measured over every round.
#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    elapsed: Duration,
    cpu: f64,
}

impl Tally {
    fn add(&mut self, latencies: Vec<Duration>, elapsed: Duration, cpu: f64) {
        self.latencies.extend(latencies);
        self.elapsed += elapsed;
        self.cpu += cpu;
    }

    /// A table row, and whether it is within the budget.
    fn row(&mut self, what: &str, concurrency: usize) -> (String, bool) {
        self.latencies.sort();
        let l = &self.latencies;
        let pct = |p: f64| l[((l.len() as f64 * p) as usize).min(l.len() - 1)];
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let rate = l.len() as f64 / self.elapsed.as_secs_f64();
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let busy = self.cpu / (self.elapsed.as_secs_f64() * cores as f64);
        let within = rate >= 8000.0 && ms(pct(0.99)) <= 25.0;
        let row = format!(
            "| {what} | {} | {concurrency} | **{rate:.0}** | {:.1} ms | **{:.1} ms** | {:.1} ms | {:.0}% | {} |",
            l.len(),
            ms(pct(0.5)),
            ms(pct(0.99)),
            ms(*l.last().unwrap()),
            busy * 100.0,
            if within { "within" } else { "OUT" }
        );
        (row, within)
    }
}

#[tokio::main]
async fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let total = args.first().copied().unwrap_or(4000);
    let concurrency = args.get(1).copied().unwrap_or(32);
    let rounds = args.get(2).copied().unwrap_or(3).max(1);
    let per_round = total.div_ceil(rounds);
    let dir = tempfile::tempdir().unwrap();
    let server = consent_server::start(bench_config(dir.path()))
        .await
        .unwrap();
    let signer = Arc::new(sign_in(server.addr, "megan").await);

    // Rounds alternate the two ways, so that drift on a shared machine (and the
    // ledger growing) hits both alike. The clients are a few lines of HTTP/1.1 on a
    // socket, as wrk would be, so that the two cores go to the backend.
    let (mut presigned, mut flow) = (Tally::default(), Tally::default());
    let load_before = load_average();
    for _ in 0..rounds {
        // Setup (not timed): one signed token per challenge.
        let requests = presigned_decisions(server.addr, per_round).await;
        let (cpu, started) = (cpu_seconds(), Instant::now());
        let latencies = send_all(server.addr, requests, concurrency).await;
        presigned.add(latencies, started.elapsed(), cpu_seconds() - cpu);

        let (cpu, started) = (cpu_seconds(), Instant::now());
        let latencies = flow_all(server.addr, signer.clone(), per_round, concurrency).await;
        flow.add(latencies, started.elapsed(), cpu_seconds() - cpu);
    }
    let load = (load_before + load_average()) / 2.0;
    server.stop().await;

    let (presigned_row, _) = presigned.row(
        "pre-signed decisions on challenges fetched beforehand",
        concurrency,
    );
    let (flow_row, flow_within) = flow.row(
        "**the whole flow: a challenge, the client signs, the decision**",
        concurrency,
    );
    let table = format!(
        "| what | decisions | concurrency | decisions/s | p50 | p99 | max | CPU busy | budget |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---|\n{presigned_row}\n{flow_row}"
    );
    let verdict = if flow_within {
        "within budget"
    } else {
        "OUT of budget"
    };
    println!(
        "{table}\nbudget for the whole flow >= 8000 decisions/s, p99 <= 25 ms: {verdict}\n\
         load average around the runs {load:.1}"
    );

    let machine = machine();
    let date = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    let section = format!(
        "<!-- throughput:start -->\n### Reference backend: the whole flow, and verify + durable append alone (SQLite, loopback)\n\n\
         Measured {} on {machine} by `bash scripts/bench` (`cargo run --release -p consent-server --example throughput`),\n\
         client and server on the same machine, {rounds} interleaved rounds of each way, {concurrency} keep-alive sockets.\n\
         The whole flow is what each decision costs as users make it: `POST /v1/challenge`, the client signs\n\
         (ES256 with ring, native code as a browser's WebCrypto is, in the same process), `POST /v1/decisions`;\n\
         its latency runs from the challenge request to\n\
         the receipt. The pre-signed row sends tokens signed beforehand on challenges fetched beforehand.\n\
         Every request says it accepts what a browser accepts (gzip, deflate, br, zstd), so answers come\n\
         compressed as users get them.\n\
         Budget (the whole flow): >= 8,000 decisions/s with p99 <= 25 ms. Result: **{verdict}**.\n\
         CPU busy is server and client together, of all cores.\n\n{table}\n\n\
         Load average around the runs {load:.1}.\n<!-- throughput:end -->",
        &date[..10],
    );
    write_section("docs/BENCHMARKS.md", "throughput", &section);
}
