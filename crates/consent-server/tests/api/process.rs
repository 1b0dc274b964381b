//! The real binary, ended from outside: SIGTERM ends it cleanly.

use crate::support::{binary, free_port, Backend, TestStore};
use std::process::Stdio;
use std::time::{Duration, Instant};

#[cfg(unix)]
#[tokio::test]
async fn the_binary_stops_cleanly_on_sigterm() {
    let store = TestStore::create(Backend::Sqlite).await;
    let port = free_port();
    let mut child = binary::command(port, &store.data_dir())
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    binary::wait_healthy(&format!("http://127.0.0.1:{port}")).await;
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let output = tokio::task::spawn_blocking(move || {
        let started = Instant::now();
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                let out = child.wait_with_output().unwrap();
                return (status, out, started.elapsed());
            }
            if started.elapsed() > Duration::from_secs(10) {
                let _ = child.kill();
                panic!("still running 10 s after SIGTERM");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    })
    .await
    .unwrap();
    let (status, out, _) = output;
    assert!(status.success(), "exit status {status}");
    let log =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(log.contains("shutting down"), "{log}");
}
