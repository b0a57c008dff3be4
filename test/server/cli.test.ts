// The keyproj CLI run in-process through main(): validate, import (all or nothing, cross-month
// rules against the database), export, score and rank (SPEC §6 JSON shapes), argument errors.
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import { LEDGER } from '../../core/ledger';
import { scoreAll } from '../../core/score';
import { INDICATORS } from '../../core/types';
import { seedDemo } from '../../server/demo/seed';
import { main, type CommandDef } from '../../server/cli/main';
import type { CliIo } from '../../server/cli/args';
import { Store } from '../../server/store/store';
import { readLedgerFile } from '../../server/xlsx/read';
import { reserve, tempDir, toRaw, underConstruction, writeLedgerCsv, writeLedgerXlsx } from '../fixtures/ledger';

interface Run { code: number; out: string; err: string }
async function cli(args: string[], env: Record<string, string | undefined> = {}, extra: Partial<CliIo> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), env, ...extra });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = tempDir('keyproj-cli-');
const count = (db: string, table: string) => {
  const s = Store.open(db);
  try {
    return (s.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    s.close();
  }
};

describe('import and validate', () => {
  const db = join(dir, 'ledger.db');
  const jan = [underConstruction(1, 1), underConstruction(2, 1, { monthInvest: 300 }), reserve(1)];

  it('refuses a ledger with one bad row: nothing stored, the row\'s findings printed with cell addresses, exit 1', async () => {
    const bad = jan.map(toRaw);
    bad[1] = { ...bad[1], ytdInvest: 900, county: '北京区' }; // sheet row 3
    const file = await writeLedgerXlsx(join(dir, 'jan-bad.xlsx'), bad);
    const r = await cli(['import', file, '--period', '2026-01', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('第 3 行  2025-131102-48-01-000002 桃城区测试项目2');
    expect(r.out).toMatch(/✗ 错误 {2}第 3 行 C 列（县市区）：.*〔ENUM〕/);
    expect(r.out).toMatch(/✗ 错误 {2}第 3 行 S 列（本年累计完成投资）：.*〔YTD_MISMATCH〕/);
    expect(r.out).not.toMatch(/第 2 行.*〔(ENUM|YTD_MISMATCH)〕/);
    expect(r.err).toContain('有错误，未导入任何数据');
    expect(count(db, 'projects')).toBe(0);
    expect(count(db, 'reports')).toBe(0);
    expect(count(db, 'audit')).toBe(0);
  });

  it('imports the fixed ledger completely (exit 0): every row in the database, audited as the CLI user', async () => {
    const file = await writeLedgerXlsx(join(dir, 'jan.xlsx'), jan.map(toRaw));
    const r = await cli(['import', file, '--period', '2026-01', '--db', db], { KEYPROJ_ACTOR: 'tester' });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已导入 2026-01 台账 3 行：新增项目 3 个');
    const s = Store.open(db);
    try {
      expect(s.projects.list().map((p) => p.name).sort()).toEqual(['冀州区储备项目1', '桃城区测试项目1', '桃城区测试项目2']);
      expect(s.reports.get(jan[1].code!, '2026-01')).toMatchObject({ monthInvest: 300, ytdInvest: 300, submittedBy: 'cli:tester' });
      expect(s.audit.list({ entity: 'project' }).every((a) => a.actor === 'cli:tester')).toBe(true);
    } finally {
      s.close();
    }
  });

  it('checks the next month against the database: validate --db and import catch a year-to-date that does not add up', async () => {
    const febBad = [underConstruction(1, 2), underConstruction(2, 2, { monthInvest: 300, ytdInvest: 700 }), reserve(1)];
    const file = await writeLedgerXlsx(join(dir, 'feb-bad.xlsx'), febBad.map(toRaw));
    // Without the database the file is consistent in itself.
    const alone = await cli(['validate', file, '--period', '2026-02'], {});
    expect(alone.out).not.toContain('YTD_MISMATCH');
    const v = await cli(['validate', file, '--period', '2026-02', '--db', db]);
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/第 3 行 S 列（本年累计完成投资）：.*〔YTD_MISMATCH〕/);
    expect(v.out).toContain('已对照数据库');
    const imp = await cli(['import', file, '--period', '2026-02'], { KEYPROJ_DB: db });
    expect(imp.code).toBe(1);
    expect(count(db, 'reports')).toBe(3);
    const good = await writeLedgerXlsx(join(dir, 'feb.xlsx'), [underConstruction(1, 2), underConstruction(2, 2, { monthInvest: 300 }), reserve(1)].map(toRaw));
    const ok = await cli(['import', good, '--period', '2026-02', '--db', db]);
    expect(ok.code).toBe(0);
    expect(count(db, 'reports')).toBe(6);
  });

  it('prints exactly the SPEC §6 findings JSON with --json', async () => {
    const bad = { ...toRaw(underConstruction(5, 1)), phone: '12345', total: '-5' };
    const file = writeLedgerCsv(join(dir, 'json.csv'), [bad], { bom: true });
    const r = await cli(['validate', file, '--period', '2026-01', '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(['findings', 'errors', 'warnings']);
    expect(doc.errors).toBe(doc.findings.filter((f: { severity: string }) => f.severity === 'error').length);
    expect(doc.warnings).toBe(doc.findings.length - doc.errors);
    for (const f of doc.findings) expect(Object.keys(f)).toEqual(['rule', 'severity', 'row', 'column', 'projectCode', 'value', 'message']);
    expect(doc.findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ rule: 'NEGATIVE', severity: 'error', row: 2, column: 'total', projectCode: '2025-131102-48-01-000005', value: '-5' }),
      expect.objectContaining({ rule: 'PHONE', severity: 'warning', row: 2, column: 'phone', value: '12345' }),
    ]));
  });

  it('shows control characters typed into cells as � instead of sending them to the terminal', async () => {
    const bad = { ...toRaw(underConstruction(6, 1)), name: '项目\u001b[2J\u001b]0;pwned\u0007', total: '-5' };
    const file = writeLedgerCsv(join(dir, 'ansi.csv'), [bad]);
    const r = await cli(['validate', file, '--period', '2026-01']);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(/[\u001b\u0007]/);
    expect(r.out).toContain('项目\uFFFD[2J\uFFFD]0;pwned\uFFFD');
  });

  it('speaks English with --locale en', async () => {
    const bad = { ...toRaw(underConstruction(5, 1)), total: '-5' };
    const file = writeLedgerCsv(join(dir, 'en.csv'), [bad]);
    const r = await cli(['validate', file, '--period', '2026-01', '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ error {2}Row 2, column J \(Total investment\): .*〔NEGATIVE〕/);
    expect(r.out).toMatch(/Result: \d+ errors?, \d+ warnings?\./);
  });

  it('exits 2 for an unreadable file or bad arguments, with a Chinese message', async () => {
    const missing = await cli(['validate', join(dir, 'nope.xlsx'), '--period', '2026-01']);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.err).toMatch(/找不到文件/);
    const xls = await cli(['import', join(dir, 'old.xls'), '--period', '2026-01', '--db', join(dir, 'x.db')]);
    expect(xls.code).toBe(2);
    expect(xls.err).toContain('不支持旧版 .xls 格式');
    const noPeriod = await cli(['validate', join(dir, 'jan.xlsx')]);
    expect(noPeriod.code).toBe(2);
    expect(noPeriod.err).toContain('缺少 --period YYYY-MM');
    expect(noPeriod.err).toContain('用法：keyproj validate');
    const badOpt = await cli(['score', '--period', '2026-01', '--colour', 'red']);
    expect(badOpt.code).toBe(2);
    expect(badOpt.err).toMatch(/参数有误：.*--colour/);
    const noFile = await cli(['validate', '--period', '2026-01']);
    expect(noFile.code).toBe(2);
    expect(noFile.err).toContain('缺少台账文件');
    const noDb = await cli(['score', '--period', '2026-01', '--db', join(dir, 'absent', 'k.db')]);
    expect(noDb.code).toBe(2);
    expect(noDb.err).toMatch(/数据库文件 .*k\.db 不存在/);
    const help = await cli(['export', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('用法：keyproj export --period YYYY-MM');
  });

  it('shows a progress bar on a terminal for more than 300 rows, and stores them all', async () => {
    const rows = Array.from({ length: 301 }, (_, i) => toRaw(underConstruction(1000 + i, 1)));
    const file = await writeLedgerXlsx(join(dir, 'big.xlsx'), rows);
    const tty = Object.assign(new PassThrough(), { isTTY: true, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    let drawn = '';
    tty.on('data', (b: Buffer) => (drawn += b.toString()));
    const bigDb = join(dir, 'big.db');
    const r = await cli(['import', file, '--period', '2026-01', '--db', bigDb], {}, { progressStream: tty as unknown as NodeJS.WriteStream });
    expect(r.code).toBe(0);
    expect(drawn).toContain('导入中');
    expect(drawn).toContain('/301');
    expect(count(bigDb, 'reports')).toBe(301);
  });
});

describe('commands on the demo city', () => {
  const db = join(dir, 'demo.db');
  let store: Store;
  beforeAll(() => {
    store = Store.open(db);
    seedDemo(store, new Date('2026-11-20T02:00:00Z'));
  });
  afterAll(() => store.close());

  it('score --json has exactly the SPEC §6 shape and core\'s colours', async () => {
    const r = await cli(['score', '--period', '2026-10', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(['period', 'projects']);
    expect(doc.period).toBe('2026-10');
    expect(doc.projects).toHaveLength(370);
    for (const p of doc.projects) {
      expect(Object.keys(p)).toEqual(['projectCode', 'name', 'county', 'colour', 'reason', 'investmentRate', 'scheduleRate']);
      expect(['green', 'white', 'yellow', 'red', 'none']).toContain(p.colour);
    }
    const core = scoreAll(store.projectStates('2026-10'), '2026-10', DEFAULT_CONFIG);
    expect(doc.projects.map((p: { colour: string }) => p.colour)).toEqual(core.map((s) => s.colour));
    const one = await cli(['score', '--period', '2026-10', '--db', db, '--county', '滨湖新区']);
    expect(one.out).toContain('2026-10 项目四色评价 滨湖新区');
    expect(one.out).toContain('衡水湖生态修复工程');
    expect(one.out).not.toContain('桃城区');
  });

  it('rank --json has the SPEC §6 shape with escalations, plus commendations', async () => {
    const r = await cli(['rank', '--period', '2026-10', '--json'], { KEYPROJ_DB: db });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(['period', 'counties', 'escalations', 'commendations']);
    expect(doc.counties).toHaveLength(13);
    for (const c of doc.counties) {
      expect(Object.keys(c)).toEqual(['county', 'rank', 'score', 'indicators']);
      expect(Object.keys(c.indicators).sort()).toEqual([...INDICATORS].sort());
    }
    expect(doc.counties.map((c: { rank: number }) => c.rank)).toEqual([...doc.counties.map((c: { rank: number }) => c.rank)].sort((a, b) => a - b));
    expect(doc.escalations.length).toBeGreaterThan(0);
    for (const e of doc.escalations) {
      expect(Object.keys(e)).toEqual(['county', 'level', 'indicators', 'months']);
      expect([1, 2]).toContain(e.level);
    }
    expect(doc.commendations.commended).toHaveLength(7);
    const text = await cli(['rank', '--period', '2026-10', '--db', db]);
    expect(text.out).toContain('2026-10 县市区排名');
    expect(text.out).toMatch(/约谈（衡水规则）：\n {2}\S+：市(委常委会|政府常务会议)上说明/);
  });

  it('export writes the month for a county; a county not configured is refused', async () => {
    const out = join(dir, 'exp', 'binhu.xlsx');
    const r = await cli(['export', '--period', '2026-10', '--county', '濱湖新區', '--out', out, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已导出 2026-10 滨湖新区 台账 28 个项目');
    const back = await readLedgerFile(out);
    expect(back.rows).toHaveLength(28);
    expect(new Set(back.rows.map((x) => x.raw.county))).toEqual(new Set(['滨湖新区']));
    const bad = await cli(['export', '--period', '2026-10', '--county', '北京', '--out', out, '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--county：“北京”不是配置中的县市区');
  });
});

describe('dispatch', () => {
  it('lists the commands, refuses unknown ones, and names a command whose module is not there', async () => {
    const none = await cli([]);
    expect(none.code).toBe(2);
    for (const c of ['template', 'validate', 'import', 'export', 'score', 'rank', 'remind', 'bulletin', 'reconcile', 'user', 'backup']) expect(none.err).toContain(c);
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('未知命令“frobnicate”');
    const path = '../../server/cli/commands/' + 'ghost';
    const table: Record<string, CommandDef> = { ghost: { load: () => import(/* @vite-ignore */ path), summary: { 'zh-CN': '无', en: 'none' } } };
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['ghost'], { out: (s) => out.push(s), err: (s) => err.push(s), env: {} }, table);
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('命令“ghost”尚未安装');
  });

  it('template writes the §2 headers', async () => {
    const file = join(dir, 'tpl', 't.xlsx');
    const r = await cli(['template', '--out', file]);
    expect(r.code).toBe(0);
    const back = await readLedgerFile(file);
    expect(back.headerProblems).toEqual([]);
    expect(Object.keys(back.columns)).toEqual(LEDGER.map((c) => c.key));
    expect((await cli(['template', '--out', join(dir, 't.pdf')])).code).toBe(2);
  });
});
