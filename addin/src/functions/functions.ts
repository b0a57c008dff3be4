// Custom functions (shared runtime), namespace KEYPROJ in the manifest:
//   =KEYPROJ.COLOUR(annualPlan, ytd, month) → 绿/白/黄/红
//   =KEYPROJ.RATE(ytd, annualPlan)          → completion rate (0–1)
//   =KEYPROJ.CODECHECK(code, [county])      → "OK" or what is wrong, in Chinese
// functions.json is generated from these JSDoc tags by custom-functions-metadata at build.
import { DEFAULT_CONFIG, type Config } from '../../../core/config';
import { tr } from '../../../core/i18n';
import { readAmount, readDate } from '../../../core/parse';
import { currentPeriod, toPeriod, scheduleRateOf } from '../../../core/periods';
import { COLOUR_LABELS, colourByDifference, colourByRatio } from '../../../core/score';
import type { Locale } from '../../../core/types';
import { validateLedger } from '../../../core/validate';

let config: Config = DEFAULT_CONFIG;
let locale: Locale = 'zh-CN';

/** The pane passes the city's configuration once it knows it (thresholds, counties, rule set). */
export function useConfig(c: Config, l: Locale = locale): void {
  config = c;
  locale = l;
}

const MESSAGES = {
  amount: { 'zh-CN': '“{value}”不是金额（万元）', en: '"{value}" is not an amount (10,000 yuan)' },
  plan: { 'zh-CN': '年度计划投资应大于 0', en: 'The annual plan must be above 0' },
  month: { 'zh-CN': '“{value}”不是月份：请填 1 到 12，或 2026-03 这样的年月', en: '"{value}" is not a month: enter 1 to 12, or a month such as 2026-03' },
};

function fail(text: { 'zh-CN': string; en: string }, value: unknown): never {
  const message = tr(locale, text, { value: String(value ?? '') });
  const CF = (globalThis as { CustomFunctions?: { Error?: new (code: string, msg: string) => Error; ErrorCode?: { invalidValue: string } } }).CustomFunctions;
  // In Excel, a CustomFunctions.Error shows #VALUE! with the message as its tooltip.
  if (CF?.Error && CF.ErrorCode) throw new CF.Error(CF.ErrorCode.invalidValue, message);
  throw new Error(message);
}

function amount(v: unknown): number {
  const n = readAmount(v);
  if (n === undefined) fail(MESSAGES.amount, v);
  return n;
}

/** 1–12, or anything core reads as a month (2026-03, 2026年3月, an Excel date). */
function monthRate(v: unknown): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 12) return scheduleRateOf(toPeriod(2000, v));
  const d = readDate(v, config.timezone);
  if (d === undefined) fail(MESSAGES.month, v);
  return scheduleRateOf(d.slice(0, 7));
}

/**
 * 四色评分：按本年累计完成投资占年度计划的比例与序时进度比较。
 * Four-colour score: the completion rate compared with the time elapsed in the year.
 * @customfunction COLOUR
 * @param annualPlan 年度计划投资（万元） Annual plan (10,000 yuan)
 * @param ytd 本年累计完成投资（万元） Investment year to date (10,000 yuan)
 * @param month 月份：1–12 或 2026-03 Month: 1–12 or 2026-03
 * @returns 绿 / 白 / 黄 / 红
 */
export function colour(annualPlan: any, ytd: any, month: any): string {
  const plan = amount(annualPlan);
  if (!(plan > 0)) fail(MESSAGES.plan, annualPlan);
  const rate = amount(ytd) / plan;
  const sched = monthRate(month);
  const s = config.scoring;
  const c = s.ruleSet === 'ratio'
    ? (sched > 0 ? colourByRatio(rate / sched, s.ratio) : rate > 0 ? 'green' : 'white')
    : colourByDifference((rate - sched) * 100, s.difference);
  return tr(locale, COLOUR_LABELS[c]);
}

/**
 * 投资完成率：本年累计完成投资 ÷ 年度计划投资。
 * Completion rate: investment year to date ÷ annual plan.
 * @customfunction RATE
 * @param ytd 本年累计完成投资（万元） Investment year to date (10,000 yuan)
 * @param annualPlan 年度计划投资（万元） Annual plan (10,000 yuan)
 * @returns 完成率（0–1） Completion rate (0–1)
 */
export function rate(ytd: any, annualPlan: any): number {
  const plan = amount(annualPlan);
  if (!(plan > 0)) fail(MESSAGES.plan, annualPlan);
  return amount(ytd) / plan;
}

/**
 * 项目代码检查：格式和行政区划。
 * Checks a national project code: its form and its region.
 * @customfunction CODECHECK
 * @param code 投资项目统一代码 National project code
 * @param [county] 县市区（可选） County (optional)
 * @returns "OK" 或问题说明 "OK" or what is wrong
 */
export function codecheck(code: any, county?: any): string {
  const raw = { code: code ?? '', county: county ?? null, list: '在建' };
  const res = validateLedger({ rows: [{ row: 1, raw }], period: currentPeriod(new Date(), config.timezone), config, locale });
  const own = res.findings.filter((f) => f.column === 'code' || (f.column === 'county' && county !== undefined && county !== null && county !== ''));
  return own.length ? own.map((f) => f.message).join('；') : 'OK';
}

/** Registers the functions with Excel when the custom functions runtime is there. */
export function registerFunctions(g: { CustomFunctions?: { associate(id: string, f: (...a: any[]) => unknown): void } } = globalThis as never): boolean {
  if (!g.CustomFunctions?.associate) return false;
  g.CustomFunctions.associate('COLOUR', colour);
  g.CustomFunctions.associate('RATE', rate);
  g.CustomFunctions.associate('CODECHECK', codecheck);
  return true;
}
