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

pub mod app;
pub mod config;
pub mod es256;
pub mod problem;
pub mod routes;
pub mod signer;
pub mod state;
pub mod store;

use config::Config;
use signer::LedgerSigner;
use state::AppState;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use store::{PostgresStore, SqliteStore, Storage};
use tokio::sync::oneshot;

/// A running server.
pub struct Server {
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

/// Opens the data directory and the ledger, binds, and serves in the background.
pub async fn start(config: Config) -> Result<Server, String> {
    std::fs::create_dir_all(&config.data_dir).map_err(|e| {
        format!(
            "cannot create the data directory {}: {e}",
            config.data_dir.display()
        )
    })?;
    let probe = config.data_dir.join(".write-test");
    std::fs::File::create(&probe)
        .and_then(|mut f| f.write_all(b"ok"))
        .map_err(|e| {
            format!(
                "the data directory {} is not writable: {e}",
                config.data_dir.display()
            )
        })?;
    let _ = std::fs::remove_file(&probe);
    for (what, dir) in [("www", &config.www_dir), ("pkg", &config.pkg_dir)] {
        if !dir.is_dir() {
            tracing::warn!(
                "the {what} directory {} does not exist; it will answer 404",
                dir.display()
            );
        }
    }
    let store: Arc<dyn Storage> = match &config.database_url {
        Some(url) => {
            let url = url.clone();
            Arc::new(
                tokio::task::spawn_blocking(move || PostgresStore::connect(&url))
                    .await
                    .map_err(|e| e.to_string())??,
            )
        }
        None => Arc::new(SqliteStore::open(&config.data_dir.join("ledger.sqlite3"))?),
    };
    let signer = LedgerSigner::load_or_create(&config.data_dir, &config.origin)?;
    let secret = subject_secret(&config.data_dir)?;
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
    };
    let sweeper = tokio::spawn(sweep(
        store.clone(),
        Duration::from_secs(config.sweep_interval_secs.max(1)),
        config.session_ttl_secs,
    ));
    let state = Arc::new(AppState::new(config, store, signer, secret));
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

/// Challenges and demo sessions would otherwise pile up for ever: every sign-in and
/// every challenge stores a row.
async fn sweep(store: Arc<dyn Storage>, every: Duration, session_ttl_secs: u64) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let now = state::now_secs();
        let store = store.clone();
        let swept = tokio::task::spawn_blocking(move || {
            store.sweep(now, now.saturating_sub(session_ttl_secs))
        })
        .await;
        match swept {
            Ok(Ok(0)) => {}
            Ok(Ok(rows)) => tracing::debug!(rows, "expired sessions and challenges swept"),
            Ok(Err(e)) => tracing::warn!(%e, "sweeping expired sessions and challenges failed"),
            Err(e) => tracing::warn!(%e, "the sweeper stopped"),
        }
    }
}

struct Limits {
    header_timeout: Duration,
    max_connections: usize,
}

/// How long shutdown waits for requests in flight before giving up on them.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(30);

/// Accepts connections until `stop` fires, then lets the requests in flight finish
/// (their appends included) while idle connections are closed.
async fn serve(
    listener: tokio::net::TcpListener,
    app: axum::Router,
    limits: Limits,
    mut stop: oneshot::Receiver<()>,
) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let mut http = hyper::server::conn::http1::Builder::new();
    // Without a timer hyper applies no header-read timeout at all: a client trickling
    // header bytes, or idling between requests, would hold its connection forever.
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.max_connections));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    loop {
        let (stream, peer) = tokio::select! {
            _ = &mut stop => break,
            accepted = listener.accept() => match accepted {
                Ok(conn) => conn,
                Err(e) => {
                    // Out of file descriptors and the like: pause rather than spin.
                    tracing::warn!(%e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            tracing::warn!(%peer, "connection refused: {} open", limits.max_connections);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut request: hyper::Request<_>| {
            request
                .extensions_mut()
                .insert(axum::extract::ConnectInfo(peer));
            tower::ServiceExt::oneshot(app.clone(), request)
        });
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(%peer, %e, "connection ended with an error");
            }
            drop(slot);
        });
    }
    drop(listener);
    tokio::select! {
        _ = graceful.shutdown() => {}
        _ = tokio::time::sleep(DRAIN_TIMEOUT) => {
            tracing::warn!("requests still in flight after {DRAIN_TIMEOUT:?}; stopping anyway");
        }
    }
}

/// The HMAC key for subject ids, created once (mode 0600) so ids stay stable.
fn subject_secret(dir: &std::path::Path) -> Result<[u8; 32], String> {
    let path = dir.join("subject-secret");
    match std::fs::read(&path) {
        Ok(b) => b
            .try_into()
            .map_err(|_| format!("{} is not 32 bytes", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            use rand::RngCore;
            let mut secret = [0u8; 32];
            rand::rngs::OsRng.fill_bytes(&mut secret);
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            options
                .open(&path)
                .and_then(|mut f| f.write_all(&secret).and_then(|_| f.sync_all()))
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            Ok(secret)
        }
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
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
