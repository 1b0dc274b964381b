//! Configuration: defaults, then an optional TOML file, then environment variables,
//! then command-line flags. Unknown keys are errors, never silently ignored.

use crate::host;
use serde::{Deserialize, Serialize};
use std::net::IpAddr;
use std::path::PathBuf;

/// Who may be prompted at all (the tenant admin's setting).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PolicyMode {
    /// Everybody in the tenant.
    All,
    /// Only the users listed in `policy.group`.
    Group,
    /// Nobody: no prompt, and the widget says why.
    Off,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub mode: PolicyMode,
    #[serde(default)]
    pub group: Vec<String>,
}

/// Real deployments authenticate users themselves and pass the subject in a header;
/// it is believed only from these proxy addresses.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustedHeader {
    pub name: String,
    pub proxies: Vec<IpAddr>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub bind: IpAddr,
    pub port: u16,
    /// Where the SQLite ledger and the signing key live.
    pub data_dir: PathBuf,
    /// `postgres://...`: keep the ledger in PostgreSQL instead of SQLite, so several
    /// instances can share it.
    pub database_url: Option<String>,
    /// The demo page.
    pub www_dir: PathBuf,
    /// The widget package (wasm-pack output).
    pub pkg_dir: PathBuf,
    /// This backend's id: decision tokens must carry it as `aud`.
    pub audience: String,
    /// The ledger's origin line in checkpoints.
    pub origin: String,
    /// Demo mode: `POST /v1/session` signs in as a named demo user, and the policy can
    /// be switched over HTTP. Off whenever `trusted_header` is set, whatever this says
    /// (see [`Config::demo_enabled`]).
    pub demo: bool,
    /// `GET`/`POST /v1/admin/policy`, which lets anyone switch the tenant policy; when
    /// unset it follows `demo`, so it is never on by accident in production. Never on
    /// with a trusted header (see [`Config::admin_api_enabled`]).
    pub admin_api: Option<bool>,
    /// Demo sign-in and the policy switch are unauthenticated: the server refuses to
    /// start with either on a non-loopback `bind` unless this says it may.
    pub allow_demo_on_network: bool,
    /// Host names requests may name (`Host`), compared without the port and
    /// case-insensitively. Unset: the audience's host, plus the loopback names in demo
    /// mode (see [`Config::allowed_hosts`]). Closes DNS rebinding against a loopback
    /// demo.
    pub allowed_hosts: Option<Vec<String>>,
    /// Origins of host pages that may call the API from another origin, with
    /// credentials (`https://people.contoso.example`, exactly as browsers send
    /// `Origin`). Empty: none, and no CORS header is ever sent (see `crate::cors`).
    pub allowed_origins: Vec<String>,
    /// `__Host-` prefixed `Secure` session cookie. Unset: when the audience is
    /// `https:` (the server itself speaks plain HTTP behind a TLS terminator).
    pub secure_cookie: Option<bool>,
    /// SHA-256 (hex) of the bearer tokens that may read full ledger entries; the
    /// public sees leaf hashes only.
    pub auditor_tokens: Vec<String>,
    pub users: Vec<String>,
    pub policy: Policy,
    /// How long a challenge may be answered: a decision must be made (its `iat`, on
    /// the server's clock) between the challenge's issue and this long after.
    pub nonce_ttl_secs: u64,
    /// How long after its challenge expired a decision made in time may still be
    /// delivered (a widget that was offline re-sends it from its outbox): unused
    /// challenges are kept this long past expiry before they are swept. A demo
    /// session ends sooner (`session_ttl_secs`), and with it its challenges.
    pub delivery_grace_secs: u64,
    /// How long a demo session lasts; expired sessions and challenges are swept.
    pub session_ttl_secs: u64,
    /// How often expired sessions and challenges are deleted.
    pub sweep_interval_secs: u64,
    /// How far a decision's `iat` may fall outside the life of its challenge, either
    /// way: rounding, and widgets that still stamp `iat` from the device's clock.
    pub max_skew_secs: i64,
    /// Decisions waiting for the ledger writer at most; beyond that `POST
    /// /v1/decisions` answers `503` with `Retry-After` before any work.
    pub writer_queue: usize,
    /// Decisions and challenges per session and minute; sign-ins per address and minute.
    pub rate_per_minute: u32,
    /// Challenges per client address and minute (IPv6: per /64). Unset: ten sessions'
    /// worth, `10 × rate_per_minute`. Trusted proxies are not limited per address.
    pub address_rate_per_minute: Option<u32>,
    pub trusted_header: Option<TrustedHeader>,
    /// How long a connection may take to send a request's headers, and how long it may
    /// sit idle between requests, before it is closed (slow clients hold no slot).
    pub header_timeout_secs: u64,
    /// The most a request may take, body included, before it gets a `408`.
    pub request_timeout_secs: u64,
    /// Open connections at most; further ones are closed at once.
    pub max_connections: usize,
    /// Open connections per client address at most (IPv6: per /64), so one client
    /// cannot take every slot; trusted proxies count against `max_connections` only.
    pub max_connections_per_address: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind: IpAddr::from([127, 0, 0, 1]),
            port: 8080,
            data_dir: PathBuf::from("data"),
            database_url: None,
            www_dir: PathBuf::from("www"),
            pkg_dir: PathBuf::from("pkg"),
            audience: "http://127.0.0.1:8080".into(),
            origin: "consent.example/ledger".into(),
            demo: true,
            admin_api: None,
            allow_demo_on_network: false,
            allowed_hosts: None,
            allowed_origins: Vec::new(),
            secure_cookie: None,
            auditor_tokens: Vec::new(),
            users: ["megan", "adele", "alex", "lynne"]
                .map(String::from)
                .to_vec(),
            policy: Policy {
                mode: PolicyMode::All,
                group: vec!["megan".into(), "adele".into()],
            },
            nonce_ttl_secs: 3600,
            delivery_grace_secs: 7 * 24 * 3600,
            session_ttl_secs: 12 * 3600,
            sweep_interval_secs: 60,
            max_skew_secs: 300,
            writer_queue: 512,
            rate_per_minute: 120,
            address_rate_per_minute: None,
            trusted_header: None,
            header_timeout_secs: 20,
            request_timeout_secs: 15,
            max_connections: 1024,
            max_connections_per_address: 64,
        }
    }
}

impl Config {
    /// Reads `path` (TOML) over the defaults, then `CONSENT_*` environment variables.
    pub fn load(path: Option<&std::path::Path>) -> Result<Config, String> {
        let mut config = match path {
            Some(p) => {
                let text = std::fs::read_to_string(p)
                    .map_err(|e| format!("cannot read config file {}: {e}", p.display()))?;
                toml::from_str(&text).map_err(|e| format!("config file {}: {e}", p.display()))?
            }
            None => Config::default(),
        };
        config.apply_env(|k| std::env::var(k).ok())?;
        Ok(config)
    }

    /// `CONSENT_BIND`, `CONSENT_PORT` (or `PORT`), `CONSENT_DATA_DIR`,
    /// `CONSENT_DATABASE_URL`, `CONSENT_RATE_PER_MINUTE`,
    /// `CONSENT_ADDRESS_RATE_PER_MINUTE`, `CONSENT_WWW_DIR`, `CONSENT_PKG_DIR`,
    /// `CONSENT_AUDIENCE`, `CONSENT_POLICY` (all, group, off), `CONSENT_DEMO`,
    /// `CONSENT_ALLOW_DEMO_ON_NETWORK`, `CONSENT_SECURE_COOKIE` (true, false),
    /// `CONSENT_ALLOWED_HOSTS`, `CONSENT_ALLOWED_ORIGINS`, `CONSENT_AUDITOR_TOKEN_SHA256`,
    /// `CONSENT_TRUSTED_PROXIES` (comma-separated lists), `CONSENT_TRUSTED_HEADER`,
    /// `CONSENT_MAX_CONNECTIONS`, `CONSENT_MAX_CONNECTIONS_PER_ADDRESS`,
    /// `CONSENT_WRITER_QUEUE`.
    pub fn apply_env(&mut self, var: impl Fn(&str) -> Option<String>) -> Result<(), String> {
        fn parse<T: std::str::FromStr>(name: &str, v: String) -> Result<T, String> {
            v.parse().map_err(|_| format!("{name}={v:?} is not valid"))
        }
        fn list(v: &str) -> Vec<String> {
            v.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        }
        if let Some(v) = var("CONSENT_BIND") {
            self.bind = parse("CONSENT_BIND", v)?;
        }
        if let Some(v) = var("CONSENT_PORT").or_else(|| var("PORT")) {
            self.port = parse("CONSENT_PORT", v)?;
        }
        if let Some(v) = var("CONSENT_DATA_DIR") {
            self.data_dir = v.into();
        }
        if let Some(v) = var("CONSENT_DATABASE_URL") {
            self.database_url = Some(v);
        }
        if let Some(v) = var("CONSENT_WWW_DIR") {
            self.www_dir = v.into();
        }
        if let Some(v) = var("CONSENT_PKG_DIR") {
            self.pkg_dir = v.into();
        }
        if let Some(v) = var("CONSENT_RATE_PER_MINUTE") {
            self.rate_per_minute = parse("CONSENT_RATE_PER_MINUTE", v)?;
        }
        if let Some(v) = var("CONSENT_ADDRESS_RATE_PER_MINUTE") {
            self.address_rate_per_minute = Some(parse("CONSENT_ADDRESS_RATE_PER_MINUTE", v)?);
        }
        if let Some(v) = var("CONSENT_AUDIENCE") {
            self.audience = v;
        }
        if let Some(v) = var("CONSENT_POLICY") {
            self.policy.mode = match v.as_str() {
                "all" => PolicyMode::All,
                "group" => PolicyMode::Group,
                "off" => PolicyMode::Off,
                _ => return Err(format!("CONSENT_POLICY={v:?}: expected all, group or off")),
            };
        }
        if let Some(v) = var("CONSENT_DEMO") {
            self.demo = parse("CONSENT_DEMO", v)?;
        }
        if let Some(v) = var("CONSENT_ALLOW_DEMO_ON_NETWORK") {
            self.allow_demo_on_network = parse("CONSENT_ALLOW_DEMO_ON_NETWORK", v)?;
        }
        if let Some(v) = var("CONSENT_SECURE_COOKIE") {
            self.secure_cookie = Some(parse("CONSENT_SECURE_COOKIE", v)?);
        }
        if let Some(v) = var("CONSENT_ALLOWED_HOSTS") {
            self.allowed_hosts = Some(list(&v));
        }
        if let Some(v) = var("CONSENT_ALLOWED_ORIGINS") {
            self.allowed_origins = list(&v);
        }
        if let Some(v) = var("CONSENT_AUDITOR_TOKEN_SHA256") {
            self.auditor_tokens = list(&v);
        }
        if let Some(v) = var("CONSENT_MAX_CONNECTIONS") {
            self.max_connections = parse("CONSENT_MAX_CONNECTIONS", v)?;
        }
        if let Some(v) = var("CONSENT_MAX_CONNECTIONS_PER_ADDRESS") {
            self.max_connections_per_address = parse("CONSENT_MAX_CONNECTIONS_PER_ADDRESS", v)?;
        }
        if let Some(v) = var("CONSENT_WRITER_QUEUE") {
            self.writer_queue = parse("CONSENT_WRITER_QUEUE", v)?;
        }
        let header = var("CONSENT_TRUSTED_HEADER");
        let proxies = var("CONSENT_TRUSTED_PROXIES");
        if header.is_some() || proxies.is_some() {
            let (Some(name), Some(proxies)) = (header, proxies) else {
                return Err(
                    "CONSENT_TRUSTED_HEADER and CONSENT_TRUSTED_PROXIES go together".to_owned(),
                );
            };
            let proxies = list(&proxies)
                .into_iter()
                .map(|p| parse("CONSENT_TRUSTED_PROXIES", p))
                .collect::<Result<_, _>>()?;
            self.trusted_header = Some(TrustedHeader { name, proxies });
        }
        Ok(())
    }

    /// Demo sign-in: on when `demo` says so and no trusted header is configured, so a
    /// deployment that authenticates its users has no way around that.
    ///
    /// ```
    /// let mut c = consent_server::config::Config::default();
    /// assert!(c.demo_enabled());
    /// c.trusted_header = Some(consent_server::config::TrustedHeader {
    ///     name: "X-User".into(),
    ///     proxies: vec!["127.0.0.1".parse().unwrap()],
    /// });
    /// assert!(!c.demo_enabled() && !c.admin_api_enabled());
    /// ```
    pub fn demo_enabled(&self) -> bool {
        self.demo && self.trusted_header.is_none()
    }

    /// The unauthenticated policy switch: `admin_api`, else `demo`; never with a
    /// trusted header.
    pub fn admin_api_enabled(&self) -> bool {
        self.trusted_header.is_none() && self.admin_api.unwrap_or(self.demo)
    }

    /// Whether the session cookie is `__Host-` prefixed and `Secure`.
    pub fn secure_cookie(&self) -> bool {
        self.secure_cookie.unwrap_or_else(|| {
            self.audience
                .get(..8)
                .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
        })
    }

    /// Challenges per address and minute.
    pub fn address_rate_per_minute(&self) -> u32 {
        self.address_rate_per_minute
            .unwrap_or(self.rate_per_minute.saturating_mul(10))
    }

    /// The host names requests may name, normalised (lower case, no port, no
    /// brackets): `allowed_hosts` when set, else the audience's host and, in demo
    /// mode, the loopback names and the bind address.
    ///
    /// ```
    /// let c = consent_server::config::Config {
    ///     audience: "https://Consent.Contoso.example/".into(),
    ///     demo: false,
    ///     ..Default::default()
    /// };
    /// assert_eq!(c.allowed_hosts(), ["consent.contoso.example"]);
    /// ```
    pub fn allowed_hosts(&self) -> Vec<String> {
        if let Some(hosts) = &self.allowed_hosts {
            return hosts.iter().filter_map(|h| host::normalise(h)).collect();
        }
        let mut hosts: Vec<String> = host::of_url(&self.audience).into_iter().collect();
        if self.demo_enabled() || self.admin_api_enabled() {
            hosts.extend(["localhost", "127.0.0.1", "::1"].map(String::from));
            if !self.bind.is_unspecified() {
                hosts.push(self.bind.to_string());
            }
        }
        hosts.sort();
        hosts.dedup();
        hosts
    }

    /// Refuses settings that would be unsafe or meaningless, with a sentence for the
    /// operator saying what to change.
    pub fn validate(&self) -> Result<(), String> {
        let demo_surface = self.demo_enabled() || self.admin_api_enabled();
        if demo_surface && !self.bind.is_loopback() && !self.allow_demo_on_network {
            return Err(format!(
                "refusing to start in demo mode on {}, which is not a loopback address: \
                 demo sign-in and the policy switch are unauthenticated, so anyone who can \
                 reach it could sign in as any demo user. Put your own authentication in \
                 front (trusted_header, see \"Behind your own authentication\" in \
                 crates/consent-server/README.md), bind to 127.0.0.1, or, for a demo on a \
                 network you trust, set allow_demo_on_network = true \
                 (CONSENT_ALLOW_DEMO_ON_NETWORK=true, --allow-demo-on-network)",
                self.bind
            ));
        }
        if let Some(th) = &self.trusted_header {
            if self.admin_api == Some(true) {
                return Err(
                    "admin_api = true cannot be combined with trusted_header: the \
                            policy switch is unauthenticated; set the policy in the config \
                            file instead"
                        .to_owned(),
                );
            }
            if axum::http::HeaderName::from_bytes(th.name.as_bytes()).is_err() {
                return Err(format!(
                    "trusted_header.name {:?} is not a header name",
                    th.name
                ));
            }
            if th.proxies.is_empty() {
                return Err(
                    "trusted_header.proxies is empty: the header would be believed \
                            from nowhere; list the addresses of your authenticating proxies"
                        .to_owned(),
                );
            }
        }
        for hash in &self.auditor_tokens {
            if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(format!(
                    "auditor_tokens: {hash:?} is not a SHA-256 in hex (64 characters); \
                     compute it with: printf %s \"$TOKEN\" | sha256sum"
                ));
            }
        }
        if let Some(hosts) = &self.allowed_hosts {
            if let Some(bad) = hosts.iter().find(|h| host::normalise(h).is_none()) {
                return Err(format!("allowed_hosts: {bad:?} is not a host name"));
            }
        }
        if self.writer_queue == 0 {
            return Err("writer_queue is 0: no decision could ever be recorded; \
                        set it to at least 1 (the default is 512)"
                .to_owned());
        }
        crate::cors::HostOrigins::new(&self.allowed_origins)?;
        if self.allowed_hosts().is_empty() {
            return Err(format!(
                "no host would be allowed: the audience {:?} names no host; set \
                 allowed_hosts (CONSENT_ALLOWED_HOSTS) to the names clients use",
                self.audience
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_errors() {
        let err = toml::from_str::<Config>("prot = 80")
            .unwrap_err()
            .to_string();
        assert!(err.contains("prot"), "{err}");
    }

    #[test]
    fn env_overrides_the_file() {
        let mut c: Config =
            toml::from_str("port = 9000\n[policy]\nmode = \"group\"\ngroup = [\"a\"]").unwrap();
        c.apply_env(|k| (k == "PORT").then(|| "9100".to_string()))
            .unwrap();
        assert_eq!(c.port, 9100);
        assert_eq!(c.policy.mode, PolicyMode::Group);
        assert!(c
            .apply_env(|k| (k == "CONSENT_POLICY").then(|| "some".to_string()))
            .is_err());
    }

    #[test]
    fn deployment_settings_come_from_the_environment_too() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(name, _)| *name == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let mut c = Config::default();
        c.apply_env(env(&[
            ("CONSENT_DEMO", "false"),
            (
                "CONSENT_ALLOWED_HOSTS",
                "consent.contoso.example, people.contoso.example",
            ),
            ("CONSENT_AUDITOR_TOKEN_SHA256", "aa,bb"),
            (
                "CONSENT_ALLOWED_ORIGINS",
                "https://people.contoso.example, http://127.0.0.1:9400",
            ),
            ("CONSENT_TRUSTED_HEADER", "X-Authenticated-User"),
            ("CONSENT_TRUSTED_PROXIES", "10.0.0.5, 10.0.0.6"),
            ("CONSENT_MAX_CONNECTIONS_PER_ADDRESS", "8"),
            ("CONSENT_ADDRESS_RATE_PER_MINUTE", "30"),
            ("CONSENT_SECURE_COOKIE", "true"),
        ]))
        .unwrap();
        assert!(!c.demo && c.secure_cookie());
        assert_eq!(
            c.allowed_hosts(),
            ["consent.contoso.example", "people.contoso.example"]
        );
        assert_eq!(c.auditor_tokens, ["aa", "bb"]);
        assert_eq!(
            c.allowed_origins,
            ["https://people.contoso.example", "http://127.0.0.1:9400"]
        );
        let th = c.trusted_header.as_ref().unwrap();
        assert_eq!(th.name, "X-Authenticated-User");
        assert_eq!(th.proxies.len(), 2);
        assert_eq!(
            (c.max_connections_per_address, c.address_rate_per_minute()),
            (8, 30)
        );
        let err = Config::default()
            .apply_env(env(&[("CONSENT_TRUSTED_HEADER", "X-User")]))
            .unwrap_err();
        assert!(err.contains("CONSENT_TRUSTED_PROXIES"), "{err}");
    }

    #[test]
    fn the_per_address_allowance_defaults_to_ten_sessions() {
        let c = Config {
            rate_per_minute: 120,
            ..Config::default()
        };
        assert_eq!(c.address_rate_per_minute(), 1200);
        let c = Config {
            rate_per_minute: u32::MAX,
            ..Config::default()
        };
        assert_eq!(c.address_rate_per_minute(), u32::MAX);
    }
}
