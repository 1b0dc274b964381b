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
use tokio::io::{AsyncReadExt, AsyncWriteExt};

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
    let signed_in = http
        .post(format!("{base}/v1/session"))
        .json(&json!({"user": "megan"}))
        .send()
        .await
        .unwrap();
    let cookie = signed_in.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
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

    // Timed: every token sent once over `concurrency` keep-alive connections. The
    // client is a few lines of HTTP/1.1 on a socket, as wrk would be, so that the
    // machine's two cores go to the backend rather than to a client library.
    let requests: Vec<Vec<u8>> = tokens
        .iter()
        .map(|token| {
            format!(
                "POST /v1/decisions HTTP/1.1\r\nhost: {}\r\ncookie: {cookie}\r\n\
                 content-type: application/jwt\r\ncontent-length: {}\r\n\r\n{token}",
                server.addr,
                token.len()
            )
            .into_bytes()
        })
        .collect();
    let queue = Arc::new(std::sync::Mutex::new(requests));
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (addr, queue) = (server.addr, queue.clone());
        workers.push(tokio::spawn(async move {
            let mut conn = tokio::net::TcpStream::connect(addr).await.unwrap();
            conn.set_nodelay(true).unwrap();
            let mut buf = Vec::with_capacity(4096);
            let mut latencies = Vec::new();
            loop {
                let Some(request) = queue.lock().unwrap().pop() else {
                    break;
                };
                let t = Instant::now();
                conn.write_all(&request).await.unwrap();
                let status = read_response(&mut conn, &mut buf).await;
                assert_eq!(status, 201, "{}", String::from_utf8_lossy(&buf));
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
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let busy = (cpu_seconds() - cpu_before) / (elapsed.as_secs_f64() * cores as f64);
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
         CPU busy while timed (server and client): {:.0}% of {cores} cores",
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
         CPU busy while timed, server and client together: {:.0}% of {cores} cores.\n<!-- throughput:end -->",
        &date[..10],
        busy * 100.0
    );
    write_section("docs/BENCHMARKS.md", "throughput", &section);
}

/// Reads one HTTP/1.1 response with a Content-Length body into `buf`; its status.
async fn read_response(conn: &mut tokio::net::TcpStream, buf: &mut Vec<u8>) -> u16 {
    buf.clear();
    let mut chunk = [0u8; 4096];
    loop {
        let n = conn.read(&mut chunk).await.unwrap();
        assert!(n > 0, "the server closed the connection");
        buf.extend_from_slice(&chunk[..n]);
        let Some(head_end) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
            continue;
        };
        let head = std::str::from_utf8(&buf[..head_end])
            .unwrap()
            .to_ascii_lowercase();
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .map(|v| v.trim().parse().unwrap())
            .expect("a content-length");
        if buf.len() >= head_end + 4 + length {
            return head[9..12].parse().unwrap();
        }
    }
}

/// User + system CPU time of this process so far, from /proc (0 elsewhere).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the parenthesised command name; utime and stime are 14 and 15.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let ticks: f64 = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse::<f64>().ok())
        .sum();
    ticks / 100.0 // USER_HZ, which Linux fixes at 100 for /proc
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
