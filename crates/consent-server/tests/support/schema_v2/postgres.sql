-- Frozen: the PostgreSQL schema as servers at schema version 2 created it, for the test
-- that such a database migrates. (Originally src/store/schema/postgres.sql.)
--
-- IF NOT EXISTS throughout: a database from before versioning gets only what it
-- lacks (the schema_version table) once its migration has run.

CREATE TABLE IF NOT EXISTS schema_version (
  id SMALLINT PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
);

-- Demo sign-ins; swept after session_ttl_secs. id is SHA-256 of the cookie
-- (base64url), so a copy of the database holds no usable session.
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

-- Challenges; swept once expired. session_id is the demo session, or header:<sub>.
CREATE TABLE IF NOT EXISTS nonces (
  nonce TEXT PRIMARY KEY,
  session_id TEXT NOT NULL,
  sub TEXT NOT NULL,
  notice_id TEXT NOT NULL,
  notice_ver BIGINT NOT NULL,
  notice_lang TEXT NOT NULL,
  notice_sha256 TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  used BOOLEAN NOT NULL DEFAULT FALSE
);

-- The Merkle tree's leaves, exactly as hashed; indices are gap-free.
CREATE TABLE IF NOT EXISTS ledger (
  idx BIGINT PRIMARY KEY,
  leaf TEXT NOT NULL,
  leaf_hash BYTEA NOT NULL
);

-- Roots of the tree's complete subtrees, so that a proof reads O(log n) hashes: node
-- (level, idx) covers leaves idx * 2^level up to (idx + 1) * 2^level. Level 0 is
-- ledger.leaf_hash and not repeated here. Written in the transaction of the leaf that
-- completes the subtree, never changed.
CREATE TABLE IF NOT EXISTS nodes (
  level SMALLINT NOT NULL,
  idx BIGINT NOT NULL,
  hash BYTEA NOT NULL,
  PRIMARY KEY (level, idx)
);

-- One row per recorded decision; receipt is kept so a re-sent token gets the same.
CREATE TABLE IF NOT EXISTS decisions (
  jti TEXT PRIMARY KEY,
  sub TEXT NOT NULL,
  choice TEXT NOT NULL,
  idx BIGINT NOT NULL UNIQUE REFERENCES ledger(idx),
  token TEXT NOT NULL,
  notice TEXT NOT NULL,
  received_at TEXT NOT NULL,
  receipt TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS decisions_sub ON decisions(sub, idx);

CREATE TABLE IF NOT EXISTS key_bindings (
  sub TEXT PRIMARY KEY,
  thumbprint TEXT NOT NULL,
  bound_at BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS key_changes (
  sub TEXT NOT NULL,
  old_thumbprint TEXT NOT NULL,
  new_thumbprint TEXT NOT NULL,
  changed_at BIGINT NOT NULL
);
