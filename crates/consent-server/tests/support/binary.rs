//! The real binary, for what only a separate process shows: how it ends on a signal.

use std::path::Path;
use std::process::Command;
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
