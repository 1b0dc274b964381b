//! The backend over real HTTP on loopback, with tokens signed natively the way the
//! widget signs them in the browser. Every test runs against SQLite and against a real
//! PostgreSQL.

mod support {
    pub mod device;
    pub mod pg;
}

use base64ct::{Base64, Encoding};
use consent_core::claims::Claims;
use consent_core::merkle;
use consent_core::token::base64url;
use consent_core::Choice;
use consent_server::config::Config;
use p256::ecdsa::SigningKey;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::path::Path;

#[derive(Clone, Copy, Debug)]
enum Kind {
    Sqlite,
    Postgres,
}

/// Where a test's ledger lives; a PostgreSQL cluster lives as long as this does.
struct Db {
    _dir: tempfile::TempDir,
    data: std::path::PathBuf,
    pg: Option<support::pg::PgCluster>,
}

impl Db {
    async fn new(kind: Kind) -> Db {
        let dir = tempfile::tempdir().unwrap();
        let pg = match kind {
            Kind::Sqlite => None,
            Kind::Postgres => Some(
                tokio::task::spawn_blocking(support::pg::PgCluster::start)
                    .await
                    .unwrap(),
            ),
        };
        Db {
            data: dir.path().to_path_buf(),
            _dir: dir,
            pg,
        }
    }

    /// How many key changes the store logged.
    async fn key_changes(&self) -> i64 {
        let (url, path) = (
            self.pg.as_ref().map(|p| p.url.clone()),
            self.data.join("ledger.sqlite3"),
        );
        tokio::task::spawn_blocking(move || match url {
            Some(url) => {
                let mut c = ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap();
                c.query_one("SELECT COUNT(*) FROM key_changes", &[])
                    .unwrap()
                    .get(0)
            }
            None => rusqlite::Connection::open(path)
                .unwrap()
                .query_row("SELECT COUNT(*) FROM key_changes", [], |r| r.get(0))
                .unwrap(),
        })
        .await
        .unwrap()
    }
}

struct Backend {
    server: consent_server::Server,
    base: String,
}

async fn start(db: &Db) -> Backend {
    let data: &Path = &db.data;
    let config = Config {
        port: 0,
        database_url: db.pg.as_ref().map(|p| p.url.clone()),
        data_dir: data.to_path_buf(),
        www_dir: data.join("www"),
        pkg_dir: data.join("pkg"),
        audience: "https://consent.test".into(),
        rate_per_minute: 100_000,
        ..Config::default()
    };
    let server = consent_server::start(config).await.unwrap();
    let base = format!("http://{}", server.addr);
    Backend { server, base }
}

/// A browser: a cookie jar, a device key.
struct Client {
    http: reqwest::Client,
    base: String,
    key: SigningKey,
}

impl Client {
    async fn signed_in(b: &Backend, user: &str) -> Client {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .unwrap();
        let res = http
            .post(format!("{}/v1/session", b.base))
            .json(&json!({"user": user}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        Client {
            http,
            base: b.base.clone(),
            key: SigningKey::random(&mut rand_core::OsRng),
        }
    }

    async fn challenge(&self) -> Value {
        self.http
            .post(format!("{}/v1/challenge", self.base))
            .json(&json!({"lang": "en-GB"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    fn claims(&self, ch: &Value, choice: Choice) -> Claims {
        support::device::claims_for(ch, choice)
    }

    fn sign(&self, claims: &Claims) -> String {
        support::device::sign(&self.key, claims)
    }

    async fn decide(&self, choice: Choice) -> (StatusCode, Value, String) {
        let ch = self.challenge().await;
        let token = self.sign(&self.claims(&ch, choice));
        let (s, v) = self.send(&token).await;
        (s, v, token)
    }

    async fn send(&self, token: &str) -> (StatusCode, Value) {
        let res = self
            .http
            .post(format!("{}/v1/decisions", self.base))
            .header("content-type", "application/jwt")
            .body(token.to_owned())
            .send()
            .await
            .unwrap();
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    async fn get(&self, path: &str) -> Value {
        self.http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }
}

fn problem_type(v: &Value) -> &str {
    v["type"].as_str().unwrap_or("").rsplit('/').next().unwrap()
}

fn b64(s: &Value) -> [u8; 32] {
    Base64::decode_vec(s.as_str().unwrap())
        .unwrap()
        .try_into()
        .unwrap()
}

async fn a_decision_is_recorded_with_a_verifiable_receipt(kind: Kind) {
    let db = Db::new(kind).await;
    let b = start(&db).await;
    let c = Client::signed_in(&b, "megan").await;
    let (status, receipt, token) = c.decide(Choice::BothWays).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    assert_eq!(receipt["index"], 0);
    assert_eq!(receipt["tree_size"], 1);
    assert!(receipt["checkpoint"]
        .as_str()
        .unwrap()
        .starts_with("consent.example/ledger\n1\n"));
    // The leaf holds the verbatim token, and the inclusion proof leads to the root.
    let entries = c.get("/v1/ledger/entries?start=0").await;
    let leaf: Value =
        serde_json::from_str(entries["entries"][0]["leaf"].as_str().unwrap()).unwrap();
    assert_eq!(leaf["token"], token);
    let leaf_hash = merkle::leaf_hash(entries["entries"][0]["leaf"].as_str().unwrap().as_bytes());
    assert_eq!(leaf_hash, b64(&receipt["leaf_hash"]));
    let proof: Vec<[u8; 32]> = receipt["inclusion_proof"]
        .as_array()
        .unwrap()
        .iter()
        .map(b64)
        .collect();
    assert!(merkle::verify_inclusion(
        0,
        1,
        &leaf_hash,
        &proof,
        &b64(&receipt["root_hash"])
    ));
    // The receipt's signature verifies with the published key.
    let key = c.get("/.well-known/consent-ledger-key").await;
    let pk: [u8; 32] = b64(&key["public_key"]);
    let pk = ed25519_dalek::VerifyingKey::from_bytes(&pk).unwrap();
    let statement = format!(
        "consent-receipt/v1\n{}\n0\n1\n{}\n{}\n\n",
        receipt["jti"].as_str().unwrap(),
        receipt["leaf_hash"].as_str().unwrap(),
        receipt["root_hash"].as_str().unwrap()
    );
    let sig = ed25519_dalek::Signature::from_slice(
        &Base64::decode_vec(receipt["signature"].as_str().unwrap()).unwrap(),
    )
    .unwrap();
    pk.verify_strict(statement.as_bytes(), &sig).unwrap();

    let current = c.get("/v1/decisions/current").await;
    assert_eq!(current["decision"]["choice"], "both_ways");
    assert_eq!(current["decision"]["notice_is_current"], true);
    b.server.stop().await;
}

async fn a_resent_token_gets_the_same_receipt_once(kind: Kind) {
    let db = Db::new(kind).await;
    let b = start(&db).await;
    let c = Client::signed_in(&b, "adele").await;
    let (s1, r1, token) = c.decide(Choice::LinkedinOnly).await;
    let (s2, r2) = c.send(&token).await;
    assert_eq!((s1, s2), (StatusCode::CREATED, StatusCode::OK));
    assert_eq!(r1, r2);
    assert_eq!(c.get("/v1/ledger/entries?start=0").await["tree_size"], 1);
    b.server.stop().await;
}

async fn every_refusal_has_its_own_problem_type(kind: Kind) {
    let db = Db::new(kind).await;
    let b = start(&db).await;
    let c = Client::signed_in(&b, "megan").await;
    let other = Client::signed_in(&b, "alex").await;
    let mut cases: Vec<(&str, StatusCode, String)> = Vec::new();

    let ch = c.challenge().await;
    let good = c.claims(&ch, Choice::NotNow);
    let token = c.sign(&good);
    assert_eq!(c.send(&token).await.0, StatusCode::CREATED);
    // The same nonce with a new decision id.
    let mut again = good.clone();
    again.jti = "another-decision-id-0001".into();
    cases.push(("nonce-replayed", StatusCode::CONFLICT, c.sign(&again)));
    // The same decision id with different content.
    let ch = c.challenge().await;
    let mut reused = c.claims(&ch, Choice::BothWays);
    reused.jti = good.jti.clone();
    cases.push(("jti-reused", StatusCode::CONFLICT, c.sign(&reused)));
    let mut unknown = c.claims(&c.challenge().await, Choice::NotNow);
    unknown.nonce = "never-issued".into();
    cases.push(("unknown-nonce", StatusCode::BAD_REQUEST, c.sign(&unknown)));
    let mut wrong_sub = c.claims(&c.challenge().await, Choice::NotNow);
    wrong_sub.sub = "somebody-else".into();
    cases.push(("wrong-subject", StatusCode::FORBIDDEN, c.sign(&wrong_sub)));
    let mut aud = c.claims(&c.challenge().await, Choice::NotNow);
    aud.aud = "https://evil.test".into();
    cases.push(("wrong-audience", StatusCode::FORBIDDEN, c.sign(&aud)));
    let mut old = c.claims(&c.challenge().await, Choice::NotNow);
    old.iat -= 3600;
    cases.push(("iat-skew", StatusCode::BAD_REQUEST, c.sign(&old)));
    let mut flows = c.claims(&c.challenge().await, Choice::LinkedinOnly);
    flows.flows = Choice::BothWays.flows();
    cases.push(("flows-mismatch", StatusCode::BAD_REQUEST, c.sign(&flows)));
    let tampered = {
        let t = c.sign(&c.claims(&c.challenge().await, Choice::NotNow));
        let (input, _) = t.rsplit_once('.').unwrap();
        format!("{input}.{}", base64url(&[1u8; 64]))
    };
    cases.push(("bad-signature", StatusCode::BAD_REQUEST, tampered));
    cases.push(("malformed", StatusCode::BAD_REQUEST, "not.a-token".into()));
    cases.push(("too-large", StatusCode::PAYLOAD_TOO_LARGE, "a".repeat(9000)));

    for (code, status, token) in &cases {
        let (s, body) = c.send(token).await;
        assert_eq!((s, problem_type(&body)), (*status, *code), "{body}");
        assert_eq!(body["status"], s.as_u16());
    }
    // A challenge issued to another session cannot be answered from this one.
    let theirs = other.challenge().await;
    let mut stolen = c.claims(&theirs, Choice::NotNow);
    stolen.sub = c.challenge().await["sub"].as_str().unwrap().into();
    let (s, body) = c.send(&c.sign(&stolen)).await;
    assert_eq!(
        (s, problem_type(&body)),
        (StatusCode::FORBIDDEN, "wrong-session")
    );
    // Wrong media type and no session.
    let res = c
        .http
        .post(format!("{}/v1/decisions", b.base))
        .body(token.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let anon = reqwest::Client::new()
        .post(format!("{}/v1/decisions", b.base))
        .header("content-type", "application/jwt")
        .body(token.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(anon.status(), StatusCode::UNAUTHORIZED);
    // Nothing refused reached the ledger.
    assert_eq!(c.get("/v1/ledger/entries?start=0").await["tree_size"], 1);
    b.server.stop().await;
}

async fn concurrent_submissions_lose_nothing_and_duplicate_nothing(kind: Kind) {
    let db = Db::new(kind).await;
    let b = start(&db).await;
    let c = std::sync::Arc::new(Client::signed_in(&b, "lynne").await);
    // Two racers per nonce: exactly one of each pair wins.
    let mut tokens = Vec::new();
    for i in 0..150 {
        let ch = c.challenge().await;
        let choice = [Choice::BothWays, Choice::LinkedinOnly, Choice::NotNow][i % 3];
        let first = c.sign(&c.claims(&ch, choice));
        let second = c.sign(&c.claims(&ch, choice));
        tokens.push((first, second));
    }
    let mut tasks = Vec::new();
    for (first, second) in tokens.clone() {
        for t in [first, second] {
            let c = c.clone();
            tasks.push(tokio::spawn(async move { c.send(&t).await.0 }));
        }
    }
    let mut created = 0;
    let mut replayed = 0;
    for t in tasks {
        match t.await.unwrap() {
            StatusCode::CREATED => created += 1,
            StatusCode::CONFLICT => replayed += 1,
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!((created, replayed), (150, 150));
    let entries = c.get("/v1/ledger/entries?start=0").await;
    assert_eq!(entries["tree_size"], 150);
    let leaves: Vec<[u8; 32]> = entries["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| merkle::leaf_hash(e["leaf"].as_str().unwrap().as_bytes()))
        .collect();
    let checkpoint = reqwest::get(format!("{}/v1/ledger/checkpoint", b.base))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let root_line = checkpoint.lines().nth(2).unwrap();
    assert_eq!(
        Base64::encode_string(&merkle::root(&leaves)),
        root_line,
        "the tree verifies"
    );
    let nonces: std::collections::HashSet<String> = entries["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let leaf: Value = serde_json::from_str(e["leaf"].as_str().unwrap()).unwrap();
            let token = leaf["token"].as_str().unwrap().to_owned();
            let claims = token.split('.').nth(1).unwrap().to_owned();
            let claims: Value =
                serde_json::from_slice(&base64ct::Base64UrlUnpadded::decode_vec(&claims).unwrap())
                    .unwrap();
            claims["nonce"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(nonces.len(), 150, "one decision per nonce");
    b.server.stop().await;
}

async fn a_restart_keeps_the_ledger_keys_and_subjects(kind: Kind) {
    let db = Db::new(kind).await;
    let b = start(&db).await;
    let c = Client::signed_in(&b, "megan").await;
    let (_, r1, _) = c.decide(Choice::BothWays).await;
    let sub = c.challenge().await["sub"].clone();
    let key1 = c.get("/.well-known/consent-ledger-key").await;
    // A challenge issued before the restart is still good after it (queued offline
    // decisions are delivered then).
    let pending_ch = c.challenge().await;
    let pending = c.sign(&c.claims(&pending_ch, Choice::Withdraw));
    b.server.stop().await;

    let b = start(&db).await;
    let c2 = Client {
        base: b.base.clone(),
        ..Client::signed_in(&b, "megan").await
    };
    let key2 = c2.get("/.well-known/consent-ledger-key").await;
    assert_eq!(key1, key2, "same ledger key");
    assert_eq!(
        c2.challenge().await["sub"],
        sub,
        "same pseudonymous subject"
    );
    let c = Client {
        http: c.http.clone(),
        base: b.base.clone(),
        key: c.key.clone(),
    };
    let (status, r2) = c.send(&pending).await;
    assert_eq!(status, StatusCode::CREATED, "{r2}");
    assert_eq!(r2["index"], 1);
    // Consistency between the tree before and after the restart.
    let proof = c.get("/v1/ledger/proof/consistency?from=1&to=2").await;
    let p: Vec<[u8; 32]> = proof["consistency_proof"]
        .as_array()
        .unwrap()
        .iter()
        .map(b64)
        .collect();
    assert!(merkle::verify_consistency(
        1,
        2,
        &b64(&r1["root_hash"]),
        &b64(&r2["root_hash"]),
        &p
    ));
    let inclusion = c.get("/v1/ledger/proof/inclusion?index=0&size=2").await;
    let p: Vec<[u8; 32]> = inclusion["inclusion_proof"]
        .as_array()
        .unwrap()
        .iter()
        .map(b64)
        .collect();
    assert!(merkle::verify_inclusion(
        0,
        2,
        &b64(&r1["leaf_hash"]),
        &p,
        &b64(&r2["root_hash"])
    ));
    let current = c.get("/v1/decisions/current").await;
    assert_eq!(
        current["decision"]["choice"], "withdraw",
        "latest by ledger order"
    );
    let export = c
        .http
        .get(format!("{}/v1/decisions/export", b.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(export.lines().count(), 2);
    b.server.stop().await;
}

async fn a_new_device_key_is_accepted_and_logged_as_a_key_change(kind: Kind) {
    let db = Db::new(kind).await;
    let b = start(&db).await;
    let mut c = Client::signed_in(&b, "adele").await;
    assert_eq!(c.decide(Choice::NotNow).await.0, StatusCode::CREATED);
    c.key = SigningKey::random(&mut rand_core::OsRng);
    assert_eq!(c.decide(Choice::LinkedinOnly).await.0, StatusCode::CREATED);
    b.server.stop().await;
    assert_eq!(db.key_changes().await, 1);
}

async fn the_tenant_policy_reaches_the_challenge(kind: Kind) {
    let db = Db::new(kind).await;
    let b = start(&db).await;
    let megan = Client::signed_in(&b, "megan").await;
    let alex = Client::signed_in(&b, "alex").await;
    assert_eq!(alex.challenge().await["policy"], "enabled");
    for (mode, megan_sees, alex_sees) in [
        ("group", "enabled", "not_in_group"),
        ("off", "off", "off"),
        ("all", "enabled", "enabled"),
    ] {
        let res = megan
            .http
            .post(format!("{}/v1/admin/policy", b.base))
            .json(&json!({"mode": mode, "group": ["megan"]}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(megan.challenge().await["policy"], megan_sees, "{mode}");
        assert_eq!(alex.challenge().await["policy"], alex_sees, "{mode}");
    }
    let bad = megan
        .http
        .post(format!("{}/v1/admin/policy", b.base))
        .json(&json!({"mode": "sometimes"}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert_eq!(bad.headers()["content-type"], "application/problem+json");
    b.server.stop().await;
}

#[tokio::test]
async fn a_session_that_floods_is_slowed_down() {
    let db = Db::new(Kind::Sqlite).await;
    let config = Config {
        port: 0,
        data_dir: db.data.clone(),
        rate_per_minute: 5,
        ..Config::default()
    };
    let server = consent_server::start(config).await.unwrap();
    let b = Backend {
        base: format!("http://{}", server.addr),
        server,
    };
    let flooder = Client::signed_in(&b, "alex").await;
    let other = Client::signed_in(&b, "adele").await;
    let mut statuses = Vec::new();
    for _ in 0..7 {
        let res = flooder
            .http
            .post(format!("{}/v1/challenge", b.base))
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        statuses.push(res.status());
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            let body: Value = res.json().await.unwrap();
            assert_eq!(problem_type(&body), "rate-limited");
        }
    }
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 5);
    assert_eq!(statuses[5], StatusCode::TOO_MANY_REQUESTS);
    // Other sessions are not affected.
    assert!(other.challenge().await["nonce"].is_string());
    b.server.stop().await;
}

#[tokio::test]
async fn behind_a_proxy_the_subject_comes_from_the_trusted_header_only() {
    use consent_server::config::TrustedHeader;
    let start_with = |proxies: Vec<std::net::IpAddr>, data: std::path::PathBuf| {
        consent_server::start(Config {
            port: 0,
            data_dir: data,
            demo: false,
            trusted_header: Some(TrustedHeader {
                name: "X-Authenticated-User".into(),
                proxies,
            }),
            ..Config::default()
        })
    };
    let dir = tempfile::tempdir().unwrap();
    let server = start_with(vec!["127.0.0.1".parse().unwrap()], dir.path().to_path_buf())
        .await
        .unwrap();
    let base = format!("http://{}", server.addr);
    let http = reqwest::Client::new();
    let challenge = |user: Option<&'static str>| {
        let mut req = http.post(format!("{base}/v1/challenge")).json(&json!({}));
        if let Some(u) = user {
            req = req.header("X-Authenticated-User", u);
        }
        req.send()
    };
    let a: Value = challenge(Some("adele@contoso.example"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let b: Value = challenge(Some("adele@contoso.example"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        a["sub"], b["sub"],
        "the same user, the same pseudonymous subject"
    );
    assert!(
        !a["sub"].as_str().unwrap().contains("adele"),
        "the subject is not the user id"
    );
    assert_eq!(
        challenge(None).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    let demo_sign_in = http
        .post(format!("{base}/v1/session"))
        .json(&json!({"user": "megan"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        demo_sign_in.status(),
        StatusCode::NOT_FOUND,
        "no demo sign-in outside demo mode"
    );
    server.stop().await;

    // The same header from an address that is not a configured proxy is ignored.
    let server = start_with(vec!["10.9.9.9".parse().unwrap()], dir.path().to_path_buf())
        .await
        .unwrap();
    let res = http
        .post(format!("http://{}/v1/challenge", server.addr))
        .header("X-Authenticated-User", "adele@contoso.example")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    server.stop().await;
}

#[tokio::test]
async fn two_instances_share_one_strictly_ordered_ledger_on_postgres() {
    let db = Db::new(Kind::Postgres).await;
    let (a, b) = (start(&db).await, start(&db).await);
    let c = std::sync::Arc::new(Client::signed_in(&a, "megan").await);
    let mut tokens = Vec::new();
    for i in 0..60 {
        let ch = c.challenge().await;
        let choice = [Choice::BothWays, Choice::NotNow][i % 2];
        tokens.push((i % 2 == 0, c.sign(&c.claims(&ch, choice))));
    }
    let mut tasks = Vec::new();
    for (to_a, token) in tokens {
        let c = c.clone();
        let base = if to_a { a.base.clone() } else { b.base.clone() };
        tasks.push(tokio::spawn(async move {
            let res = c
                .http
                .post(format!("{base}/v1/decisions"))
                .header("content-type", "application/jwt")
                .body(token)
                .send()
                .await
                .unwrap();
            let status = res.status();
            let receipt: Value = res.json().await.unwrap();
            (status, receipt["index"].as_u64())
        }));
    }
    let mut indices = Vec::new();
    for t in tasks {
        let (status, index) = t.await.unwrap();
        assert_eq!(status, StatusCode::CREATED);
        indices.push(index.unwrap());
    }
    indices.sort();
    assert_eq!(
        indices,
        (0..60).collect::<Vec<u64>>(),
        "no index given twice, none skipped"
    );
    let checkpoint = |base: String| async move {
        reqwest::get(format!("{base}/v1/ledger/checkpoint"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    };
    let (ca, cb) = (
        checkpoint(a.base.clone()).await,
        checkpoint(b.base.clone()).await,
    );
    assert_eq!(ca, cb, "both instances sign the same tree");
    assert!(ca.starts_with("consent.example/ledger\n60\n"), "{ca}");
    a.server.stop().await;
    b.server.stop().await;
}

/// Each scenario, once per storage backend.
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $( #[tokio::test] async fn $name() { super::$name(super::Kind::Sqlite).await } )*
        }
        mod postgres {
            $( #[tokio::test] async fn $name() { super::$name(super::Kind::Postgres).await } )*
        }
    };
}

on_both_backends!(
    a_decision_is_recorded_with_a_verifiable_receipt,
    a_resent_token_gets_the_same_receipt_once,
    every_refusal_has_its_own_problem_type,
    concurrent_submissions_lose_nothing_and_duplicate_nothing,
    a_restart_keeps_the_ledger_keys_and_subjects,
    a_new_device_key_is_accepted_and_logged_as_a_key_change,
    the_tenant_policy_reaches_the_challenge,
);
