import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DEFAULT_CONFIG } from '../../core/config';
import type { LedgerValues, Period } from '../../core/types';
import { readSource, ReconcileInputError, reconcileFiles, type SourceFile } from '../../server/reconcile';
import { toCsv } from '../../server/xlsx/csv';
import { demoStore, type DemoStore } from './bulletin-demo';

const config = DEFAULT_CONFIG;
const PERIOD: Period = '2026-06';
let demo: DemoStore;

async function xlsx(name: string, rows: unknown[][]): Promise<SourceFile> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  rows.forEach((r) => ws.addRow(r));
  return { name, data: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

/** GBK-encoded CSV, as Chinese Excel saves "CSV (逗号分隔)". */
function gbkCsv(name: string, rows: unknown[][]): SourceFile {
  const text = toCsv(rows).replace(/^\uFEFF/, '');
  // Node decodes GBK but does not encode it: build the bytes from the decoder's table.
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) {
    const ch = dec.decode(new Uint8Array([hi, lo]));
    if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...table.get(ch)!);
  }
  return { name, data: new Uint8Array(bytes) };
}

beforeAll(() => {
  demo = demoStore(new Date('2026-07-20T02:00:00Z'));
}, 120_000);
afterAll(() => demo?.close());

describe('reconciliation of two files', () => {
  it('finds every planted difference and nothing else', async () => {
    const states = demo.store.projectStates(PERIOD).filter((s) => s.reports.some((r) => r.period === PERIOD));
    expect(states.length).toBeGreaterThan(20);
    const stats = new Map(states.map((s) => [s.project.code, s.reports.find((r) => r.period === PERIOD)!.monthInvest]));
    const ndrc = new Map(stats);
    const codes = [...stats.keys()];
    // Planted pairs (stats, ndrc). The threshold is max(5% of the larger figure, 10万元).
    const plant = (i: number, a: number, b: number) => {
      stats.set(codes[i], a);
      ndrc.set(codes[i], b);
      return codes[i];
    };
    const over = [
      plant(0, 1900, 2000.01), //   5% rule: 100.01 > 100.0005
      plant(1, 2000.01, 1900), //   the same, the other way round
      plant(2, 50, 60.01), //       10万元 rule: 10.01 > 10
      plant(3, 0, 10.01), //        nothing reported on one side
      plant(4, 123456.78, 100000), // far off
    ];
    const atOrUnder = [
      plant(5, 1900, 2000), //      exactly 5% of the larger figure: not a difference
      plant(6, 50, 60), //          exactly 10万元: not a difference
      plant(7, 0, 10), //           exactly 10万元 from nothing
      plant(8, 3000, 2850.01), //   just under 5%
    ];
    const onlyStats = [codes[9], codes[10]];
    for (const c of onlyStats) ndrc.delete(c);
    const onlyNdrc = '2026-131102-04-01-999999';
    ndrc.set(onlyNdrc, 88);
    // An unreadable cell: reported with its row, listed as not comparable, never taken as 0.
    const unreadable = codes[11];

    const statsFile = await xlsx('统计局6月.xlsx', [
      ['衡水市重点项目统计数据（2026年6月）'],
      ['序号', '项目代码', '项目名称', '本月完成投资（万元）'],
      ...[...stats].map(([code, v], i) => [i + 1, code, 'x', code === unreadable ? '待核实' : v]),
      [],
    ]);
    const ndrcFile = gbkCsv('发改委平台.csv', [
      ['投资项目统一代码', '本月完成投资额(万元)', '备注'],
      ...[...ndrc].map(([code, v]) => [code, v.toLocaleString('en-US', { maximumFractionDigits: 2 }), '']),
    ]);
    const report = await reconcileFiles(demo.store, config, PERIOD, { stats: statsFile, ndrc: ndrcFile }, 'zh-CN');

    expect(report.differences.map((d) => d.projectCode).sort()).toEqual([...over].sort());
    for (const c of atOrUnder) expect(report.differences.map((d) => d.projectCode)).not.toContain(c);
    expect(report.onlyInStats.map((d) => d.projectCode)).toEqual([...onlyStats].sort());
    expect(report.onlyInNdrc.map((d) => d.projectCode)).toEqual([onlyNdrc]);
    expect(report.onlyInNdrc[0]).toMatchObject({ value: 88, name: null, county: null });
    expect(report.invalid.map((d) => d.projectCode)).toEqual([unreadable]);
    expect(report.sources.stats.problems).toHaveLength(1);
    expect(report.sources.stats.problems[0]).toContain('统计局6月.xlsx 第 ');
    expect(report.sources.stats.problems[0]).toContain('“待核实”不是金额');
    const row = 3 + codes.indexOf(unreadable);
    expect(report.sources.stats.problems[0]).toContain(`第 ${row} 行`);
    expect(report.sources.ndrc.problems).toEqual([]);
    expect(report.sources.stats.rows).toBe(stats.size);
    expect(report.sources.ndrc.rows).toBe(ndrc.size);

    const far = report.differences.find((d) => d.projectCode === codes[4])!;
    expect(far).toMatchObject({ stats: 123456.78, ndrc: 100000, diff: 23456.78 });
    expect(report.differences[0].projectCode).toBe(codes[4]);
    const known = states.find((s) => s.project.code === codes[0])!;
    expect(report.differences.find((d) => d.projectCode === codes[0])).toMatchObject({
      name: known.project.name, county: known.project.county,
      ledger: known.reports.find((r) => r.period === PERIOD)!.monthInvest,
    });
    expect(report.summary).toContain(`差异超过 max(5%, 10 万元) 的项目 ${over.length} 个`);
  });

  it('converts amounts given in 亿元 or 元 to 万元', async () => {
    const yi = await readSource(await xlsx('a.xlsx', [['项目代码', '本月完成投资（亿元）'], ['2026-131102-04-01-000001', 1.25]]));
    expect(yi.unit).toBe('亿元');
    expect(yi.figures.get('2026-131102-04-01-000001')).toBe(12500);
    const yuan = await readSource({ name: 'b.csv', data: new TextEncoder().encode('code,本月完成投资(元)\r\n2026-131102-04-01-000001,"1,250,000"\r\n') });
    expect(yuan.figures.get('2026-131102-04-01-000001')).toBe(125);
  });

  it('reports duplicated codes and amounts without a code, naming the rows', async () => {
    const src = await readSource(await xlsx('dup.xlsx', [
      ['項目代碼', '本月完成投資'],
      ['2026-131102-04-01-000001', 10],
      ['2026-131102-04-01-000001', 20],
      [null, 30],
    ]));
    expect(src.figures.get('2026-131102-04-01-000001')).toBe(10);
    expect(src.problems).toEqual([
      'dup.xlsx 第 3 行：项目代码 2026-131102-04-01-000001 与第 2 行重复，按第 2 行比对',
      'dup.xlsx 第 4 行：有金额 30 但没有项目代码，该行未参与比对',
    ]);
  });

  it('rejects a file without the two columns, or not a spreadsheet, with a Chinese message', async () => {
    const noHeader = await xlsx('x.xlsx', [['名称', '金额'], ['a', 1]]);
    await expect(readSource(noHeader)).rejects.toThrow(ReconcileInputError);
    await expect(readSource(noHeader)).rejects.toThrow(/找不到表头“项目代码”和“本月完成投资”/);
    await expect(readSource({ name: 'broken.xlsx', data: new TextEncoder().encode('not a zip') })).rejects.toThrow(/无法读取文件 broken\.xlsx/);
  });

  it('adds the stored month\'s spending gaps, judged by the SPEND_GAP rule', async () => {
    const june = demo.demo.submissions.filter((s) => s.period === PERIOD).flatMap((s) => s.rows);
    const built = june.filter((r): r is LedgerValues & { code: string; cumInvest: number } => !!r.code && (r.cumInvest ?? 0) > 1000 && typeof r.spent === 'number');
    const [gap, near] = [built[0], built[1]];
    // 30% apart → flagged; 10% apart → fine.
    const rows = [{ ...gap, spent: Math.round(gap.cumInvest * 0.7) }, { ...near, spent: Math.round(near.cumInvest * 0.9) }];
    demo.store.importLedger(rows, PERIOD, 'test');

    const empty = await xlsx('e.xlsx', [['项目代码', '本月完成投资']]);
    const report = await reconcileFiles(demo.store, config, PERIOD, { stats: empty, ndrc: empty }, 'zh-CN');
    // The oracle: every stored report of the month, by the definition of SPEC §3.
    const expected = demo.store.projectStates(PERIOD).flatMap((s) => s.reports.filter((r) => r.period === PERIOD && typeof r.spent === 'number'
      && r.cumInvest > 0 && Math.abs(r.spent - r.cumInvest) > config.thresholds.spendGapRatio * r.cumInvest).map(() => s.project.code));
    expect(expected).toContain(gap.code);
    expect(expected).not.toContain(near.code);
    expect(report.spendGaps.map((g) => g.projectCode).sort()).toEqual(expected.sort());
    const g = report.spendGaps.find((x) => x.projectCode === gap.code)!;
    expect(g.message).toContain('累计财务支出');
    expect(g.spent).toBe(Math.round(gap.cumInvest * 0.7));
    expect(report.differences).toEqual([]);
  });
});
