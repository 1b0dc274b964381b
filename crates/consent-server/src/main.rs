//! `consent-server`: the reference backend. See `--help`.

use clap::Parser;
use consent_server::config::Config;
use std::net::IpAddr;
use std::path::PathBuf;

/// Reference backend for the account-link consent widget: issues challenges, verifies
/// signed decisions, keeps them in a tamper-evident ledger and returns receipts.
///
/// Settings come from defaults, then --config, then CONSENT_* environment variables,
/// then these flags.
#[derive(Parser)]
#[command(version)]
struct Cli {
    /// TOML configuration file (see crates/consent-server/README.md).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Port to listen on [default: 8080; env PORT or CONSENT_PORT].
    #[arg(long)]
    port: Option<u16>,
    /// Address to listen on [default: 127.0.0.1].
    #[arg(long)]
    bind: Option<IpAddr>,
    /// Data directory: ledger database and keys [default: ./data].
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// The demo page directory [default: ./www].
    #[arg(long)]
    www: Option<PathBuf>,
    /// The widget package directory [default: ./pkg].
    #[arg(long)]
    pkg: Option<PathBuf>,
    /// Log as JSON lines instead of text.
    #[arg(long)]
    json_logs: bool,
    /// Allow demo mode (unauthenticated sign-in and policy switch) on a non-loopback
    /// --bind address [env CONSENT_ALLOW_DEMO_ON_NETWORK].
    #[arg(long)]
    allow_demo_on_network: bool,
}

#[tokio::main]
async fn main() {
    let cli = Cli::parse();
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,tower_http=warn".into());
    if cli.json_logs {
        tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter)
            .init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    if let Err(e) = run(cli).await {
        eprintln!("consent-server: {e}");
        std::process::exit(1);
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    let mut config = Config::load(cli.config.as_deref())?;
    if let Some(p) = cli.port {
        config.port = p;
    }
    if let Some(b) = cli.bind {
        config.bind = b;
    }
    if let Some(d) = cli.data_dir {
        config.data_dir = d;
    }
    if let Some(d) = cli.www {
        config.www_dir = d;
    }
    if let Some(d) = cli.pkg {
        config.pkg_dir = d;
    }
    if cli.allow_demo_on_network {
        config.allow_demo_on_network = true;
    }
    let audience_given = std::env::var_os("CONSENT_AUDIENCE").is_some()
        || config.audience != Config::default().audience;
    if !audience_given {
        // The widget is served from this server, so by default it is its own audience.
        config.audience = format!("http://{}:{}", config.bind, config.port);
    }
    let server = consent_server::start(config).await?;
    server.wait().await;
    Ok(())
}
