//! What every request handler shares, and who is asking.

use crate::config::{Config, Policy, PolicyMode};
use crate::problem::Problem;
use crate::signer::LedgerSigner;
use crate::store::Storage;
use axum::http::{HeaderMap, StatusCode};
use base64ct::{Base64UrlUnpadded, Encoding};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, RwLock};

pub const SESSION_COOKIE: &str = "alc_session";

pub struct AppState {
    pub config: Config,
    pub store: Arc<dyn Storage>,
    pub signer: Arc<LedgerSigner>,
    /// Keys the HMAC that turns user names into pseudonymous subject ids.
    subject_secret: [u8; 32],
    pub policy: RwLock<Policy>,
    /// Requests per session in the current minute: (minute, count).
    rate: Mutex<HashMap<String, (u64, u32)>>,
}

/// The person behind a request.
pub struct Identity {
    /// What nonces are bound to: the session, or the subject in trusted-header mode.
    pub session_id: String,
    pub user: String,
    /// Pseudonymous: never the user name itself.
    pub sub: String,
}

impl AppState {
    pub fn new(
        config: Config,
        store: Arc<dyn Storage>,
        signer: LedgerSigner,
        subject_secret: [u8; 32],
    ) -> Self {
        AppState {
            policy: RwLock::new(config.policy.clone()),
            config,
            store,
            signer: Arc::new(signer),
            subject_secret,
            rate: Mutex::default(),
        }
    }

    pub fn subject_of(&self, user: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.subject_secret)
            .expect("HMAC takes keys of any length");
        mac.update(user.as_bytes());
        Base64UrlUnpadded::encode_string(&mac.finalize().into_bytes())
    }

    /// Whether the tenant lets `user` be prompted: "enabled", "off" or "not_in_group".
    pub fn policy_for(&self, user: &str) -> &'static str {
        let policy = self.policy.read().unwrap_or_else(|p| p.into_inner());
        match policy.mode {
            PolicyMode::All => "enabled",
            PolicyMode::Off => "off",
            PolicyMode::Group if policy.group.iter().any(|u| u == user) => "enabled",
            PolicyMode::Group => "not_in_group",
        }
    }

    /// Who is asking: from the trusted header when configured and the peer is a
    /// trusted proxy, else from the demo session cookie.
    pub async fn identity(
        &self,
        headers: &HeaderMap,
        peer: SocketAddr,
    ) -> Result<Identity, Problem> {
        if let Some(th) = &self.config.trusted_header {
            if th.proxies.contains(&peer.ip()) {
                if let Some(user) = headers.get(&th.name).and_then(|v| v.to_str().ok()) {
                    let sub = self.subject_of(user);
                    return Ok(Identity {
                        session_id: format!("header:{sub}"),
                        user: user.to_owned(),
                        sub,
                    });
                }
            }
        }
        let unauthenticated = || {
            Problem::new(
                StatusCode::UNAUTHORIZED,
                "no-session",
                "Not signed in",
                "sign in first (POST /v1/session in the demo)",
            )
        };
        let session_id = cookie(headers, SESSION_COOKIE).ok_or_else(unauthenticated)?;
        let store = self.store.clone();
        let id = session_id.clone();
        let user = tokio::task::spawn_blocking(move || store.session_user(&id))
            .await
            .map_err(Problem::internal)?
            .map_err(Problem::internal)?
            .ok_or_else(unauthenticated)?;
        Ok(Identity {
            sub: self.subject_of(&user),
            session_id,
            user,
        })
    }

    /// Counts a request against the session's per-minute allowance.
    pub fn within_rate(&self, session_id: &str, now: u64) -> Result<(), Problem> {
        let minute = now / 60;
        let mut rate = self.rate.lock().unwrap_or_else(|p| p.into_inner());
        if rate.len() > 100_000 {
            rate.retain(|_, (m, _)| *m == minute);
        }
        let entry = rate.entry(session_id.to_owned()).or_insert((minute, 0));
        if entry.0 != minute {
            *entry = (minute, 0);
        }
        entry.1 += 1;
        if entry.1 > self.config.rate_per_minute {
            return Err(Problem::new(
                StatusCode::TOO_MANY_REQUESTS,
                "rate-limited",
                "Too many requests",
                "slow down and try again in a minute",
            ));
        }
        Ok(())
    }
}

fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

pub fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

pub fn random_b64(bytes: usize) -> String {
    use rand::RngCore;
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    Base64UrlUnpadded::encode_string(&buf)
}
