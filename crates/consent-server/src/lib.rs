//! The reference backend of the account-link consent widget: it issues challenges,
//! verifies signed decisions, keeps them in a tamper-evident ledger (RFC 9162 Merkle
//! tree, signed checkpoints) and answers with receipts.
//!
//! ```no_run
//! # async fn run() -> Result<(), String> {
//! let config = consent_server::config::Config::default();
//! let server = consent_server::start(config).await?;
//! println!("listening on {}", server.addr);
//! server.wait().await;
//! # Ok(()) }
//! ```

//!
//! How a request goes through the code: [`app`] routes it to a handler in
//! [`routes`]; [`identity::Identity`] says who is asking; store reads go through
//! [`blocking::blocking`]; a decision is verified by `consent_core::verify` (with
//! [`es256`]), then recorded by [`ledger`], which runs its checks and append in the
//! store's transaction ([`store`]); every error becomes a [`problem::Problem`].

pub mod accept;
pub mod address;
pub mod admission;
pub mod app;
pub mod assets;
pub mod auditor;
pub mod blocking;
pub mod config;
pub mod cookie;
pub mod cors;
pub mod datadir;
pub mod es256;
pub mod host;
pub mod identity;
pub mod ledger;
pub mod nonce;
pub mod notice_ref;
pub mod problem;
pub mod rate;
pub mod routes;
pub mod state;
pub mod store;
pub mod subject;
pub mod sweeper;
pub mod time;

use accept::{serve, Limits};
use config::Config;
use ledger::LedgerSigner;
use state::AppState;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use store::{PostgresStore, SqliteStore, Storage};
use subject::SubjectKey;
use sweeper::sweep;
use tokio::sync::oneshot;

/// A running server.
pub struct Server {
    /// Where it listens (with the actual port when `port` was 0).
    pub addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
    sweeper: tokio::task::JoinHandle<()>,
}

impl Server {
    /// Stops accepting connections, lets in-flight requests (and their appends) finish.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        let _ = self.task.await;
        // After the drain: nothing in flight can still need a row it would delete.
        self.sweeper.abort();
    }

    /// Runs until SIGINT or SIGTERM, then shuts down gracefully.
    pub async fn wait(self) {
        shutdown_signal().await;
        tracing::info!("shutting down; finishing requests in flight");
        self.stop().await;
    }
}

/// Checks the configuration, opens the data directory and the ledger, binds, and
/// serves in the background.
///
/// The error is a sentence for the operator (which setting, directory, port or
/// database and why); `main` prints it and exits.
pub async fn start(config: Config) -> Result<Server, String> {
    config.validate()?;
    datadir::prepare(&config.data_dir)?;
    for (what, dir) in [("www", &config.www_dir), ("pkg", &config.pkg_dir)] {
        if !dir.is_dir() {
            tracing::warn!(
                "the {what} directory {} does not exist; it will answer 404",
                dir.display()
            );
        }
    }
    let assets = assets::Assets::load(&config.pkg_dir)?.map(Arc::new);
    if assets.is_none() && config.pkg_dir.is_dir() {
        tracing::warn!(
            "{} has no hashed copies of the widget (build_widget in scripts/lib.sh makes them); \
             pages load the plain files, one import level at a time",
            config.pkg_dir.display()
        );
    }
    let store: Arc<dyn Storage> = match &config.database_url {
        Some(url) => {
            let url = url.clone();
            // The blocking client brings its own runtime, which must not start on an
            // async worker.
            let connected = tokio::task::spawn_blocking(move || PostgresStore::connect(&url))
                .await
                .map_err(|e| e.to_string())?;
            Arc::new(connected.map_err(|e| e.to_string())?)
        }
        None => {
            let path = config.data_dir.join("ledger.sqlite3");
            create_private(&path)?;
            Arc::new(SqliteStore::open(&path).map_err(|e| e.to_string())?)
        }
    };
    // Every notice this binary can show is kept before anyone is offered one.
    let publishing = store.clone();
    tokio::task::spawn_blocking(move || publishing.keep_published(time::now_secs()))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| format!("cannot keep the published notices: {e}"))?;
    let signer = Arc::new(LedgerSigner::load_or_create(
        &config.data_dir,
        &config.origin,
    )?);
    // Nothing is served from a ledger that was changed below the API.
    let (auditing, key) = (store.clone(), signer.clone());
    let started = std::time::Instant::now();
    let audited = tokio::task::spawn_blocking(move || ledger::audit(&*auditing, &key))
        .await
        .map_err(|e| e.to_string())??;
    tracing::info!(
        leaves = audited.size,
        adopted = audited.adopted,
        millis = started.elapsed().as_millis() as u64,
        "ledger audited: every leaf, node and decision row matches the last signed head"
    );
    store.sign_heads_with(signer.clone());
    let subjects = SubjectKey::load_or_create(&config.data_dir)?;
    datadir::tighten_files(&config.data_dir)?;
    let addr = SocketAddr::new(config.bind, config.port);
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            format!(
                "cannot listen on {addr}: the port is in use (pick another with --port or PORT)"
            )
        } else {
            format!("cannot listen on {addr}: {e}")
        }
    })?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let limits = Limits {
        header_timeout: Duration::from_secs(config.header_timeout_secs.max(1)),
        max_connections: config.max_connections.max(1),
        max_per_address: config.max_connections_per_address.max(1),
        shared: config
            .trusted_header
            .as_ref()
            .map(|th| th.proxies.clone())
            .unwrap_or_default(),
    };
    log_surface(&config);
    let sweeper = tokio::spawn(sweep(
        store.clone(),
        Duration::from_secs(config.sweep_interval_secs.max(1)),
        config.session_ttl_secs,
        config.delivery_grace_secs,
    ));
    let seen = ledger::LatestSeen::new(audited.latest);
    let mut state = AppState::new(config, store, signer, subjects, seen);
    state.assets = assets;
    let state = Arc::new(state);
    let app = app::router(state);
    let (tx, rx) = oneshot::channel::<()>();
    let task = tokio::spawn(serve(listener, app, limits, rx));
    tracing::info!(%addr, "listening");
    Ok(Server {
        addr,
        shutdown: Some(tx),
        task,
        sweeper,
    })
}

/// An empty database file, `0600`, when there is none: SQLite would create it with
/// the process's umask, and its `-wal` and `-shm` files take the database's mode.
fn create_private(path: &std::path::Path) -> Result<(), String> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(format!(
            "cannot create the database {}: {e}",
            path.display()
        )),
    }
}

/// Says at start what an operator must know about what is exposed.
fn log_surface(config: &Config) {
    if config.demo && config.trusted_header.is_some() {
        tracing::info!(
            "a trusted header is configured: demo sign-in and the policy switch are off"
        );
    }
    if (config.demo_enabled() || config.admin_api_enabled()) && !config.bind.is_loopback() {
        tracing::warn!(
            bind = %config.bind,
            "demo mode on the network (allow_demo_on_network): anyone who can connect may \
             sign in as any demo user and switch the policy"
        );
    }
    tracing::info!(hosts = ?config.allowed_hosts(), "answering for these Host names");
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
