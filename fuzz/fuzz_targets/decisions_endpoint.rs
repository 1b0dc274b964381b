//! Arbitrary bodies at `POST /v1/decisions`, through the server's whole router in
//! this process (host check, media type, body limit, identity, verification, the
//! ledger's refusals): every answer must be a success or a `4xx` in
//! `application/problem+json`, never a panic, a `5xx` or anything else.
//!
//! A first byte below 0x20 (never part of a token) picks the request's shape: bits
//! 0-2 its Content-Type, bit 3 no session cookie; the rest is the body. Any other
//! input is the body of a signed-in `application/jwt` request. A body that starts
//! with `{` is read as `header JSON \0 claims JSON \0 signature` and encoded into a
//! compact token, as in verify_token, so that mutations reach the JSON.
#![no_main]

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Request};
use consent_core::token::base64url;
use consent_server::config::Config;
use consent_server::ledger::{LatestSeen, LedgerSigner};
use consent_server::state::AppState;
use consent_server::store::{Notices, SqliteStore};
use consent_server::subject::SubjectKey;
use libfuzzer_sys::fuzz_target;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

const HOST: &str = "consent.example";

struct Server {
    runtime: tokio::runtime::Runtime,
    app: axum::Router,
    cookie: String,
    _data: tempfile::TempDir,
}

/// One server for the whole run: its state (rate limits aside, which are off) does
/// not change with what the fuzzer sends, as no input can carry a valid signature.
fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| {
        let data = tempfile::tempdir().unwrap();
        let config = Config {
            data_dir: data.path().to_path_buf(),
            audience: format!("https://{HOST}"),
            rate_per_minute: u32::MAX,
            ..Config::default()
        };
        let store = SqliteStore::open(&data.path().join("ledger.sqlite3")).unwrap();
        store.keep_published(1_800_000_000).unwrap();
        let signer = Arc::new(LedgerSigner::load_or_create(data.path(), &config.origin).unwrap());
        // As at start-up: the audit says which decision is each subject's latest.
        let audited = consent_server::ledger::audit(&store, &signer).unwrap();
        let subjects = SubjectKey::load_or_create(data.path()).unwrap();
        let seen = LatestSeen::new(audited.latest);
        let state = AppState::new(config, Arc::new(store), signer, subjects, seen);
        let app = consent_server::app::router(Arc::new(state));
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let sign_in = request("/v1/session", Some("application/json"), None)
            .body(Body::from(r#"{"user":"megan"}"#))
            .unwrap();
        let answer = runtime.block_on(app.clone().oneshot(sign_in)).unwrap();
        assert!(answer.status().is_success(), "sign-in: {}", answer.status());
        let cookie = answer.headers()[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        Server {
            runtime,
            app,
            cookie,
            _data: data,
        }
    })
}

/// A POST as our accept loop hands it to the router: with the peer's address.
fn request(
    path: &str,
    content_type: Option<&str>,
    cookie: Option<&str>,
) -> axum::http::request::Builder {
    let mut r = Request::post(path)
        .header(header::HOST, HOST)
        .extension(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 40_000))));
    if let Some(ct) = content_type {
        r = r.header(header::CONTENT_TYPE, ct);
    }
    if let Some(c) = cookie {
        r = r.header(header::COOKIE, c);
    }
    r
}

const CONTENT_TYPES: [Option<&str>; 8] = [
    Some("application/jwt"),
    Some("Application/JWT"),
    Some("application/jwt; charset=utf-8"),
    Some("application/json"),
    None,
    Some("text/plain"),
    Some("application/jwt;"),
    Some(""),
];

fuzz_target!(|data: &[u8]| {
    let (flags, body) = match data.split_first() {
        Some((&first, rest)) if first < 0x20 => (first, rest),
        _ => (0, data),
    };
    let body = if body.first() == Some(&b'{') {
        let mut parts = body.splitn(3, |&b| b == 0);
        let mut next = || base64url(parts.next().unwrap_or_default());
        format!("{}.{}.{}", next(), next(), next()).into_bytes()
    } else {
        body.to_vec()
    };
    let s = server();
    let content_type = CONTENT_TYPES[(flags & 7) as usize];
    let cookie = (flags & 8 == 0).then_some(s.cookie.as_str());
    let req = request("/v1/decisions", content_type, cookie)
        .body(Body::from(body))
        .unwrap();
    let (status, problem, text) = s.runtime.block_on(async {
        let answer = s.app.clone().oneshot(req).await.unwrap();
        let problem = answer
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes() == b"application/problem+json");
        let status = answer.status();
        let bytes = axum::body::to_bytes(answer.into_body(), 1 << 20)
            .await
            .unwrap();
        (
            status,
            problem,
            String::from_utf8_lossy(&bytes).into_owned(),
        )
    });
    assert!(
        status.is_success() || (status.is_client_error() && problem),
        "{status} (problem+json: {problem}): {text}"
    );
    if status.is_client_error() {
        let p: serde_json::Value = serde_json::from_str(&text).expect("a problem is JSON");
        assert_eq!(p["status"], status.as_u16(), "{text}");
        assert!(p["type"].as_str().is_some_and(|t| !t.is_empty()), "{text}");
    }
});
