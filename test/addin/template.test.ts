// 插入台账模板 through the fake Excel: headers from core's LEDGER, formats, drop-downs, table.
import { afterEach, describe, expect, it } from 'vitest';
import { LEDGER, optionsOf } from '../../core/ledger';
import { insertTemplate } from '../../addin/src/actions/insertTemplate';
import { SHEET_NAME, TABLE_NAME } from '../../addin/src/office/sheet';
import { uninstallFakeOffice } from './fake-office/index';
import { col, setup } from './harness';

afterEach(() => uninstallFakeOffice());

describe('insert-template', () => {
  it('adds the 台账 sheet with the ledger table, formats, drop-downs and hints', async () => {
    const { fake, session } = setup({ excelApi: '1.10' });
    const res = await insertTemplate(session);
    expect(res.level).toBe('ok');
    expect(res.message).toContain(SHEET_NAME);
    const m = fake.model;
    const sheet = m.mustSheet(SHEET_NAME);
    expect(m.active).toBe(sheet);
    expect(sheet.frozenRows).toBe(1);
    const table = m.table(TABLE_NAME)!;
    expect(table.sheet).toBe(sheet);
    expect(m.headers(table)).toEqual(LEDGER.map((c) => c.header));
    expect(table.rows).toBe(2); // header + the one empty data row a table always has
    // Number formats come from the ledger definition, text for codes.
    expect(m.cell(sheet, 1, LEDGER.findIndex((c) => c.key === 'total')).numberFormat).toBe(LEDGER.find((c) => c.key === 'total')!.numFmt);
    expect(m.cell(sheet, 150, LEDGER.findIndex((c) => c.key === 'code')).numberFormat).toBe('@');
    // Drop-downs: county from configuration, list from core's enum; every column has its hint.
    const county = sheet.validations.get(`1,${LEDGER.findIndex((c) => c.key === 'county')}`)!;
    expect(county.rule).toEqual({ list: { inCellDropDown: true, source: optionsOf(LEDGER.find((c) => c.key === 'county')!, session.config).join(',') } });
    const list = sheet.validations.get(`5,${LEDGER.findIndex((c) => c.key === 'list')}`)!;
    expect((list.rule as { list: { source: string } }).list.source).toBe('在建,拟新开工,储备');
    for (const key of ['level', 'sector', 'stage', 'nature', 'registered']) {
      expect(sheet.validations.get(`1,${LEDGER.findIndex((c) => c.key === key)}`)?.rule, key).toHaveProperty('list');
    }
    const hint = sheet.validations.get(`1,${LEDGER.findIndex((c) => c.key === 'ytdInvest')}`)!.prompt as { message: string; title: string };
    expect(hint.title).toBe('本年累计完成投资');
    expect(hint.message).toBe(LEDGER.find((c) => c.key === 'ytdInvest')!.hint['zh-CN']);
    expect(sheet.colWidths.get(LEDGER.findIndex((c) => c.key === 'name'))).toBeGreaterThan(sheet.colWidths.get(LEDGER.findIndex((c) => c.key === 'level'))!);
    expect(m.valueAt(`${SHEET_NAME}!${col('name')}1`)).toBe('项目名称');
  });

  it('leaves an existing 台账 sheet untouched and says so', async () => {
    const { fake, session } = setup();
    await insertTemplate(session);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET_NAME).getRange('B2').values = [['我的项目']];
      ctx.workbook.worksheets.getItem('Sheet1').activate();
      await ctx.sync();
    });
    const res = await insertTemplate(session);
    expect(res.level).toBe('warn');
    expect(res.message).toContain('已有');
    expect(fake.model.valueAt(`${SHEET_NAME}!B2`)).toBe('我的项目');
    expect(fake.model.active.name).toBe(SHEET_NAME);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Sheet1', SHEET_NAME]);
  });

  it('builds the template without drop-downs on Excel without data validation (ExcelApi 1.7)', async () => {
    const { fake, session } = setup({ excelApi: '1.7' });
    const res = await insertTemplate(session);
    expect(res.message).toContain('不支持数据验证');
    expect(fake.model.mustSheet(SHEET_NAME).validations.size).toBe(0);
    expect(fake.model.headers(fake.model.table(TABLE_NAME)!)).toHaveLength(LEDGER.length);
  });

  it('speaks English when the pane does', async () => {
    const { session } = setup();
    session.locale = 'en';
    const res = await insertTemplate(session);
    expect(res.message).toMatch(/^Inserted sheet "台账"/);
  });
});
