//! What every request handler shares.

use crate::address::client_key;
use crate::admission::WriterSlots;
use crate::assets::Assets;
use crate::auditor::Auditors;
use crate::config::{Config, Policy, PolicyMode};
use crate::ledger::{LatestSeen, LedgerSigner};
use crate::nonce::NonceKey;
use crate::notice_ref::KeptVariants;
use crate::problem::Problem;
use crate::rate::RateLimiter;
use crate::store::Storage;
use crate::subject::SubjectKey;
use std::net::IpAddr;
use std::sync::{Arc, RwLock};

/// The server's shared state: configuration, the store, the keys, the tenant policy
/// and the rate limiters. Handlers get it as `State<Arc<AppState>>`.
pub struct AppState {
    pub config: Config,
    pub store: Arc<dyn Storage>,
    pub signer: Arc<LedgerSigner>,
    /// Turns user names into pseudonymous subject ids.
    pub subjects: SubjectKey,
    /// Issues and checks challenge nonces (derived from the subject secret).
    pub nonces: NonceKey,
    /// Starts as configured; the demo's admin switch changes it at run time.
    pub policy: RwLock<Policy>,
    /// Challenges and decisions per session, sign-ins per address.
    pub rate: RateLimiter,
    /// Challenges per address.
    pub address_rate: RateLimiter,
    /// Who may read full ledger entries.
    pub auditors: Auditors,
    /// Room in the ledger writer's queue (see `crate::admission`).
    pub writer_slots: WriterSlots,
    /// Each subject's latest decision this process knows (see `LatestSeen`).
    pub latest_seen: LatestSeen,
    /// Notices with a host's own link targets, kept already (see `KeptVariants`).
    pub kept_variants: KeptVariants,
    /// The widget's hashed copies, when the build made them (see `crate::assets`);
    /// loaded by `crate::start`, which can refuse a broken manifest before listening.
    pub assets: Option<Arc<Assets>>,
}

impl AppState {
    /// The state for a server with `config`, keeping its ledger in `store`.
    pub fn new(
        config: Config,
        store: Arc<dyn Storage>,
        signer: Arc<LedgerSigner>,
        subjects: SubjectKey,
        latest_seen: LatestSeen,
    ) -> Self {
        AppState {
            policy: RwLock::new(config.policy.clone()),
            rate: RateLimiter::new(config.rate_per_minute),
            address_rate: RateLimiter::new(config.address_rate_per_minute()),
            auditors: Auditors::new(&config.auditor_tokens),
            writer_slots: WriterSlots::new(config.writer_queue),
            nonces: NonceKey::derive(&subjects),
            config,
            store,
            signer,
            subjects,
            latest_seen,
            kept_variants: KeptVariants::default(),
            assets: None,
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

    /// Counts a request of `kind` (`sign-in`, `challenge`) from `peer` against its
    /// address's allowance in `limiter`. A trusted proxy speaks for many users, so it
    /// is never limited per address; its users are, per session.
    pub fn limit_address(
        &self,
        limiter: &RateLimiter,
        kind: &str,
        peer: IpAddr,
        now: u64,
    ) -> Result<(), Problem> {
        let proxy = self
            .config
            .trusted_header
            .as_ref()
            .is_some_and(|th| th.proxies.contains(&peer.to_canonical()));
        if proxy {
            return Ok(());
        }
        limiter.check(&format!("{kind}:{}", client_key(peer)), now)
    }
}
