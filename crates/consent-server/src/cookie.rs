//! The demo session cookie: its name and attributes, and the form its value is stored
//! in.

use crate::config::Config;
use axum::http::{header, HeaderMap};
use base64ct::{Base64UrlUnpadded, Encoding};
use sha2::{Digest, Sha256};

/// How the session cookie is named and set.
///
/// Over https (an `https:` audience, or `secure_cookie = true`) it is
/// `__Host-alc_session` with `Secure`: browsers then refuse it from plain http and
/// from sibling subdomains, and never send it unencrypted. Over plain http, which
/// only the loopback demo should use, it is `alc_session` without `Secure`, which
/// every browser and HTTP client keeps on `http:`. Always `HttpOnly; Path=/`, with a
/// `Max-Age` of the session's lifetime, and `SameSite=Strict`, except over https with
/// host pages on other origins allowed (`allowed_origins`): then `SameSite=None`, or
/// their calls would carry no session. Plain http cannot have that (browsers refuse
/// `SameSite=None` without `Secure`); hosts there use the widget's `getHeaders`.
///
/// ```
/// use consent_server::{config::Config, cookie::SessionCookie};
/// let https = Config { audience: "https://consent.example".into(), ..Default::default() };
/// let cookie = SessionCookie::new(&https);
/// assert!(cookie.set("abc").starts_with("__Host-alc_session=abc; Path=/; Secure;"));
/// let http = SessionCookie::new(&Config::default());
/// assert!(http.set("abc").starts_with("alc_session=abc; Path=/; HttpOnly"));
/// let cross_site = Config {
///     allowed_origins: vec!["https://people.contoso.example".into()],
///     ..https
/// };
/// assert!(SessionCookie::new(&cross_site).set("abc").contains("; SameSite=None;"));
/// ```
pub struct SessionCookie {
    secure: bool,
    cross_site: bool,
    max_age: u64,
}

impl SessionCookie {
    pub fn new(config: &Config) -> Self {
        SessionCookie {
            secure: config.secure_cookie(),
            cross_site: config.secure_cookie() && !config.allowed_origins.is_empty(),
            max_age: config.session_ttl_secs,
        }
    }

    /// The cookie's name; only this one is read.
    pub fn name(&self) -> &'static str {
        if self.secure {
            "__Host-alc_session"
        } else {
            "alc_session"
        }
    }

    /// `Set-Cookie` for a new session.
    pub fn set(&self, value: &str) -> String {
        self.header(value, self.max_age)
    }

    /// `Set-Cookie` that makes the browser forget the session.
    pub fn clear(&self) -> String {
        self.header("", 0)
    }

    fn header(&self, value: &str, max_age: u64) -> String {
        let secure = if self.secure { " Secure;" } else { "" };
        let same_site = if self.cross_site { "None" } else { "Strict" };
        format!(
            "{}={value}; Path=/;{secure} HttpOnly; SameSite={same_site}; Max-Age={max_age}",
            self.name()
        )
    }

    /// The session cookie's value in a request, if it has one.
    pub fn read(&self, headers: &HeaderMap) -> Option<String> {
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|kv| kv.trim().split_once('='))
            .find(|(k, v)| *k == self.name() && !v.is_empty())
            .map(|(_, v)| v.to_owned())
    }
}

/// What the store keeps for a session: SHA-256 of the cookie's value (base64url), so
/// a copy of the database yields no session anyone could use.
///
/// ```
/// let stored = consent_server::cookie::stored_session_id("abc");
/// assert_eq!(stored, "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
/// ```
pub fn stored_session_id(cookie_value: &str) -> String {
    Base64UrlUnpadded::encode_string(&Sha256::digest(cookie_value.as_bytes()))
}
