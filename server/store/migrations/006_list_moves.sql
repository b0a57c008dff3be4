-- Rolling lists (储备 → 拟新开工 → 在建): each move with its month, for start/completion rates.
CREATE TABLE list_moves (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  project_code TEXT NOT NULL REFERENCES projects (code) ON UPDATE CASCADE ON DELETE CASCADE,
  from_list    TEXT,
  to_list      TEXT NOT NULL,
  period       TEXT NOT NULL,
  at           TEXT NOT NULL
);
CREATE INDEX list_moves_by_project ON list_moves (project_code);
CREATE INDEX list_moves_by_period ON list_moves (period);
