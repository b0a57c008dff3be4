-- One report per project and month. Investment figures may be NULL for rows of the
-- 拟新开工 / 储备 lists that report no investment.
CREATE TABLE reports (
  project_code  TEXT NOT NULL REFERENCES projects (code) ON UPDATE CASCADE ON DELETE CASCADE,
  period        TEXT NOT NULL,
  month_invest  REAL,
  ytd_invest    REAL,
  cum_invest    REAL,
  progress      REAL,
  progress_note TEXT,
  spent         REAL,
  stage         TEXT,
  actual_start  TEXT,
  actual_end    TEXT,
  approvals     TEXT,
  registered    INTEGER,
  problems      TEXT,
  needs         TEXT,
  submitted_at  TEXT NOT NULL,
  submitted_by  TEXT NOT NULL,
  PRIMARY KEY (project_code, period)
);
CREATE INDEX reports_by_period ON reports (period);
