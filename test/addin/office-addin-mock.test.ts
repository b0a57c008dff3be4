// The Excel glue against Microsoft's office-addin-mock (v4) as well: a tree with the table,
// range and worksheet parts it lacks, built here. The mock reports reads before load/sync.
import { describe, expect, it, vi } from 'vitest';
import { OfficeMockObject } from 'office-addin-mock';
import { LEDGER } from '../../core/ledger';
import { queueReadLedger, viewOf } from '../../addin/src/office/read';
import { TABLE_NAME } from '../../addin/src/office/sheet';
import { underConstruction } from '../fixtures/ledger';
import { cellsOf } from './harness';

function workbookWith(rows: (string | number | boolean)[][]) {
  const values = [LEDGER.map((c) => c.header), ...rows];
  const requested: string[] = [];
  const context = new OfficeMockObject({
    workbook: {
      tables: {
        table: {
          range: { values, rowIndex: 4, columnIndex: 1 },
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

  it('shows the mock enforcing sync: without it the values are not there', () => {
    const { context } = workbookWith([cellsOf(underConstruction(1, 6))]);
    const read = queueReadLedger(context);
    expect(read.range.values).toBe('Error, context.sync() was not called');
  });
});
