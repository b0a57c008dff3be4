// `keyproj backup --out FILE` — an online, consistent copy of the database (the service may keep
// running). Restore: stop the service, copy the file over KEYPROJ_DB, start it (docs/SERVICE.md).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { backupDb } from '../../backup';
import { loadConfig } from '../../config';
import { openDb } from '../../store/db';
import { processIo, type CliIo } from '../args';

export const USAGE = `用法：keyproj backup --out 备份文件.db [--db 数据库文件] [--json]
在服务运行时也可备份（SQLite 在线备份）。恢复：停止服务，把备份文件复制为 KEYPROJ_DB 指向的文件（并删除同名的 -wal、-shm 文件），再启动服务。`;

export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  let o;
  try {
    o = parseArgs({ args: argv, strict: true, options: { out: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, locale: { type: 'string' } } }).values;
  } catch (e) {
    io.err(`参数有误：${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (o.help) { io.out(USAGE); return 0; }
  if (!o.out) { io.err(`请用 --out 指定备份文件\n${USAGE}`); return 2; }
  let dbPath = o.db;
  if (!dbPath) {
    try { dbPath = loadConfig(io.env as NodeJS.ProcessEnv).dbPath; } catch (e) { io.err((e as Error).message); return 2; }
  }
  if (!existsSync(dbPath)) { io.err(`找不到数据库文件 ${dbPath}（--db 或 KEYPROJ_DB）`); return 2; }
  const db = openDb(dbPath);
  try {
    const r = await backupDb(db, o.out);
    if (o.json) io.out(JSON.stringify(r));
    else io.out(`已备份 ${dbPath} → ${r.file}（${(r.bytes / 1024 / 1024).toFixed(1)} MB，完整性校验通过）`);
    return 0;
  } catch (e) {
    io.err(`备份失败：${(e as Error).message}`);
    return 1;
  } finally {
    db.close();
  }
}
