//! A throwaway PostgreSQL cluster on loopback for one test: installed from Debian when
//! missing, started in a temporary directory, stopped (and deleted) on drop. When it
//! cannot be had, the test fails: nothing is skipped silently. A test may stop and
//! start it again on the same data and port, as an operator restarting the database.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct PgCluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    as_postgres: bool,
    /// The server options it starts with, the same on every start.
    options: String,
    pub url: String,
}

fn find_bin() -> Option<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists() && bin.join("pg_ctl").exists())
        .collect();
    versions.sort();
    versions.pop()
}

fn install() {
    let apt = |args: &[&str]| {
        Command::new("apt-get")
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status()
            .is_ok_and(|s| s.success())
    };
    if !apt(&["install", "-y", "--no-install-recommends", "postgresql"]) {
        apt(&["update", "-q"]);
        apt(&["install", "-y", "--no-install-recommends", "postgresql"]);
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

impl PgCluster {
    /// A cluster for tests: fsync off, since a test's durability is not what it checks.
    pub fn start() -> PgCluster {
        PgCluster::start_with("-c fsync=off")
    }

    /// A cluster that syncs its commits to disk, as a production one does: for
    /// benchmarks, whose figures would otherwise leave out what a commit costs.
    #[allow(dead_code)] // only the benchmarks use it
    pub fn start_durable() -> PgCluster {
        PgCluster::start_with("-c fsync=on -c synchronous_commit=on")
    }

    fn start_with(durability: &str) -> PgCluster {
        // Tests run in parallel threads; only one of them may run apt-get.
        static INSTALL: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let bin = {
            let _one_at_a_time = INSTALL.lock().unwrap_or_else(|p| p.into_inner());
            find_bin().or_else(|| {
                install();
                find_bin()
            })
        }
        .expect("PostgreSQL is neither installed nor installable from Debian");
        let dir = tempfile::tempdir().unwrap();
        // initdb refuses to run as root: run the cluster as the postgres user.
        let as_postgres = is_root();
        if as_postgres {
            run(Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir.path()));
        }
        let port = super::free_port();
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 {durability}",
            dir.path().display()
        );
        let cluster = PgCluster {
            url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
            dir,
            bin,
            as_postgres,
            options,
        };
        let data = cluster.data();
        cluster.pg(&[
            "initdb",
            "-D",
            &data,
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-sync",
        ]);
        cluster.start_again();
        cluster
    }

    /// Starts the stopped cluster on its data and port; returns once it accepts
    /// connections. Blocks.
    pub fn start_again(&self) {
        let log = self.dir.path().join("log").display().to_string();
        self.pg(&[
            "pg_ctl",
            "-D",
            &self.data(),
            "-l",
            &log,
            "-w",
            "-o",
            &self.options,
            "start",
        ]);
    }

    /// Stops the cluster as `pg_ctl stop -m fast` does (connections are ended, nothing
    /// committed is lost); returns once it is down. Blocks.
    pub fn stop(&self) {
        self.pg(&["pg_ctl", "-D", &self.data(), "-m", "fast", "-w", "stop"]);
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    /// One of the cluster's programs, run as the user that owns the cluster.
    fn tool(&self, name: &str) -> Command {
        let program = self.bin.join(name);
        let mut cmd = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&program);
            c
        } else {
            Command::new(&program)
        };
        cmd.current_dir(Path::new("/"));
        cmd
    }

    fn pg(&self, args: &[&str]) {
        run(self.tool(args[0]).args(&args[1..]));
    }
}

fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        let data = self.data();
        let _ = self
            .tool("pg_ctl")
            .args(["-D", &data, "-m", "immediate", "stop"])
            .output();
    }
}
