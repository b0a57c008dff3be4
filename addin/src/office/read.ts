// Reading the ledger table back: header → ledger keys, cells → InputRow with the row number
// Excel shows, and the address of any (row, key) for marks.
import { matchHeader, shownPercent } from '../../../core/parse';
import type { InputRow, LedgerKey, RawRow } from '../../../core/types';
import { STATUS_HEADER, TABLE_NAME, cellAddress } from './sheet';

/** What one read sync brings back of the ledger table. */
export interface LedgerSnapshot {
  sheet: string;
  /** Zero-based row and column of the header row's first cell. */
  row0: number;
  col0: number;
  headers: string[];
  /** Data rows (below the header), as Excel returned them. */
  values: unknown[][];
}

export interface LedgerView extends LedgerSnapshot {
  /** Column index (within the table) of each ledger key present. */
  columns: Partial<Record<LedgerKey, number>>;
  statusColumn: number | undefined;
  /** Non-empty rows, numbered as Excel shows them. */
  rows: InputRow[];
}

/** Queued loads of the ledger table; read the result only after the sync. */
export interface PendingRead {
  table: Excel.Table;
  range: Excel.Range;
  worksheet: Excel.Worksheet;
  done(): LedgerSnapshot;
}

export function queueReadLedger(ctx: Excel.RequestContext): PendingRead {
  const table = ctx.workbook.tables.getItem(TABLE_NAME);
  const range = table.getRange().load('values, numberFormat, rowIndex, columnIndex');
  const worksheet = table.worksheet.load('name');
  return {
    table, range, worksheet,
    done: () => ({
      sheet: worksheet.name,
      row0: range.rowIndex,
      col0: range.columnIndex,
      headers: (range.values[0] ?? []).map((h) => String(h ?? '')),
      // A typed "85%" is stored as 0.85 in a 0% cell: read what the clerk saw.
      values: range.values.slice(1).map((cells, i) => cells.map((v, j) => shownPercent(v, range.numberFormat[i + 1]?.[j]))),
    }),
  };
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

export function viewOf(s: LedgerSnapshot): LedgerView {
  const columns: Partial<Record<LedgerKey, number>> = {};
  let statusColumn: number | undefined;
  s.headers.forEach((h, i) => {
    const k = matchHeader(h);
    if (k && columns[k] === undefined) columns[k] = i;
    else if (h.trim() === STATUS_HEADER) statusColumn = i;
  });
  const keyed = Object.entries(columns) as [LedgerKey, number][];
  const rows: InputRow[] = [];
  s.values.forEach((cells, i) => {
    if (keyed.every(([, j]) => isBlank(cells[j]))) return;
    const raw: RawRow = {};
    for (const [k, j] of keyed) raw[k] = isBlank(cells[j]) ? null : cells[j];
    // Excel shows rows from 1; the header is at row0 + 1, data starts right below.
    rows.push({ row: s.row0 + 2 + i, raw });
  });
  return { ...s, columns, statusColumn, rows };
}

/** `台账!C7` of a finding's cell, or undefined when the column is not in the table. */
export function addressOf(v: LedgerView, row: number, key: LedgerKey | null): string | undefined {
  if (!key || row <= 0) return undefined;
  const j = v.columns[key];
  return j === undefined ? undefined : cellAddress(v.sheet, v.col0 + j, row);
}

export function hasLedgerHeaders(v: LedgerView): boolean {
  return v.columns.name !== undefined && Object.keys(v.columns).length >= 5;
}

/** Row number → project name as typed, for the pane's list. */
export function namesOf(v: LedgerView): Map<number, string> {
  return new Map(v.rows.filter((r) => r.raw.name !== null && r.raw.name !== undefined).map((r) => [r.row, String(r.raw.name)]));
}
