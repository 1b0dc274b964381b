//! What every request handler shares.

use crate::config::{Config, Policy, PolicyMode};
use crate::ledger::LedgerSigner;
use crate::rate::RateLimiter;
use crate::store::Storage;
use crate::subject::SubjectKey;
use std::sync::{Arc, RwLock};

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

    /// Whether the tenant lets `user` be prompted.
    pub fn policy_for(&self, user: &str) -> consent_core::Policy {
        use consent_core::Policy;
        let policy = self.policy.read().unwrap_or_else(|p| p.into_inner());
        match policy.mode {
            PolicyMode::All => Policy::Enabled,
            PolicyMode::Off => Policy::Off,
            PolicyMode::Group if policy.group.iter().any(|u| u == user) => Policy::Enabled,
            PolicyMode::Group => Policy::NotInGroup,
        }
    }
}
