//! What the benchmark examples share: a minimal HTTP/1.1 response reader, the
//! process's CPU time, how a client names its user (demo cookie or trusted header),
//! the machine's name and writing a section of docs/BENCHMARKS.md.

use consent_core::Choice;
use p256::ecdsa::SigningKey;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// What a browser says it accepts: API answers then come compressed, as users get them.
pub const ACCEPT_ENCODING: &str = "accept-encoding: gzip, deflate, br, zstd\r\n";

/// Reads one HTTP/1.1 response into `buf`, its body sized by Content-Length or sent
/// chunked (as compressed answers are); its status.
pub async fn read_response(conn: &mut tokio::net::TcpStream, buf: &mut Vec<u8>) -> u16 {
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
        let rest = &buf[head_end + 4..];
        let complete = match head.lines().find_map(|l| l.strip_prefix("content-length:")) {
            Some(length) => rest.len() >= length.trim().parse().unwrap(),
            None => {
                assert!(head.contains("transfer-encoding: chunked"), "{head}");
                dechunk(rest).is_some()
            }
        };
        if complete {
            return head[9..12].parse().unwrap();
        }
    }
}

/// A chunked body's bytes, once its last chunk has arrived.
pub fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line_end = rest.windows(2).position(|w| w == b"\r\n")?;
        let size = usize::from_str_radix(std::str::from_utf8(&rest[..line_end]).ok()?.trim(), 16)
            .expect("a chunk size");
        rest = &rest[line_end + 2..];
        if rest.len() < size + 2 {
            return None;
        }
        if size == 0 {
            return Some(body);
        }
        body.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}

/// User + system CPU time of this process so far, from /proc (0 elsewhere).
pub fn cpu_seconds() -> f64 {
    stat_cpu_seconds("/proc/self/stat").1
}

/// A `stat` file's command name and its user + system CPU seconds.
fn stat_cpu_seconds(path: &str) -> (String, f64) {
    let stat = std::fs::read_to_string(path).unwrap_or_default();
    // The fields after the parenthesised command name; utime and stime are 14 and 15.
    let (head, rest) = stat.rsplit_once(')').unwrap_or(("", ""));
    let name = head.split_once('(').map_or("", |(_, n)| n).to_owned();
    let ticks: f64 = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse::<f64>().ok())
        .sum();
    (name, ticks / 100.0) // USER_HZ, which Linux fixes at 100 for /proc
}

/// The name of the load generator's threads (at most 15 bytes, as Linux keeps them).
pub const CLIENT_THREADS: &str = "bench-client";

/// A runtime of its own for the load generator, its thread named [`CLIENT_THREADS`], so
/// that [`Cpu`] tells the client's CPU time from the server's on the same cores. One
/// thread: the client needs a fraction of a core, and each more thread on two shared
/// cores costs the server switches (two measured ~15% fewer decisions/s). Futures
/// spawned on it run their own `tokio::spawn`s there too. Stop it with
/// `shutdown_background()`: dropped inside the server's runtime it would panic.
pub fn client_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name(CLIENT_THREADS)
        .enable_all()
        .build()
        .unwrap()
}

/// CPU seconds, the whole process's and its [`CLIENT_THREADS`]' (which live as long as
/// their runtime, so none of their time goes missing with an exited thread).
#[derive(Clone, Copy, Debug, Default)]
pub struct Cpu {
    pub total: f64,
    pub client: f64,
}

impl Cpu {
    pub fn now() -> Cpu {
        let client = std::fs::read_dir("/proc/self/task")
            .into_iter()
            .flatten()
            .flatten()
            .map(|task| stat_cpu_seconds(&format!("{}/stat", task.path().display())))
            .filter(|(name, _)| name == CLIENT_THREADS)
            .map(|(_, seconds)| seconds)
            .sum();
        Cpu {
            total: cpu_seconds(),
            client,
        }
    }

    /// What was used between `before` and `self`.
    pub fn since(self, before: Cpu) -> Cpu {
        Cpu {
            total: self.total - before.total,
            client: self.client - before.client,
        }
    }

    /// Everything but the load generator: the server's threads (and the idle main one).
    pub fn server(self) -> f64 {
        self.total - self.client
    }
}

impl std::ops::AddAssign for Cpu {
    fn add_assign(&mut self, other: Cpu) {
        self.total += other.total;
        self.client += other.client;
    }
}

pub fn machine() -> String {
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
    let mem_kib: f64 = std::fs::read_to_string("/proc/meminfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0);
    format!("{cores} × {model}, {:.0} GiB", mem_kib / (1024.0 * 1024.0))
}

pub fn write_section(path: &str, name: &str, section: &str) {
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

/// The 1-minute load average, from /proc (0 elsewhere): how busy the machine was with
/// other work, which figures measured on a shared machine must be read against.
pub fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0)
}

/// Sends every request (a decision) once over `concurrency` keep-alive sockets;
/// each one's latency.
pub async fn send_all(
    addr: std::net::SocketAddr,
    requests: Vec<Vec<u8>>,
    concurrency: usize,
) -> Vec<Duration> {
    let queue = Arc::new(std::sync::Mutex::new(requests));
    let mut deciders = Vec::new();
    for _ in 0..concurrency {
        let queue = queue.clone();
        deciders.push(tokio::spawn(async move {
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
    gathered(deciders).await
}

/// What every client measured, together.
pub async fn gathered(clients: Vec<tokio::task::JoinHandle<Vec<Duration>>>) -> Vec<Duration> {
    let mut latencies = Vec::new();
    for c in clients {
        latencies.extend(c.await.unwrap());
    }
    latencies
}

/// How a benchmark client says who it is: the demo's session cookie, or the header a
/// trusted proxy adds in a deployment that authenticates its users itself.
#[derive(Clone)]
pub struct Who {
    pub header: &'static str,
    pub value: String,
}

impl Who {
    /// As a request header line, with its CRLF.
    pub fn line(&self) -> String {
        format!("{}: {}\r\n", self.header, self.value)
    }
}

/// The header [`trusted_config`] takes from a proxy on loopback as the user's name.
pub const TRUSTED_HEADER: &str = "x-bench-user";

/// `user` as a trusted proxy names them to a server set up by [`trusted_config`].
pub fn trusted(user: &str) -> Who {
    Who {
        header: TRUSTED_HEADER,
        value: user.to_owned(),
    }
}

/// Signs in to the demo as `user`: their session cookie.
pub async fn demo_session(addr: std::net::SocketAddr, user: &str) -> Who {
    let signed_in = reqwest::Client::new()
        .post(format!("http://{addr}/v1/session"))
        .json(&json!({ "user": user }))
        .send()
        .await
        .unwrap();
    let cookie = signed_in.headers()["set-cookie"].to_str().unwrap();
    Who {
        header: "cookie",
        value: cookie.split(';').next().unwrap().to_owned(),
    }
}

/// A raw `POST /v1/decisions` carrying `token`, for keep-alive clients.
pub fn decision_request(addr: std::net::SocketAddr, who: &Who, token: &str) -> Vec<u8> {
    format!(
        "POST /v1/decisions HTTP/1.1\r\nhost: {addr}\r\n{}{ACCEPT_ENCODING}\
         content-type: application/jwt\r\ncontent-length: {}\r\n\r\n{token}",
        who.line(),
        token.len()
    )
    .into_bytes()
}

/// Signs `total` decisions as `who`, each on its own challenge, with one device key:
/// the raw `POST /v1/decisions` requests, ready to send. Not timed by the callers, so
/// the client's signing cost stays out of the figures.
pub async fn presigned_decisions(
    addr: std::net::SocketAddr,
    who: &Who,
    total: usize,
) -> Vec<Vec<u8>> {
    let key = SigningKey::random(&mut rand_core::OsRng);
    let sign = |claims: &consent_core::claims::Claims| crate::device::sign(&key, claims);
    presigned_tokens(addr, who, total, sign)
        .await
        .iter()
        .map(|token| decision_request(addr, who, token))
        .collect()
}

/// `total` tokens for `who`, each answering a challenge of its own, signed by `sign`;
/// choices in turn.
pub async fn presigned_tokens(
    addr: std::net::SocketAddr,
    who: &Who,
    total: usize,
    sign: impl Fn(&consent_core::claims::Claims) -> String,
) -> Vec<String> {
    let http = reqwest::Client::new();
    let mut tokens = Vec::with_capacity(total);
    for i in 0..total {
        let ch: Value = http
            .post(format!("http://{addr}/v1/challenge"))
            .header(who.header, &who.value)
            .json(&json!({}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let choice = [Choice::BothWays, Choice::LinkedinOnly, Choice::NotNow][i % 3];
        tokens.push(sign(&crate::device::claims_for(&ch, choice)));
    }
    tokens
}

/// A server on a free loopback port with its data in `dir`, unlimited per-session
/// rates (the benchmark's one user sends everything) and otherwise the defaults.
pub fn bench_config(dir: &std::path::Path) -> consent_server::config::Config {
    consent_server::config::Config {
        port: 0,
        data_dir: dir.to_path_buf(),
        audience: "https://consent.bench".into(),
        rate_per_minute: u32::MAX,
        ..Default::default()
    }
}

/// [`bench_config`] as a deployment runs it: no demo sign-in, users named by a trusted
/// proxy on loopback in [`TRUSTED_HEADER`], requests for the loopback address accepted.
pub fn trusted_config(dir: &std::path::Path) -> consent_server::config::Config {
    consent_server::config::Config {
        trusted_header: Some(consent_server::config::TrustedHeader {
            name: TRUSTED_HEADER.into(),
            proxies: vec![std::net::IpAddr::from([127, 0, 0, 1])],
        }),
        allowed_hosts: Some(vec!["127.0.0.1".into()]),
        ..bench_config(dir)
    }
}
