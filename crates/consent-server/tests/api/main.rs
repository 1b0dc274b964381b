//! The backend over real HTTP on loopback, with tokens signed natively the way the
//! widget signs them in the browser. One test binary, so the server and the harness are
//! linked once rather than once per file.

#[path = "../support/mod.rs"]
mod support;

/// Each scenario `async fn name(backend: Backend)`, once per storage backend: as
/// `module::sqlite::name` and `module::postgres::name`.
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $( #[tokio::test] async fn $name() { super::$name(crate::support::Backend::Sqlite).await } )*
        }
        mod postgres {
            $( #[tokio::test] async fn $name() { super::$name(crate::support::Backend::Postgres).await } )*
        }
    };
}

mod challenges;
mod chaos;
mod connections;
mod cors;
mod decisions;
mod delivery;
mod deployment;
mod frame;
mod hashed_assets;
mod ledger;
mod ledger_privacy;
mod limits;
mod notices;
mod pg_restart;
mod policy;
mod process;
mod proofs;
mod proofs_under_load;
mod refusals;
mod session_cookie;
mod sessions;
mod static_files;
mod sweep;
mod tamper;
