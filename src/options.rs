//! The options object `mount()` takes, and its validation.
//!
//! Read field by field with JS type checks rather than through a serde deserializer,
//! because serde costs far more than it saves. Measured on the release build (wasm-opt
//! -Oz, gzip -9 of the wasm): `#[derive(Deserialize)]` structs read with
//! serde-wasm-bindgen and serde_path_to_error (so that a type error names its field)
//! made the wasm 16064 bytes (15.7 KB) larger; 14123 bytes without the path. Nor would
//! serde replace the unknown-key check below: serde-wasm-bindgen looks up only the
//! fields a struct names, so `deny_unknown_fields` never fires. Every error names the
//! offending field.

use crate::js;
use crate::state::Policy;
use consent_core::catalogue::{check_href, LinkKey, LinkOverrides};
use consent_core::note::VerifierKey;
use consent_core::Choice;
use js_sys::{Object, Reflect};
use std::fmt::Write;
use wasm_bindgen::{JsCast, JsValue};

/// Validated options.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Absolute URL of the backend, ending in `/`.
    pub backend_url: String,
    /// The host's choice of language (BCP 47), which outranks the page's and the
    /// browser's; see [`Options::languages`].
    pub lang: Option<String>,
    pub policy: Policy,
    pub decision: Option<Choice>,
    /// Link targets in place of the notice's defaults. Every link the notice needs has
    /// a default in the catalogue (`consent_core::catalogue::LinkKey`); the digest
    /// covers whichever target is shown.
    pub links: LinkOverrides,
    /// The host's `getHeaders()`: called before each backend call for headers to add
    /// (a bearer token, say), and once more after a `401`.
    pub get_headers: Option<js_sys::Function>,
    /// The ledger's verifier key (C2SP signed-note `vkey`): when given, the only key a
    /// receipt's checkpoint may be signed with; else the backend's published key is.
    pub ledger_key: Option<VerifierKey>,
}

/// Why options were refused; the message is what the host's `Error` says.
#[derive(Debug, PartialEq)]
pub struct OptionsError(pub String);

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid consent options: {}", self.0)
    }
}

const OPTION_KEYS: &[&str] = &[
    "backendUrl",
    "lang",
    "policy",
    "decision",
    "links",
    "getHeaders",
    "ledgerKey",
];

impl Options {
    /// Reads and checks a JS options object.
    pub fn from_js(value: JsValue) -> Result<Options, OptionsError> {
        let root = Fields::new(
            &value,
            "",
            OPTION_KEYS,
            "expected an object such as { backendUrl: \"https://...\" }",
        )?;
        let mut backend_url = match root.string("backendUrl")? {
            Some(url) => check_url("backendUrl", &url)?,
            None => return Err(OptionsError("missing field `backendUrl`".into())),
        };
        if !backend_url.ends_with('/') {
            backend_url.push('/');
        }
        let lang = root.string("lang")?;
        if let Some(lang) = lang.as_deref().filter(|l| !is_tag_like(l)) {
            return Err(OptionsError(format!(
                "lang: {} is not a language tag such as \"en-US\"",
                js::quoted(lang)
            )));
        }
        let policy = match root.string("policy")? {
            None => Policy::Enabled,
            Some(name) => Policy::parse(&name).ok_or_else(|| {
                OptionsError(format!(
                    "policy: unknown variant {}, expected \"enabled\", \"off\" or \"not_in_group\"",
                    js::quoted(&name)
                ))
            })?,
        };
        let decision = match root.string("decision")? {
            None => None,
            Some(s) => Some(Choice::parse(&s).ok_or_else(|| {
                OptionsError(format!(
                    "decision: unknown variant {}, expected \"both_ways\", \"linkedin_only\", \"not_now\" or \"withdraw\"",
                    js::quoted(&s)
                ))
            })?),
        };
        let links = match root.get("links") {
            None => LinkOverrides::new(),
            Some(v) => {
                let names = LinkKey::ALL.map(LinkKey::option_name);
                let l = Fields::new(
                    &v,
                    "links.",
                    &names,
                    "links: expected an object of https: URLs",
                )?;
                let mut links = LinkOverrides::new();
                for key in LinkKey::ALL {
                    if let Some(url) = l.string(key.option_name())? {
                        let field = format!("links.{}", key.option_name());
                        links.insert(key, check_link(&field, &url)?);
                    }
                }
                links
            }
        };
        let get_headers = match root.get("getHeaders") {
            None => None,
            Some(f) => Some(f.dyn_into::<js_sys::Function>().map_err(|v| {
                OptionsError(format!(
                    "getHeaders: invalid type: {}, expected a function returning headers \
                     (or a Promise of them)",
                    v.js_typeof().as_string().unwrap_or_default()
                ))
            })?),
        };
        let ledger_key = match root.string("ledgerKey")? {
            None => None,
            Some(vkey) => Some(VerifierKey::parse(&vkey).map_err(|why| {
                OptionsError(format!(
                    "ledgerKey: {} is not a ledger verifier key such as \
                     \"consent.example/ledger+1a2b3c4d+AQ...\" (as the backend publishes \
                     it at /.well-known/consent-ledger-key): {why}",
                    js::quoted(&vkey)
                ))
            })?),
        };
        Ok(Options {
            backend_url,
            lang,
            policy,
            decision,
            links,
            get_headers,
            ledger_key,
        })
    }
}

/// A JS object whose keys were checked against a known list: a typo in an option name
/// must not silently fall back to a default.
struct Fields<'a> {
    obj: &'a JsValue,
    prefix: &'static str,
}

impl<'a> Fields<'a> {
    fn new(
        obj: &'a JsValue,
        prefix: &'static str,
        known: &[&str],
        not_an_object: &str,
    ) -> Result<Self, OptionsError> {
        if !obj.is_object() || obj.is_function() || js_sys::Array::is_array(obj) {
            return Err(OptionsError(not_an_object.into()));
        }
        let keys = Object::keys(obj.unchecked_ref::<Object>());
        if let Some(key) = keys
            .iter()
            .filter_map(|k| k.as_string())
            .find(|k| !known.contains(&k.as_str()))
        {
            // Written out rather than joined: `join` is the widget's only one (0.2 KB gzip).
            let mut message = format!("unknown field `{prefix}{key}`, expected one of ");
            for (i, k) in known.iter().enumerate() {
                let comma = if i == 0 { "" } else { ", " };
                // Appended in place; writing to a String cannot fail.
                let _ = write!(message, "{comma}`{prefix}{k}`");
            }
            return Err(OptionsError(message));
        }
        Ok(Fields { obj, prefix })
    }

    /// The value of `key`; `undefined` and `null` count as absent.
    fn get(&self, key: &str) -> Option<JsValue> {
        Reflect::get(self.obj, &JsValue::from_str(key))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }

    fn string(&self, key: &str) -> Result<Option<String>, OptionsError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v.as_string().map(Some).ok_or_else(|| {
                OptionsError(format!(
                    "{}{key}: invalid type: {}, expected a string",
                    self.prefix,
                    v.js_typeof().as_string().unwrap_or_default()
                ))
            }),
        }
    }
}

/// Whether `tag` could be a BCP 47 language tag: what may travel to the backend.
fn is_tag_like(tag: &str) -> bool {
    let ok = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    !tag.is_empty() && tag.len() <= 35 && tag.bytes().all(ok)
}

impl Options {
    /// The reader's languages, most preferred first: the host's `lang` option; else
    /// the nearest `lang` attribute from `host` up (the page's language, usually);
    /// else the browser's languages. The backend picks the first the notice is
    /// written in (consent_core::locale::negotiate), English when none is.
    pub fn languages(&self, host: &web_sys::Element) -> Vec<String> {
        if let Some(lang) = &self.lang {
            return vec![lang.clone()];
        }
        let page = host
            .closest("[lang]")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("lang"))
            .filter(|l| is_tag_like(l));
        if let Some(page) = page {
            return vec![page];
        }
        let Some(window) = web_sys::window() else {
            return Vec::new();
        };
        window
            .navigator()
            .languages()
            .iter()
            .filter_map(|l| l.as_string())
            .filter(|l| is_tag_like(l))
            .take(consent_core::ChallengeRequest::MAX_LANGS)
            .collect()
    }
}

/// A link target: `https:` only, whatever the host, and within what the notice digest
/// accepts (see `consent_core::catalogue::check_href`).
fn check_link(field: &str, url: &str) -> Result<String, OptionsError> {
    let href = check_url(field, url)?;
    check_href(&href)
        .map(|()| href.clone())
        .map_err(|why| OptionsError(format!("{field}: {} {why}", js::quoted(url))))
}

/// Resolves `url` against the page and accepts only `https:`, or plain `http:` on the
/// loopback names used in development.
fn check_url(field: &str, url: &str) -> Result<String, OptionsError> {
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let parsed = web_sys::Url::new_with_base(url, &base)
        .map_err(|_| OptionsError(format!("{field}: {} is not a valid URL", js::quoted(url))))?;
    let host = parsed.hostname();
    let ok = match parsed.protocol().as_str() {
        "https:" => true,
        "http:" => matches!(host.as_str(), "127.0.0.1" | "localhost" | "[::1]"),
        _ => false,
    };
    if !ok || !parsed.username().is_empty() || !parsed.password().is_empty() {
        return Err(OptionsError(format!(
            "{field}: {} must be an https: URL (plain http: only for localhost or 127.0.0.1)",
            js::quoted(url)
        )));
    }
    Ok(parsed.href())
}
