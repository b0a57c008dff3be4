-- 问题清单: problems blocking projects, with their deadline (限时办结) and status.
CREATE TABLE problems (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  project_code TEXT NOT NULL REFERENCES projects (code) ON UPDATE CASCADE ON DELETE CASCADE,
  description  TEXT NOT NULL,
  unit         TEXT NOT NULL,
  found_on     TEXT NOT NULL, -- YYYY-MM-DD
  deadline     TEXT NOT NULL, -- YYYY-MM-DD
  status       TEXT NOT NULL DEFAULT '待解决' CHECK (status IN ('待解决', '解决中', '已解决', '已销号')),
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL
);
CREATE INDEX problems_by_project ON problems (project_code);
CREATE INDEX problems_by_status ON problems (status, deadline);
