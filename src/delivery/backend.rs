//! The two calls the widget makes to its backend: a challenge, and a decision.

use crate::js;
use consent_core::catalogue::LinkOverrides;
use consent_core::{Choice, LastDecision, NoticeRef, Policy};
use js_sys::{Function, Promise, JSON};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestCredentials, RequestInit, Response};

pub use consent_core::Challenge;

/// Reads the backend's answer into consent-core's [`Challenge`], member by member
/// rather than with serde (see `crate::js` for the cost); a browser test holds this
/// reader to what the server's serde writes.
pub fn challenge_from_js(json: &JsValue) -> Result<Challenge, CallError> {
    let bad = |what: String| CallError::local("bad-challenge", what);
    let field = |v: &JsValue, k: &str| {
        js::get_str(v, k).ok_or_else(|| bad(format!("the backend's challenge has no `{k}`")))
    };
    let notice = notice_from_js(&js::get(json, "notice"))?;
    // Absent from backends that predate it, `null` for a user who never decided.
    let decision = match js::get(json, "decision") {
        d if d.is_object() => {
            let choice = field(&d, "choice")?;
            Some(LastDecision {
                choice: Choice::parse(&choice).ok_or_else(|| {
                    bad(format!(
                        "the backend's challenge names an unknown choice {}",
                        js::quoted(&choice)
                    ))
                })?,
                notice: notice_from_js(&js::get(&d, "notice"))?,
                notice_is_current: js::get(&d, "notice_is_current").as_bool() == Some(true),
            })
        }
        _ => None,
    };
    let policy = match js::get_str(json, "policy") {
        // Backends from before the policy existed let everybody be asked.
        None => Policy::Enabled,
        Some(name) => Policy::parse(&name).ok_or_else(|| {
            bad(format!(
                "the backend's challenge names an unknown policy {}",
                js::quoted(&name)
            ))
        })?,
    };
    Ok(Challenge {
        nonce: field(json, "nonce")?,
        sub: field(json, "sub")?,
        aud: field(json, "aud")?,
        notice,
        policy,
        // Absent from backends that predate it: the widget then stamps `iat` from the
        // device's clock.
        issued_at: js::get_str(json, "issued_at").unwrap_or_default(),
        expires_at: field(json, "expires_at")?,
        decision,
        text: text_from_js(&js::get(json, "text"))?,
    })
}

/// The notice's strings, when the widget asked for them; `None` when absent. Whether
/// they are the text the digest names is checked where the notice is rebuilt.
fn text_from_js(text: &JsValue) -> Result<Option<Vec<String>>, CallError> {
    if text.is_undefined() || text.is_null() {
        return Ok(None);
    }
    let bad = || {
        CallError::local(
            "bad-challenge",
            "the backend's notice `text` is not a list of strings".into(),
        )
    };
    let list = text.dyn_ref::<js_sys::Array>().ok_or_else(bad)?;
    list.iter()
        .map(|t| t.as_string().ok_or_else(bad))
        .collect::<Result<_, _>>()
        .map(Some)
}

/// A `notice` reference in a challenge. Its link targets are not read: the digest
/// covers them, and the widget compares digests.
fn notice_from_js(notice: &JsValue) -> Result<NoticeRef, CallError> {
    let bad = |what: String| CallError::local("bad-challenge", what);
    let field = |k: &str| {
        js::get_str(notice, k)
            .ok_or_else(|| bad(format!("the backend's challenge has no notice `{k}`")))
    };
    Ok(NoticeRef {
        id: field("id")?,
        ver: js::get(notice, "ver")
            .as_f64()
            .filter(|v| v.fract() == 0.0 && *v >= 0.0 && *v <= f64::from(u32::MAX))
            .ok_or_else(|| bad("the backend's challenge has no notice `ver`".into()))?
            as u32,
        lang: field("lang")?,
        sha256: field("sha256")?,
        links: Default::default(),
    })
}

/// The body of a challenge request: the reader's languages (and the notice's text
/// for the one the backend picks) before the widget knows its locale, the exact locale
/// afterwards; and the link targets shown in place of the defaults, so that the
/// backend offers that digest.
pub fn challenge_request(langs: &Languages, overrides: &LinkOverrides) -> String {
    let list = |tags: &[String]| {
        JsValue::from(
            tags.iter()
                .map(|t| JsValue::from_str(t))
                .collect::<js_sys::Array>(),
        )
    };
    let mut fields = match langs {
        Languages::Wanted(tags) => vec![("langs", list(tags)), ("text", JsValue::TRUE)],
        Languages::Chosen(lang) => vec![("lang", JsValue::from_str(lang))],
    };
    if !overrides.is_empty() {
        let links: Vec<_> = overrides
            .iter()
            .map(|(k, v)| (k.as_str(), JsValue::from_str(v)))
            .collect();
        fields.push(("links", js::object(&links)));
    }
    JSON::stringify(&js::object(&fields))
        .map(String::from)
        .unwrap_or_default()
}

/// What a challenge request says about language.
#[derive(Clone, Debug, PartialEq)]
pub enum Languages {
    /// The reader's languages, most preferred first; the backend picks one and sends
    /// its text.
    Wanted(Vec<String>),
    /// The locale the widget shows, once it has its text.
    Chosen(&'static str),
}

/// Why a call failed, and whether trying again can help.
#[derive(Clone, Debug, PartialEq)]
pub enum CallError {
    /// Network down, backend restarting, 408, 429 or 5xx: try again later.
    Transient(String),
    /// The backend is busy and said when to come back (`Retry-After`, in seconds).
    Busy { reason: String, retry_after: u32 },
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

/// Where the backend is and how to call it: its URL, and the host's `getHeaders`
/// hook, if it gave one.
///
/// ```text
/// let api = Api::new(options.backend_url, options.get_headers);
/// let challenge = api.challenge(&challenge_request(notice)).await?;
/// ```
#[derive(Clone)]
pub struct Api {
    /// Absolute, ending in `/`.
    pub url: String,
    get_headers: Option<Function>,
}

impl Api {
    pub fn new(url: String, get_headers: Option<Function>) -> Api {
        Api { url, get_headers }
    }

    /// Asks for a single-use challenge; `request` is [`challenge_request`]'s body.
    pub async fn challenge(&self, request: &str) -> Result<Challenge, CallError> {
        let json = self
            .call("v1/challenge", "application/json", request)
            .await?;
        challenge_from_js(&json)
    }

    /// [`Api::challenge`], answered by the request `preloadChallenge()` sent when it is
    /// exactly this one (see `js/preload.js`); read as if it had been sent now.
    pub async fn first_challenge(&self, request: &str) -> Result<Challenge, CallError> {
        let path = "v1/challenge";
        let preloaded = take_preloaded(&format!("{}{path}", self.url), request);
        let json = self
            .call_from(path, "application/json", request, preloaded)
            .await?;
        challenge_from_js(&json)
    }

    /// Sends a compact token; resolves the backend's receipt (`201`, or `200` for a
    /// re-send).
    pub async fn send_decision(&self, token: &str) -> Result<JsValue, CallError> {
        self.call("v1/decisions", "application/jwt", token).await
    }

    /// `GET`s a JSON document of the backend's, such as its published ledger key.
    pub async fn get(&self, path: &str) -> Result<JsValue, CallError> {
        self.call(path, "", "").await
    }

    /// One call, a `POST` of `body` as `content_type`, or a `GET` when `content_type`
    /// is empty; with a `getHeaders` hook, asked again after a `401` and tried once
    /// more, since a bearer token may have expired between the two.
    async fn call(&self, path: &str, content_type: &str, body: &str) -> Result<JsValue, CallError> {
        self.call_from(path, content_type, body, None).await
    }

    /// [`Api::call`], whose first answer is `preloaded`'s when given.
    async fn call_from(
        &self,
        path: &str,
        content_type: &str,
        body: &str,
        mut preloaded: Option<Promise>,
    ) -> Result<JsValue, CallError> {
        let url = format!("{}{path}", self.url);
        let mut renewed = false;
        loop {
            let was_preloaded = preloaded.is_some();
            let sent = match preloaded.take() {
                Some(sent) => sent,
                None => {
                    let request = self.request(&url, content_type, body).await?;
                    let window = web_sys::window()
                        .ok_or_else(|| CallError::Transient("no window".into()))?;
                    window.fetch_with_request(&request)
                }
            };
            let response: Response = match JsFuture::from(sent).await {
                Ok(response) => response.unchecked_into(),
                // A preload that never got an answer (the page's getHeaders threw, or the
                // network failed while the page loaded) is asked again as the widget's
                // own: it may get through now, and if not, its error says why.
                Err(_) if was_preloaded => continue,
                Err(_) => return Err(CallError::Transient(unreachable(&self.url))),
            };
            let status = response.status();
            if status == 401 && self.get_headers.is_some() && !renewed {
                renewed = true;
                continue;
            }
            let retry_after = response
                .headers()
                .get("Retry-After")
                .ok()
                .flatten()
                .and_then(|v| v.trim().parse::<u32>().ok());
            let json = match response.json() {
                Ok(p) => JsFuture::from(p).await.unwrap_or(JsValue::NULL),
                Err(_) => JsValue::NULL,
            };
            // A 408 or 503 says nothing about the decision's fate (a timed-out write
            // may still commit): the same token goes again, and a recorded one gets
            // its receipt.
            let again = || format!("the backend answered {status}; will try again");
            return match (status, retry_after) {
                (200..=299, _) => Ok(json),
                (408 | 429 | 500..=599, Some(retry_after)) => Err(CallError::Busy {
                    reason: again(),
                    retry_after,
                }),
                (408 | 429 | 500..=599, None) => Err(CallError::Transient(again())),
                _ => Err(refusal(status, &json)),
            };
        }
    }

    async fn request(
        &self,
        url: &str,
        content_type: &str,
        body: &str,
    ) -> Result<Request, CallError> {
        let init = RequestInit::new();
        init.set_credentials(RequestCredentials::Include);
        if !content_type.is_empty() {
            init.set_method("POST");
            init.set_body(&JsValue::from_str(body));
        }
        let request = Request::new_with_str_and_init(url, &init)
            .map_err(|_| CallError::Transient(format!("could not build a request to {url}")))?;
        let headers = request.headers();
        if let Some(hook) = &self.get_headers {
            for (name, value) in host_headers(hook).await? {
                headers.set(&name, &value).map_err(|_| {
                    bad_headers(format!(
                        "{} is not a header name a page may set",
                        js::quoted(&name)
                    ))
                })?;
            }
        }
        // Set last: the body's type is ours to say, whatever the hook returned.
        if !content_type.is_empty() {
            let _ = headers.set("Content-Type", content_type);
        }
        let _ = headers.set("Accept", "application/json, application/problem+json");
        Ok(request)
    }
}

#[wasm_bindgen(module = "/js/preload.js")]
extern "C" {
    /// The `fetch` that `preloadChallenge()` started for `url` with exactly `body`, if
    /// it is young enough; handed out once.
    #[wasm_bindgen(js_name = takePreloaded)]
    fn take_preloaded(url: &str, body: &str) -> Option<Promise>;
}

/// What the host's `getHeaders()` returned (or resolved to), as name and value pairs.
/// A hook that throws or rejects is transient (a token may be had later); one that
/// returns something other than an object of strings is a host bug, and says so.
async fn host_headers(hook: &Function) -> Result<Vec<(String, String)>, CallError> {
    let failed = |e: JsValue| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_default();
        CallError::Transient(format!("getHeaders() failed: {why}"))
    };
    let returned = hook.call0(&JsValue::UNDEFINED).map_err(failed)?;
    let value = JsFuture::from(js_sys::Promise::resolve(&returned))
        .await
        .map_err(failed)?;
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(bad_headers("it did not resolve to an object".into()));
    }
    let entries = js_sys::Object::entries(value.unchecked_ref());
    entries
        .iter()
        .map(|pair| {
            let pair: js_sys::Array = pair.unchecked_into();
            let name = pair.get(0).as_string().unwrap_or_default();
            let value = pair.get(1).as_string().ok_or_else(|| {
                bad_headers(format!(
                    "the value of {} is not a string",
                    js::quoted(&name)
                ))
            })?;
            Ok((name, value))
        })
        .collect()
}

fn bad_headers(why: String) -> CallError {
    CallError::local(
        "bad-headers",
        format!("getHeaders() must resolve to an object of header names and string values, such as {{Authorization: \"Bearer ...\"}}: {why}"),
    )
}

/// Why `fetch` rejects is hidden from pages (a CORS refusal looks like a network
/// error), so the message names every likely cause.
fn unreachable(backend: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!(
        "the consent backend at {backend} cannot be reached: the network or the backend \
         may be down, or the backend does not allow calls from this page's origin \
         {origin} (add it to the backend's allowed origins, CONSENT_ALLOWED_ORIGINS)"
    )
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

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;
    wasm_bindgen_test_configure!(run_in_browser);

    /// The server writes the challenge with serde; this reader must take exactly that.
    #[wasm_bindgen_test]
    fn reads_the_challenge_the_server_writes() {
        for policy in Policy::ALL {
            let sent = Challenge {
                nonce: "bm9uY2U".into(),
                sub: "c3Vi".into(),
                aud: "https://consent.example".into(),
                notice: consent_core::catalogue::notice("en").reference(),
                policy,
                issued_at: "2026-11-25T11:00:00Z".into(),
                expires_at: "2026-11-25T12:00:00Z".into(),
                decision: Some(LastDecision::new(
                    Choice::LinkedinOnly,
                    consent_core::catalogue::notice("en").reference(),
                )),
                text: Some(vec!["Titel".into(), "نص".into(), String::new()]),
            };
            let json = JSON::parse(&serde_json::to_string(&sent).unwrap()).unwrap();
            assert_eq!(challenge_from_js(&json), Ok(sent));
        }
    }

    #[wasm_bindgen_test]
    fn a_text_that_is_not_a_list_of_strings_is_a_bad_challenge() {
        for text in ["\"Titel\"", "[\"a\", 5]", "{}"] {
            let json = JSON::parse(&format!(
                r#"{{"nonce":"n","sub":"s","aud":"a","expires_at":"t","text":{text},
                "notice":{{"id":"i","ver":1,"lang":"en","sha256":"x"}}}}"#
            ))
            .unwrap();
            let err = challenge_from_js(&json).unwrap_err();
            assert!(
                matches!(err, CallError::Rejected { ref code, .. } if code == "bad-challenge"),
                "{text}: {err:?}"
            );
        }
    }

    #[wasm_bindgen_test]
    fn an_unknown_policy_is_a_bad_challenge_not_a_prompt() {
        let json = JSON::parse(
            r#"{"nonce":"n","sub":"s","aud":"a","policy":"maybe","expires_at":"t",
            "notice":{"id":"i","ver":1,"lang":"en","sha256":"x"}}"#,
        )
        .unwrap();
        let err = challenge_from_js(&json).unwrap_err();
        assert!(
            matches!(err, CallError::Rejected { ref code, .. } if code == "bad-challenge"),
            "{err:?}"
        );
    }
}
