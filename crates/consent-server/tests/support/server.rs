//! The server in this process on a loopback port, over a [`TestStore`]; stopped,
//! restarted or doubled on the same data as a scenario needs.

use super::{sha256_hex, Backend, Client, TestStore, AUDITOR_TOKEN};
use consent_server::config::Config;
use reqwest::StatusCode;
use std::net::SocketAddr;
use std::sync::Arc;

type Tweak = Box<dyn FnOnce(&mut Config)>;
type Setup = Box<dyn FnOnce(&TestStore)>;

/// What to start: [`TestServer::sqlite`], [`TestServer::postgres`] or
/// [`TestServer::on`].
pub struct Builder {
    backend: Backend,
    tweaks: Vec<Tweak>,
    files: Vec<(String, Vec<u8>)>,
    setups: Vec<Setup>,
}

impl Builder {
    /// Runs `setup` on the store before the server first opens it: an older
    /// server's database, a ledger filled in advance.
    pub fn with_store(mut self, setup: impl FnOnce(&TestStore) + 'static) -> Builder {
        self.setups.push(Box::new(setup));
        self
    }

    /// Changes the configuration after the harness has set its own (see
    /// [`TestServer::start`]), so a test may override any of it.
    pub fn with_config(mut self, tweak: impl FnOnce(&mut Config) + 'static) -> Builder {
        self.tweaks.push(Box::new(tweak));
        self
    }

    /// A file put in place before the server starts; `path` is relative to the
    /// store's root, e.g. `www/index.html`.
    pub fn with_file(mut self, path: &str, bytes: impl Into<Vec<u8>>) -> Builder {
        self.files.push((path.into(), bytes.into()));
        self
    }

    pub async fn start(self) -> TestServer {
        self.try_start().await.unwrap()
    }

    /// For the tests about start-up errors.
    pub async fn try_start(self) -> Result<TestServer, String> {
        let store = TestStore::create(self.backend).await;
        for (path, bytes) in &self.files {
            let path = store.root().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        for setup in self.setups {
            setup(&store);
        }
        let mut config = Config {
            port: 0,
            data_dir: store.data_dir(),
            database_url: store.database_url(),
            www_dir: store.root().join("www"),
            pkg_dir: store.root().join("pkg"),
            audience: "https://consent.test".into(),
            // Scenarios send far more than a person would, over hundreds of
            // connections at once; the tests of the limits set their own.
            rate_per_minute: 100_000,
            max_connections_per_address: 10_000,
            auditor_tokens: vec![sha256_hex(AUDITOR_TOKEN)],
            ..Config::default()
        };
        for tweak in self.tweaks {
            tweak(&mut config);
        }
        TestServer::launch(Arc::new(store), config).await
    }
}

pub struct TestServer {
    store: Arc<TestStore>,
    config: Config,
    running: Option<consent_server::Server>,
    /// Changes on every (re)start: the port is the system's pick each time.
    pub addr: SocketAddr,
    /// `http://` and [`TestServer::addr`].
    pub base: String,
}

impl TestServer {
    pub fn sqlite() -> Builder {
        TestServer::on(Backend::Sqlite)
    }

    pub fn postgres() -> Builder {
        TestServer::on(Backend::Postgres)
    }

    pub fn on(backend: Backend) -> Builder {
        Builder {
            backend,
            tweaks: Vec::new(),
            files: Vec::new(),
            setups: Vec::new(),
        }
    }

    async fn launch(store: Arc<TestStore>, config: Config) -> Result<TestServer, String> {
        let server = consent_server::start(config.clone()).await?;
        Ok(TestServer {
            store,
            config,
            addr: server.addr,
            base: format!("http://{}", server.addr),
            running: Some(server),
        })
    }

    pub fn store(&self) -> &TestStore {
        &self.store
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A browser that has not signed in.
    pub fn client(&self) -> Client {
        Client::new(&self.base)
    }

    /// A browser signed in as the demo user `user`.
    pub async fn signed_in(&self, user: &str) -> Client {
        let client = self.client();
        let res = client.sign_in(user).await;
        assert_eq!(res.status(), StatusCode::OK, "signing in as {user}");
        client
    }

    /// Stops gracefully (requests in flight finish); the store stays for reading or a
    /// restart.
    pub async fn stop(&mut self) {
        if let Some(server) = self.running.take() {
            server.stop().await;
        }
    }

    /// Starts stopping and returns at once, for watching the drain.
    pub fn stop_in_background(&mut self) -> tokio::task::JoinHandle<()> {
        let server = self.running.take().expect("the server is running");
        tokio::spawn(server.stop())
    }

    /// Stops (unless stopped already) and starts on the same data with the same
    /// configuration, on a new port: clients follow with [`Client::on`].
    pub async fn restart(&mut self) {
        self.restart_with(|_| {}).await;
    }

    /// [`TestServer::restart`] with the configuration changed first.
    pub async fn restart_with(&mut self, tweak: impl FnOnce(&mut Config)) {
        self.stop().await;
        let mut config = self.config.clone();
        tweak(&mut config);
        *self = TestServer::launch(self.store.clone(), config)
            .await
            .unwrap();
    }

    /// [`TestServer::restart`], but a server that refuses to start is an answer rather
    /// than a failed test: its error, and this one stays stopped.
    pub async fn try_restart(&mut self) -> Result<(), String> {
        self.stop().await;
        *self = TestServer::launch(self.store.clone(), self.config.clone()).await?;
        Ok(())
    }

    /// A second server sharing this one's data directory and database, as instances
    /// behind a load balancer do.
    pub async fn another_instance(&self) -> TestServer {
        TestServer::launch(self.store.clone(), self.config.clone())
            .await
            .unwrap()
    }
}
