// Names, colours and addresses of the ledger in the workbook.
import { LEDGER } from '../../../core/ledger';

export const SHEET_NAME = '台账';
export const TABLE_NAME = 'KeyProjectLedger';
export const STATUS_HEADER = '状态';
export const RESULTS_SHEET = '校验结果';
/** Blank rows below the data that still get number formats and drop-downs, for new projects. */
export const SPARE_ROWS = 200;

/** Fills (Office's "good / neutral / bad" palette). */
export const FILLS = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  header: '#DDEBF7',
  green: '#C6EFCE',
  white: '#FFFFFF',
  yellow: '#FFEB9C',
  red: '#FFC7CE',
} as const;

/** Our notes start with a marker so re-running an action removes exactly its own notes. */
export const MARKERS = { validate: '【校验】', colour: '【评分】' } as const;

export function colLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A sheet name as Excel writes it in an address: quoted unless letters, digits and _. */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `台账!B7` for zero-based column index and the row number as Excel shows it. */
export function cellAddress(sheet: string, col: number, row: number): string {
  return `${quoteSheet(sheet)}!${colLetter(col)}${row}`;
}

export function areaAddress(col0: number, row0: number, cols: number, rows: number): string {
  return `${colLetter(col0)}${row0}:${colLetter(col0 + cols - 1)}${row0 + rows - 1}`;
}

export const LEDGER_WIDTH = LEDGER.length;
