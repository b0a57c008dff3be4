-- Audit log: every write, who and when, with the record before and after (JSON).
CREATE TABLE audit (
  id     INTEGER PRIMARY KEY AUTOINCREMENT,
  at     TEXT NOT NULL,
  actor  TEXT NOT NULL,
  entity TEXT NOT NULL,
  key    TEXT NOT NULL,
  action TEXT NOT NULL,
  before TEXT,
  after  TEXT
);
CREATE INDEX audit_by_entity ON audit (entity, key);
CREATE INDEX audit_by_at ON audit (at);
