//! Configuration: defaults, then an optional TOML file, then environment variables,
//! then command-line flags. Unknown keys are errors, never silently ignored.

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
    /// be switched over HTTP.
    pub demo: bool,
    /// `GET`/`POST /v1/admin/policy`, which lets anyone switch the tenant policy; when
    /// unset it follows `demo`, so it is never on by accident in production.
    pub admin_api: Option<bool>,
    pub users: Vec<String>,
    pub policy: Policy,
    pub nonce_ttl_secs: u64,
    /// How long a demo session lasts; expired sessions and challenges are swept.
    pub session_ttl_secs: u64,
    /// How often expired sessions and challenges are deleted.
    pub sweep_interval_secs: u64,
    pub max_skew_secs: i64,
    /// Decisions and challenges per session and minute.
    pub rate_per_minute: u32,
    pub trusted_header: Option<TrustedHeader>,
    /// How long a connection may take to send a request's headers, and how long it may
    /// sit idle between requests, before it is closed (slow clients hold no slot).
    pub header_timeout_secs: u64,
    /// The most a request may take, body included, before it gets a `408`.
    pub request_timeout_secs: u64,
    /// Open connections at most; further ones are closed at once.
    pub max_connections: usize,
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
            users: ["megan", "adele", "alex", "lynne"]
                .map(String::from)
                .to_vec(),
            policy: Policy {
                mode: PolicyMode::All,
                group: vec!["megan".into(), "adele".into()],
            },
            nonce_ttl_secs: 3600,
            session_ttl_secs: 12 * 3600,
            sweep_interval_secs: 60,
            max_skew_secs: 300,
            rate_per_minute: 120,
            trusted_header: None,
            header_timeout_secs: 20,
            request_timeout_secs: 15,
            max_connections: 1024,
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
    /// `CONSENT_DATABASE_URL`, `CONSENT_RATE_PER_MINUTE`, `CONSENT_WWW_DIR`,
    /// `CONSENT_PKG_DIR`, `CONSENT_AUDIENCE`, `CONSENT_POLICY` (all, group, off).
    pub fn apply_env(&mut self, var: impl Fn(&str) -> Option<String>) -> Result<(), String> {
        fn parse<T: std::str::FromStr>(name: &str, v: String) -> Result<T, String> {
            v.parse().map_err(|_| format!("{name}={v:?} is not valid"))
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
}
