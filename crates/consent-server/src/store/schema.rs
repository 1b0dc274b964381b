//! Schema versions. Each database records the version of its schema in a one-row
//! `schema_version` table; a store prepares its database in one transaction on open:
//! it creates the schema in an empty database, migrates an older one step by step,
//! and refuses to open a database from a newer server rather than misread it.
//!
//! Version 0 is a database from before versioning: the same tables, no
//! `schema_version`, and in SQLite the session owner in `sessions.user` (now
//! `username`, as PostgreSQL always had it; `user` is reserved there).
//!
//! Version 2 adds `nodes`, the roots of the Merkle tree's complete subtrees; its
//! migration computes them for every leaf already in the ledger.
//!
//! Version 3 adds `signed_head`, the last tree head the server signed. The migration
//! stores [`TO_ADOPT`] there, since it has no key to sign with: the first start
//! adopts the tree it finds (after checking every leaf and node against each other)
//! and signs it. Written in the migration's transaction rather than left for that
//! start, so that a start killed between the two still finds it. It also gives
//! `key_changes` an `idx`: a key change is a ledger leaf from then on.
//!
//! Version 4 adds `used_nonces`: challenges are no longer stored when issued
//! (`crate::nonce`), only their answering. `nonces` stays, read for the challenges
//! an older server stored, until the sweeper has emptied it.

use super::{StoreError, StoreResult};

/// The schema this server writes (see `schema/*.sql`).
pub const CURRENT: i64 = 4;

/// The SQLite schema at [`CURRENT`].
pub const SQLITE: &str = include_str!("schema/sqlite.sql");

/// The PostgreSQL schema at [`CURRENT`]: the same tables and columns as [`SQLITE`].
pub const POSTGRES: &str = include_str!("schema/postgres.sql");

/// The head a migration to version 3 stores: no checkpoint, which tells the start-up
/// audit to adopt the tree it finds (`crate::ledger::audit`).
pub const TO_ADOPT: super::SignedHead = super::SignedHead {
    size: 0,
    root: [0; 32],
    checkpoint: String::new(),
    signed_at: 0,
};

/// What an existing database says about its schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// No tables at all: a new database.
    Empty,
    /// The ledger's tables without a `schema_version`: written before versioning.
    Unversioned,
    /// `schema_version` holds this.
    Version(i64),
}

/// What preparing a database takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plan {
    /// Run the schema and record [`CURRENT`].
    Create,
    /// Run each migration from `from` up to [`CURRENT`], then the schema (which adds
    /// what the migrations did not create), then record [`CURRENT`].
    Migrate { from: i64 },
    /// Already at [`CURRENT`]: nothing to do.
    Ready,
}

/// Decides what to do with a database in state `found`.
pub fn plan(found: Found) -> StoreResult<Plan> {
    match found {
        Found::Empty => Ok(Plan::Create),
        Found::Unversioned => Ok(Plan::Migrate { from: 0 }),
        Found::Version(CURRENT) => Ok(Plan::Ready),
        Found::Version(v) if v > CURRENT => Err(StoreError::SchemaTooNew {
            found: v,
            supported: CURRENT,
        }),
        // Versioning starts at 1: a smaller number was not written by any server.
        Found::Version(v) if v < 1 => Err(StoreError::Corrupt(format!(
            "schema_version holds {v}, which no server writes"
        ))),
        Found::Version(v) => Ok(Plan::Migrate { from: v }),
    }
}

/// The error for a migration step a backend has no SQL for: a bug (a version bump
/// without its migration), reported rather than skipped.
pub fn no_migration(from: i64) -> StoreError {
    StoreError::Corrupt(format!(
        "no migration from schema version {from} to {}",
        from + 1
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_has_a_plan() {
        assert_eq!(plan(Found::Empty).unwrap(), Plan::Create);
        assert_eq!(plan(Found::Unversioned).unwrap(), Plan::Migrate { from: 0 });
        assert_eq!(plan(Found::Version(CURRENT)).unwrap(), Plan::Ready);
        assert!(matches!(
            plan(Found::Version(0)),
            Err(StoreError::Corrupt(_))
        ));
    }

    #[test]
    fn a_newer_schema_is_refused_with_both_versions_named() {
        let err = plan(Found::Version(CURRENT + 1)).unwrap_err();
        assert!(matches!(err, StoreError::SchemaTooNew { .. }));
        let text = err.to_string();
        assert!(text.contains(&format!("version {}", CURRENT + 1)), "{text}");
        assert!(text.contains(&format!("up to {CURRENT}")), "{text}");
    }

    #[test]
    fn both_schemas_name_the_same_tables_and_columns() {
        // Types differ on purpose; names must not, so one query fits both.
        fn names(sql: &str) -> Vec<String> {
            sql.lines()
                .map(str::trim)
                .filter(|l| !l.starts_with("--") && !l.is_empty())
                .map(|l| {
                    l.split_whitespace()
                        .take(if l.starts_with("CREATE") { 6 } else { 1 })
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect()
        }
        assert_eq!(names(SQLITE), names(POSTGRES));
        assert!(SQLITE.contains("username TEXT NOT NULL"));
    }
}
