-- Optimistic concurrency: a county's ledger for a month has a version, bumped on every import.
CREATE TABLE ledger_versions (
  county     TEXT NOT NULL,
  period     TEXT NOT NULL,
  version    INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (county, period)
);
