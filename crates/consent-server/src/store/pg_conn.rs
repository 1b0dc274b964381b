//! PostgreSQL connections that outlive the database's restarts. A connection found
//! broken is dropped and the next use opens a new one; nothing is kept that a restart
//! invalidates, so the store needs no reconnect step of its own.
//!
//! Hand-written rather than a pool crate (`r2d2_postgres`): the writer needs one
//! connection pinned to its thread and the readers a handful of idle ones, and a pool's
//! checkout would block for its connection timeout while the database is down, where
//! the server must answer `503` at once. What a pool would add here is the two rules
//! below, in a few lines each.

use super::{StoreError, StoreResult};
use ::postgres::{Client, Config, NoTls, Transaction};
use std::sync::Mutex;
use std::time::Duration;

/// How long opening a connection may take when the URL sets no `connect_timeout`:
/// a database host that drops packets must not hold requests until they time out.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// The connection settings from `url`, with [`CONNECT_TIMEOUT`] unless it sets one.
pub(super) fn config(url: &str) -> StoreResult<Config> {
    let mut config: Config = url.parse()?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_TIMEOUT);
    }
    Ok(config)
}

fn open(config: &Config) -> StoreResult<Client> {
    Ok(config.connect(NoTls)?)
}

/// One connection, opened when needed and dropped once it fails for want of the
/// database ([`StoreError::Unavailable`]).
pub(super) struct Link {
    config: Config,
    client: Option<Client>,
}

impl Link {
    /// Connects now, so a wrong URL fails at start rather than at the first request.
    pub fn open(config: Config) -> StoreResult<Link> {
        let client = Some(open(&config)?);
        Ok(Link { config, client })
    }

    fn client(&mut self) -> StoreResult<&mut Client> {
        if self.client.is_none() {
            self.client = Some(open(&self.config)?);
        }
        self.client
            .as_mut()
            .ok_or(StoreError::Stopped("no connection"))
    }

    fn forget_if_broken<T>(&mut self, result: &StoreResult<T>) {
        if result.as_ref().is_err_and(StoreError::is_unavailable) {
            self.client = None;
        }
    }

    /// Runs `f` on the connection. Not retried: a statement cut off may have run.
    pub fn run<T>(&mut self, f: impl FnOnce(&mut Client) -> StoreResult<T>) -> StoreResult<T> {
        let result = f(self.client()?);
        self.forget_if_broken(&result);
        result
    }

    /// Runs `f` in a transaction it commits or drops. A connection that broke while
    /// idle (the database restarted since its last use) fails at `BEGIN`, before `f`
    /// did anything: that failure alone is tried again, once, on a new connection.
    pub fn in_transaction<T>(
        &mut self,
        f: impl FnOnce(Transaction<'_>) -> StoreResult<T>,
    ) -> StoreResult<T> {
        let mut may_retry = self.client.is_some();
        // Taken once: only a failed BEGIN goes round again, and then `f` never ran.
        let mut f = Some(f);
        loop {
            // Taken out for the transaction, put back unless it broke.
            let mut client = match self.client.take() {
                Some(client) => client,
                None => open(&self.config)?,
            };
            // `Ok` once begun: `f`'s result; `Err`: BEGIN failed, `f` never ran.
            let outcome = match client.transaction() {
                Ok(tx) => Ok(f
                    .take()
                    .map_or(Err(StoreError::Stopped("a transaction ran twice")), |f| {
                        f(tx)
                    })),
                Err(e) => Err(StoreError::from(e)),
            };
            match outcome {
                Ok(result) => {
                    if !result.as_ref().is_err_and(StoreError::is_unavailable) {
                        self.client = Some(client);
                    }
                    return result;
                }
                Err(e) if e.is_unavailable() && may_retry => may_retry = false,
                Err(e) => {
                    if !e.is_unavailable() {
                        self.client = Some(client);
                    }
                    return Err(e);
                }
            }
        }
    }

    /// The connection, for closing it off the async workers.
    pub fn take(&mut self) -> Option<Client> {
        self.client.take()
    }
}

/// Connections for reads, opened as readers need them and kept for the next.
pub(super) struct Readers {
    config: Config,
    idle: Mutex<Vec<Client>>,
}

/// Idle read connections kept; more are opened while more requests read at once.
const IDLE_READERS: usize = 4;

impl Readers {
    pub fn new(config: Config) -> Readers {
        Readers {
            config,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Runs `f` on a read connection of its own. A connection whose use failed is
    /// dropped rather than kept: it may be broken. An idle one that had broken (the
    /// database restarted) is replaced and `f` run again: reads change nothing.
    pub fn with<T>(&self, mut f: impl FnMut(&mut Client) -> StoreResult<T>) -> StoreResult<T> {
        if let Some(mut client) = self.pop() {
            match f(&mut client) {
                Ok(value) => {
                    self.keep(client);
                    return Ok(value);
                }
                Err(e) if !e.is_unavailable() => return Err(e),
                Err(_) => {}
            }
        }
        let mut client = open(&self.config)?;
        let value = f(&mut client)?;
        self.keep(client);
        Ok(value)
    }

    fn pop(&self) -> Option<Client> {
        self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop()
    }

    fn keep(&self, client: Client) {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < IDLE_READERS {
            idle.push(client);
        }
    }

    /// The idle connections, for closing them off the async workers.
    pub fn take(&self) -> Vec<Client> {
        std::mem::take(&mut *self.idle.lock().unwrap_or_else(|p| p.into_inner()))
    }
}
