// Suqian's monthly cross-check: read the statistics bureau's and the development commission's
// figures (xlsx or csv: 项目代码, 本月完成投资 — headers as people write them), compare them with
// core/reconcile, and add the projects whose financial spending and investment drift apart
// (SPEND_GAP of the stored reports, judged by core's own rule).
import type ExcelJS from 'exceljs';
import { excel } from './xlsx/exceljs';
import type { Config } from '../core/config';
import { tr, type Text } from '../core/i18n';
import { halfWidth, matchHeader, readAmount, toSimplified } from '../core/parse';
import { reconcile, type Difference } from '../core/reconcile';
import { renderMessage, ruleDef, type RowRule } from '../core/rules';
import type { Locale, Period, ProjectState } from '../core/types';
import { decodeCsv, parseCsv } from './xlsx/csv';
import { cellValue } from './xlsx/read';

export type SourceKey = 'stats' | 'ndrc';

export interface SourceFile {
  /** File name as given (its extension decides xlsx or csv). */
  name: string;
  data: Uint8Array;
}

export interface SourceFigures {
  file: string;
  /** Data rows read (blank rows not counted). */
  rows: number;
  /** Unit of the amount column as its header said (converted to 万元). */
  unit: string;
  figures: Map<string, number>;
  /** Cells that could not be read, each naming file, row and column. */
  problems: string[];
}

/** A file that cannot be used at all (unreadable, or without the two columns). */
export class ReconcileInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReconcileInputError';
  }
}

interface ProjectRef {
  projectCode: string;
  name: string | null;
  county: string | null;
}

export interface ReconcileReport {
  period: Period;
  threshold: { ratio: number; abs: number };
  sources: Record<SourceKey, { file: string; rows: number; unit: string; problems: string[] }>;
  /** Figures that differ by more than max(ratio, abs); `ledger` is the stored 本月完成投资 for reference. */
  differences: (Difference & ProjectRef & { ledger: number | null })[];
  onlyInStats: (ProjectRef & { value: number })[];
  onlyInNdrc: (ProjectRef & { value: number })[];
  /** Codes whose figure could not be read in one of the files. */
  invalid: ProjectRef[];
  /** Stored reports of the month whose spending and investment since the start drift apart. */
  spendGaps: (ProjectRef & { spent: number; cumInvest: number; message: string })[];
  summary: string;
}

const M = {
  unreadable: { 'zh-CN': '无法读取文件 {file}：{why}。请提供 .xlsx 或 .csv 文件', en: 'Cannot read {file}: {why}. Provide an .xlsx or .csv file' },
  noHeader: {
    'zh-CN': '文件 {file} 的前 {n} 行中找不到表头“项目代码”和“本月完成投资”；请在第一行写明这两列（可带单位，如“本月完成投资（万元）”）',
    en: '{file}: no header row with 项目代码 (project code) and 本月完成投资 (investment this month) in the first {n} rows; name the two columns in the first row (a unit such as （万元） may follow)',
  },
  badAmount: { 'zh-CN': '{file} 第 {row} 行“{header}”：“{value}”不是金额，应为数字（单位{unit}），例如 1250.5', en: '{file} row {row}, "{header}": "{value}" is not an amount; enter a number (in {unit}), e.g. 1250.5' },
  noCode: { 'zh-CN': '{file} 第 {row} 行：有金额 {value} 但没有项目代码，该行未参与比对', en: '{file} row {row}: an amount ({value}) without a project code; the row was not compared' },
  duplicate: { 'zh-CN': '{file} 第 {row} 行：项目代码 {code} 与第 {first} 行重复，按第 {first} 行比对', en: '{file} row {row}: project code {code} repeats row {first}; row {first} was used' },
  summary: {
    'zh-CN': '{period} 统计局与发改委数据比对：差异超过 max({ratio}, {abs} 万元) 的项目 {diff} 个，仅统计局有 {onlyStats} 个，仅发改委有 {onlyNdrc} 个，无法比对 {invalid} 个；财务支出与投资不符的项目 {spend} 个',
    en: '{period} statistics vs development commission: {diff} projects differ by more than max({ratio}, {abs} (10k yuan)), {onlyStats} only in the statistics, {onlyNdrc} only in the commission\'s figures, {invalid} not comparable; {spend} projects whose spending and investment drift apart',
  },
} satisfies Record<string, Text>;

const HEADER_ROWS = 10;

// Header spellings beyond the ledger's own (which core's matchHeader knows), after squeezing.
const CODE_HEADERS = /^(投资)?项目(统一)?(代码|编码|编号)$|^统一(项目)?代码$|^projectcode$|^code$/i;
const AMOUNT_HEADERS = /^(本月|当月)(完成)?(投资|投资额|投资完成额|完成投资额)$|^本月完成$|^monthinvest(ment)?$/i;
const UNIT_FACTORS: Record<string, number> = { 万元: 1, 万: 1, 亿元: 10_000, 亿: 10_000, 元: 0.0001 };

function squeeze(s: string): string {
  return toSimplified(halfWidth(s)).replace(/\s+/g, '');
}

/** Which of the two columns a header names, and the unit in its brackets. */
function headerKind(text: string): { kind: 'code' | 'amount'; unit?: string } | undefined {
  const s = squeeze(text);
  const unit = /[(（\[【]([^()（）\[\]【】]*)[)）\]】]$/.exec(s)?.[1];
  const bare = s.replace(/[(（\[【][^()（）\[\]【】]*[)）\]】]$/, '');
  const key = matchHeader(text);
  if (key === 'code' || CODE_HEADERS.test(bare)) return { kind: 'code' };
  if (key === 'monthInvest' || AMOUNT_HEADERS.test(bare)) return { kind: 'amount', unit };
  return undefined;
}

async function rowsOf(file: SourceFile, locale: Locale): Promise<unknown[][]> {
  const name = file.name.toLowerCase();
  try {
    if (name.endsWith('.csv') || name.endsWith('.txt')) return parseCsv(decodeCsv(file.data).text);
    const wb = new (excel().Workbook)();
    await wb.xlsx.load(Buffer.from(file.data) as never);
    // The first sheet with the two headers; the first sheet otherwise (to report what is missing).
    const sheets = wb.worksheets.map((ws) => {
      const rows: unknown[][] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        const values = row.values as ExcelJS.CellValue[];
        rows[r - 1] = values.slice(1).map(cellValue);
      });
      return Array.from({ length: rows.length }, (_, i) => rows[i] ?? []);
    });
    return sheets.find((rows) => findHeader(rows)) ?? sheets[0] ?? [];
  } catch (e) {
    throw new ReconcileInputError(tr(locale, M.unreadable, { file: file.name, why: (e as Error).message }));
  }
}

function findHeader(rows: unknown[][]): { row: number; code: number; amount: number; unit?: string; header: string } | undefined {
  for (let r = 0; r < Math.min(HEADER_ROWS, rows.length); r++) {
    let code = -1, amount = -1, unit: string | undefined, header = '';
    (rows[r] ?? []).forEach((cell, c) => {
      if (typeof cell !== 'string') return;
      const k = headerKind(cell);
      if (k?.kind === 'code' && code < 0) code = c;
      if (k?.kind === 'amount' && amount < 0) { amount = c; unit = k.unit; header = cell.trim(); }
    });
    if (code >= 0 && amount >= 0) return { row: r, code, amount, unit, header };
  }
  return undefined;
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Reads one source's figures (万元) by project code. Unreadable cells are reported, never zero. */
export async function readSource(file: SourceFile, locale: Locale = 'zh-CN'): Promise<SourceFigures> {
  const rows = await rowsOf(file, locale);
  const h = findHeader(rows);
  if (!h) throw new ReconcileInputError(tr(locale, M.noHeader, { file: file.name, n: HEADER_ROWS }));
  const unit = h.unit && UNIT_FACTORS[h.unit] ? h.unit : '万元';
  const factor = UNIT_FACTORS[unit];
  const out: SourceFigures = { file: file.name, rows: 0, unit, figures: new Map(), problems: [] };
  const firstRow = new Map<string, number>();
  for (let r = h.row + 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const rawCode = cells[h.code];
    const rawAmount = cells[h.amount];
    if (isBlank(rawCode) && isBlank(rawAmount)) continue;
    out.rows++;
    const row = r + 1; // as the spreadsheet shows it
    if (isBlank(rawCode)) {
      out.problems.push(tr(locale, M.noCode, { file: file.name, row, value: String(rawAmount) }));
      continue;
    }
    const code = squeeze(String(rawCode)).toUpperCase();
    if (firstRow.has(code)) {
      out.problems.push(tr(locale, M.duplicate, { file: file.name, row, code, first: firstRow.get(code)! }));
      continue;
    }
    firstRow.set(code, row);
    const amount = readAmount(typeof rawAmount === 'string' || typeof rawAmount === 'number' ? rawAmount : undefined);
    if (amount === undefined) {
      out.problems.push(tr(locale, M.badAmount, { file: file.name, row, header: h.header, value: isBlank(rawAmount) ? '' : String(rawAmount), unit }));
      // Kept as not-a-number so core lists the project as not comparable instead of dropping it.
      out.figures.set(code, Number.NaN);
      continue;
    }
    out.figures.set(code, Math.round(amount * factor * 1e6) / 1e6);
  }
  return out;
}

const SPEND_GAP = ruleDef('SPEND_GAP') as RowRule;

/** SPEND_GAP of the stored reports of `period`, judged by core's rule and worded by it. */
export function spendGaps(states: ProjectState[], period: Period, config: Config, locale: Locale): ReconcileReport['spendGaps'] {
  const out: ReconcileReport['spendGaps'] = [];
  for (const { project, reports } of states) {
    const r = reports.find((x) => x.period === period);
    if (!r || typeof r.spent !== 'number') continue;
    const hits = SPEND_GAP.check({
      row: 0, raw: {}, values: { spent: r.spent, cumInvest: r.cumInvest }, problems: [],
      config, period, locale, history: [], sameCode: [],
    });
    for (const hit of hits) {
      out.push({
        projectCode: project.code, name: project.name, county: project.county, spent: r.spent, cumInvest: r.cumInvest,
        message: renderMessage(SPEND_GAP, locale, hit.params, hit.variant),
      });
    }
  }
  return out;
}

/** What reconciliation reads from the store. */
export interface ReconcileStore {
  projectStates(period: Period, county?: string): ProjectState[];
}

/** Figures given directly (the API's JSON form), codes read as readSource reads them. */
export function figuresOf(label: string, figures: Map<string, number>): SourceFigures {
  const out = new Map<string, number>();
  for (const [code, v] of figures) out.set(squeeze(code).toUpperCase(), v);
  return { file: label, rows: figures.size, unit: '万元', figures: out, problems: [] };
}

/** Reads both files, compares them, and adds the spending gaps of the stored month. */
export async function reconcileFiles(
  store: ReconcileStore, config: Config, period: Period, files: Record<SourceKey, SourceFile>, locale: Locale = config.locale,
): Promise<ReconcileReport> {
  const stats = await readSource(files.stats, locale);
  const ndrc = await readSource(files.ndrc, locale);
  return reconcileFigures(store, config, period, { stats, ndrc }, locale);
}

/** Compares two sources' figures of `period` and adds the spending gaps of the stored month. */
export function reconcileFigures(
  store: ReconcileStore, config: Config, period: Period, { stats, ndrc }: Record<SourceKey, SourceFigures>, locale: Locale = config.locale,
): ReconcileReport {
  const states = store.projectStates(period);
  const byCode = new Map(states.map((s) => [s.project.code.toUpperCase(), s]));
  const ref = (code: string): ProjectRef => {
    const s = byCode.get(code);
    return { projectCode: code, name: s?.project.name ?? null, county: s?.project.county ?? null };
  };
  const ledger = (code: string) => byCode.get(code)?.reports.find((r) => r.period === period)?.monthInvest ?? null;
  const result = reconcile(stats.figures, ndrc.figures, config);
  const { reconcileRatio: ratio, reconcileAbs: abs } = config.thresholds;
  const report: ReconcileReport = {
    period,
    threshold: { ratio, abs },
    sources: {
      stats: { file: stats.file, rows: stats.rows, unit: stats.unit, problems: stats.problems },
      ndrc: { file: ndrc.file, rows: ndrc.rows, unit: ndrc.unit, problems: ndrc.problems },
    },
    differences: result.differences.map((d) => ({ ...ref(d.projectCode), ...d, ledger: ledger(d.projectCode) })),
    onlyInStats: result.onlyInStats.map((c) => ({ ...ref(c), value: stats.figures.get(c)! })),
    onlyInNdrc: result.onlyInNdrc.map((c) => ({ ...ref(c), value: ndrc.figures.get(c)! })),
    invalid: result.invalid.map(ref),
    spendGaps: spendGaps(states, period, config, locale),
    summary: '',
  };
  report.summary = tr(locale, M.summary, {
    period, ratio: `${Math.round(ratio * 1000) / 10}%`, abs,
    diff: report.differences.length, onlyStats: report.onlyInStats.length, onlyNdrc: report.onlyInNdrc.length,
    invalid: report.invalid.length, spend: report.spendGaps.length,
  });
  return report;
}
