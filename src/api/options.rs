//! The options object `mount()` takes, and its validation.
//!
//! Every error names the offending field, so a host developer sees at once what to fix.

use crate::state::Policy;
use consent_core::Choice;
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};

/// Options as the host passes them (camelCase keys). Unknown keys are refused: a typo
/// in an option name must not silently fall back to a default.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawOptions {
    backend_url: String,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    policy: Policy,
    #[serde(default)]
    decision: Option<Choice>,
    #[serde(default)]
    links: RawLinks,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawLinks {
    microsoft_privacy: Option<String>,
    linkedin_privacy: Option<String>,
    eu_transfer: Option<String>,
    help: Option<String>,
    remove_contacts: Option<String>,
}

/// Validated options.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Absolute URL of the backend, ending in `/`.
    pub backend_url: String,
    pub lang: String,
    pub policy: Policy,
    pub decision: Option<Choice>,
    pub links: Links,
}

/// Host-configured links; only the ones given are shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Links {
    pub microsoft_privacy: Option<String>,
    pub linkedin_privacy: Option<String>,
    pub eu_transfer: Option<String>,
    pub help: Option<String>,
    pub remove_contacts: Option<String>,
}

/// Why options were refused; the message is what the host's `Error` says.
#[derive(Debug, PartialEq)]
pub struct OptionsError(pub String);

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid consent options: {}", self.0)
    }
}

impl Options {
    /// Reads and checks a JS options object.
    pub fn from_js(value: JsValue) -> Result<Options, OptionsError> {
        if !value.is_object() {
            return Err(OptionsError(
                "expected an object such as { backendUrl: \"https://...\" }".into(),
            ));
        }
        reject_unknown_keys(&value, "", OPTION_KEYS)?;
        let links = js_sys::Reflect::get(&value, &"links".into()).unwrap_or(JsValue::UNDEFINED);
        if links.is_object() {
            reject_unknown_keys(&links, "links.", LINK_KEYS)?;
        }
        let raw: RawOptions =
            serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(value))
                .map_err(|e| {
                    // serde names unknown and missing keys itself; for a wrong type the
                    // path is the only place the field's name appears.
                    match e.path().to_string().as_str() {
                        "." => OptionsError(e.inner().to_string()),
                        path => OptionsError(format!("{path}: {}", e.inner())),
                    }
                })?;
        let link = |field: &str, v: Option<String>| {
            v.map(|url| check_url(&format!("links.{field}"), &url))
                .transpose()
        };
        let mut backend_url = check_url("backendUrl", &raw.backend_url)?;
        if !backend_url.ends_with('/') {
            backend_url.push('/');
        }
        let lang = raw.lang.unwrap_or_else(default_lang);
        let tag_like = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
        if lang.is_empty() || lang.len() > 35 || !lang.bytes().all(tag_like) {
            return Err(OptionsError(format!(
                "lang: {lang:?} is not a language tag such as \"en-US\""
            )));
        }
        Ok(Options {
            backend_url,
            lang,
            policy: raw.policy,
            decision: raw.decision,
            links: Links {
                microsoft_privacy: link("microsoftPrivacy", raw.links.microsoft_privacy)?,
                linkedin_privacy: link("linkedinPrivacy", raw.links.linkedin_privacy)?,
                eu_transfer: link("euTransfer", raw.links.eu_transfer)?,
                help: link("help", raw.links.help)?,
                remove_contacts: link("removeContacts", raw.links.remove_contacts)?,
            },
        })
    }
}

/// The keys of [`RawOptions`] and [`RawLinks`]. serde-wasm-bindgen reads only the
/// fields a struct names, so `deny_unknown_fields` never fires; these lists do its job.
const OPTION_KEYS: &[&str] = &["backendUrl", "lang", "policy", "decision", "links"];
const LINK_KEYS: &[&str] = &[
    "microsoftPrivacy",
    "linkedinPrivacy",
    "euTransfer",
    "help",
    "removeContacts",
];

fn reject_unknown_keys(obj: &JsValue, prefix: &str, known: &[&str]) -> Result<(), OptionsError> {
    let keys = js_sys::Object::keys(obj.unchecked_ref::<js_sys::Object>());
    for key in keys.iter().filter_map(|k| k.as_string()) {
        if !known.contains(&key.as_str()) {
            return Err(OptionsError(format!(
                "unknown option `{prefix}{key}`, expected one of {}",
                known
                    .iter()
                    .map(|k| format!("`{prefix}{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
    }
    Ok(())
}

fn default_lang() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_else(|| "en".into())
}

/// Resolves `url` against the page and accepts only `https:`, or plain `http:` on the
/// loopback names used in development.
fn check_url(field: &str, url: &str) -> Result<String, OptionsError> {
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let parsed = web_sys::Url::new_with_base(url, &base)
        .map_err(|_| OptionsError(format!("{field}: {url:?} is not a valid URL")))?;
    let host = parsed.hostname();
    let ok = match parsed.protocol().as_str() {
        "https:" => true,
        "http:" => matches!(host.as_str(), "127.0.0.1" | "localhost" | "[::1]"),
        _ => false,
    };
    if !ok || !parsed.username().is_empty() || !parsed.password().is_empty() {
        return Err(OptionsError(format!(
            "{field}: {url:?} must be an https: URL (plain http: only for localhost or 127.0.0.1)"
        )));
    }
    Ok(parsed.href())
}
