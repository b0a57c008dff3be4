-- A counter bumped by every change to a project's code, name or county (any connection, any
-- process): the bot's name index is rebuilt only when it moves, instead of re-reading every
-- project on every question. Updates that keep those three (monthly master-data saves) leave it.
CREATE TABLE project_revision (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n  INTEGER NOT NULL
);
INSERT INTO project_revision (id, n) VALUES (1, 0);
CREATE TRIGGER project_revision_insert AFTER INSERT ON projects
BEGIN UPDATE project_revision SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER project_revision_delete AFTER DELETE ON projects
BEGIN UPDATE project_revision SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER project_revision_update AFTER UPDATE OF code, name, county ON projects
WHEN OLD.code IS NOT NEW.code OR OLD.name IS NOT NEW.name OR OLD.county IS NOT NEW.county
BEGIN UPDATE project_revision SET n = n + 1 WHERE id = 1; END;
