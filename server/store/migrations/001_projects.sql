-- Master data of every project on the three lists. Amounts in 万元, months as YYYY-MM.
CREATE TABLE projects (
  code          TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  county        TEXT NOT NULL,
  list          TEXT NOT NULL CHECK (list IN ('在建', '拟新开工', '储备')),
  level         TEXT NOT NULL,
  sector        TEXT NOT NULL,
  owner         TEXT NOT NULL,
  nature        TEXT,
  scope         TEXT,
  total         REAL NOT NULL,
  annual_plan   REAL NOT NULL,
  planned_start TEXT NOT NULL,
  planned_end   TEXT NOT NULL,
  leader        TEXT NOT NULL,
  unit          TEXT NOT NULL,
  contact       TEXT,
  phone         TEXT,
  actual_start  TEXT,
  actual_end    TEXT,
  stage         TEXT NOT NULL,
  approvals     TEXT NOT NULL DEFAULT '[]', -- JSON array
  registered    INTEGER,                    -- 0/1/NULL
  monthly_plan  TEXT,                       -- JSON {period: share}
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX projects_by_county ON projects (county, list);
CREATE INDEX projects_by_leader ON projects (leader);
