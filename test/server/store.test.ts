import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listMigrations, migrate, MIGRATIONS_DIR, openDb } from '../../server/store/db';
import { ProblemTransitionError } from '../../server/store/problems';
import { Store, VersionConflictError } from '../../server/store/store';
import { reserve, tempDir, underConstruction } from '../fixtures/ledger';

const opened: Store[] = [];
function newStore(): Store {
  const s = Store.open(join(tempDir(), 'sub', 'keyproj.db'));
  opened.push(s);
  return s;
}
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

describe('openDb', () => {
  it('creates the folder, applies every migration once, and re-opening is a no-op', () => {
    const file = join(tempDir(), 'a', 'b', 'k.db');
    const db = openDb(file);
    const names = (db.prepare('SELECT name FROM schema_migrations ORDER BY name').all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(listMigrations().map((m) => m.name));
    expect(names).toContain('001_projects.sql');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(migrate(db)).toEqual([]);
    db.close();
    const again = openDb(file);
    expect(again.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: names.length });
    again.close();
  });

  it('applies a new migration file on the next open, inside a transaction (a failing one leaves nothing)', () => {
    const dir = tempDir();
    const migDir = join(dir, 'migrations');
    mkdirSync(migDir);
    for (const m of listMigrations()) copyFileSync(join(MIGRATIONS_DIR, m.name), join(migDir, m.name));
    const db = new Database(join(dir, 'x.db'));
    expect(migrate(db, listMigrations(migDir)).length).toBe(listMigrations().length);
    writeFileSync(join(migDir, '990_extra.sql'), 'CREATE TABLE extra (id INTEGER); INSERT INTO extra VALUES (1);');
    writeFileSync(join(migDir, '991_broken.sql'), 'CREATE TABLE broken (id INTEGER); INSERT INTO nowhere VALUES (1);');
    expect(() => migrate(db, listMigrations(migDir))).toThrow(/nowhere/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM extra').get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'broken'").get()).toBeUndefined();
    expect(db.prepare("SELECT name FROM schema_migrations WHERE name LIKE '99%'").all()).toEqual([{ name: '990_extra.sql' }]);
    db.close();
  });

  it('enforces foreign keys: a report of an unknown project is refused', () => {
    const s = newStore();
    expect(() => s.db.prepare("INSERT INTO reports (project_code, period, submitted_at, submitted_by) VALUES ('nope', '2026-01', 'x', 'y')").run())
      .toThrow(/FOREIGN KEY/);
  });
});

describe('Store.importLedger', () => {
  it('stores master data and reports, audits each write with before/after, bumps the version', () => {
    const s = newStore();
    const rows = [underConstruction(1, 1), underConstruction(2, 1, { monthInvest: 800 })];
    const r = s.importLedger(rows, '2026-01', 'staff-1', { at: '2026-02-03T02:00:00.000Z' });
    expect(r).toMatchObject({ created: 2, updated: 0, reports: 2, versions: { 桃城区: 1 } });
    expect(s.projects.get(rows[1].code!)).toMatchObject({ name: '桃城区测试项目2', total: 60000, approvals: ['立项', '用地', '规划', '环评', '施工许可'], registered: true });
    expect(s.reports.get(rows[1].code!, '2026-01')).toMatchObject({ monthInvest: 800, ytdInvest: 800, submittedBy: 'staff-1', submittedAt: '2026-02-03T02:00:00.000Z' });

    const created = s.audit.list({ entity: 'project', key: rows[0].code! });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ actor: 'staff-1', action: 'create', before: null, at: '2026-02-03T02:00:00.000Z' });
    expect((created[0].after as { name: string }).name).toBe('桃城区测试项目1');

    // February: the report changes, the master data's annual plan changes for project 1.
    const feb = [underConstruction(1, 2, { annualPlan: 15000 }), underConstruction(2, 2, { monthInvest: 800 })];
    const r2 = s.importLedger(feb, '2026-02', 'staff-2');
    expect(r2).toMatchObject({ created: 0, updated: 1, reports: 2, versions: { 桃城区: 1 } });
    const upd = s.audit.list({ entity: 'project', key: rows[0].code! })[0];
    expect(upd).toMatchObject({ actor: 'staff-2', action: 'update' });
    expect((upd.before as { annualPlan: number }).annualPlan).toBe(12000);
    expect((upd.after as { annualPlan: number }).annualPlan).toBe(15000);

    // Re-submitting February replaces its reports (audited as update) and bumps the version.
    const r3 = s.importLedger([underConstruction(1, 2, { annualPlan: 15000, monthInvest: 600 })], '2026-02', 'staff-2');
    expect(r3.versions).toEqual({ 桃城区: 2 });
    const repAudit = s.audit.list({ entity: 'report', key: `${rows[0].code}@2026-02` });
    expect(repAudit.map((a) => a.action)).toEqual(['update', 'create']);
    expect((repAudit[0].before as { monthInvest: number }).monthInvest).toBe(500);
    expect((repAudit[0].after as { monthInvest: number }).monthInvest).toBe(600);
    expect(s.ledgerVersion('桃城区', '2026-02')).toBe(2);
  });

  it('is all or nothing: a failing row leaves no project, report, audit row or version behind', () => {
    const s = newStore();
    const bad = { ...underConstruction(2, 1), name: undefined } as never; // NOT NULL name violates the schema
    expect(() => s.importLedger([underConstruction(1, 1), bad], '2026-01', 'x')).toThrow();
    expect(s.projects.count()).toBe(0);
    expect(s.reports.count()).toBe(0);
    expect(s.audit.count()).toBe(0);
    expect(s.ledgerVersion('桃城区', '2026-01')).toBe(0);
  });

  it('refuses a stale base version, also when another connection (another process) wrote first', () => {
    const file = join(tempDir(), 'shared.db');
    const a = Store.open(file);
    const b = Store.open(file);
    opened.push(a, b);
    a.importLedger([underConstruction(1, 1)], '2026-01', 'a', { county: '桃城区', baseVersion: 0 });
    expect(() => b.importLedger([underConstruction(1, 1)], '2026-01', 'b', { county: '桃城区', baseVersion: 0 }))
      .toThrow(VersionConflictError);
    expect(b.ledgerVersion('桃城区', '2026-01')).toBe(1);
    expect(b.importLedger([underConstruction(1, 1)], '2026-01', 'b', { county: '桃城区', baseVersion: 1 }).versions).toEqual({ 桃城区: 2 });
    expect(a.audit.list({ entity: 'ledger_version', key: '桃城区@2026-01' }).map((x) => [x.actor, x.before, x.after])).toEqual([
      ['b', { version: 1 }, { version: 2 }],
      ['a', { version: 0 }, { version: 1 }],
    ]);
  });

  it('gives reserve rows without a code a temporary id, keeps it, and renames it when the code arrives', () => {
    const s = newStore();
    const r = s.importLedger([reserve(1), reserve(2)], '2026-01', 'a');
    expect(r.codes).toEqual(['TMP-131103-000001', 'TMP-131103-000002']);
    expect(s.audit.list({ entity: 'temp_code' }).map((x) => x.key)).toEqual(['TMP-131103-000002', 'TMP-131103-000001']);
    expect(s.importLedger([reserve(1)], '2026-02', 'a').codes).toEqual(['TMP-131103-000001']);
    const real = '2026-131103-48-01-000777';
    const r3 = s.importLedger([reserve(1, { code: real, list: '拟新开工', approvals: ['立项', '用地'] })], '2026-03', 'a');
    expect(r3.codes).toEqual([real]);
    expect(s.projects.get('TMP-131103-000001')).toBeUndefined();
    expect(s.reports.between([real], '2026-01', '2026-03').map((x) => x.period)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(s.listMoves().filter((m) => m.projectCode === real)).toEqual([
      { projectCode: real, from: null, to: '储备', period: '2026-01', reason: '首次填报，列入“储备”清单' },
      { projectCode: real, from: '储备', to: '拟新开工', period: '2026-03', reason: '台账填报为“拟新开工”' },
    ]);
    expect(s.audit.list({ entity: 'project', key: real })[0]).toMatchObject({ action: 'update' });
    expect(s.audit.list({ entity: 'project', key: real }).some((a) => a.action === 'rename')).toBe(true);
  });

  it('moves lists by core/lists: a ready reserve project to 拟新开工, a started new start to 在建, with the reason', () => {
    const s = newStore();
    const code = '2026-131103-48-01-000888';
    const ready = reserve(9, { code, plannedStart: '2026-09', approvals: ['立项', '用地', '规划', '环评'] });
    const r = s.importLedger([ready], '2026-05', 'a');
    expect(r.moves).toEqual([{ projectCode: code, from: null, to: '拟新开工', reason: expect.stringContaining('转入拟新开工清单') }]);
    expect(s.projects.get(code)!.list).toBe('拟新开工');
    const started = { ...ready, list: '拟新开工' as const, stage: '在建' as const, actualStart: '2026-06', monthInvest: 100, ytdInvest: 100, cumInvest: 100, progress: 1 };
    const r2 = s.importLedger([started], '2026-06', 'a');
    expect(r2.moves).toEqual([{ projectCode: code, from: '拟新开工', to: '在建', reason: '已于 2026-06 开工：转入在建清单' }]);
    expect(s.listMoves('2026-06')).toEqual([{ projectCode: code, from: '拟新开工', to: '在建', period: '2026-06', reason: '已于 2026-06 开工：转入在建清单' }]);
    expect(s.audit.list({ entity: 'list_move', key: code })[0]).toMatchObject({ before: { list: '拟新开工' }, after: { list: '在建', period: '2026-06' } });
  });

  it('creates a problem from new 存在问题 text, not again while the same text stays', () => {
    const s = newStore();
    const text = '征地拆迁未完成，影响二期施工';
    s.importLedger([underConstruction(1, 1, { problems: text })], '2026-01', 'a', { at: '2026-02-02T01:00:00.000Z' });
    s.importLedger([underConstruction(1, 2, { problems: text })], '2026-02', 'a', { at: '2026-03-02T01:00:00.000Z' });
    const list = s.problems.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ description: text, unit: '桃城区发改局', foundOn: '2026-02-02', deadline: '2026-03-04', status: '待解决', createdBy: 'a' });
    s.importLedger([underConstruction(1, 3, { problems: '环评批复未下达' })], '2026-03', 'a');
    expect(s.problems.list({ open: true }).map((p) => p.description)).toEqual([text, '环评批复未下达']);
    expect(s.problems.list({ county: '冀州区' })).toEqual([]);
  });
});

describe('Store reads', () => {
  it('projectStates gives each project its reports of the year up to the period; historyFor the months before', () => {
    const s = newStore();
    s.importLedger([underConstruction(1, 12, { monthInvest: 100 })], '2025-12', 'a');
    for (let m = 1; m <= 4; m++) s.importLedger([underConstruction(1, m), underConstruction(2, m)], `2026-0${m}`, 'a');
    s.importLedger([reserve(1)], '2026-03', 'a');
    const states = s.projectStates('2026-03');
    expect(states).toHaveLength(3);
    const one = states.find((x) => x.project.name === '桃城区测试项目1')!;
    expect(one.reports.map((r) => r.period)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(one.reports[2]).toMatchObject({ monthInvest: 500, ytdInvest: 1500 });
    const res = states.find((x) => x.project.list === '储备')!;
    expect(res.reports[0]).toMatchObject({ monthInvest: 0, ytdInvest: 0, cumInvest: 0, stage: '前期' });
    expect(s.projectStates('2026-03', '冀州区').map((x) => x.project.list)).toEqual(['储备']);

    const code = one.project.code;
    const h = s.historyFor([code, 'unknown'], '2026-03');
    expect(h.get(code)!.map((r) => r.period)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(h.get('unknown')).toEqual([]);
  });
});

describe('ProblemRepo', () => {
  it('validates status moves, keeps the history with who and when, and audits', () => {
    const s = newStore();
    s.importLedger([underConstruction(1, 1)], '2026-01', 'a');
    const p = s.problems.create({ projectCode: underConstruction(1, 1).code!, description: '用地指标不足', unit: '自然资源局', foundOn: '2026-02-01', deadline: '2026-03-01' }, { actor: 'lead', at: '2026-02-01T00:00:00Z' });
    expect(p.status).toBe('待解决');
    expect(() => s.problems.setStatus(p.id, '已销号', { actor: 'x' })).toThrow(ProblemTransitionError);
    s.problems.setStatus(p.id, '解决中', { actor: 'u1', at: '2026-02-10T00:00:00Z' }, '已对接');
    const done = s.problems.setStatus(p.id, '已解决', { actor: 'u2', at: '2026-02-20T00:00:00Z' });
    expect(done).toMatchObject({ status: '已解决', updatedBy: 'u2', updatedAt: '2026-02-20T00:00:00Z' });
    expect(s.problems.history(p.id)).toEqual([
      { at: '2026-02-01T00:00:00Z', actor: 'lead', from: null, to: '待解决' },
      { at: '2026-02-10T00:00:00Z', actor: 'u1', from: '待解决', to: '解决中', note: '已对接' },
      { at: '2026-02-20T00:00:00Z', actor: 'u2', from: '解决中', to: '已解决' },
    ]);
    const audit = s.audit.list({ entity: 'problem', key: String(p.id) });
    expect(audit.map((a) => a.action)).toEqual(['status', 'status', 'create']);
    expect((audit[0].before as { status: string }).status).toBe('解决中');
    expect((audit[0].after as { status: string }).status).toBe('已解决');
  });
});
