// validateLedger: parses every row, runs every rule of the table (core/rules.ts) and returns ALL
// findings, sorted by row then ledger column. The add-in runs it offline, the server on every
// submission. A cell that cannot be read yields TYPE/ENUM and is absent from the row's values, so
// the rules that need it stay quiet for that row.
import type { Config } from './config';
import { tr } from './i18n';
import { LEDGER_KEYS } from './ledger';
import { CELL_PROBLEMS, cellText, readRow } from './parse';
import type { CellProblem } from './parse';
import { isPeriod } from './periods';
import { RULES, renderMessage, ruleDef, severityOf } from './rules';
import type { Hit, RowContext, RowRule, RuleDef, SubmissionContext, SubmissionRule } from './rules';
import type { Finding, InputRow, LedgerValues, Locale, MonthlyReport, Period, ValidationResult } from './types';

export interface ValidateInput {
  rows: InputRow[];
  period: Period;
  config: Config;
  locale?: Locale;
  /** The current instant (PERIOD_FUTURE); default: now. */
  now?: Date;
  /** When the submission was made (LATE); no LATE check without it. */
  submittedAt?: Date;
  /** Project code → its stored reports of earlier months (any order, any years). */
  history?: Map<string, MonthlyReport[]>;
}

export type LedgerValidation = ValidationResult & { rows: { row: number; values: LedgerValues }[] };

const COLUMN_ORDER = new Map(LEDGER_KEYS.map((k, i) => [k, i]));
const RULE_ORDER = new Map(RULES.map((r, i) => [r.code, i]));

function byPosition(a: Finding, b: Finding): number {
  return a.row - b.row
    || (a.column === null ? -1 : COLUMN_ORDER.get(a.column)!) - (b.column === null ? -1 : COLUMN_ORDER.get(b.column)!)
    || RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)!;
}

export function summarize(findings: Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Exactly the SPEC §6 findings shape. */
export function findingsJson(result: ValidationResult): { findings: Finding[]; errors: number; warnings: number } {
  const findings = result.findings.map((f) => ({
    rule: f.rule, severity: f.severity, row: f.row, column: f.column, projectCode: f.projectCode, value: f.value, message: f.message,
  }));
  return { findings, ...summarize(findings) };
}

function toFinding(rule: RuleDef, hit: Hit, ctx: { row: number; code: string | null; raw?: Record<string, unknown>; config: Config; locale: Locale }): Finding {
  return {
    rule: rule.code,
    severity: severityOf(rule, hit, ctx.config),
    row: ctx.row,
    column: hit.column,
    projectCode: ctx.code,
    value: hit.value ?? (hit.column && ctx.raw ? cellText(ctx.raw[hit.column], ctx.config.timezone) : ''),
    message: hit.message ?? renderMessage(rule, ctx.locale, hit.params, hit.variant),
  };
}

const NO_REPORTS: MonthlyReport[] = [];
const NO_PROBLEMS: CellProblem[] = [];

/** This project's reports before the period, oldest first (reports with a malformed period are ignored). */
function earlierReports(all: MonthlyReport[] | undefined, period: Period): MonthlyReport[] {
  if (!all || all.length === 0) return NO_REPORTS;
  // Stored history usually comes in order and before the period: then it is the answer as it is
  // (the rules only read it).
  let inOrder = true;
  for (let i = 0; i < all.length && inOrder; i++) {
    const p = all[i].period;
    inOrder = isPeriod(p) && p < period && (i === 0 || all[i - 1].period < p);
  }
  if (inOrder) return all;
  return all.filter((r) => isPeriod(r.period) && r.period < period).sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

const ROW_RULES = RULES.filter((r): r is RowRule => r.scope === 'row');
const SUBMISSION_RULES = RULES.filter((r): r is SubmissionRule => r.scope === 'submission');
const MONTH_RULES = new Set(['YTD_MISMATCH', 'YTD_DECREASE', 'SPIKE', 'STALLED']);

export function validateLedger(input: ValidateInput): LedgerValidation {
  const { config } = input;
  const locale = input.locale ?? config.locale;
  const period = input.period;
  const findings: Finding[] = [];
  const rows = Array.isArray(input.rows) ? input.rows : [];

  // Parsed rows as returned ({row, values}), with each row's cells as typed and its unreadable cells alongside.
  const parsed: { row: number; values: LedgerValues }[] = new Array(rows.length);
  const raws: Record<string, unknown>[] = new Array(rows.length);
  const problemsOf: CellProblem[][] = new Array(rows.length);
  const scratch: CellProblem[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const raw = (r?.raw && typeof r.raw === 'object' ? r.raw : {}) as Record<string, unknown>;
    // The row number comes from the caller (a spreadsheet, the API): anything but a number is 0.
    const row = typeof r?.row === 'number' && Number.isFinite(r.row) ? r.row : 0;
    parsed[i] = { row, values: readRow(raw, config, locale, scratch) };
    raws[i] = raw;
    problemsOf[i] = scratch.length === 0 ? NO_PROBLEMS : scratch.splice(0);
  }

  // A malformed report month: say so once; the month-dependent rules cannot run.
  const periodOk = isPeriod(period);
  if (!periodOk) {
    const detail = tr(locale, CELL_PROBLEMS.month, { value: String(period) });
    const label = locale === 'en' ? 'Report month' : '报告月份';
    findings.push({ rule: 'TYPE', severity: 'error', row: 0, column: null, projectCode: null, value: String(period), message: renderMessage(ruleDef('TYPE'), locale, { column: label, detail }) });
  }

  // The first row of every code, and all rows of the codes given more than once.
  const firstRow = new Map<string, number>();
  const repeated = new Map<string, number[]>();
  for (const p of parsed) {
    const code = p.values.code;
    if (code === undefined) continue;
    const first = firstRow.get(code);
    if (first === undefined) firstRow.set(code, p.row);
    else {
      const list = repeated.get(code);
      if (list) list.push(p.row);
      else repeated.set(code, [first, p.row]);
    }
  }

  const rowRules = periodOk ? ROW_RULES : ROW_RULES.filter((r) => !MONTH_RULES.has(r.code));
  // One context, refilled for every row: the rules read it while they run and keep nothing of it.
  const ctx: RowContext = { row: 0, raw: {}, values: {}, problems: NO_PROBLEMS, config, period, locale, history: NO_REPORTS, sameCode: [] };
  const alone = [0]; // sameCode of a row whose code no other row has (refilled, like ctx)
  for (let i = 0; i < parsed.length; i++) {
    const p = parsed[i];
    const code = p.values.code ?? null;
    ctx.row = p.row;
    ctx.raw = raws[i];
    ctx.values = p.values;
    ctx.problems = problemsOf[i];
    ctx.history = periodOk && code ? earlierReports(input.history?.get(code), period) : NO_REPORTS;
    alone[0] = p.row;
    ctx.sameCode = (code && repeated.get(code)) || alone;
    for (const rule of rowRules) {
      const hits = rule.check(ctx);
      for (let h = 0; h < hits.length; h++) findings.push(toFinding(rule, hits[h], { row: p.row, code, raw: raws[i], config, locale }));
    }
  }

  if (periodOk) {
    const now = input.now instanceof Date && !Number.isNaN(input.now.getTime()) ? input.now : new Date();
    const sctx: SubmissionContext = { config, period, locale, now, submittedAt: input.submittedAt };
    for (const rule of SUBMISSION_RULES) {
      for (const hit of rule.check(sctx)) findings.push(toFinding(rule, hit, { row: 0, code: null, config, locale }));
    }
  }

  findings.sort(byPosition);
  return { findings, ...summarize(findings), rows: parsed };
}
