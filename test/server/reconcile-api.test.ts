// POST /api/v1/reconcile with a period gives the same report as `keyproj reconcile`: the two
// sources as uploaded files (or as figures), differences with names, SPEND_GAP of the stored
// month. The real service on 127.0.0.1, the demo city, real xlsx and csv files.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Period } from '../../core/types';
import { generateDemo } from '../../server/demo/generate';
import { reconcileFiles, type SourceFile } from '../../server/reconcile';
import { toCsv } from '../../server/xlsx/csv';
import { startTestServer, type TestServer } from './helpers/server';

const AS_OF = new Date('2026-07-20T02:00:00Z');
const PERIOD: Period = '2026-06';
let s: TestServer;
let stats: SourceFile;
let ndrc: SourceFile;
let planted: string[];
let gapCode: string;

async function xlsx(name: string, rows: unknown[][]): Promise<SourceFile> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  rows.forEach((r) => ws.addRow(r));
  return { name, data: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

const upload = (f: SourceFile) => ({ name: f.name, base64: Buffer.from(f.data).toString('base64') });

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', asOf: AS_OF });
  // Plant a spending gap: one June report whose spending is half its investment since the start.
  const june = generateDemo({ asOf: AS_OF, config: s.config }).submissions.filter((x) => x.period === PERIOD).flatMap((x) => x.rows);
  const row = june.find((r) => !!r.code && (r.cumInvest ?? 0) > 1000 && typeof r.spent === 'number')!;
  gapCode = row.code!;
  s.store.importLedger([{ ...row, spent: Math.round(row.cumInvest! * 0.5) }], PERIOD, 'test');
  const reported = s.store.projectStates(PERIOD).filter((x) => x.reports.some((r) => r.period === PERIOD));
  const figures = new Map(reported.map((x) => [x.project.code, x.reports.find((r) => r.period === PERIOD)!.monthInvest]));
  const other = new Map(figures);
  const codes = [...figures.keys()];
  planted = [codes[0], codes[1]];
  other.set(codes[0], figures.get(codes[0])! * 1.2 + 20); // over both the 5% and the 10万元 floor
  other.set(codes[1], Math.max(figures.get(codes[1])! * 1.06, figures.get(codes[1])! + 10.01));
  other.set(codes[2], figures.get(codes[2])! + 10); // within max(5%, 10万元): not a difference
  other.delete(codes[3]);
  stats = await xlsx('统计局.xlsx', [['项目代码', '本月完成投资（万元）'], ...figures]);
  ndrc = { name: '发改委.csv', data: new TextEncoder().encode(toCsv([['投资项目统一代码', '本月完成投资额(万元)'], ...other])) };
}, 120_000);
afterAll(async () => {
  await s?.close();
});

describe('POST /api/v1/reconcile with a period', () => {
  it('files uploaded → exactly the report keyproj reconcile makes of them, SPEND_GAP included', async () => {
    const r = await s.api('/api/v1/reconcile', { token: s.tokens.admin, body: { period: PERIOD, stats: upload(stats), ndrc: upload(ndrc) } });
    expect(r.status).toBe(200);
    const cli = await reconcileFiles(s.store, s.config, PERIOD, { stats, ndrc }, 'zh-CN');
    expect(r.body).toEqual(JSON.parse(JSON.stringify(cli)));
    expect(r.body.differences.map((d: any) => d.projectCode).sort()).toEqual([...planted].sort());
    expect(r.body.differences.every((d: any) => typeof d.name === 'string' && d.county)).toBe(true);
    expect(r.body.onlyInStats).toHaveLength(1);
    const gap = r.body.spendGaps.find((g: any) => g.projectCode === gapCode);
    expect(gap.message).toMatch(/累计财务支出/);
    expect(r.body.summary).toContain(`差异超过 max(5%, 10 万元) 的项目 2 个`);
  });

  it('figures given as JSON make the same comparison (and the same SPEND_GAP list)', async () => {
    const read = (f: SourceFile, header: number) => {
      const text = new TextDecoder().decode(f.data);
      return Object.fromEntries(text.split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(',')).map((c) => [c[0], Number(c[header])]));
    };
    const byFile = await s.api('/api/v1/reconcile', { token: s.tokens.admin, body: { period: PERIOD, stats: upload(stats), ndrc: upload(ndrc) } });
    const byJson = await s.api('/api/v1/reconcile', { token: s.tokens.admin, body: { period: PERIOD, stats: upload(stats), ndrc: read(ndrc, 1) } });
    expect(byJson.status).toBe(200);
    expect(byJson.body.differences).toEqual(byFile.body.differences);
    expect(byJson.body.spendGaps).toEqual(byFile.body.spendGaps);
    expect(byJson.body.sources.ndrc).toMatchObject({ file: 'ndrc', unit: '万元', problems: [] });
  });

  it('an unusable file, a bad period or a non-admin are refused with Chinese messages', async () => {
    const bad = await s.api('/api/v1/reconcile', { token: s.tokens.admin, body: { period: PERIOD, stats: { name: '统计局.xlsx', base64: Buffer.from('not a workbook').toString('base64') }, ndrc: upload(ndrc) } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('参数 stats 不正确：无法读取文件 统计局.xlsx');
    const noHeader = await s.api('/api/v1/reconcile', { token: s.tokens.admin, body: { period: PERIOD, stats: upload(stats), ndrc: upload({ name: 'x.csv', data: new TextEncoder().encode('a,b\n1,2\n') }) } });
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.error.message).toContain('找不到表头“项目代码”和“本月完成投资”');
    const noName = await s.api('/api/v1/reconcile', { token: s.tokens.admin, body: { period: PERIOD, stats: { base64: 'AA==' }, ndrc: upload(ndrc) } });
    expect(noName.status).toBe(400);
    expect(noName.body.error.message).toContain('参数 stats 不正确');
    const period = await s.api('/api/v1/reconcile', { token: s.tokens.admin, body: { period: '2026-13', stats: upload(stats), ndrc: upload(ndrc) } });
    expect(period.status).toBe(400);
    expect(period.body.error.message).toContain('period');
    const leader = await s.api('/api/v1/reconcile', { token: s.tokens.leader, body: { period: PERIOD, stats: upload(stats), ndrc: upload(ndrc) } });
    expect(leader.status).toBe(403);
  });
});
