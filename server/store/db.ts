// Opens the SQLite file and brings its schema up to date.
// Migrations are the files server/store/migrations/NNN_name.sql, applied in name order, each
// exactly once inside a transaction and recorded in schema_migrations. Other modules add their
// own numbered files (010–019 users, 020–029 reminders, …); this runner picks up every file.
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Db = Database.Database;

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_FILE = /^\d{3}_[\w-]+\.sql$/;

export interface Migration {
  name: string;
  sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => MIGRATION_FILE.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/** Applies the migrations not yet recorded; returns the names applied now. */
export function migrate(db: Db, migrations = listMigrations()): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  )`);
  const has = db.prepare('SELECT 1 FROM schema_migrations WHERE name = ?');
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  const applied: string[] = [];
  for (const m of migrations) {
    // IMMEDIATE takes the write lock first, so two processes opening the same new file at
    // once cannot both apply a migration: the second waits, then sees it recorded.
    db.transaction(() => {
      if (has.get(m.name)) return;
      db.exec(m.sql);
      record.run(m.name, new Date().toISOString());
      applied.push(m.name);
    }).immediate();
  }
  return applied;
}

/** Opens (creating if needed) the database file with WAL, foreign keys and a busy timeout, migrated. */
export function openDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  try {
    migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}
