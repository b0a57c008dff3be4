// The Excel glue against Microsoft's office-addin-mock (v4) as well: a tree with the table,
// range and worksheet parts it lacks, built here. The mock reports reads before load/sync.
/* eslint-disable @typescript-eslint/no-explicit-any -- office-addin-mock trees are untyped */
import { describe, expect, it, vi } from 'vitest';
import { OfficeMockObject } from 'office-addin-mock';
import { LEDGER } from '../../core/ledger';
import { queueReadLedger, viewOf } from '../../addin/src/office/read';
import { FILLS, RESULTS_SHEET, TABLE_NAME, colLetter } from '../../addin/src/office/sheet';
import { validate } from '../../addin/src/actions/validate';
import { underConstruction } from '../fixtures/ledger';
import { cellsOf, setup } from './harness';
import { uninstallFakeOffice } from './fake-office/index';
import { generalFormats } from './mock-excel';

function workbookWith(rows: (string | number | boolean)[][], formats?: (values: unknown[][]) => string[][]) {
  const values = [LEDGER.map((c) => c.header), ...rows];
  const requested: string[] = [];
  const context = new OfficeMockObject({
    workbook: {
      tables: {
        table: {
          range: { values, numberFormat: (formats ?? generalFormats)(values), rowIndex: 4, columnIndex: 1 },
          worksheet: { name: '台账' },
          getRange() { return (this as unknown as { range: unknown }).range; },
        },
        getItem(name: string) {
          requested.push(name);
          return (this as unknown as { table: unknown }).table;
        },
      },
    },
  });
  return { context: context as unknown as Excel.RequestContext & { sync(): Promise<void> }, requested };
}

/** Ranges handed out by getRange(address), kept so the test can read what the action wrote. */
function rangeBook() {
  const ranges = new Map<string, Record<string, any>>();
  const get = (sheet: string, address: string) => {
    const k = `${sheet}!${address}`;
    if (!ranges.has(k)) {
      const cleared: string[] = [];
      ranges.set(k, new OfficeMockObject({ values: [], format: { fill: { color: '', clear() { cleared.push(k); } }, font: { bold: false } } }) as unknown as Record<string, any>);
    }
    return ranges.get(k)!;
  };
  return { ranges, get };
}

describe('validate with office-addin-mock', () => {
  it('reads in one sync, writes fills and the 校验结果 sheet in one more', async () => {
    const rows = [underConstruction(1, 6), underConstruction(2, 6)].map(cellsOf);
    const ytd = LEDGER.findIndex((c) => c.key === 'ytdInvest');
    rows[1][ytd] = '很多';
    const book = rangeBook();
    const added: string[] = [];
    const context = new OfficeMockObject({
      workbook: {
        tables: {
          table: { range: { values: [LEDGER.map((c) => c.header), ...rows], numberFormat: generalFormats([LEDGER.map((c) => c.header), ...rows]), rowIndex: 0, columnIndex: 0 }, worksheet: { name: '台账' }, getRange() { return (this as any).range; } },
          getItem() { return (this as any).table; },
        },
        worksheets: {
          results: { isNullObject: true },
          getItemOrNullObject() { return (this as any).results; },
          getItem: (name: string) => ({ getRange: (a: string) => book.get(name, a) }),
          add: (name: string) => { added.push(name); return { getRange: (a: string) => book.get(name, a) }; },
        },
      },
    }) as unknown as Excel.RequestContext;
    const { session } = setup({ excelApi: '1.8' });
    uninstallFakeOffice();
    (globalThis as any).Excel = { run: (f: (c: Excel.RequestContext) => Promise<unknown>) => f(context) };
    const sync = vi.spyOn(context, 'sync');
    try {
      const res = await validate(session);
      expect(sync).toHaveBeenCalledTimes(2);
      const address = `${colLetter(ytd)}3`;
      expect(res.findings!.find((f) => f.column === 'ytdInvest')!.address).toBe(`台账!${address}`);
      expect(book.ranges.get(`台账!${address}`)!.format.fill.color).toBe(FILLS.error);
      expect(added).toEqual([RESULTS_SHEET]);
      const results = [...book.ranges.entries()].find(([k, r]) => k.startsWith(`${RESULTS_SHEET}!`) && Array.isArray(r.values) && r.values.length > 1)![1];
      expect(results.values[1][2]).toBe(`台账!${address}`);
      expect(String(results.values[1][5])).toContain('很多');
    } finally {
      delete (globalThis as any).Excel;
    }
  });
});

describe('ledger read with office-addin-mock', () => {
  it('loads what it reads, syncs once, and numbers rows as the sheet shows them', async () => {
    const rows = [underConstruction(1, 6), underConstruction(2, 6)].map(cellsOf);
    const { context, requested } = workbookWith(rows);
    const sync = vi.spyOn(context, 'sync');
    const read = queueReadLedger(context);
    await context.sync();
    expect(sync).toHaveBeenCalledTimes(1);
    expect(requested).toEqual([TABLE_NAME]);
    const view = viewOf(read.done());
    expect(view.sheet).toBe('台账');
    // The table's header sits on sheet row 5 (rowIndex 4), so data starts on row 6.
    expect(view.rows.map((r) => r.row)).toEqual([6, 7]);
    expect(view.rows[1].raw.code).toBe(underConstruction(2, 6).code);
    expect(view.columns.name).toBe(LEDGER.findIndex((c) => c.key === 'name'));
  });

  it('reads a typed 85% (stored 0.85 in a 0% cell) as the 85 the clerk saw', async () => {
    const p = LEDGER.findIndex((c) => c.key === 'progress');
    const row = cellsOf(underConstruction(1, 6));
    row[p] = 0.85;
    const { context } = workbookWith([row], (values) => values.map((r, i) => r.map((_, j) => (i > 0 && j === p ? '0%' : 'General'))));
    const read = queueReadLedger(context);
    await context.sync();
    expect(viewOf(read.done()).rows[0].raw.progress).toBe('85%');
  });

  it('shows the mock enforcing sync: without it the values are not there', () => {
    const { context } = workbookWith([cellsOf(underConstruction(1, 6))]);
    const read = queueReadLedger(context);
    expect(read.range.values).toBe('Error, context.sync() was not called');
  });
});
