// `keyproj validate FILE.xlsx|FILE.csv --period YYYY-MM [--db PATH] [--json]` — prints findings;
// with a database (--db or KEYPROJ_DB) also checks against the stored previous months.
// Exit 0 no errors, 1 errors, 2 the file cannot be read (or bad arguments).
import { tr, type Text } from '../../../core/i18n';
import { column } from '../../../core/ledger';
import { parseByKey } from '../../../core/parse';
import { findingsJson, validateLedger, type LedgerValidation } from '../../../core/validate';
import type { Finding, Locale, MonthlyReport, Period } from '../../../core/types';
import type { Store } from '../../store/store';
import { LedgerFileError, readLedgerFile, type LedgerFile } from '../../xlsx/read';
import { CliExit, context, openStore, parse, periodArg, printJson, processIo, safeText, type CliContext, type CliIo } from '../args';

export const USAGE: Text = {
  'zh-CN': '用法：keyproj validate 台账文件(.xlsx|.csv) --period YYYY-MM [--db 数据库文件] [--json] [--locale zh-CN|en]\n指定 --db（或设置 KEYPROJ_DB）时，同时对照库中以前月份的数据校验。退出码：0 无错误，1 有错误，2 文件无法读取或参数有误。',
  en: 'Usage: keyproj validate FILE.xlsx|FILE.csv --period YYYY-MM [--db FILE] [--json] [--locale zh-CN|en]\nWith --db (or KEYPROJ_DB) it also checks against the stored earlier months. Exit 0 no errors, 1 errors, 2 unreadable file or bad arguments.',
};

const M = {
  file: { 'zh-CN': '台账文件：{file}{sheet}，共 {rows} 行数据', en: 'Ledger file: {file}{sheet}, {rows} data rows' },
  sheet: { 'zh-CN': '（工作表“{sheet}”）', en: ' (sheet "{sheet}")' },
  header: { 'zh-CN': '表头：{message}', en: 'Header: {message}' },
  whole: { 'zh-CN': '整个文件', en: 'Whole file' },
  row: { 'zh-CN': '第 {row} 行', en: 'Row {row}' },
  cell: { 'zh-CN': '第 {row} 行 {letter} 列（{label}）', en: 'Row {row}, column {letter} ({label})' },
  cellNoLetter: { 'zh-CN': '第 {row} 行（{label}，文件中无此列）', en: 'Row {row} ({label}, no such column in the file)' },
  error: { 'zh-CN': '✗ 错误', en: '✗ error' },
  warning: { 'zh-CN': '! 警告', en: '! warning' },
  summary: { 'zh-CN': '结果：错误 {errors} 处，警告 {warnings} 处。', en: 'Result: {errors} errors, {warnings} warnings.' },
  clean: { 'zh-CN': '结果：未发现问题。', en: 'Result: no findings.' },
  history: { 'zh-CN': '已对照数据库 {db} 中以前月份的数据。', en: 'Checked against earlier months in {db}.' },
} satisfies Record<string, Text>;

export interface CheckedFile {
  file: LedgerFile;
  result: LedgerValidation;
}

/** Reads and validates a ledger file (exit 2 when it cannot be read). History comes from the store when given. */
export async function checkFile(
  path: string, period: Period, ctx: CliContext, io: CliIo, opts: { store?: Store; submittedAt?: Date; now?: Date } = {},
): Promise<CheckedFile> {
  let file: LedgerFile;
  try {
    file = await readLedgerFile(path, ctx.locale);
  } catch (e) {
    if (!(e instanceof LedgerFileError)) throw e;
    io.err(e.message);
    throw new CliExit(2);
  }
  let history: Map<string, MonthlyReport[]> | undefined;
  if (opts.store) {
    // Only the code cell is needed here: validateLedger parses whole rows once, below.
    const codes = file.rows.map((r) => {
      const c = parseByKey('code', r.raw && typeof r.raw === 'object' ? r.raw.code : undefined, ctx.config);
      return c.status === 'ok' ? (c.value as string) : undefined;
    }).filter((c): c is string => Boolean(c));
    history = opts.store.historyFor(codes, period);
  }
  const result = validateLedger({
    rows: file.rows, period, config: ctx.config, locale: ctx.locale, now: opts.now ?? new Date(), submittedAt: opts.submittedAt, history,
  });
  return { file, result };
}

/** Whether the file has errors (findings, or a missing required header). */
export function hasErrors(c: CheckedFile): boolean {
  return c.result.errors > 0 || c.file.headerProblems.some((p) => p.severity === 'error');
}

function address(f: Finding, file: LedgerFile, locale: Locale): string {
  if (f.row === 0 || f.column === null) return f.row === 0 ? tr(locale, M.whole) : tr(locale, M.row, { row: f.row });
  const col = column(f.column);
  const label = locale === 'en' ? col.headerEn.replace(/\s*\(.*\)$/, '') : col.label;
  const letter = file.columns[f.column];
  return letter ? tr(locale, M.cell, { row: f.row, letter, label }) : tr(locale, M.cellNoLetter, { row: f.row, label });
}

/** Findings for people: header problems, then findings grouped by row, each with its cell address. */
export function formatFindings(c: CheckedFile, path: string, locale: Locale): string {
  const lines: string[] = [tr(locale, M.file, { file: path, sheet: c.file.sheet ? tr(locale, M.sheet, { sheet: c.file.sheet }) : '', rows: c.file.rows.length })];
  for (const p of c.file.headerProblems) lines.push(p.kind === 'total' ? safeText(p.message) : tr(locale, M.header, { message: safeText(p.message) }));
  const byRow = new Map<number, Finding[]>();
  for (const f of c.result.findings) byRow.set(f.row, [...(byRow.get(f.row) ?? []), f]);
  for (const [row, findings] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const raw = c.file.rows.find((r) => r.row === row)?.raw;
    const who = [findings[0].projectCode ?? (raw?.code ? String(raw.code) : ''), raw?.name ? String(raw.name) : ''].filter(Boolean).join(' ');
    lines.push('', row === 0 ? tr(locale, M.whole) : `${tr(locale, M.row, { row })}${who ? `  ${safeText(who)}` : ''}`);
    for (const f of findings) {
      const sep = locale === 'en' ? ': ' : '：';
      lines.push(`  ${tr(locale, f.severity === 'error' ? M.error : M.warning)}  ${address(f, c.file, locale)}${sep}${safeText(f.message)}〔${f.rule}〕`);
    }
  }
  lines.push('', c.result.findings.length ? tr(locale, M.summary, { errors: c.result.errors, warnings: c.result.warnings }) : tr(locale, M.clean));
  return lines.join('\n');
}

export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const { values, positionals, locale } = parse(argv, { period: { type: 'string' } }, USAGE, io, { min: 1, max: 1 });
  const period = periodArg(values.period, USAGE, io, locale);
  const ctx = context(values, io);
  const store = ctx.dbGiven ? openStore(ctx, io, true) : undefined;
  try {
    const checked = await checkFile(positionals[0], period, ctx, io, { store });
    if (values.json) {
      for (const p of checked.file.headerProblems) io.err(tr(ctx.locale, M.header, { message: p.message }));
      printJson(io, findingsJson(checked.result));
    } else {
      io.out(formatFindings(checked, positionals[0], ctx.locale));
      if (store) io.out(tr(ctx.locale, M.history, { db: ctx.dbPath }));
    }
    return hasErrors(checked) ? 1 : 0;
  } finally {
    store?.close();
  }
}
