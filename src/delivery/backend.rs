//! The two calls the widget makes to its backend: a challenge, and a decision.

use crate::js;
use js_sys::JSON;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestCredentials, RequestInit, Response};

/// What `POST /v1/challenge` answers, as far as the widget uses it.
#[derive(Clone, Debug, PartialEq)]
pub struct Challenge {
    pub nonce: String,
    pub sub: String,
    pub aud: String,
    /// The digest of the notice the backend expects decisions to be made on.
    pub notice_sha256: String,
    /// The tenant policy's wire name; `"enabled"` when the backend names none.
    pub policy: String,
}

impl Challenge {
    /// Read member by member, not deserialised with serde: see `crate::js`.
    fn from_js(json: &JsValue) -> Result<Challenge, CallError> {
        let field = |v: &JsValue, k: &str| {
            js::get_str(v, k).ok_or_else(|| {
                CallError::local(
                    "bad-challenge",
                    format!("the backend's challenge has no `{k}`"),
                )
            })
        };
        Ok(Challenge {
            nonce: field(json, "nonce")?,
            sub: field(json, "sub")?,
            aud: field(json, "aud")?,
            notice_sha256: field(&js::get(json, "notice"), "sha256")?,
            policy: js::get_str(json, "policy").unwrap_or_else(|| "enabled".into()),
        })
    }
}

/// Why a call failed, and whether trying again can help.
#[derive(Debug, PartialEq)]
pub enum CallError {
    /// Network down, backend restarting, 5xx or 429: try again later.
    Transient(String),
    /// The backend refused (problem+json): trying again will not help.
    Rejected {
        code: String,
        message: String,
        status: u16,
    },
}

impl CallError {
    /// A refusal made here rather than by the backend (`status` 0).
    pub fn local(code: &str, message: String) -> CallError {
        CallError::Rejected {
            code: code.into(),
            message,
            status: 0,
        }
    }
}

/// Asks for a single-use challenge for a decision shown in `lang`.
pub async fn challenge(backend: &str, lang: &str) -> Result<Challenge, CallError> {
    let body = JSON::stringify(&js::object(&[("lang", lang.into())]))
        .map(String::from)
        .unwrap_or_default();
    let json = call(backend, "v1/challenge", "application/json", &body).await?;
    Challenge::from_js(&json)
}

/// Sends a compact token; resolves the backend's receipt (`201`, or `200` for a re-send).
pub async fn send_decision(backend: &str, token: &str) -> Result<JsValue, CallError> {
    call(backend, "v1/decisions", "application/jwt", token).await
}

async fn call(
    backend: &str,
    path: &str,
    content_type: &str,
    body: &str,
) -> Result<JsValue, CallError> {
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_credentials(RequestCredentials::Include);
    init.set_body(&JsValue::from_str(body));
    let url = format!("{backend}{path}");
    let request = Request::new_with_str_and_init(&url, &init)
        .map_err(|_| CallError::Transient(format!("could not build a request to {url}")))?;
    let _ = request.headers().set("Content-Type", content_type);
    let _ = request
        .headers()
        .set("Accept", "application/json, application/problem+json");
    let window = web_sys::window().ok_or_else(|| CallError::Transient("no window".into()))?;
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| CallError::Transient(format!("the backend at {backend} cannot be reached")))?
        .unchecked_into();
    let status = response.status();
    let json = match response.json() {
        Ok(p) => JsFuture::from(p).await.unwrap_or(JsValue::NULL),
        Err(_) => JsValue::NULL,
    };
    match status {
        200..=299 => Ok(json),
        429 | 500..=599 => Err(CallError::Transient(format!(
            "the backend answered {status}; will try again"
        ))),
        _ => Err(refusal(status, &json)),
    }
}

/// Reads a problem+json refusal member by member: a proxy or an older backend may send
/// any body, and one odd member must not hide the others.
fn refusal(status: u16, json: &JsValue) -> CallError {
    // RFC 9457: the `type` URI's last segment is the stable reason code.
    let kind = js::get_str(json, "type").unwrap_or_default();
    let code = kind.rsplit('/').next().unwrap_or_default().to_owned();
    let message = js::get_str(json, "detail")
        .or_else(|| js::get_str(json, "title"))
        .unwrap_or_else(|| format!("the backend refused the request ({status})"));
    CallError::Rejected {
        code: if code.is_empty() {
            format!("http-{status}")
        } else {
            code
        },
        message,
        status,
    }
}
