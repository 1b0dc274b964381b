//! Benchmark: the reference backend on loopback, three ways in the same interleaved
//! rounds: pre-signed decisions on challenges fetched beforehand (verify + durable
//! append alone), and the whole flow as users drive it (a challenge, the client signs,
//! the decision), on the default notice and on one showing a host's own help link.
//! Each on two servers: one naming its users by the demo's session cookie, one by a
//! trusted proxy's header, as a deployment does. Prints the figures and writes them to
//! docs/BENCHMARKS.md.
//!
//! `cargo run --release -p consent-server --example throughput -- [decisions] [concurrency] [rounds]`

#[path = "common/mod.rs"]
mod common;
#[path = "../tests/support/device.rs"]
mod device;
#[path = "common/flow.rs"]
mod flow;
use common::{
    bench_config, client_runtime, load_average, machine, presigned_decisions, send_all, trusted,
    trusted_config, write_section, Cpu,
};
use flow::{flow_all, sign_in, Signer};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What one way of sending measured over every round.
#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    elapsed: Duration,
    cpu: Cpu,
}

impl Tally {
    fn add(&mut self, latencies: Vec<Duration>, elapsed: Duration, cpu: Cpu) {
        self.latencies.extend(latencies);
        self.elapsed += elapsed;
        self.cpu += cpu;
    }

    /// The server's CPU time per decision, in microseconds.
    fn server_us(&self) -> f64 {
        self.cpu.server() * 1e6 / self.latencies.len() as f64
    }

    /// A table row, and whether it is within the budget.
    fn row(&mut self, named: &str, what: &str, concurrency: usize) -> (String, bool) {
        self.latencies.sort();
        let l = &self.latencies;
        let pct = |p: f64| l[((l.len() as f64 * p) as usize).min(l.len() - 1)];
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let rate = l.len() as f64 / self.elapsed.as_secs_f64();
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let busy = self.cpu.total / (self.elapsed.as_secs_f64() * cores as f64);
        let client_us = self.cpu.client * 1e6 / l.len() as f64;
        let within = rate >= 8000.0 && ms(pct(0.99)) <= 25.0;
        let row = format!(
            "| {named} | {what} | {} | {concurrency} | **{rate:.0}** | {:.1} ms | **{:.1} ms** | {:.1} ms | {:.0}% | {:.0} µs | {client_us:.0} µs | {} |",
            l.len(),
            ms(pct(0.5)),
            ms(pct(0.99)),
            ms(*l.last().unwrap()),
            busy * 100.0,
            self.server_us(),
            if within { "within" } else { "OUT" }
        );
        (row, within)
    }
}

/// One server, the user its clients decide as, and what each way of sending measured.
struct Ways {
    addr: std::net::SocketAddr,
    signer: Arc<Signer>,
    named: &'static str,
    presigned: Tally,
    flow: Tally,
    linked: Tally,
}

impl Ways {
    fn new(addr: std::net::SocketAddr, signer: Signer, named: &'static str) -> Ways {
        Ways {
            addr,
            signer: Arc::new(signer),
            named,
            presigned: Tally::default(),
            flow: Tally::default(),
            linked: Tally::default(),
        }
    }

    /// `per_round` decisions each way: pre-signed, the whole flow, the whole flow on a
    /// notice with the host's help link.
    async fn round(
        &mut self,
        clients: &tokio::runtime::Runtime,
        per_round: usize,
        concurrency: usize,
    ) {
        // Setup (not timed): one signed token per challenge.
        let requests = presigned_decisions(self.addr, &self.signer.who, per_round).await;
        let (cpu, started) = (Cpu::now(), Instant::now());
        let sent = clients.spawn(send_all(self.addr, requests, concurrency));
        let latencies = sent.await.unwrap();
        self.presigned
            .add(latencies, started.elapsed(), Cpu::now().since(cpu));

        for (tally, host_link) in [(&mut self.flow, false), (&mut self.linked, true)] {
            let (cpu, started) = (Cpu::now(), Instant::now());
            let (addr, signer) = (self.addr, self.signer.clone());
            let sent = clients.spawn(flow_all(addr, signer, per_round, concurrency, host_link));
            tally.add(
                sent.await.unwrap(),
                started.elapsed(),
                Cpu::now().since(cpu),
            );
        }
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
    // The same backend two ways, as the demo names its users (a session cookie, looked
    // up in the store on every request) and as a deployment does (a header its own
    // authenticating proxy sets).
    let (demo_dir, deployed_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let demo = consent_server::start(bench_config(demo_dir.path()))
        .await
        .unwrap();
    let deployed = consent_server::start(trusted_config(deployed_dir.path()))
        .await
        .unwrap();
    let mut ways = [
        Ways::new(
            demo.addr,
            sign_in(demo.addr, "megan").await,
            "demo session cookie",
        ),
        Ways::new(
            deployed.addr,
            Signer::new(trusted("megan")),
            "trusted proxy header",
        ),
    ];

    // Rounds take every way in turn, so that drift on a shared machine (and the ledger
    // growing) hits all alike. The clients are a few lines of HTTP/1.1 on a socket, as
    // wrk would be, so that the two cores go to the backend. They run on a thread of
    // their own, so that the server's share of the CPU is known.
    let clients = client_runtime();
    let load_before = load_average();
    for _ in 0..rounds {
        for way in &mut ways {
            way.round(&clients, per_round, concurrency).await;
        }
    }
    let load = (load_before + load_average()) / 2.0;
    clients.shutdown_background();
    demo.stop().await;
    deployed.stop().await;

    let mut rows = Vec::new();
    let mut flow_within = true;
    for way in &mut ways {
        let named = way.named;
        rows.push(
            way.presigned
                .row(
                    named,
                    "pre-signed decisions on challenges fetched beforehand",
                    concurrency,
                )
                .0,
        );
        for (tally, what) in [
            (
                &mut way.flow,
                "**the whole flow: a challenge, the client signs, the decision**",
            ),
            (
                &mut way.linked,
                "**the whole flow, the host showing its own help link**",
            ),
        ] {
            let (row, within) = tally.row(named, what, concurrency);
            rows.push(row);
            flow_within &= within;
        }
    }
    let table = format!(
        "| users named by | what | decisions | concurrency | decisions/s | p50 | p99 | max | CPU busy | server CPU per decision | client CPU per decision | budget |\n\
         |---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n{}",
        rows.join("\n")
    );
    // What the budget would take with the server alone on its cores: its CPU time per
    // decision, as measured, times 8,000.
    let server_cores = |t: &Tally| t.server_us() * 8000.0 / 1e6;
    let cores_needed = format!(
        "At the server CPU time measured per decision, 8,000 decisions/s would keep {:.1} \
         cores busy with the whole flow and {:.1} with pre-signed decisions with the demo's \
         cookie, {:.1} and {:.1} with a trusted header, for the server alone (this machine \
         has {}). That is CPU time, not a forecast: it was measured with the client on the \
         same cores, and more cores would still share one writer and its fsync per round.",
        server_cores(&ways[0].flow),
        server_cores(&ways[0].presigned),
        server_cores(&ways[1].flow),
        server_cores(&ways[1].presigned),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let verdict = if flow_within {
        "within budget"
    } else {
        "OUT of budget"
    };
    println!(
        "{table}\nbudget for the whole flow (all four rows) >= 8000 decisions/s, p99 <= 25 ms: {verdict}\n\
         {cores_needed}\nload average around the runs {load:.1}"
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
         the receipt. A host that shows its own help page asks for the notice with that link in every\n\
         challenge, and its users decide on that notice: the third row of each server.\n\
         Two servers take their turns in the same rounds: the demo, which names users by a session\n\
         cookie it looks up in its store on every request, and one set up as a deployment is, where\n\
         the user's name comes in a header from the operator's authenticating proxy (`trusted_header`).\n\
         The pre-signed row sends tokens signed beforehand on challenges fetched beforehand.\n\
         Every request says it accepts what a browser accepts (gzip, deflate, br, zstd), so answers come\n\
         compressed as users get them.\n\
         Budget (the whole flow, with and without the host's link, both servers): >= 8,000 decisions/s with p99 <= 25 ms.\n\
         Result: **{verdict}**.\n\
         CPU busy is server and client together, of all cores; the CPU time per decision is\n\
         split by thread (the client runs on a thread of its own), from /proc.\n\n{table}\n\n\
         {cores_needed}\n\n\
         Load average around the runs {load:.1}.\n<!-- throughput:end -->",
        &date[..10],
    );
    write_section("docs/BENCHMARKS.md", "throughput", &section);
}
