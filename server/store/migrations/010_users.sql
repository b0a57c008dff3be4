-- Users of the service and their API tokens (stored as sha256 hashes only).
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'leader', 'viewer')),
  county        TEXT,
  leader_name   TEXT,
  aad_object_id TEXT UNIQUE,
  created_at    TEXT NOT NULL,
  CHECK (role <> 'staff' OR county IS NOT NULL)
);
CREATE UNIQUE INDEX users_name ON users(name);

CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash   TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL,
  last_used_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);
