//! Our own accept loop: `axum::serve` sets no header-read timeout and no cap on
//! connections.

use std::sync::Arc;
use std::time::Duration;
use tokio::sync::oneshot;

/// What one connection, and all of them together, may take.
pub struct Limits {
    /// How long a connection may take to send a request's headers, or idle between
    /// requests.
    pub header_timeout: Duration,
    /// Open connections at most; further ones are closed at once.
    pub max_connections: usize,
}

/// How long shutdown waits for requests in flight before giving up on them.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(30);

/// Accepts connections until `stop` fires, then lets the requests in flight finish
/// (their appends included) while idle connections are closed.
pub async fn serve(
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
