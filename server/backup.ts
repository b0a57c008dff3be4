// Online backup of the SQLite database (better-sqlite3's backup API: consistent while the
// service keeps running). The copy is written beside the target and renamed into place only
// once complete and checked, so a half-written file never looks like a backup.
import { renameSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Db } from './store/db';

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

export async function backupDb(db: Db, file: string): Promise<BackupResult> {
  const tmp = `${file}.part-${process.pid}`;
  try {
    const { totalPages } = await db.backup(tmp);
    // A backup is one self-contained file: rollback journal, not WAL with side files.
    const copy = new Database(tmp);
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`备份文件校验失败：${String(check)}`);
    } finally {
      copy.close();
    }
    renameSync(tmp, file);
    return { file, bytes: statSync(file).size, pages: totalPages };
  } catch (e) {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) rmSync(f, { force: true });
    throw e;
  }
}
