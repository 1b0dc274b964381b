//! The whole-flow client of the throughput benchmark: challenge, sign, decide, over
//! keep-alive sockets; its signer also signs the peers benchmark's tokens. Only those
//! two use it, so it is not in `common`, which every benchmark example includes.

use crate::common::{
    decision_request, demo_session, gathered, read_response, Who, ACCEPT_ENCODING,
};
use consent_core::catalogue::{self, LinkKey, LinkOverrides};
use consent_core::Choice;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::AsyncWriteExt;

/// A user, as the server knows them, and a device key: what [`flow_all`] decides as.
pub struct Signer {
    pub who: Who,
    key: ring::signature::EcdsaKeyPair,
    jwk: consent_core::jwk::EcPublicJwk,
}

impl Signer {
    /// `who` with a new device key.
    pub fn new(who: Who) -> Signer {
        use ring::signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_FIXED_SIGNING as P256};
        let rng = ring::rand::SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&P256, &rng).unwrap();
        let key = EcdsaKeyPair::from_pkcs8(&P256, pkcs8.as_ref(), &rng).unwrap();
        // The public key is 0x04 || x || y.
        let point = key.public_key().as_ref();
        let jwk = consent_core::jwk::EcPublicJwk {
            kty: "EC".into(),
            crv: "P-256".into(),
            x: consent_core::token::base64url(&point[1..33]),
            y: consent_core::token::base64url(&point[33..65]),
        };
        Signer { who, key, jwk }
    }

    /// The compact token for `claims`. Signed with ring's P-256, which is native code
    /// as a browser's WebCrypto is: the pure-Rust signer the tests use costs several
    /// times more CPU, which on two shared cores would be taken from the server.
    pub fn sign(&self, claims: &consent_core::claims::Claims) -> String {
        let unsigned = consent_core::token::UnsignedToken::new(self.jwk.clone(), claims);
        let rng = ring::rand::SystemRandom::new();
        let sig = self
            .key
            .sign(&rng, unsigned.signing_input().as_bytes())
            .unwrap();
        unsigned.finish(sig.as_ref()).unwrap()
    }
}

/// Signs in to the demo as `user` on the server at `addr`.
pub async fn sign_in(addr: std::net::SocketAddr, user: &str) -> Signer {
    Signer::new(demo_session(addr, user).await)
}

/// The link target a host of the benchmark shows in place of the notice's default.
pub const HOST_HELP_LINK: &str = "https://intranet.contoso.example/linkedin-help";

/// The whole flow as users drive it, `total` times over `concurrency` keep-alive
/// sockets: ask for a challenge, sign a decision answering it, send it. Each flow's
/// latency, from the challenge request to the receipt, the client's signing included.
/// With `host_link`, each challenge asks for the notice with [`HOST_HELP_LINK`] as its
/// help link, as a host with its own help page does, and the decision names that notice.
pub async fn flow_all(
    addr: std::net::SocketAddr,
    signer: Arc<Signer>,
    total: usize,
    concurrency: usize,
    host_link: bool,
) -> Vec<Duration> {
    let (body, links) = if host_link {
        (
            json!({ "links": { "help": HOST_HELP_LINK } }).to_string(),
            LinkOverrides::from([(LinkKey::Help, HOST_HELP_LINK.to_owned())]),
        )
    } else {
        ("{}".to_owned(), LinkOverrides::new())
    };
    let shown = Arc::new(catalogue::notice("en").with_links(&links).unwrap());
    let left = Arc::new(std::sync::atomic::AtomicUsize::new(total));
    let mut clients = Vec::new();
    for _ in 0..concurrency {
        let (left, signer, body, shown) =
            (left.clone(), signer.clone(), body.clone(), shown.clone());
        clients.push(tokio::spawn(async move {
            let mut conn = tokio::net::TcpStream::connect(addr).await.unwrap();
            conn.set_nodelay(true).unwrap();
            let mut buf = Vec::with_capacity(8192);
            let mut latencies = Vec::new();
            let challenge = format!(
                "POST /v1/challenge HTTP/1.1\r\nhost: {addr}\r\n{}{ACCEPT_ENCODING}\
                 content-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                signer.who.line(),
                body.len()
            );
            let take = || {
                left.fetch_update(
                    std::sync::atomic::Ordering::Relaxed,
                    std::sync::atomic::Ordering::Relaxed,
                    |n| n.checked_sub(1),
                )
            };
            while let Ok(n) = take() {
                let t = Instant::now();
                conn.write_all(challenge.as_bytes()).await.unwrap();
                assert_eq!(read_response(&mut conn, &mut buf).await, 200);
                let ch: Value = serde_json::from_slice(&response_body(&buf)).unwrap();
                let choice = [Choice::BothWays, Choice::LinkedinOnly, Choice::NotNow][n % 3];
                let token = signer.sign(&crate::device::claims_on(&ch, &shown, choice));
                let decision = decision_request(addr, &signer.who, &token);
                conn.write_all(&decision).await.unwrap();
                let status = read_response(&mut conn, &mut buf).await;
                assert_eq!(status, 201, "{}", String::from_utf8_lossy(&buf));
                latencies.push(t.elapsed());
            }
            latencies
        }));
    }
    gathered(clients).await
}

/// The body of the response [`read_response`] left in `buf`, de-chunked and
/// decompressed.
pub fn response_body(buf: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let head_end = buf.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
    let rest = &buf[head_end + 4..];
    let wire = if head.contains("transfer-encoding: chunked") {
        crate::common::dechunk(rest).unwrap()
    } else {
        rest.to_vec()
    };
    let encoding = head
        .lines()
        .find_map(|l| l.strip_prefix("content-encoding:"))
        .map(str::trim);
    let mut out = Vec::new();
    match encoding {
        None => return wire,
        Some("br") => brotli_decompressor::Decompressor::new(&wire[..], 4096)
            .read_to_end(&mut out)
            .unwrap(),
        Some("gzip") => flate2::read::GzDecoder::new(&wire[..])
            .read_to_end(&mut out)
            .unwrap(),
        Some(other) => panic!("an answer in {other}, which the client did not offer"),
    };
    out
}
