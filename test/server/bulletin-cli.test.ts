import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { main } from '../../server/cli/main';
import { toCsv } from '../../server/xlsx/csv';
import { demoStore, type DemoStore } from './bulletin-demo';

const bulletin = (argv: string[], io: Parameters<typeof main>[1]) => main(['bulletin', ...argv], io);
const reconcile = (argv: string[], io: Parameters<typeof main>[1]) => main(['reconcile', ...argv], io);
const repo = fileURLToPath(new URL('../../', import.meta.url));

let demo: DemoStore;
let db: string;

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), env: { KEYPROJ_DB: '/nonexistent/keyproj.db' } as NodeJS.ProcessEnv } };
}

beforeAll(() => {
  demo = demoStore(new Date('2026-07-20T02:00:00Z'));
  db = join(demo.dir, 'keyproj.db');
}, 120_000);
afterAll(() => demo?.close());

describe('keyproj bulletin', () => {
  it('writes the bulletin for a month', async () => {
    const file = join(demo.dir, '通报.xlsx');
    const c = io();
    expect(await bulletin(['--period', '2026-06', '--out', file, '--db', db], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['全市概况', '县市区排名', '四色统计', '红黄项目', '约谈预警', '问题清单']);
    expect(wb.getWorksheet('全市概况')!.getCell(rowOf(wb.getWorksheet('全市概况')!, '重点项目（个）'), 2).value).toBe(demo.store.projectStates('2026-06').length);
  });

  it('explains bad arguments and a missing database in Chinese, exit 2', async () => {
    const a = io();
    expect(await bulletin(['--period', '2026-13', '--out', 'x.xlsx', '--db', db], a.io)).toBe(2);
    expect(a.err.join('\n')).toContain('不是月份，应为 YYYY-MM');
    const b = io();
    expect(await bulletin(['--period', '2026-06', '--out', 'x.xlsx'], b.io)).toBe(2);
    expect(b.err.join('\n')).toContain('数据库文件 /nonexistent/keyproj.db 不存在');
    const c = io();
    expect(await bulletin(['--period', '2026-06', '--db', db], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('缺少 --out');
  });
});

function rowOf(ws: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === text) return r;
  throw new Error(text);
}

describe('keyproj reconcile', () => {
  it('prints the differences as JSON and exits 1 when there are some, 0 when the sources agree', async () => {
    const states = demo.store.projectStates('2026-06').filter((s) => s.reports.some((r) => r.period === '2026-06'));
    const figures = states.map((s) => [s.project.code, s.reports.find((r) => r.period === '2026-06')!.monthInvest] as [string, number]);
    const stats = join(demo.dir, 'stats.csv');
    const ndrc = join(demo.dir, 'ndrc.csv');
    writeFileSync(stats, toCsv([['项目代码', '本月完成投资（万元）'], ...figures]));
    writeFileSync(ndrc, toCsv([['项目代码', '本月完成投资'], ...figures]));
    const same = io();
    expect(await reconcile(['--period', '2026-06', '--stats', stats, '--ndrc', ndrc, '--db', db], same.io)).toBe(0);
    expect(same.out[0]).toContain('差异超过 max(5%, 10 万元) 的项目 0 个');

    writeFileSync(ndrc, toCsv([['项目代码', '本月完成投资'], ...figures.map(([c, v], i) => [c, i === 0 ? v + 500 : v])]));
    const diff = io();
    expect(await reconcile(['--period', '2026-06', '--stats', stats, '--ndrc', ndrc, '--db', db, '--json'], diff.io)).toBe(1);
    const report = JSON.parse(diff.out.join('\n'));
    expect(report.differences.map((d: { projectCode: string }) => d.projectCode)).toEqual([figures[0][0]]);
    expect(report.differences[0].diff).toBe(-500);

    const text = io();
    expect(await reconcile(['--period', '2026-06', '--stats', stats, '--ndrc', ndrc, '--db', db], text.io)).toBe(1);
    expect(text.out.join('\n')).toContain(figures[0][0]);
  });

  it('exit 2 with a Chinese message when a file is missing or unusable', async () => {
    const bad = join(demo.dir, 'bad.csv');
    writeFileSync(bad, '名称,金额\r\na,1\r\n');
    const a = io();
    expect(await reconcile(['--period', '2026-06', '--stats', bad, '--ndrc', bad, '--db', db], a.io)).toBe(2);
    expect(a.err.join('\n')).toContain('找不到表头');
    const b = io();
    expect(await reconcile(['--period', '2026-06', '--stats', bad, '--db', db], b.io)).toBe(2);
    expect(b.err.join('\n')).toContain('缺少 --ndrc');
  });

  it('runs from the package bin as an administrator would', async () => {
    const file = join(demo.dir, 'bin.xlsx');
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/keyproj.mjs', 'bulletin', '--period', '2026-06', '--out', file, '--db', db], { cwd: repo });
    expect(stdout).toContain('2026-06 月度通报已生成');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as never);
    expect(wb.worksheets).toHaveLength(6);
  });
});
