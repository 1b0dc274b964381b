//! A backend stand-in installed as `window.fetch`: answers challenges, records every
//! token sent with a real receipt (see `fake_ledger`), publishes its ledger key, and
//! can be switched offline, to 5xx or to refusing. Like the backend, it records a
//! token only for a nonce it issued and never saw used, with an `iat` inside that
//! challenge's life, delivered within a week of its expiry (on its own clock, which
//! is the page's `Date.now()` plus `clock_offset_secs`).

use super::fake_ledger::FakeLedger;
use consent_core::{catalogue, ChallengeRequest};
use js_sys::{Promise, Reflect};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::{Request, Response, ResponseInit};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mode {
    Up,
    /// fetch rejects, as when the network or the server is down.
    Offline,
    /// fetch rejects for decisions only: challenges still come, as when the network
    /// drops between the challenge and the click.
    DecisionsOffline,
    /// 503 on decisions.
    Failing,
    /// 400 problem+json on decisions.
    Refusing,
}

/// A challenge's issue and expiry (Unix seconds), and the jti that answered it.
type Issued = (i64, i64, Option<String>);

#[derive(Default)]
pub struct Fake {
    pub mode: Cell<Option<Mode>>,
    pub policy: RefCell<String>,
    /// Every token that reached `POST /v1/decisions`, accepted or not.
    pub attempts: RefCell<Vec<String>>,
    /// Tokens acknowledged, once per jti (the ledger).
    pub ledger: RefCell<Vec<String>>,
    /// The Merkle tree behind the receipts, and the forgery to apply to them.
    pub tree: FakeLedger,
    /// How often `.well-known/consent-ledger-key` was fetched.
    pub key_fetches: Cell<u32>,
    /// The published key cannot be fetched (fetch rejects), decisions still record.
    pub key_unreachable: Cell<bool>,
    /// No key is published (`404`), as by a backend that predates receipts.
    pub key_missing: Cell<bool>,
    /// Every nonce issued: its challenge's issue and expiry (Unix seconds), and the
    /// jti that used it.
    nonces: RefCell<HashMap<String, Issued>>,
    pub challenges: Cell<u32>,
    /// The `decision` member of every challenge, as JSON (`null` by default).
    pub decision: RefCell<String>,
    /// The body of the latest challenge request.
    pub last_request: RefCell<String>,
    /// Answers the next decisions get instead of being recorded, in order:
    /// `(status, Retry-After)`. A 4xx is a problem+json refusal; others say nothing.
    pub next_answers: RefCell<Vec<(u16, Option<u32>)>>,
    /// Challenges name this digest instead of the notice asked for.
    pub notice_sha256: RefCell<Option<String>>,
    /// The notice text a challenge carries says this in place of its first string,
    /// under the digest of the true text.
    pub altered_text: RefCell<Option<String>>,
    /// How far the backend's clock is from the device's, in seconds: challenges say
    /// they were issued at the device's time plus this.
    pub clock_offset_secs: Cell<i64>,
    /// Every request that reached the backend: its path (`v1/challenge`, ...) and its
    /// `Authorization` header, if any.
    pub requests: RefCell<Vec<(String, Option<String>)>>,
    /// When set, any request without exactly this `Authorization` is answered `401`,
    /// as a backend behind a gateway answers an expired bearer token.
    pub requires_auth: RefCell<Option<String>>,
}

impl Fake {
    pub fn set(&self, mode: Mode) {
        self.mode.set(Some(mode));
    }
    fn mode(&self) -> Mode {
        self.mode.get().unwrap_or(Mode::Up)
    }
}

thread_local! {
    static FAKE: Rc<Fake> = {
        let fake = Rc::new(Fake::default());
        *fake.policy.borrow_mut() = "enabled".into();
        *fake.decision.borrow_mut() = "null".into();
        install(fake.clone());
        fake
    };
}

/// The fake backend, installed on first use and reset for the calling test.
pub fn fake() -> Rc<Fake> {
    let fake = FAKE.with(Rc::clone);
    fake.set(Mode::Up);
    *fake.policy.borrow_mut() = "enabled".into();
    fake.attempts.borrow_mut().clear();
    fake.ledger.borrow_mut().clear();
    fake.tree.reset();
    fake.key_fetches.set(0);
    fake.key_unreachable.set(false);
    fake.key_missing.set(false);
    fake.nonces.borrow_mut().clear();
    fake.challenges.set(0);
    *fake.decision.borrow_mut() = "null".into();
    fake.last_request.borrow_mut().clear();
    fake.next_answers.borrow_mut().clear();
    *fake.notice_sha256.borrow_mut() = None;
    *fake.altered_text.borrow_mut() = None;
    fake.clock_offset_secs.set(0);
    fake.requests.borrow_mut().clear();
    *fake.requires_auth.borrow_mut() = None;
    fake
}

impl Fake {
    /// Makes every challenge say the user last chose `choice` on notice version `ver`.
    pub fn remembers(&self, choice: &str, ver: u32) {
        let mut notice = catalogue::notice("en").reference();
        notice.ver = ver;
        *self.decision.borrow_mut() = format!(
            r#"{{"choice":"{choice}","notice":{},"notice_is_current":{}}}"#,
            serde_json::to_string(&notice).unwrap(),
            ver == catalogue::CURRENT_VERSION
        );
    }
}

fn install(fake: Rc<Fake>) {
    let handler = Closure::<dyn FnMut(JsValue) -> Promise>::new(move |req: JsValue| {
        let fake = fake.clone();
        future_to_promise(async move {
            let req: Request = req.dyn_into()?;
            let url = req.url();
            let body = JsFuture::from(req.text()?)
                .await?
                .as_string()
                .unwrap_or_default();
            let auth = req.headers().get("Authorization")?;
            let path = url.rsplit_once("/v1/").map(|(_, p)| format!("v1/{p}"));
            fake.requests
                .borrow_mut()
                .push((path.unwrap_or_default(), auth.clone()));
            let offline = match fake.mode() {
                Mode::Offline => true,
                Mode::DecisionsOffline => url.ends_with("/v1/decisions"),
                _ => false,
            };
            if offline {
                if url.ends_with("/v1/decisions") {
                    fake.attempts.borrow_mut().push(body);
                }
                return Err(js_sys::TypeError::new("Failed to fetch").into());
            }
            let required = fake.requires_auth.borrow().clone();
            if required.is_some() && auth != required {
                return respond(
                    401,
                    "application/problem+json",
                    r#"{"type":"https://consent.example/problems/no-session","title":"Not signed in","detail":"the bearer token has expired","status":401}"#,
                );
            }
            if url.ends_with("/v1/challenge") {
                fake.challenges.set(fake.challenges.get() + 1);
                // Like the backend: the notice in the asked language, with the link
                // targets the widget says it shows.
                *fake.last_request.borrow_mut() = body.clone();
                let asked: ChallengeRequest = serde_json::from_str(&body).unwrap_or_default();
                let localized = catalogue::notice_for(asked.wanted().unwrap());
                let mut notice = localized.with_links(&asked.links).unwrap().reference();
                let text = match asked.text {
                    true => {
                        let mut text = catalogue::texts(localized.lang).unwrap().to_vec();
                        if let Some(altered) = fake.altered_text.borrow().as_deref() {
                            text[0] = String::leak(altered.to_owned());
                        }
                        serde_json::to_string(&text).unwrap()
                    }
                    false => "null".into(),
                };
                if let Some(other) = fake.notice_sha256.borrow().clone() {
                    notice.sha256 = other;
                }
                let at = |offset_secs: i64| {
                    let ms = js_sys::Date::now() + (offset_secs * 1000) as f64;
                    String::from(js_sys::Date::new(&ms.into()).to_iso_string())
                };
                let offset = fake.clock_offset_secs.get();
                let issued = fake.now_secs();
                fake.nonces.borrow_mut().insert(
                    format!("nonce-{}-abcdefghijklmnop", fake.challenges.get()),
                    (issued, issued + 3600, None),
                );
                let json = format!(
                    r#"{{"nonce":"nonce-{n}-abcdefghijklmnop","sub":"sub-demo-1","aud":"https://consent.example.test","notice":{},"policy":"{}","issued_at":"{}","expires_at":"{}","decision":{},"text":{text}}}"#,
                    serde_json::to_string(&notice).unwrap(),
                    fake.policy.borrow(),
                    at(offset),
                    at(offset + 3600),
                    fake.decision.borrow(),
                    n = fake.challenges.get()
                );
                return respond(200, "application/json", &json);
            }
            if url.ends_with("/v1/decisions") {
                fake.attempts.borrow_mut().push(body.clone());
                let canned = {
                    let mut next = fake.next_answers.borrow_mut();
                    (!next.is_empty()).then(|| next.remove(0))
                };
                if let Some((status, retry_after)) = canned {
                    return canned_answer(status, retry_after);
                }
                return match fake.mode() {
                    Mode::Failing => respond(
                        503,
                        "application/problem+json",
                        r#"{"type":"https://consent.example/problems/unavailable","title":"try later"}"#,
                    ),
                    Mode::Refusing => respond(
                        400,
                        "application/problem+json",
                        r#"{"type":"https://consent.example/problems/nonce-replayed","title":"Nonce already used","detail":"this challenge was already answered","status":400}"#,
                    ),
                    _ => fake.record(&body).await,
                };
            }
            if url.ends_with("/.well-known/consent-ledger-key") {
                fake.key_fetches.set(fake.key_fetches.get() + 1);
                if fake.key_unreachable.get() {
                    return Err(js_sys::TypeError::new("Failed to fetch").into());
                }
                if fake.key_missing.get() {
                    return respond(
                        404,
                        "application/problem+json",
                        r#"{"type":"about:blank","title":"not found","status":404}"#,
                    );
                }
                return respond(
                    200,
                    "application/json",
                    &fake.tree.published_key_json().await,
                );
            }
            respond(
                404,
                "application/problem+json",
                r#"{"type":"about:blank","title":"not found"}"#,
            )
        })
    });
    let window = web_sys::window().unwrap();
    Reflect::set(&window, &"fetch".into(), handler.as_ref()).unwrap();
    handler.forget();
}

impl Fake {
    /// The backend's clock, in Unix seconds.
    fn now_secs(&self) -> i64 {
        (js_sys::Date::now() / 1000.0) as i64 + self.clock_offset_secs.get()
    }

    /// A decision that reached the backend: its receipt (`200` for a token recorded
    /// before, whatever the clock; `201` for a new one), or the refusal the backend
    /// would give.
    async fn record(&self, token: &str) -> Result<JsValue, JsValue> {
        let claims = claims(token);
        let jti = claims["jti"].as_str().unwrap_or_default().to_owned();
        if let Some(index) = self.tree.position(token) {
            return respond(
                200,
                "application/json",
                &self.tree.receipt(&jti, index).await,
            );
        }
        let nonce = claims["nonce"].as_str().unwrap_or_default();
        let iat = claims["iat"].as_i64().unwrap_or_default();
        let refused = match self.nonces.borrow().get(nonce) {
            None => Some((400, "nonce-unknown")),
            Some((_, _, Some(_))) => Some((409, "nonce-replayed")),
            Some((issued, expires, None)) => {
                if consent_core::freshness::check_iat(iat, *issued, *expires, 300).is_err() {
                    Some((400, "iat-skew"))
                } else if self.now_secs() > expires + 7 * 24 * 3600 {
                    Some((400, "nonce-expired"))
                } else {
                    None
                }
            }
        };
        if let Some((status, code)) = refused {
            let body = format!(
                r#"{{"type":"https://consent.example/problems/{code}","title":"refused","detail":"{code}","status":{status}}}"#
            );
            return respond(status, "application/problem+json", &body);
        }
        if let Some(n) = self.nonces.borrow_mut().get_mut(nonce) {
            n.2 = Some(jti.clone());
        }
        self.ledger.borrow_mut().push(token.to_owned());
        let received_at = js_sys::Date::new(&((self.now_secs() * 1000) as f64).into());
        let index = self
            .tree
            .append(token, String::from(received_at.to_iso_string()));
        respond(
            201,
            "application/json",
            &self.tree.receipt(&jti, index).await,
        )
    }
}

/// A token's claims; `null` members for anything unreadable.
fn claims(token: &str) -> serde_json::Value {
    token
        .split('.')
        .nth(1)
        .and_then(|c| consent_core::token::base64url_decode(c).ok())
        .and_then(|c| serde_json::from_slice(&c).ok())
        .unwrap_or_default()
}

fn respond(status: u16, content_type: &str, body: &str) -> Result<JsValue, JsValue> {
    respond_with(status, content_type, body, None)
}

fn respond_with(
    status: u16,
    content_type: &str,
    body: &str,
    retry_after: Option<u32>,
) -> Result<JsValue, JsValue> {
    let init = ResponseInit::new();
    init.set_status(status);
    let headers = web_sys::Headers::new()?;
    headers.set("Content-Type", content_type)?;
    if let Some(secs) = retry_after {
        headers.set("Retry-After", &secs.to_string())?;
    }
    init.set_headers(&headers);
    Ok(Response::new_with_opt_str_and_init(Some(body), &init)?.into())
}

/// A decision answer from `Fake::next_answers`: the server's problems for the
/// statuses the widget must tell apart.
fn canned_answer(status: u16, retry_after: Option<u32>) -> Result<JsValue, JsValue> {
    let (code, detail) = match status {
        408 => ("timeout", "the request took too long"),
        503 => ("busy", "too many decisions are waiting to be recorded"),
        409 => (
            "nonce-replayed",
            "the token's challenge was already answered",
        ),
        _ => (
            "iat-skew",
            "iat is outside the life of the challenge it answers",
        ),
    };
    let body = format!(
        r#"{{"type":"https://consent.example/problems/{code}","title":"refused","detail":"{detail}","status":{status}}}"#
    );
    respond_with(status, "application/problem+json", &body, retry_after)
}

/// Installs the fake backend without resetting it.
pub fn ensure_installed() {
    FAKE.with(|_| ());
}
