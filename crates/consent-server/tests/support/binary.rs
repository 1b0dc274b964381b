//! The real binary, for what only a separate process shows: how it ends on a signal.

use super::{sha256_hex, TestStore, AUDITOR_TOKEN};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The server binary on `port` with `data` as its data directory; not yet spawned.
pub fn command(port: u16, data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_consent-server"));
    cmd.args(["--port", &port.to_string(), "--data-dir"])
        .arg(data);
    cmd
}

/// Waits until `base` answers `/healthz`; fails the test after 20 s.
pub async fn wait_healthy(base: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if reqwest::get(format!("{base}/healthz"))
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not come up");
}

/// The binary on `port` over `store`, quiet, with the harness's audience and auditor
/// and no rate limit to speak of; running.
pub fn spawn(store: &TestStore, port: u16) -> Child {
    let mut cmd = command(port, &store.data_dir());
    cmd.env("CONSENT_AUDIENCE", "https://consent.test")
        .env("RUST_LOG", "error")
        .env("CONSENT_RATE_PER_MINUTE", "1000000")
        .env("CONSENT_AUDITOR_TOKEN_SHA256", sha256_hex(AUDITOR_TOKEN))
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(url) = store.database_url() {
        cmd.env("CONSENT_DATABASE_URL", url);
    }
    cmd.spawn().expect("the server binary starts")
}
