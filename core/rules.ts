// The validation rules of SPEC §3, one rule one row (after Frictionless Data's error catalogue):
// code, severity, title, description, message template, and the check. Every threshold comes
// from config.thresholds; every message says what is wrong and what would be right, with numbers.
import { CODE_EXAMPLE, CODE_YEARS, codeFormatIssue, checkCode, countyCodes, parseCode } from './code';
import { provinceCode } from './config';
import { formatNumber, formatPercent } from './format';
import type { Config } from './config';
import { tr } from './i18n';
import type { Text } from './i18n';
import { LEDGER, column, isRequired, isTemporaryCode } from './ledger';
import type { ColumnDef } from './ledger';
import { currentPeriod, deadlineOf, isPeriod, localDate, monthOf, periodOfDate, prevPeriod, yearOf } from './periods';
import type { LedgerKey, LedgerValues, Locale, MonthlyReport, Period, RawRow, RuleCode, Severity } from './types';

// ---------------------------------------------------------------------------------------------
// Contexts and hits

/** A bad cell as parsing found it (see core/parse.ts). */
export interface BadCell {
  key: LedgerKey;
  rule: 'TYPE' | 'ENUM';
  message: string;
}

/** Everything a row rule may look at. */
export interface RowContext {
  row: number;
  raw: RawRow;
  values: LedgerValues;
  /** Cells parsing could not read (their values are absent from `values`). */
  problems: BadCell[];
  config: Config;
  period: Period;
  locale: Locale;
  /** This project's stored reports before `period`, oldest first. */
  history: MonthlyReport[];
  /** Spreadsheet rows of this submission carrying the same project code (this row included). */
  sameCode: number[];
}

/** Everything a whole-submission rule may look at. */
export interface SubmissionContext {
  config: Config;
  period: Period;
  locale: Locale;
  now: Date;
  submittedAt?: Date;
}

export type Params = Record<string, string | number>;

export interface Hit {
  column: LedgerKey | null;
  params?: Params;
  /** Picks one of the rule's message variants. */
  variant?: string;
  /** Raw numbers a severity function may look at. */
  nums?: Record<string, number>;
  /** The offending value, when it is not the cell of `column` (whole-submission findings). */
  value?: string;
  /** A finished message (TYPE/ENUM carry the parser's). */
  message?: string;
}

interface RuleBase {
  code: RuleCode;
  severity: Severity | ((hit: Hit, config: Config) => Severity);
  title: Text;
  description: Text;
  message: Text;
  variants?: Record<string, Text>;
}
export interface RowRule extends RuleBase {
  scope: 'row';
  check(ctx: RowContext): Hit[];
}
export interface SubmissionRule extends RuleBase {
  scope: 'submission';
  check(ctx: SubmissionContext): Hit[];
}
export type RuleDef = RowRule | SubmissionRule;

// ---------------------------------------------------------------------------------------------
// Formatting

/** 1250 → "1,250.00" (万元 everywhere). */
const amt = (n: number): string => formatNumber(n);
/** 0.853 → "85.3%". */
const pct = (r: number): string => formatPercent(r);
const num1 = (n: number): string => formatNumber(n, 1);
/** A configured share: 1 → "100%", 0.125 → "12.5%" (no trailing ".0" on round limits). */
const limitPct = (r: number): string => formatPercent(r, Number.isInteger(Math.round(r * 1e6) / 1e4) ? 0 : 1);

/** A column's name in a locale: the Chinese label, or the English header without its unit. */
export function columnName(key: LedgerKey, locale: Locale): string {
  const c = column(key);
  return locale === 'en' ? c.headerEn.replace(/\s*\([^()]*\)$/, '') : c.label;
}

/** A rule's message for a hit. */
export function renderMessage(rule: RuleDef, locale: Locale, params: Params = {}, variant?: string): string {
  const text = (variant && rule.variants?.[variant]) || rule.message;
  return tr(locale, text, params);
}

const txt = (zhCN: string, en: string): Text => ({ 'zh-CN': zhCN, en });
const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol + 1e-9;
const has = (v: number | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const AMOUNT_KEYS = LEDGER.filter((c) => c.type === 'amount').map((c) => c.key);
/** Columns that some list requires (the others are never REQUIRED). */
const REQUIRABLE = LEDGER.filter((c) => c.required !== 'never');
/** The columns a row of each list requires (undefined: no list given), worked out once. */
const requiredFor = new Map<unknown, ColumnDef[]>();
function requiredColumns(list: LedgerValues['list']): ColumnDef[] {
  let cols = requiredFor.get(list);
  if (!cols) {
    cols = REQUIRABLE.filter((c) => isRequired(c, list));
    if (requiredFor.size < 16) requiredFor.set(list, cols);
  }
  return cols;
}
/** The answer of a rule that finds nothing (shared: callers only read hits). */
const NONE: Hit[] = Object.freeze([]) as unknown as Hit[];
/** hits plus h (a new array instead of the shared empty one): no closure per row. */
function withHit(hits: Hit[], h: Hit): Hit[] {
  if (hits === NONE) return [h];
  hits.push(h);
  return hits;
}
/** Whether parsing found the cell of `key` unreadable. */
function isBad(problems: BadCell[], key: LedgerKey): boolean {
  for (let i = 0; i < problems.length; i++) if (problems[i].key === key) return true;
  return false;
}

/** The latest report of the same year before the period, if any. */
function prevSameYear(ctx: RowContext): MonthlyReport | undefined {
  const y = yearOf(ctx.period);
  // From the newest back, without copying the history (two rules ask, for every row).
  for (let i = ctx.history.length - 1; i >= 0; i--) if (yearOf(ctx.history[i].period) === y) return ctx.history[i];
  return undefined;
}

/**
 * checkCode of the row's code against its county, once per row: CODE_FORMAT and CODE_REGION
 * both ask, and a malformed code is CODE_FORMAT with or without a county.
 */
let lastCodeCheck: { code: string; county?: string; list?: string; config: Config; result: ReturnType<typeof checkCode> } | undefined;
function codeCheck(ctx: RowContext): ReturnType<typeof checkCode> {
  const { code, county, list } = ctx.values;
  const last = lastCodeCheck;
  if (last && last.code === code && last.county === county && last.list === list && last.config === ctx.config) return last.result;
  lastCodeCheck = { code: code!, county, list, config: ctx.config, result: checkCode(code!, county, ctx.config, list) };
  return lastCodeCheck.result;
}

/** The stage decides when given (a 竣工 project on the 在建 list is no longer building); else the list. */
function isUnderConstruction(v: LedgerValues): boolean {
  return v.stage ? v.stage === '在建' : v.list === '在建';
}

/** A and B are months or dates; compares at month level when either lacks a day. */
function before(a: string, b: string): boolean {
  return a.length === 10 && b.length === 10 ? a < b : a.slice(0, 7) < b.slice(0, 7);
}

const MOBILE_RE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE_RE = /^\(?0\d{2,3}\)?-?\d{7,8}(?:(?:-|转|#)\d{1,6})?$/;

/** Whether a phone cell holds mainland mobile or landline numbers only (several separated by 、/ ,;). */
export function isValidPhone(s: string): boolean {
  // One mobile number as it is, the usual cell: nothing to split or compact.
  if (MOBILE_RE.test(s)) return true;
  const pieces = s.split(/[/、,，;；]+/).map((p) => p.trim()).filter(Boolean);
  return pieces.length > 0 && pieces.every((p) => {
    const compact = p.replace(/[\s()-]/g, '');
    return MOBILE_RE.test(compact) || LANDLINE_RE.test(p.replace(/\s+/g, '-').replace(/-+/g, '-').replace(/\)-/, ')'));
  });
}

const ACTUAL_DATES = ['actualStart', 'actualEnd'] as const;

// ---------------------------------------------------------------------------------------------
// The table

export const RULES: readonly RuleDef[] = [
  {
    code: 'REQUIRED', scope: 'row', severity: 'error',
    title: txt('必填项为空', 'Required cell is empty'),
    description: txt('必填的单元格没有填写；在建项目还须填写投资与形象进度', 'A required cell is empty; projects under construction also need investment and progress'),
    message: txt('{column}为必填项，不能为空；请填写（{hint}）', '{column} is required; please fill it in ({hint})'),
    variants: {
      underConstruction: txt('在建项目的{column}为必填项，不能为空；请填写（{hint}）', '{column} is required for projects under construction; please fill it in ({hint})'),
      unlessReserve: txt('{column}为必填项（仅储备项目可暂缺），不能为空；请填写（{hint}）', '{column} is required (only reserve projects may leave it empty); please fill it in ({hint})'),
    },
    check: (ctx) => {
      // With an unreadable list the list-dependent requirements are unknown: judge only the unconditional ones.
      const listBad = isBad(ctx.problems, 'list');
      let hits = NONE;
      for (const c of listBad ? REQUIRABLE : requiredColumns(ctx.values.list)) {
        if (ctx.values[c.key] !== undefined || isBad(ctx.problems, c.key)) continue;
        if (listBad && c.required !== 'always') continue;
        if (hits === NONE) hits = [];
        hits.push({ column: c.key, variant: c.required, params: { column: columnName(c.key, ctx.locale), hint: tr(ctx.locale, c.hint) } });
      }
      return hits;
    },
  },
  {
    code: 'TYPE', scope: 'row', severity: 'error',
    title: txt('无法识别的值', 'Unreadable value'),
    description: txt('单元格的内容无法识别为该列的类型（金额、年月、百分数、文字长度）', 'The cell cannot be read as its column type (amount, month, percent, text length)'),
    message: txt('{column}：{detail}', '{column}: {detail}'),
    check: (ctx) => ctx.problems.length === 0 ? NONE : ctx.problems.filter((p) => p.rule === 'TYPE').map((p) => ({ column: p.key, message: p.message })),
  },
  {
    code: 'ENUM', scope: 'row', severity: 'error',
    title: txt('不在可选范围内', 'Not one of the options'),
    description: txt('值不在配置的可选列表中（县市区、清单类别、建设阶段等）', 'The value is not in the configured list (county, list, stage …)'),
    message: txt('{column}：{detail}', '{column}: {detail}'),
    check: (ctx) => ctx.problems.length === 0 ? NONE : ctx.problems.filter((p) => p.rule === 'ENUM').map((p) => ({ column: p.key, message: p.message })),
  },
  {
    code: 'CODE_FORMAT', scope: 'row', severity: 'error',
    title: txt('项目代码格式不对', 'Malformed project code'),
    description: txt('投资项目统一代码应为 YYYY-AAAAAA-BB-TT-NNNNNN（24 位）；临时编号只用于储备项目', 'The national project code has the form YYYY-AAAAAA-BB-TT-NNNNNN (24 characters); temporary ids are for reserve projects only'),
    message: txt('项目代码“{value}”格式不对；应为 24 位的 YYYY-AAAAAA-BB-TT-NNNNNN，如 {example}', 'Project code "{value}" is malformed; it should be YYYY-AAAAAA-BB-TT-NNNNNN (24 characters), e.g. {example}'),
    variants: {
      year: txt('项目代码“{value}”的年份 {year} 不合理；应在 {min} 到 {max} 之间', 'Project code "{value}" has an implausible year {year}; it should be between {min} and {max}'),
      temporary: txt('临时编号“{value}”只能用于储备项目；本项目不在储备清单，请填写投资项目统一代码，如 {example}', 'Temporary id "{value}" is for reserve projects only; enter the national project code, e.g. {example}'),
    },
    check: (ctx) => {
      const code = ctx.values.code;
      // A temporary id is judged by the list: with an unreadable list, it cannot be.
      if (code === undefined || (isTemporaryCode(code) && isBad(ctx.problems, 'list'))) return NONE;
      if (codeCheck(ctx) !== 'CODE_FORMAT') return NONE;
      const issue = codeFormatIssue(code);
      return [{ column: 'code', variant: issue === 'shape' ? undefined : issue, params: { value: code, example: CODE_EXAMPLE, year: code.slice(0, 4), min: CODE_YEARS.min, max: CODE_YEARS.max } }];
    },
  },
  {
    code: 'CODE_REGION', scope: 'row', severity: 'error',
    title: txt('项目代码与县市区不符', 'Project code from another region'),
    description: txt('项目代码中的行政区划代码应属于本县市区（含曾用代码）或本市、本省', "The code's division must be the county's (or a legacy code of it), the city's or the province's"),
    message: txt('项目代码中的行政区划代码 {division} 不属于{county}；应为{county}的 {expected}，或市级 {city}、省级 {province}', "The division code {division} in the project code does not belong to {county}; it should be {county}'s {expected}, or the city's {city} or the province's {province}"),
    check: (ctx) => {
      const { code, county } = ctx.values;
      if (code === undefined || county === undefined) return NONE;
      if (codeCheck(ctx) !== 'CODE_REGION') return NONE;
      return [{ column: 'code', params: { division: parseCode(code)!.division, county, expected: countyCodes(county, ctx.config).join('、'), city: ctx.config.city.code, province: provinceCode(ctx.config) } }];
    },
  },
  {
    code: 'DUPLICATE', scope: 'row', severity: 'error',
    title: txt('项目代码重复', 'Duplicate project code'),
    description: txt('同一次填报中同一项目代码出现多次', 'The same project code appears more than once in one submission'),
    message: txt('项目代码 {value} 在本次填报中重复出现（第 {rows} 行）；每个项目只能填一行，请删除或合并重复的行', 'Project code {value} appears more than once in this submission (rows {rows}); each project takes one row: delete or merge the duplicates'),
    check: (ctx) => ctx.values.code !== undefined && ctx.sameCode.length > 1
      ? [{ column: 'code', params: { value: ctx.values.code, rows: ctx.sameCode.join('、') } }]
      : NONE,
  },
  {
    code: 'NEGATIVE', scope: 'row', severity: 'error',
    title: txt('金额为负数', 'Negative amount'),
    description: txt('金额不能为负数', 'Amounts cannot be negative'),
    message: txt('{column}为 {amount} 万元，不能为负数；请填写 0 或正数', '{column} is {amount} (10k yuan) and cannot be negative; enter 0 or a positive number'),
    check: (ctx) => {
      let hits = NONE;
      for (const k of AMOUNT_KEYS) {
        const v = ctx.values[k] as number | undefined;
        if (!has(v) || v >= 0) continue;
        if (hits === NONE) hits = [];
        hits.push({ column: k, params: { column: columnName(k, ctx.locale), amount: amt(v) } });
      }
      return hits;
    },
  },
  {
    code: 'YTD_MISMATCH', scope: 'row', severity: 'error',
    title: txt('本年累计与上月不衔接', 'Year-to-date does not add up'),
    description: txt('本年累计完成投资应等于上月的本年累计加本月完成投资（1 月等于本月完成投资），允许误差见配置', "Year-to-date must equal last month's year-to-date plus this month (January: this month), within the configured tolerance"),
    message: txt('本年累计完成投资 {ytd} 万元 ≠ 上月（{prevPeriod}）累计 {prevYtd} + 本月 {month} = {expected} 万元；请改为 {expected} 或核对本月完成投资', "Year-to-date {ytd} ≠ last month's ({prevPeriod}) {prevYtd} + this month {month} = {expected} (10k yuan); change it to {expected} or check this month's investment"),
    variants: {
      january: txt('1 月的本年累计完成投资 {ytd} 万元应等于本月完成投资 {month} 万元；请改为 {month}', "In January the year-to-date {ytd} must equal this month's investment {month} (10k yuan); change it to {month}"),
    },
    check: (ctx) => {
      const { monthInvest: month, ytdInvest: ytd } = ctx.values;
      if (!has(month) || !has(ytd)) return NONE;
      const tol = ctx.config.thresholds.ytdTolerance;
      if (monthOf(ctx.period) === 1) {
        return near(ytd, month, tol) ? NONE : [{ column: 'ytdInvest', variant: 'january', params: { ytd: amt(ytd), month: amt(month) } }];
      }
      const prev = prevSameYear(ctx);
      if (!prev || prev.period !== prevPeriod(ctx.period) || !has(prev.ytdInvest)) return NONE;
      const expected = prev.ytdInvest + month;
      return near(ytd, expected, tol) ? NONE : [{ column: 'ytdInvest', params: { ytd: amt(ytd), prevPeriod: prev.period, prevYtd: amt(prev.ytdInvest), month: amt(month), expected: amt(expected) } }];
    },
  },
  {
    code: 'YTD_DECREASE', scope: 'row', severity: 'error',
    title: txt('本年累计减少', 'Year-to-date went down'),
    description: txt('本年累计完成投资低于本年此前已报的数', 'Year-to-date is below the figure reported earlier this year'),
    message: txt('本年累计完成投资 {ytd} 万元低于 {prevPeriod} 已报的 {prevYtd} 万元；本年累计只增不减，应不少于 {prevYtd} 万元', 'Year-to-date {ytd} is below the {prevYtd} reported for {prevPeriod} (10k yuan); it cannot go down and should be at least {prevYtd}'),
    check: (ctx) => {
      const ytd = ctx.values.ytdInvest;
      const prev = prevSameYear(ctx);
      if (!has(ytd) || !prev || !has(prev.ytdInvest) || ytd >= prev.ytdInvest) return NONE;
      return [{ column: 'ytdInvest', params: { ytd: amt(ytd), prevPeriod: prev.period, prevYtd: amt(prev.ytdInvest) } }];
    },
  },
  {
    code: 'CUM_LT_YTD', scope: 'row', severity: 'error',
    title: txt('开工累计小于本年累计', 'Since-start below year-to-date'),
    description: txt('开工累计完成投资不能小于本年累计完成投资', 'Investment since the start cannot be below the year-to-date'),
    message: txt('开工累计完成投资 {cum} 万元小于本年累计完成投资 {ytd} 万元；开工累计应不少于 {ytd} 万元', 'Investment since the start {cum} is below the year-to-date {ytd} (10k yuan); it should be at least {ytd}'),
    check: (ctx) => {
      const { cumInvest: cum, ytdInvest: ytd } = ctx.values;
      return has(cum) && has(ytd) && cum < ytd ? [{ column: 'cumInvest', params: { cum: amt(cum), ytd: amt(ytd) } }] : NONE;
    },
  },
  {
    code: 'CUM_GT_TOTAL', scope: 'row',
    severity: (hit, config) => ((hit.nums?.ratio ?? 0) > config.thresholds.cumOverTotalError ? 'error' : 'warning'),
    title: txt('开工累计超过总投资', 'Since-start exceeds total investment'),
    description: txt('开工累计完成投资超过总投资：超过 100% 为警告，超过 150% 为错误（见配置）', 'Investment since the start exceeds the total: a warning above 100 %, an error above 150 % (configurable)'),
    message: txt('开工累计完成投资 {cum} 万元为总投资 {total} 万元的 {share}，超过 {limit}；请核对开工累计，或先调整总投资', 'Investment since the start {cum} is {share} of the total {total} (10k yuan), above {limit}; check it, or adjust the total investment first'),
    check: (ctx) => {
      const { cumInvest: cum, total } = ctx.values;
      const t = ctx.config.thresholds;
      if (!has(cum) || !has(total) || total <= 0) return NONE;
      const ratio = cum / total;
      if (ratio <= t.cumOverTotalWarn) return NONE;
      const limit = ratio > t.cumOverTotalError ? t.cumOverTotalError : t.cumOverTotalWarn;
      return [{ column: 'cumInvest', nums: { ratio }, params: { cum: amt(cum), total: amt(total), share: pct(ratio), limit: limitPct(limit) } }];
    },
  },
  {
    code: 'DATE_ORDER', scope: 'row', severity: 'error',
    title: txt('时间先后矛盾', 'Dates out of order'),
    description: txt('竣工早于开工，或实际时间晚于报告月份', 'Completion before start, or an actual date after the report month'),
    message: txt('{column} {date} 晚于报告月份 {period}；已发生的时间不能晚于 {period}，请核对', '{column} {date} is after the report month {period}; it cannot be later than {period}'),
    variants: {
      planned: txt('计划竣工时间 {end} 早于计划开工时间 {start}；计划竣工应不早于 {start}', 'Planned completion {end} is before the planned start {start}; it should be {start} or later'),
      actual: txt('实际竣工时间 {end} 早于实际开工时间 {start}；实际竣工应不早于 {start}', 'Actual completion {end} is before the actual start {start}; it should be {start} or later'),
    },
    check: (ctx) => {
      const v = ctx.values;
      let hits = NONE;
      if (v.plannedStart && v.plannedEnd && before(v.plannedEnd, v.plannedStart)) hits = withHit(hits, { column: 'plannedEnd', variant: 'planned', params: { start: v.plannedStart, end: v.plannedEnd } });
      if (v.actualStart && v.actualEnd && before(v.actualEnd, v.actualStart)) hits = withHit(hits, { column: 'actualEnd', variant: 'actual', params: { start: v.actualStart, end: v.actualEnd } });
      for (const k of ACTUAL_DATES) {
        const d = v[k];
        if (d && isPeriod(ctx.period) && periodOfDate(d) > ctx.period) hits = withHit(hits, { column: k, params: { column: columnName(k, ctx.locale), date: d, period: ctx.period } });
      }
      return hits;
    },
  },
  {
    code: 'STAGE', scope: 'row', severity: 'error',
    title: txt('建设阶段与实际不符', 'Stage contradicts the facts'),
    description: txt('竣工/投产却无实际竣工时间；在建却无实际开工时间；前期却有本月投资', 'Completed/in operation without a completion date; under construction without a start date; preparation with investment this month'),
    message: txt('建设阶段为{stage}，但未填写实际竣工时间；请填写实际竣工时间，或将建设阶段改为在建', 'Stage is {stage} but the actual completion date is empty; enter it, or set the stage to 在建 (under construction)'),
    variants: {
      noStart: txt('建设阶段为在建，但未填写实际开工时间；请填写实际开工时间，或将建设阶段改为前期', 'Stage is 在建 (under construction) but the actual start date is empty; enter it, or set the stage to 前期 (preparation)'),
      prepInvest: txt('建设阶段为前期，但本月完成投资 {month} 万元；有投资的项目应为在建，请改为在建并填写实际开工时间，或核对本月完成投资', "Stage is 前期 (preparation) but this month's investment is {month} (10k yuan); a project with investment is under construction: set the stage to 在建 with its start date, or check the investment"),
    },
    check: (ctx) => {
      const v = ctx.values;
      if (!v.stage) return NONE;
      if ((v.stage === '竣工' || v.stage === '投产') && !v.actualEnd && !isBad(ctx.problems, 'actualEnd')) return [{ column: 'stage', params: { stage: v.stage } }];
      if (v.stage === '在建' && !v.actualStart && !isBad(ctx.problems, 'actualStart')) return [{ column: 'stage', variant: 'noStart' }];
      if (v.stage === '前期' && has(v.monthInvest) && v.monthInvest > 0) return [{ column: 'stage', variant: 'prepInvest', params: { month: amt(v.monthInvest) } }];
      return NONE;
    },
  },
  {
    code: 'PERIOD_FUTURE', scope: 'submission', severity: 'error',
    title: txt('报告月份在未来', 'Report month in the future'),
    description: txt('报告月份晚于当前月份', 'The report month is after the current month'),
    message: txt('报告月份 {period} 晚于当前月份 {current}；只能填报 {current} 及以前的月份', 'The report month {period} is after the current month {current}; report {current} or earlier'),
    check: (ctx) => {
      const current = currentPeriod(ctx.now, ctx.config.timezone);
      return ctx.period > current ? [{ column: null, value: ctx.period, params: { period: ctx.period, current } }] : [];
    },
  },
  {
    code: 'BELOW_THRESHOLD', scope: 'row', severity: 'warning',
    title: txt('投资规模不足', 'Below the size threshold'),
    description: txt('总投资低于重点项目标准；低于入统标准的项目不能入统', 'Total below the key-project threshold; below the statistics threshold a project cannot be registered'),
    message: txt('总投资 {total} 万元低于重点项目标准 {min} 万元；请核对总投资（是否误按元或亿元填写），不足 {min} 万元的项目不宜列入重点项目', 'Total investment {total} is below the key-project threshold of {min} (10k yuan); check it (was it typed in yuan or 亿?); projects below {min} should not be on the key list'),
    variants: {
      register: txt('总投资 {total} 万元低于入统标准 {min} 万元，不能入统；请将是否入统改为否，或核对总投资', 'Total investment {total} is below the statistics threshold of {min} (10k yuan), so the project cannot be registered; set 是否入统 to 否 or check the total'),
    },
    check: (ctx) => {
      const { total, registered } = ctx.values;
      const t = ctx.config.thresholds;
      if (!has(total) || total < 0) return NONE;
      if (total >= t.keyListMinTotal && !(registered === true && total < t.registerMinTotal)) return NONE;
      const hits: Hit[] = [];
      if (total < t.keyListMinTotal) hits.push({ column: 'total', params: { total: amt(total), min: amt(t.keyListMinTotal) } });
      if (registered === true && total < t.registerMinTotal) hits.push({ column: 'registered', variant: 'register', params: { total: amt(total), min: amt(t.registerMinTotal) } });
      return hits;
    },
  },
  {
    code: 'PROGRESS_GAP', scope: 'row', severity: 'warning',
    title: txt('形象进度与投资进度不符', 'Physical progress far from investment'),
    description: txt('形象进度与开工累计完成投资占总投资的比例相差过大（见配置）', 'Physical progress and since-start investment ÷ total differ by more than the configured points'),
    message: txt('形象进度 {progress}% 与投资进度 {invest}（开工累计 {cum} ÷ 总投资 {total}）相差 {gap} 个百分点，超过 {limit} 个百分点；请核对形象进度或开工累计完成投资', 'Physical progress {progress}% and investment progress {invest} (since start {cum} ÷ total {total}) differ by {gap} points, more than {limit}; check the progress or the investment'),
    check: (ctx) => {
      const { progress, cumInvest: cum, total } = ctx.values;
      if (!has(progress) || !has(cum) || !has(total) || total <= 0) return NONE;
      const invest = (cum / total) * 100;
      const gap = Math.abs(progress - invest);
      const limit = ctx.config.thresholds.progressGapPoints;
      return gap > limit ? [{ column: 'progress', params: { progress: String(progress), invest: pct(cum / total), cum: amt(cum), total: amt(total), gap: num1(gap), limit } }] : NONE;
    },
  },
  {
    code: 'SPEND_GAP', scope: 'row', severity: 'warning',
    title: txt('财务支出与投资不符', 'Spending far from investment'),
    description: txt('累计财务支出与开工累计完成投资相差超过开工累计的一定比例（见配置）', 'Spending to date and since-start investment differ by more than the configured share of the investment'),
    message: txt('累计财务支出 {spent} 万元与开工累计完成投资 {cum} 万元相差 {diff} 万元（{share}），超过 {limit}；差额一般应在 {allowed} 万元以内，请核对', 'Spending to date {spent} and investment since the start {cum} differ by {diff} (10k yuan, {share}), more than {limit}; the difference should be within {allowed}: please check'),
    check: (ctx) => {
      const { spent, cumInvest: cum } = ctx.values;
      const ratio = ctx.config.thresholds.spendGapRatio;
      if (!has(spent) || !has(cum) || cum <= 0) return NONE;
      const diff = Math.abs(spent - cum);
      return diff > ratio * cum ? [{ column: 'spent', params: { spent: amt(spent), cum: amt(cum), diff: amt(diff), share: pct(diff / cum), limit: limitPct(ratio), allowed: amt(ratio * cum) } }] : NONE;
    },
  },
  {
    code: 'SPIKE', scope: 'row', severity: 'warning',
    title: txt('本月投资异常偏高', 'Unusual jump this month'),
    description: txt('本月完成投资超过以往月均的若干倍且超过总投资的一定比例（见配置）', "This month's investment is several times the project's average month and a large share of the total (configurable)"),
    message: txt('本月完成投资 {month} 万元是以往 {months} 个月月均 {avg} 万元的 {times} 倍，且超过总投资 {total} 万元的 {share}；请核对是否多填（如把累计数填成了本月数）', "This month's investment {month} is {times}× the average {avg} of the previous {months} months and more than {share} of the total {total} (10k yuan); check it was not over-stated (e.g. a cumulative figure typed as this month's)"),
    check: (ctx) => {
      const { monthInvest: month, total } = ctx.values;
      const t = ctx.config.thresholds;
      if (!has(month) || !has(total) || total <= 0) return NONE;
      let months = 0;
      let sum = 0;
      for (const r of ctx.history) if (has(r.monthInvest)) { months++; sum += r.monthInvest; }
      if (months === 0) return NONE;
      const avg = sum / months;
      if (!(month > t.spikeAvgMultiple * avg && month > t.spikeTotalShare * total)) return NONE;
      return [{ column: 'monthInvest', params: { month: amt(month), months, avg: amt(avg), times: avg > 0 ? num1(month / avg) : '∞', total: amt(total), share: limitPct(t.spikeTotalShare) } }];
    },
  },
  {
    code: 'STALLED', scope: 'row', severity: 'warning',
    title: txt('连续无投资', 'No investment for months'),
    description: txt('在建项目连续若干个月没有完成投资（见配置）', 'A project under construction has had no investment for the configured number of consecutive months'),
    message: txt('在建项目已连续 {months} 个月（{from} 至 {to}）没有完成投资；请在“存在问题”中说明原因，或核对本月完成投资', 'The project under construction has had no investment for {months} consecutive months ({from} to {to}); explain why under 存在问题 (problems), or check this month\'s investment'),
    check: (ctx) => {
      const v = ctx.values;
      if (!isUnderConstruction(v) || !has(v.monthInvest) || v.monthInvest > 0) return NONE;
      const byPeriod = new Map(ctx.history.map((r) => [r.period, r]));
      let n = 1;
      let p = ctx.period;
      for (;;) {
        const r = byPeriod.get(prevPeriod(p));
        if (!r || !has(r.monthInvest) || r.monthInvest > 0) break;
        n++;
        p = r.period;
      }
      return n >= ctx.config.thresholds.stalledMonths ? [{ column: 'monthInvest', params: { months: n, from: p, to: ctx.period } }] : NONE;
    },
  },
  {
    code: 'PHONE', scope: 'row', severity: 'warning',
    title: txt('联系电话有误', 'Invalid phone number'),
    description: txt('不是大陆手机号（11 位，1[3-9] 开头）或固定电话（区号 + 号码）', 'Not a mainland mobile (11 digits, 1[3-9]…) or landline (area code + number)'),
    message: txt('联系电话“{value}”不是有效的手机号（11 位，以 13–19 开头）或固定电话（区号-号码，如 0318-2123456）；请核对', 'Phone "{value}" is neither a mainland mobile (11 digits starting 13–19) nor a landline (area code-number, e.g. 0318-2123456); please check'),
    check: (ctx) => ctx.values.phone !== undefined && !isValidPhone(ctx.values.phone) ? [{ column: 'phone', params: { value: ctx.values.phone } }] : NONE,
  },
  {
    code: 'LATE', scope: 'submission', severity: 'warning',
    title: txt('逾期报送', 'Submitted late'),
    description: txt('在该月报告的截止日期之后提交', "Submitted after the month's reporting deadline"),
    message: txt('{period} 的报告于 {submitted} 提交，晚于截止日期 {deadline}；请按时报送', 'The {period} report was submitted on {submitted}, after the deadline {deadline}; please report on time'),
    check: (ctx) => {
      if (!ctx.submittedAt || Number.isNaN(ctx.submittedAt.getTime())) return [];
      const submitted = localDate(ctx.submittedAt, ctx.config.timezone);
      const deadline = deadlineOf(ctx.period, ctx.config.deadlineDay);
      return submitted > deadline ? [{ column: null, value: ctx.submittedAt.toISOString(), params: { period: ctx.period, submitted, deadline } }] : [];
    },
  },
];

const BY_CODE = new Map(RULES.map((r) => [r.code, r]));
export function ruleDef(code: RuleCode): RuleDef {
  return BY_CODE.get(code)!;
}

export function severityOf(rule: RuleDef, hit: Hit, config: Config): Severity {
  return typeof rule.severity === 'function' ? rule.severity(hit, config) : rule.severity;
}
