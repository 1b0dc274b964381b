-- The SQLite schema, version 3 (see ../schema.rs). Same table and column names as
-- postgres.sql; the types differ on purpose: SQLite has INTEGER, BLOB and 0/1 where
-- PostgreSQL has BIGINT, BYTEA and BOOLEAN.
--
-- IF NOT EXISTS throughout: a database from before versioning gets only what it
-- lacks (the schema_version table) once its migration has run.

CREATE TABLE IF NOT EXISTS schema_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);

-- Demo sign-ins; swept after session_ttl_secs. id is SHA-256 of the cookie
-- (base64url), so a copy of the database holds no usable session.
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- Stateless challenges answered (their nonce's random id), so each is answered once;
-- swept with the delivery grace after they expire.
CREATE TABLE IF NOT EXISTS used_nonces (
  id TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
);

-- Challenges stored by servers before schema 4 (stateless nonces since): read so that
-- decisions signed on them still record, and swept once expired.
CREATE TABLE IF NOT EXISTS nonces (
  nonce TEXT PRIMARY KEY,
  session_id TEXT NOT NULL,
  sub TEXT NOT NULL,
  notice_id TEXT NOT NULL,
  notice_ver INTEGER NOT NULL,
  notice_lang TEXT NOT NULL,
  notice_sha256 TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  used INTEGER NOT NULL DEFAULT 0
);

-- The Merkle tree's leaves, exactly as hashed; indices are gap-free.
CREATE TABLE IF NOT EXISTS ledger (
  idx INTEGER PRIMARY KEY,
  leaf TEXT NOT NULL,
  leaf_hash BLOB NOT NULL
);

-- Roots of the tree's complete subtrees, so that a proof reads O(log n) hashes: node
-- (level, idx) covers leaves idx * 2^level up to (idx + 1) * 2^level. Level 0 is
-- ledger.leaf_hash and not repeated here. Written in the transaction of the leaf that
-- completes the subtree, never changed.
CREATE TABLE IF NOT EXISTS nodes (
  level INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  hash BLOB NOT NULL,
  PRIMARY KEY (level, idx)
);

-- One row per recorded decision; receipt is kept so a re-sent token gets the same.
CREATE TABLE IF NOT EXISTS decisions (
  jti TEXT PRIMARY KEY,
  sub TEXT NOT NULL,
  choice TEXT NOT NULL,
  idx INTEGER NOT NULL UNIQUE REFERENCES ledger(idx),
  token TEXT NOT NULL,
  notice TEXT NOT NULL,
  received_at TEXT NOT NULL,
  receipt TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS decisions_sub ON decisions(sub, idx);

CREATE TABLE IF NOT EXISTS key_bindings (
  sub TEXT PRIMARY KEY,
  thumbprint TEXT NOT NULL,
  bound_at INTEGER NOT NULL
);

-- A subject's device key changes. Since schema 3 each is also a ledger leaf
-- (idx; NULL for a change logged before, when it was only this row).
CREATE TABLE IF NOT EXISTS key_changes (
  sub TEXT NOT NULL,
  old_thumbprint TEXT NOT NULL,
  new_thumbprint TEXT NOT NULL,
  changed_at INTEGER NOT NULL,
  idx INTEGER UNIQUE REFERENCES ledger(idx)
);
CREATE INDEX IF NOT EXISTS key_changes_sub ON key_changes(sub);

-- The last tree head the server signed, rewritten in the transaction of every commit
-- that appends: on start the server recomputes the tree from the leaves and refuses to
-- run if it no longer matches. checkpoint is the signed note (C2SP tlog-checkpoint)
-- over size and root; signed_at is Unix seconds.
CREATE TABLE IF NOT EXISTS signed_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  size INTEGER NOT NULL,
  root BLOB NOT NULL,
  checkpoint TEXT NOT NULL,
  signed_at INTEGER NOT NULL
);
