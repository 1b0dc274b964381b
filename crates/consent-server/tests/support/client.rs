//! A browser as the backend sees it: a cookie jar and a device key, signing decisions
//! the way the widget does.

use super::{device, TestServer};
use consent_core::claims::Claims;
use consent_core::Choice;
use p256::ecdsa::SigningKey;
use reqwest::cookie::{CookieStore, Jar};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, CONTENT_TYPE};
use reqwest::{Response, StatusCode};
use serde_json::{json, Value};
use std::sync::Arc;

#[derive(Clone)]
pub struct Client {
    pub http: reqwest::Client,
    jar: Arc<Jar>,
    pub base: String,
    pub key: SigningKey,
}

impl Client {
    /// Not signed in, with a fresh device key.
    pub fn new(base: &str) -> Client {
        Client::with_headers(base, HeaderMap::new())
    }

    /// [`Client::new`], every request carrying the header `name: value`: a browser
    /// behind a proxy that names the user it authenticated.
    pub fn with_header(base: &str, name: &str, value: &str) -> Client {
        let mut headers = HeaderMap::new();
        headers.insert(
            HeaderName::from_bytes(name.as_bytes()).unwrap(),
            HeaderValue::from_str(value).unwrap(),
        );
        Client::with_headers(base, headers)
    }

    fn with_headers(base: &str, headers: HeaderMap) -> Client {
        let jar = Arc::new(Jar::default());
        Client {
            http: reqwest::Client::builder()
                .cookie_provider(jar.clone())
                .default_headers(headers)
                .build()
                .unwrap(),
            jar,
            base: base.into(),
            key: SigningKey::random(&mut rand_core::OsRng),
        }
    }

    /// The same browser (cookies, key) talking to `server`, e.g. after its restart.
    pub fn on(&self, server: &TestServer) -> Client {
        Client {
            base: server.base.clone(),
            ..self.clone()
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// `POST /v1/session`, whatever the answer.
    pub async fn sign_in(&self, user: &str) -> Response {
        self.post_json("/v1/session", json!({"user": user})).await
    }

    /// `GET`, whatever the answer.
    pub async fn fetch(&self, path: &str) -> Response {
        self.http.get(self.url(path)).send().await.unwrap()
    }

    /// `POST` with a JSON body, whatever the answer.
    pub async fn post_json(&self, path: &str, body: Value) -> Response {
        self.http
            .post(self.url(path))
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// The `Cookie` header this browser sends, for requests written by hand.
    pub fn cookie(&self) -> String {
        let cookies = self.jar.cookies(&self.base.parse().unwrap());
        cookies.expect("signed in").to_str().unwrap().to_owned()
    }

    /// A challenge for an English-speaking browser whose locale is not plain `en`.
    pub async fn challenge(&self) -> Value {
        let res = self
            .post_json("/v1/challenge", json!({"lang": "en-GB"}))
            .await;
        res.json().await.unwrap()
    }

    pub fn claims(&self, ch: &Value, choice: Choice) -> Claims {
        device::claims_for(ch, choice)
    }

    pub fn sign(&self, claims: &Claims) -> String {
        device::sign(&self.key, claims)
    }

    /// Challenge, sign, send: the status, the receipt (or problem) and the token.
    pub async fn decide(&self, choice: Choice) -> (StatusCode, Value, String) {
        let ch = self.challenge().await;
        let token = self.sign(&self.claims(&ch, choice));
        let (status, body) = self.send(&token).await;
        (status, body, token)
    }

    /// `POST /v1/decisions`; the body is `null` when it is not JSON.
    pub async fn send(&self, token: &str) -> (StatusCode, Value) {
        let res = self
            .http
            .post(self.url("/v1/decisions"))
            .header(CONTENT_TYPE, "application/jwt")
            .body(token.to_owned())
            .send()
            .await
            .unwrap();
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    /// `GET`, the answer's JSON.
    pub async fn get(&self, path: &str) -> Value {
        self.fetch(path).await.json().await.unwrap()
    }

    /// `GET` as the auditor (`Authorization: Bearer` [`super::AUDITOR_TOKEN`]), the
    /// answer's JSON: full ledger entries rather than leaf hashes.
    pub async fn audit(&self, path: &str) -> Value {
        let res = self
            .http
            .get(self.url(path))
            .bearer_auth(super::AUDITOR_TOKEN)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path} as the auditor");
        res.json().await.unwrap()
    }

    /// `GET`, the answer as text.
    pub async fn text(&self, path: &str) -> String {
        self.fetch(path).await.text().await.unwrap()
    }
}

/// The seconds a `Retry-After` answer asks the client to wait; panics when absent.
pub fn retry_after(res: &Response) -> u64 {
    let value = res
        .headers()
        .get("retry-after")
        .expect("a Retry-After header");
    value.to_str().unwrap().parse().unwrap()
}

/// The last segment of a problem's `type`, e.g. `nonce-replayed`.
pub fn problem_type(v: &Value) -> &str {
    v["type"].as_str().unwrap_or("").rsplit('/').next().unwrap()
}

/// Asserts an RFC 9457 answer with this status and reason code; returns it.
pub async fn problem(res: Response, status: StatusCode, code: &str) -> Value {
    assert_eq!(res.status(), status, "{code}");
    assert_eq!(
        res.headers()[CONTENT_TYPE],
        "application/problem+json",
        "{code}"
    );
    let body: Value = res.json().await.unwrap();
    assert_eq!(
        body["type"],
        format!("https://consent.example/problems/{code}"),
        "{body}"
    );
    assert_eq!(body["status"], status.as_u16());
    assert!(body["title"].as_str().is_some_and(|t| !t.is_empty()));
    body
}
