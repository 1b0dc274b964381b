//! What every request handler shares, and who is asking.

use crate::config::{Config, Policy, PolicyMode};
use crate::problem::Problem;
use crate::rate::RateLimiter;
use crate::signer::LedgerSigner;
use crate::store::Storage;
use crate::subject::SubjectKey;
use axum::http::{HeaderMap, StatusCode};
use std::net::SocketAddr;
use std::sync::{Arc, RwLock};

pub const SESSION_COOKIE: &str = "alc_session";

/// The server's shared state: configuration, the store, the keys, the tenant policy
/// and the rate limiter. Handlers get it as `State<Arc<AppState>>`.
pub struct AppState {
    pub config: Config,
    pub store: Arc<dyn Storage>,
    pub signer: Arc<LedgerSigner>,
    /// Turns user names into pseudonymous subject ids.
    pub subjects: SubjectKey,
    /// Starts as configured; the demo's admin switch changes it at run time.
    pub policy: RwLock<Policy>,
    /// Challenges and decisions per session, sign-ins per address.
    pub rate: RateLimiter,
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
    /// The state for a server with `config`, keeping its ledger in `store`.
    pub fn new(
        config: Config,
        store: Arc<dyn Storage>,
        signer: LedgerSigner,
        subjects: SubjectKey,
    ) -> Self {
        AppState {
            policy: RwLock::new(config.policy.clone()),
            rate: RateLimiter::new(config.rate_per_minute),
            config,
            store,
            signer: Arc::new(signer),
            subjects,
        }
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
                    let sub = self.subjects.subject_of(user);
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
            sub: self.subjects.subject_of(&user),
            session_id,
            user,
        })
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
