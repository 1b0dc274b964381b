//! Our own accept loop: `axum::serve` sets no header-read timeout and no cap on
//! connections, in all or per client.

use crate::address::client_key;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::oneshot;

/// What one connection, and all of them together, may take.
pub struct Limits {
    /// How long a connection may take to send a request's headers, or idle between
    /// requests.
    pub header_timeout: Duration,
    /// Open connections at most; further ones are closed at once.
    pub max_connections: usize,
    /// Open connections per client address (see [`client_key`]) at most; further ones
    /// from that address are closed at once, so one client cannot take every slot.
    pub max_per_address: usize,
    /// Addresses that carry many clients' connections (the trusted proxies): only
    /// `max_connections` applies to them.
    pub shared: Vec<IpAddr>,
}

/// Open connections per client address.
struct PerAddress {
    limit: usize,
    open: Mutex<HashMap<IpAddr, usize>>,
}

/// One connection's place in [`PerAddress`], given back when dropped.
struct AddressSlot {
    table: Arc<PerAddress>,
    key: IpAddr,
}

impl PerAddress {
    fn take(table: &Arc<PerAddress>, ip: IpAddr) -> Option<AddressSlot> {
        let key = client_key(ip);
        let mut open = table.open.lock().unwrap_or_else(|p| p.into_inner());
        let count = open.entry(key).or_insert(0);
        if *count >= table.limit {
            return None;
        }
        *count += 1;
        Some(AddressSlot {
            table: table.clone(),
            key,
        })
    }
}

impl Drop for AddressSlot {
    fn drop(&mut self) {
        let mut open = self.table.open.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(count) = open.get_mut(&self.key) {
            *count -= 1;
            // Forget idle addresses, so the table holds only clients now connected.
            if *count == 0 {
                open.remove(&self.key);
            }
        }
    }
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
    let per_address = Arc::new(PerAddress {
        limit: limits.max_per_address,
        open: Mutex::default(),
    });
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
        // Per address first: a client over its own share must not also use up one
        // of everybody's slots, even for a moment.
        // A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d.
        let address_slot = if limits.shared.contains(&peer.ip().to_canonical()) {
            None
        } else {
            match PerAddress::take(&per_address, peer.ip()) {
                Some(slot) => Some(slot),
                None => {
                    tracing::warn!(
                        %peer,
                        "connection refused: {} open from this address",
                        limits.max_per_address
                    );
                    continue;
                }
            }
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
            drop(address_slot);
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
