//! Benchmark: verify + durable append throughput and latency of the reference backend
//! on loopback. Prints the figures and writes them to docs/BENCHMARKS.md.
//!
//! `cargo run --release -p consent-server --example throughput -- [decisions] [concurrency]`

use consent_core::Choice;
use consent_server::config::Config;

#[path = "../tests/support/device.rs"]
mod device;
use p256::ecdsa::SigningKey;
use serde_json::{json, Value};
use std::sync::Arc;
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
    let config = Config {
        port: 0,
        data_dir: dir.path().to_path_buf(),
        audience: "https://consent.bench".into(),
        rate_per_minute: u32::MAX,
        ..Config::default()
    };
    let server = consent_server::start(config).await.unwrap();
    let base = format!("http://{}", server.addr);

    // Setup (not timed): a session and one signed token per challenge.
    let http = reqwest::Client::builder()
        .cookie_store(true)
        .pool_max_idle_per_host(concurrency)
        .build()
        .unwrap();
    http.post(format!("{base}/v1/session"))
        .json(&json!({"user": "megan"}))
        .send()
        .await
        .unwrap();
    let key = SigningKey::random(&mut rand_core::OsRng);
    let mut tokens = Vec::with_capacity(total);
    for i in 0..total {
        let ch: Value = http
            .post(format!("{base}/v1/challenge"))
            .json(&json!({}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let choice = [Choice::BothWays, Choice::LinkedinOnly, Choice::NotNow][i % 3];
        tokens.push(device::sign(&key, &device::claims_for(&ch, choice)));
    }

    // Timed: every token sent once, `concurrency` at a time.
    let queue = Arc::new(std::sync::Mutex::new(tokens));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (http, base, queue) = (http.clone(), base.clone(), queue.clone());
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let Some(token) = queue.lock().unwrap().pop() else {
                    break;
                };
                let t = Instant::now();
                let res = http
                    .post(format!("{base}/v1/decisions"))
                    .header("content-type", "application/jwt")
                    .body(token)
                    .send()
                    .await
                    .unwrap();
                assert_eq!(res.status().as_u16(), 201);
                let _ = res.bytes().await;
                latencies.push(t.elapsed());
            }
            latencies
        }));
    }
    let mut latencies: Vec<Duration> = Vec::new();
    for w in workers {
        latencies.extend(w.await.unwrap());
    }
    let elapsed = started.elapsed();
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
    println!("{table}\nbudget >= 8000 decisions/s, p99 <= 25 ms: {verdict}");
    server.stop().await;

    let machine = machine();
    let date = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    let section = format!(
        "<!-- throughput:start -->\n### Reference backend: verify + durable append (SQLite, loopback)\n\n\
         Measured {} on {machine} by `bash scripts/bench` (`cargo run --release -p consent-server --example throughput`),\n\
         client and server on the same machine. Budget: >= 8,000 decisions/s with p99 <= 25 ms. Result: **{verdict}**.\n\n{table}\n<!-- throughput:end -->",
        &date[..10]
    );
    write_section("docs/BENCHMARKS.md", "throughput", &section);
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpu
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .unwrap_or("unknown CPU")
        .trim()
        .to_owned();
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    format!("{cores} × {model}")
}

fn write_section(path: &str, name: &str, section: &str) {
    let (start, end) = (
        format!("<!-- {name}:start -->"),
        format!("<!-- {name}:end -->"),
    );
    let doc = std::fs::read_to_string(path).unwrap_or_else(|_| "# Benchmarks\n\n".into());
    let doc = match (doc.find(&start), doc.find(&end)) {
        (Some(a), Some(b)) => format!("{}{section}{}", &doc[..a], &doc[b + end.len()..]),
        _ => format!("{}\n{section}\n", doc.trim_end()),
    };
    std::fs::write(path, doc).unwrap();
}
