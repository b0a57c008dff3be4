// The xlsx template, reading ledger files (.xlsx and .csv in UTF-8, UTF-8 with BOM and GBK), and export.
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../../core/config';
import { LEDGER } from '../../core/ledger';
import { validateLedger } from '../../core/validate';
import { Store } from '../../server/store/store';
import { decodeCsv, parseCsv } from '../../server/xlsx/csv';
import { exportLedger } from '../../server/xlsx/export';
import { LedgerFileError, readLedgerFile } from '../../server/xlsx/read';
import { columnLetter, GUIDE_SHEET, LEDGER_SHEET, OPTIONS_SHEET, validationsOf, writeTemplate } from '../../server/xlsx/template';
import { encodeGbk, reserve, tempDir, toRaw, underConstruction, writeLedgerCsv, writeLedgerXlsx } from '../fixtures/ledger';

const dir = tempDir();
const letterOf = (key: string) => columnLetter(LEDGER.findIndex((c) => c.key === key));

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('writeTemplate', () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const file = join(dir, 'nested', 't.xlsx');
    await writeTemplate(file, DEFAULT_CONFIG, 'zh-CN');
    wb = await load(file);
    ws = wb.getWorksheet(LEDGER_SHEET)!;
  });

  it('has the §2 headers in row 1 in order, formats, widths and a frozen header row', () => {
    expect(ws).toBeDefined();
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(LEDGER.map((c) => c.header));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(letterOf('total')).numFmt).toBe('#,##0.00');
    expect(ws.getColumn(letterOf('plannedStart')).numFmt).toBe('yyyy-mm');
    expect(ws.getColumn(letterOf('name')).width).toBe(30);
    expect(ws.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(wb.title).toBe('衡水市重点建设项目台账');
    expect(wb.worksheets[0].name).toBe(LEDGER_SHEET);
    const guide = wb.getWorksheet(GUIDE_SHEET)!;
    expect(guide.getRow(1).values).toEqual([, '列', '表头', '是否必填', '填写说明', '可选值']);
    expect(guide.rowCount).toBe(LEDGER.length + 1);
    expect((guide.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['A', '项目代码', '必填（储备项目可暂缺）']);
    const stage = LEDGER.findIndex((c) => c.key === 'stage') + 2;
    expect(guide.getRow(stage).getCell(5).value).toBe('前期、在建、竣工、投产');
  });

  it('has drop-down lists for every enum column and input hints elsewhere', () => {
    const dv = validationsOf(ws).model;
    const list = (key: string) => dv[`${letterOf(key)}2`];
    expect(list('county')).toMatchObject({ type: 'list', formulae: [`"${DEFAULT_CONFIG.counties.map((c) => c.name).join(',')}"`], showErrorMessage: true });
    expect(list('list').formulae).toEqual(['"在建,拟新开工,储备"']);
    expect(list('level').formulae).toEqual(['"省重点,市重点"']);
    expect(list('sector').formulae).toEqual([`"${DEFAULT_CONFIG.sectors.join(',')}"`]);
    expect(list('stage').formulae).toEqual(['"前期,在建,竣工,投产"']);
    expect(list('nature').formulae).toEqual(['"新建,扩建,改建,迁建"']);
    expect(list('registered').formulae).toEqual(['"是,否"']);
    // The lists reach the last template row; hints on the other columns.
    expect(dv[`${letterOf('county')}2001`]).toMatchObject({ type: 'list' });
    expect(dv[`${letterOf('county')}2002`]).toBeUndefined();
    expect(dv[`${letterOf('total')}2`]).toMatchObject({ type: 'any', showInputMessage: true, promptTitle: '总投资', prompt: '单位万元，可写 1.2亿' });
    expect(wb.getWorksheet(OPTIONS_SHEET)).toBeUndefined();
  });

  it('puts lists longer than 255 characters on a hidden options sheet, and writes English hints for en', async () => {
    const many = resolveConfig({ counties: Array.from({ length: 60 }, (_, i) => ({ name: `测试县市区${i + 1}`, code: String(131000 + i + 1) })) });
    const file = join(dir, 'many.xlsx');
    await writeTemplate(file, many, 'en');
    const wb2 = await load(file);
    const opts = wb2.getWorksheet(OPTIONS_SHEET)!;
    expect(opts.state).toBe('hidden');
    const dv = validationsOf(wb2.getWorksheet(LEDGER_SHEET)!).model[`${letterOf('county')}2`];
    expect(dv.formulae).toEqual([`'${OPTIONS_SHEET}'!$A$2:$A$61`]);
    expect(opts.getCell('A2').value).toBe('测试县市区1');
    expect(opts.getCell('A61').value).toBe('测试县市区60');
    expect(validationsOf(wb2.getWorksheet(LEDGER_SHEET)!).model[`${letterOf('total')}2`].prompt).toBe('In 10,000 yuan; 1.2亿 is accepted');
  });
});

describe('readLedgerFile', () => {
  it('reads an .xlsx as sheet rows: raw values, rich text flattened, formula results, dates; blank rows skipped', async () => {
    const file = join(dir, 'cells.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['填表说明']);
    const ws = wb.addWorksheet('台账');
    ws.addRow(['衡水市重点项目台账（2026年3月）']); // a title row above the header is tolerated
    ws.addRow([...LEDGER.map((c) => c.header), '备注']);
    const row = LEDGER.map((c) => toRaw(underConstruction(1, 3))[c.key] ?? null) as ExcelJS.CellValue[];
    row[LEDGER.findIndex((c) => c.key === 'name')] = { richText: [{ text: '桃城区' }, { text: '测试项目1', font: { bold: true } }] };
    row[LEDGER.findIndex((c) => c.key === 'ytdInvest')] = { formula: 'Q3*3', result: 1500 };
    row[LEDGER.findIndex((c) => c.key === 'plannedStart')] = new Date(Date.UTC(2025, 2, 1));
    row[LEDGER.findIndex((c) => c.key === 'total')] = '6亿';
    ws.addRow([...row, '自填备注']);
    ws.addRow([]);
    const res = LEDGER.map((c) => toRaw(reserve(1))[c.key] ?? null) as ExcelJS.CellValue[];
    res[LEDGER.findIndex((c) => c.key === 'total')] = { formula: 'SUM(J2:J3)' } as ExcelJS.CellFormulaValue; // never calculated
    ws.addRow(res);
    await wb.xlsx.writeFile(file);

    const r = await readLedgerFile(file);
    expect(r.sheet).toBe('台账');
    expect(r.headerRow).toBe(2);
    expect(r.rows.map((x) => x.row)).toEqual([3, 5]);
    expect(r.rows[0].raw).toMatchObject({ name: '桃城区测试项目1', ytdInvest: 1500, total: '6亿', monthInvest: 500, county: '桃城区' });
    expect(r.rows[0].raw.plannedStart).toEqual(new Date(Date.UTC(2025, 2, 1)));
    expect(r.rows[1].raw.code).toBeUndefined();
    expect(r.rows[1].raw.total).toBe('=SUM(J2:J3)');
    expect(r.columns.ytdInvest).toBe('S');
    expect(r.headerProblems).toEqual([expect.objectContaining({ kind: 'unknown', severity: 'warning', column: 'AE', header: '备注', message: '第 AE 列表头“备注”不是标准台账的列，已忽略' })]);
    const v = validateLedger({ rows: r.rows, period: '2026-03', config: DEFAULT_CONFIG, now: new Date('2026-04-02T00:00:00Z') });
    expect(v.rows[0].values).toMatchObject({ total: 60000, plannedStart: '2025-03', ytdInvest: 1500 });
  });

  it('skips a 合计 row with a warning naming it, keeping every project row', async () => {
    const rows = [toRaw(underConstruction(1, 1)), toRaw(underConstruction(2, 1)), { name: '合 计', total: 120000, annualPlan: 24000, monthInvest: 1000 }];
    const file = await writeLedgerXlsx(join(dir, 'total.xlsx'), rows);
    const r = await readLedgerFile(file);
    expect(r.rows.map((x) => x.row)).toEqual([2, 3]);
    expect(r.headerProblems).toEqual([expect.objectContaining({ kind: 'total', severity: 'warning', message: '第 4 行是“合计”行（汇总，不是项目），已跳过' })]);
    // A project row that merely mentions 合计 in its name is a project.
    const named = await writeLedgerXlsx(join(dir, 'named.xlsx'), [toRaw(underConstruction(3, 1, { name: '合计' }))]);
    expect((await readLedgerFile(named)).rows).toHaveLength(1);
  });

  it('reports a missing required header and a repeated one', async () => {
    const headers = LEDGER.map((c) => c.header).filter((h) => h !== '县市区');
    headers.push('项目名称');
    const file = await writeLedgerXlsx(join(dir, 'missing.xlsx'), [toRaw(underConstruction(1, 1))], headers);
    const r = await readLedgerFile(file);
    expect(r.headerProblems.map((p) => [p.kind, p.severity, p.message])).toEqual([
      ['duplicate', 'warning', '第 AD 列表头“项目名称”与第 B 列重复，以第 B 列为准'],
      ['missing', 'error', '缺少必填列“县市区”'],
    ]);
    expect(r.rows[0].raw.county).toBeUndefined();
  });

  it('reads CSV in UTF-8 with and without BOM and in GBK, with quoted commas and line breaks', async () => {
    const row = { ...toRaw(underConstruction(2, 1, { progressNote: '主体施工，"封顶"\n下月验收' })), total: '60,000' };
    const files = [
      writeLedgerCsv(join(dir, 'bom.csv'), [row], { bom: true }),
      writeLedgerCsv(join(dir, 'plain.csv'), [row]),
      writeLedgerCsv(join(dir, 'gbk.csv'), [row], { encode: encodeGbk }),
    ];
    const read = await Promise.all(files.map((f) => readLedgerFile(f)));
    expect(read.map((r) => r.encoding)).toEqual(['utf-8', 'utf-8', 'gbk']);
    for (const r of read) {
      expect(r.headerProblems).toEqual([]);
      expect(r.rows).toHaveLength(1);
      expect(r.rows[0]).toMatchObject({ row: 2, raw: { name: '桃城区测试项目2', county: '桃城区', total: '60,000', progressNote: '主体施工，"封顶"\n下月验收', list: '在建' } });
    }
    expect(decodeCsv(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00, 0x62, 0x00])).text).toBe('a,b');
    expect(parseCsv('a\tb\tc\n1\t2\t3')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
  });

  it('throws a clear Chinese LedgerFileError for files it cannot read', async () => {
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'this is not a zip');
    const noHeader = join(dir, 'noheader.csv');
    writeFileSync(noHeader, 'a,b,c\n1,2,3\n');
    const cases: [string, RegExp][] = [
      [join(dir, 'none.xlsx'), /^找不到文件 .*none\.xlsx$/],
      [junk, /不是有效的 \.xlsx 工作簿.*另存为 \.xlsx/],
      [join(dir, 'old.xls'), /不支持旧版 \.xls 格式/],
      [join(dir, 'doc.pdf'), /不支持的文件类型“\.pdf”/],
      [noHeader, /找不到台账表头/],
    ];
    for (const [f, re] of cases) {
      const err = await readLedgerFile(f).catch((e) => e);
      expect(err).toBeInstanceOf(LedgerFileError);
      expect(err.message).toMatch(re);
    }
    await expect(readLedgerFile(join(dir, 'none.csv'), 'en')).rejects.toThrow(/^File not found/);
  });
});

describe('exportLedger', () => {
  let store: Store;
  beforeAll(() => {
    store = Store.open(join(dir, 'export.db'));
    store.importLedger([underConstruction(1, 1), underConstruction(2, 1), reserve(1)], '2026-01', 'a');
    store.importLedger([underConstruction(1, 2, { problems: '用地指标不足' }), underConstruction(2, 2), reserve(1)], '2026-02', 'a');
  });
  afterAll(() => store.close());

  it('writes the stored month in the template layout; reading it back validates and gives the same values', async () => {
    const file = join(dir, 'out', 'feb.xlsx');
    expect(await exportLedger(store, '2026-02', undefined, file)).toBe(3);
    const r = await readLedgerFile(file);
    expect(r.headerProblems).toEqual([]);
    expect(r.rows.map((x) => x.row)).toEqual([2, 3, 4]);
    const v = validateLedger({
      rows: r.rows, period: '2026-02', config: DEFAULT_CONFIG, now: new Date('2026-03-03T00:00:00Z'),
      history: store.historyFor(r.rows.map((x) => String(x.raw.code)), '2026-02'),
    });
    expect(v.errors).toBe(0);
    const byName = new Map(v.rows.map((x) => [x.values.name, x.values]));
    expect(byName.get('桃城区测试项目1')).toMatchObject({ ...underConstruction(1, 2, { problems: '用地指标不足' }) });
    expect(byName.get('冀州区储备项目1')).toMatchObject({ code: 'TMP-131103-000001', list: '储备', stage: '前期' });
    // Drop-downs are kept in the export.
    const wb = await load(file);
    expect(validationsOf(wb.getWorksheet(LEDGER_SHEET)!).model[`${letterOf('list')}4`]).toMatchObject({ type: 'list' });
  });

  it('guards formula-like text in CSV (CSV injection) and reads it back unchanged', async () => {
    const s2 = Store.open(join(dir, 'inject.db'));
    try {
      s2.importLedger([underConstruction(7, 1, { problems: '=HYPERLINK("http://x","点击")', needs: '+1 协调' })], '2026-01', 'a');
      const file = join(dir, 'out', 'inject.csv');
      await exportLedger(s2, '2026-01', undefined, file);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain(`"'=HYPERLINK(""http://x"",""点击"")"`);
      expect(text).toContain(`'+1 协调`);
      expect(text).not.toMatch(/(^|,)[=+]/m);
      const back = await readLedgerFile(file);
      expect(back.rows[0].raw).toMatchObject({ problems: '=HYPERLINK("http://x","点击")', needs: '+1 协调' });
    } finally {
      s2.close();
    }
  });

  it('filters by county and writes CSV by extension', async () => {
    const file = join(dir, 'out', 'jz.csv');
    expect(await exportLedger(store, '2026-02', '冀州区', file)).toBe(1);
    const r = await readLedgerFile(file);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0].raw).toMatchObject({ name: '冀州区储备项目1', county: '冀州区', code: 'TMP-131103-000001' });
  });
});
