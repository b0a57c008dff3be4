// Online backup while the service runs, restore by copying the file back, data read back;
// `keyproj user` administration.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as backup } from '../../server/cli/commands/backup';
import type { CliIo } from '../../server/cli/args';
import { run as user } from '../../server/cli/commands/user';
import { openDb } from '../../server/store/db';
import { Store } from '../../server/store/store';
import { Users } from '../../server/store/users';
import { fixtureRows } from './helpers/fixture';
import { startTestServer, type TestServer } from './helpers/server';

const dir = mkdtempSync(join(tmpdir(), 'keyproj-backup-'));
let s: TestServer;
beforeAll(async () => { s = await startTestServer(); });
afterAll(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

function io(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (x) => stdout.push(x), err: (x) => stderr.push(x), env: { KEYPROJ_DB: join(dir, 'unused.db') } };
}

describe('backup and restore', () => {
  it('backs up the live database and a restored copy has the same data', async () => {
    const r = await s.api('/api/v1/reports', { token: s.tokens.staff, body: { period: '2026-04', county: '桃城区', baseVersion: 0, rows: fixtureRows(4, '桃城区', { progressNote: '备份前提交' }) } });
    expect(r.status).toBe(200);
    const out = join(dir, 'keyproj-backup.db');
    const cli = io();
    expect(await backup(['--db', s.dbFile, '--out', out], cli)).toBe(0);
    expect(cli.stdout.join('\n')).toContain('完整性校验通过');
    expect(readdirSync(dir).filter((f) => f.includes('.part-'))).toEqual([]);

    // A change after the backup must not be in it.
    const later = await s.api('/api/v1/problems', { token: s.tokens.staff, body: { projectCode: '2025-131102-04-01-000101', description: '备份后才发现的问题', deadline: '2026-06-30' } });
    expect(later.status).toBe(201);

    // Restore: copy the backup over the service's database file (here: a new KEYPROJ_DB).
    const restoredPath = join(dir, 'restored', 'keyproj.db');
    const restoredDb = openDb(join(dir, 'restored', 'placeholder.db'));
    restoredDb.close();
    copyFileSync(out, restoredPath);
    const restored = new Store(openDb(restoredPath), { config: s.config });
    try {
      expect(restored.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(restored.projects.count()).toBe(s.store.projects.count());
      const april = restored.reports.forPeriod('2026-04');
      expect(april).toHaveLength(3);
      expect(april.every((x) => x.progressNote === '备份前提交')).toBe(true);
      expect(restored.ledgerVersion('桃城区', '2026-04')).toBe(1);
      expect(restored.problems.list().map((p) => p.description)).not.toContain('备份后才发现的问题');
      expect(new Users(restored.db).findByToken(s.tokens.staff)?.name).toBe('桃城区填报员');
    } finally {
      restored.close();
    }
  });

  it('refuses a missing database or a missing --out (exit 2), with a Chinese message', async () => {
    const a = io();
    expect(await backup(['--db', join(dir, 'nope.db'), '--out', join(dir, 'x.db')], a)).toBe(2);
    expect(a.stderr.join()).toContain('找不到数据库文件');
    expect(existsSync(join(dir, 'nope.db'))).toBe(false);
    const b = io();
    expect(await backup(['--db', s.dbFile], b)).toBe(2);
    expect(b.stderr.join()).toContain('--out');
  });
});

describe('keyproj user', () => {
  const db = () => join(dir, 'users.db');
  it('adds a user and prints a token once; the token authenticates, list shows no token', async () => {
    const a = io();
    expect(await user(['add', '--name', '张三', '--role', 'staff', '--county', '桃城区', '--aad', 'AAAAAAAA-0000-0000-0000-00000000000A', '--db', db()], a)).toBe(0);
    const token = a.stdout.join('\n').match(/kp_[A-Za-z0-9_-]{43}/)![0];
    const conn = openDb(db());
    try {
      const users = new Users(conn);
      expect(users.findByToken(token)).toMatchObject({ name: '张三', role: 'staff', county: '桃城区' });
      expect(users.findByAadObjectId('aaaaaaaa-0000-0000-0000-00000000000a')?.name).toBe('张三');
      const raw = JSON.stringify(conn.prepare('SELECT * FROM api_tokens').all());
      expect(raw).not.toContain(token);
    } finally {
      conn.close();
    }
    const l = io();
    expect(await user(['list', '--db', db(), '--json'], l)).toBe(0);
    const listed = JSON.parse(l.stdout[0]);
    expect(listed.users).toEqual([expect.objectContaining({ name: '张三', role: 'staff', tokenLastUsedAt: expect.any(String) })]);
    expect(l.stdout[0]).not.toContain('kp_');
  });

  it('a leader is linked to the 包联领导 name', async () => {
    const a = io();
    expect(await user(['add', '--name', '赵志刚', '--role', 'leader', '--db', db(), '--json'], a)).toBe(0);
    expect(JSON.parse(a.stdout[0]).user).toMatchObject({ role: 'leader', leaderName: '赵志刚' });
  });

  it.each([
    [['add', '--name', '李四', '--role', 'staff'], '必须指定所属县市区'],
    [['add', '--name', '李四', '--role', 'boss'], '不是有效角色'],
    [['add', '--name', '李四', '--role', 'staff', '--county', '北京'], '不是已配置的县市区'],
    [['add', '--name', '李四', '--role', 'viewer', '--aad', 'not-a-guid'], '不是 Entra ID 对象 ID'],
    [['add', '--name', '张三', '--role', 'viewer'], '已有名为“张三”的用户'],
    [['frobnicate'], '未知的子命令'],
    [['add', '--bogus'], '参数有误'],
  ])('rejects %j with a clear message (exit 2)', async (args, msg) => {
    const a = io();
    expect(await user([...args, '--db', db()], a)).toBe(2);
    expect(a.stderr.join('\n')).toContain(msg);
  });

  it('removes a user by name; their token stops working', async () => {
    const a = io();
    await user(['add', '--name', '王五', '--role', 'viewer', '--db', db()], a);
    const token = a.stdout.join('\n').match(/kp_\S+/)![0];
    const r = io();
    expect(await user(['remove', '王五', '--db', db()], r)).toBe(0);
    expect(r.stdout.join()).toContain('已删除用户 王五');
    const conn = openDb(db());
    try {
      expect(new Users(conn).findByToken(token)).toBeUndefined();
    } finally {
      conn.close();
    }
    const again = io();
    expect(await user(['remove', '王五', '--db', db()], again)).toBe(1);
    expect(again.stderr.join()).toContain('找不到用户');
  });
});

describe('through the keyproj binary', () => {
  it('user add → backup → the backup holds the user (child processes, as an administrator runs them)', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const db = join(dir, 'bin.db');
    const env = { ...process.env, KEYPROJ_DB: db };
    const added = JSON.parse(execFileSync(process.execPath, ['bin/keyproj.mjs', 'user', 'add', '--name', '市重点办', '--role', 'admin', '--json'], { cwd: root, env, encoding: 'utf8' }));
    expect(added.token).toMatch(/^kp_[A-Za-z0-9_-]{43}$/);
    const out = join(dir, 'bin-backup.db');
    const printed = execFileSync(process.execPath, ['bin/keyproj.mjs', 'backup', '--out', out], { cwd: root, env, encoding: 'utf8' });
    expect(printed).toContain('已备份');
    const conn = openDb(out);
    try {
      expect(new Users(conn).findByToken(added.token)?.role).toBe('admin');
    } finally {
      conn.close();
    }
  }, 60_000);
});
