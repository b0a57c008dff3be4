// The fake office.js must fail where office.js fails, or the add-in's tests prove nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { installFakeOffice, uninstallFakeOffice } from './fake-office/index';

afterEach(() => uninstallFakeOffice());

describe('fake office.js', () => {
  it('throws PropertyNotLoaded when a property is read before load and sync', async () => {
    installFakeOffice();
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      expect(() => r.values).toThrow(/load method/);
      r.load('values');
      expect(() => r.values).toThrow(/load method/); // loaded, but not synced yet
      await ctx.sync();
      expect(r.values).toEqual([['', ''], ['', '']]);
      expect(() => r.address).toThrow(/not available/);
    });
  });

  it('applies writes only at sync, in order, and reports missing items at sync', async () => {
    const fake = installFakeOffice();
    await Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:B1').values = [[1, 'x']];
      expect(fake.model.valueAt('Sheet1!A1')).toBe('');
      await ctx.sync();
      expect(fake.model.valueAt('Sheet1!B1')).toBe('x');
      ctx.workbook.worksheets.getItem('nope').getRange('A1').load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  it('rejects values whose shape differs from the range, and payloads over 5 MB', async () => {
    installFakeOffice();
    await Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:B2').values = [[1, 2]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      s.getRange('A1:A20000').values = Array.from({ length: 20000 }, () => ['x'.repeat(300)]);
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
  });

  it('gives null objects for *OrNullObject and refuses a second comment on a cell', async () => {
    installFakeOffice();
    await Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('台账').load('isNullObject');
      ctx.workbook.comments.add('Sheet1!A1', 'one');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      ctx.workbook.comments.add('Sheet1!A1', 'two');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });

  it('answers requirement sets up to the configured version and null host outside Excel', async () => {
    installFakeOffice({ excelApi: '1.8' });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.10')).toBe(false);
    uninstallFakeOffice();
    installFakeOffice({ host: null });
    expect((await Office.onReady()).host).toBeNull();
    expect(typeof (globalThis as { Excel?: unknown }).Excel).toBe('undefined');
  });
});
