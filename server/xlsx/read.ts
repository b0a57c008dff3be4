// Reads a ledger file (.xlsx or .csv) into rows for core's validateLedger. Cells are handed over
// raw — numbers, strings, Dates — with rich text flattened and formulas replaced by their result;
// parsing and judging the values is core's job. Headers are matched with core's matchHeader.
import type ExcelJS from 'exceljs';
import { excel } from './exceljs';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { tr, type Text } from '../../core/i18n';
import { column, LEDGER } from '../../core/ledger';
import { matchHeader, shownPercent } from '../../core/parse';
import type { InputRow, LedgerKey, Locale, RawRow } from '../../core/types';
import { decodeCsv, parseCsv, unguard } from './csv';
import { columnLetter, LEDGER_SHEET } from './template';

export interface HeaderProblem {
  kind: 'unknown' | 'missing' | 'duplicate' | 'total';
  severity: 'error' | 'warning';
  /** Column letter as the sheet shows it (absent for a missing header). */
  column?: string;
  key?: LedgerKey;
  header?: string;
  message: string;
}

export interface LedgerFile {
  rows: InputRow[];
  headerProblems: HeaderProblem[];
  /** Column letter of each ledger key found, for messages that name a cell. */
  columns: Partial<Record<LedgerKey, string>>;
  /** Sheet row of the header. */
  headerRow: number;
  sheet?: string;
  encoding?: string;
}

/** The file cannot be read as a ledger at all (CLI exit 2). */
export class LedgerFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerFileError';
  }
}

const M = {
  unknown: { 'zh-CN': '第 {col} 列表头“{header}”不是标准台账的列，已忽略', en: 'Column {col} header "{header}" is not a ledger column; ignored' },
  missing: { 'zh-CN': '缺少必填列“{header}”', en: 'Missing required column "{header}"' },
  total: { 'zh-CN': '第 {row} 行是“{text}”行（汇总，不是项目），已跳过', en: 'Row {row} is a "{text}" row (a total, not a project); skipped' },
  duplicate: { 'zh-CN': '第 {col} 列表头“{header}”与第 {first} 列重复，以第 {first} 列为准', en: 'Column {col} header "{header}" repeats column {first}; column {first} is used' },
  notFound: { 'zh-CN': '找不到文件 {file}', en: 'File not found: {file}' },
  unreadable: { 'zh-CN': '无法读取文件 {file}：{reason}', en: 'Cannot read {file}: {reason}' },
  notXlsx: { 'zh-CN': '文件 {file} 不是有效的 .xlsx 工作簿（{reason}）；请在 Excel 或 WPS 中另存为 .xlsx 后重试', en: '{file} is not a valid .xlsx workbook ({reason}); save it as .xlsx in Excel or WPS and try again' },
  oldXls: { 'zh-CN': '不支持旧版 .xls 格式：请在 Excel 或 WPS 中将 {file} 另存为 .xlsx', en: 'The old .xls format is not supported: save {file} as .xlsx in Excel or WPS' },
  type: { 'zh-CN': '不支持的文件类型“{ext}”：请使用 .xlsx 或 .csv', en: 'Unsupported file type "{ext}": use .xlsx or .csv' },
  noSheet: { 'zh-CN': '工作簿 {file} 中没有工作表', en: 'The workbook {file} has no worksheet' },
  noHeader: { 'zh-CN': '在 {file} 的前 {n} 行中找不到台账表头（如“项目代码”“项目名称”）；请使用标准台账模板', en: 'No ledger header (e.g. 项目代码, 项目名称) in the first {n} rows of {file}; use the standard template' },
} satisfies Record<string, Text>;

/** Rows searched for the header (a title row or two above it is tolerated). */
const HEADER_SCAN_ROWS = 5;
/** Fewest recognised headers that make a row the header row. */
const MIN_HEADERS = 3;

/** A cell's value as handed to validation: plain values, flattened rich text, formula results. */
export function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v !== 'object') return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const f = v as ExcelJS.CellFormulaValue & { sharedFormula?: string };
    // No cached result (a file saved by a tool that does not calculate): hand over the formula
    // text, so validation names the cell instead of treating it as empty.
    if (f.result === undefined || f.result === null) return `=${f.formula ?? f.sharedFormula ?? ''}`;
    return cellValue(f.result as ExcelJS.CellValue);
  }
  if ('error' in v) return v.error;
  if ('text' in v) return cellValue((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  return null;
}

/** Ledgers often end with 合计 / 小计 rows: no code, and a name (or code cell) saying so. */
const TOTAL_LABELS = new Set(['合计', '总计', '小计', '合計', '總計', '小計', '全市合计', '总合计']);
function totalLabel(raw: RawRow): string | undefined {
  const clean = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/g, '') : '');
  if (!isBlank(raw.code) && !TOTAL_LABELS.has(clean(raw.code))) return undefined;
  return [raw.code, raw.name, raw.county].map(clean).find((t) => TOTAL_LABELS.has(t));
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Finds the header row in a grid (rows of cell values, index 0 = sheet row 1) and maps its columns. */
function readGrid(grid: unknown[][], file: string, locale: Locale): Omit<LedgerFile, 'sheet' | 'encoding'> {
  let headerIdx = -1;
  let best = 0;
  for (let i = 0; i < Math.min(HEADER_SCAN_ROWS, grid.length); i++) {
    const n = (grid[i] ?? []).filter((h) => matchHeader(h) !== undefined).length;
    if (n > best) { best = n; headerIdx = i; }
  }
  if (best < MIN_HEADERS) throw new LedgerFileError(tr(locale, M.noHeader, { file, n: HEADER_SCAN_ROWS }));

  const headerProblems: HeaderProblem[] = [];
  const columns: Partial<Record<LedgerKey, string>> = {};
  const byIndex = new Map<number, LedgerKey>();
  (grid[headerIdx] ?? []).forEach((h, i) => {
    if (isBlank(h)) return;
    const col = columnLetter(i);
    const header = String(h).trim();
    const key = matchHeader(h);
    if (!key) {
      headerProblems.push({ kind: 'unknown', severity: 'warning', column: col, header, message: tr(locale, M.unknown, { col, header }) });
    } else if (columns[key]) {
      headerProblems.push({ kind: 'duplicate', severity: 'warning', column: col, key, header, message: tr(locale, M.duplicate, { col, header, first: columns[key] }) });
    } else {
      columns[key] = col;
      byIndex.set(i, key);
    }
  });
  for (const c of LEDGER) {
    if (c.required !== 'never' && !columns[c.key]) {
      headerProblems.push({ kind: 'missing', severity: 'error', key: c.key, header: column(c.key).header, message: tr(locale, M.missing, { header: c.header }) });
    }
  }

  const rows: InputRow[] = [];
  for (let i = headerIdx + 1; i < grid.length; i++) {
    const cells = grid[i] ?? [];
    const raw: RawRow = {};
    let any = false;
    for (const [idx, key] of byIndex) {
      const v = cells[idx];
      if (isBlank(v)) continue;
      raw[key] = v;
      any = true;
    }
    if (!any) continue;
    const total = totalLabel(raw);
    if (total) headerProblems.push({ kind: 'total', severity: 'warning', header: total, message: tr(locale, M.total, { row: i + 1, text: total }) });
    else rows.push({ row: i + 1, raw });
  }
  return { rows, headerProblems, columns, headerRow: headerIdx + 1 };
}

async function readXlsx(file: string, bytes: Buffer, locale: Locale): Promise<LedgerFile> {
  const wb = new (excel().Workbook)();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new LedgerFileError(tr(locale, M.notXlsx, { file, reason: (e as Error).message }));
  }
  const sheets = wb.worksheets.filter((s) => s.state !== 'hidden' && s.state !== 'veryHidden');
  if (sheets.length === 0) throw new LedgerFileError(tr(locale, M.noSheet, { file }));
  // The sheet named 台账, else the first sheet whose top rows hold ledger headers.
  const gridOf = (ws: ExcelJS.Worksheet): unknown[][] => {
    const grid: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => (cells[c - 1] = shownPercent(cellValue(cell.value), cell.numFmt)));
      grid[n - 1] = cells;
    });
    return grid;
  };
  const ordered = [...sheets.filter((s) => s.name.trim() === LEDGER_SHEET), ...sheets.filter((s) => s.name.trim() !== LEDGER_SHEET)];
  let firstError: unknown;
  for (const ws of ordered) {
    try {
      return { ...readGrid(gridOf(ws), file, locale), sheet: ws.name };
    } catch (e) {
      firstError ??= e;
    }
  }
  throw firstError;
}

/** Reads a ledger file; throws LedgerFileError (a clear message in the locale) when it cannot. */
export async function readLedgerFile(file: string, locale: Locale = 'zh-CN'): Promise<LedgerFile> {
  const ext = extname(file).toLowerCase();
  if (ext === '.xls' || ext === '.et') throw new LedgerFileError(tr(locale, M.oldXls, { file }));
  if (!['.xlsx', '.xlsm', '.csv', '.txt'].includes(ext)) throw new LedgerFileError(tr(locale, M.type, { ext: ext || file }));
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new LedgerFileError(code === 'ENOENT' ? tr(locale, M.notFound, { file }) : tr(locale, M.unreadable, { file, reason: (e as Error).message }));
  }
  if (ext === '.csv' || ext === '.txt') {
    const { text, encoding } = decodeCsv(bytes);
    return { ...readGrid(parseCsv(text).map((r) => r.map(unguard)), file, locale), encoding };
  }
  return readXlsx(file, bytes, locale);
}
