// Configuration (SPEC §6): city, counties, sectors, rule sets, thresholds, deadline, reminder, locale.
// Every threshold lives here, never as a constant in a rule.
import type { IndicatorKey, Locale } from './types';

export interface CountyDef {
  name: string;
  /** 6-digit administrative division code. */
  code: string;
  /** Older codes of the same place that stay valid in project codes (e.g. 131181 冀州市). */
  legacyCodes?: string[];
  nameEn?: string;
}

export interface Thresholds {
  /** YTD_MISMATCH tolerance, 万元. */
  ytdTolerance: number;
  /** CUM_GT_TOTAL: warning above this share of total, error above the second. */
  cumOverTotalWarn: number;
  cumOverTotalError: number;
  /** BELOW_THRESHOLD: a key project needs at least this total (万元). */
  keyListMinTotal: number;
  /** 入统 needs at least this total (万元). */
  registerMinTotal: number;
  /** PROGRESS_GAP: points between physical progress and cumInvest/total. */
  progressGapPoints: number;
  /** SPEND_GAP: share of cumInvest. */
  spendGapRatio: number;
  /** SPIKE: month > multiple × average month and > share of total. */
  spikeAvgMultiple: number;
  spikeTotalShare: number;
  /** STALLED / red: consecutive months without investment. */
  stalledMonths: number;
  /** Reconciliation: differ by more than max(ratio, abs 万元). */
  reconcileRatio: number;
  reconcileAbs: number;
}

export interface ScoringConfig {
  /** `difference`: points vs 序时 (Handan/Yinchuan); `ratio`: completion ÷ 序时 (Sanya). */
  ruleSet: 'difference' | 'ratio';
  difference: { greenAhead: number; yellowBehind: number; redBehind: number };
  ratio: { green: number; white: number; yellow: number };
  /** 拟新开工: months past the planned start without starting → yellow from, red from. */
  newStart: { yellowMonthsLate: number; redMonthsLate: number };
  /** Started but not 入统: flag after, red flag after (months). */
  registration: { flagMonths: number; redMonths: number };
}

export interface RankingConfig {
  weights: Record<IndicatorKey, number>;
  /** Handan: top N commended, bottom N called in for talks. */
  commendTop: number;
  talkBottom: number;
}

export interface EscalationConfig {
  /** Last on one indicator for this many consecutive months → level 1. */
  level1Months: number;
  /** Last on one indicator for this many consecutive months → level 2. */
  level2Months: number;
  /** …or last on this many indicators for level1Months consecutive months → level 2. */
  level2Indicators: number;
}

export interface ReminderConfig {
  /** croner pattern in `timezone`. Default Monday 09:00. */
  cron: string;
  skipHolidays: boolean;
  /** Extra reminder the working day before the reporting deadline. */
  beforeDeadline: boolean;
}

export interface Config {
  city: { name: string; code: string; nameEn?: string };
  counties: CountyDef[];
  sectors: string[];
  thresholds: Thresholds;
  scoring: ScoringConfig;
  ranking: RankingConfig;
  escalation: EscalationConfig;
  /** Reports for month M are due on this day of month M+1. */
  deadlineDay: number;
  reminder: ReminderConfig;
  locale: Locale;
  timezone: string;
}

export const DEFAULT_SECTORS = ['农业', '林业', '水利', '工业', '交通运输', '市政公用', '生态环保', '社会事业', '服务业', '房地产', '其他'];

export const HENGSHUI_COUNTIES: CountyDef[] = [
  { name: '桃城区', code: '131102', nameEn: 'Taocheng' },
  { name: '冀州区', code: '131103', legacyCodes: ['131181'], nameEn: 'Jizhou' },
  { name: '枣强县', code: '131121', nameEn: 'Zaoqiang' },
  { name: '武邑县', code: '131122', nameEn: 'Wuyi' },
  { name: '武强县', code: '131123', nameEn: 'Wuqiang' },
  { name: '饶阳县', code: '131124', nameEn: 'Raoyang' },
  { name: '安平县', code: '131125', nameEn: 'Anping' },
  { name: '故城县', code: '131126', nameEn: 'Gucheng' },
  { name: '景县', code: '131127', nameEn: 'Jingxian' },
  { name: '阜城县', code: '131128', nameEn: 'Fucheng' },
  { name: '深州市', code: '131182', nameEn: 'Shenzhou' },
  { name: '衡水高新区', code: '131171', nameEn: 'Hengshui Hi-tech Zone' },
  { name: '滨湖新区', code: '131172', nameEn: 'Binhu New Area' },
];

export const DEFAULT_CONFIG: Config = {
  city: { name: '衡水市', code: '131100', nameEn: 'Hengshui' },
  counties: HENGSHUI_COUNTIES,
  sectors: DEFAULT_SECTORS,
  thresholds: {
    ytdTolerance: 0.5,
    cumOverTotalWarn: 1.0,
    cumOverTotalError: 1.5,
    keyListMinTotal: 5000,
    registerMinTotal: 500,
    progressGapPoints: 30,
    spendGapRatio: 0.2,
    spikeAvgMultiple: 3,
    spikeTotalShare: 0.1,
    stalledMonths: 2,
    reconcileRatio: 0.05,
    reconcileAbs: 10,
  },
  scoring: {
    ruleSet: 'difference',
    difference: { greenAhead: 5, yellowBehind: 10, redBehind: 30 },
    ratio: { green: 1.05, white: 0.9, yellow: 0.5 },
    newStart: { yellowMonthsLate: 1, redMonthsLate: 3 },
    registration: { flagMonths: 1, redMonths: 2 },
  },
  ranking: {
    weights: { investment: 1, investmentRate: 1, starts: 1, startRate: 1, completions: 1, completionRate: 1 },
    commendTop: 7,
    talkBottom: 3,
  },
  escalation: { level1Months: 2, level2Months: 3, level2Indicators: 2 },
  deadlineDay: 5,
  reminder: { cron: '0 9 * * 1', skipHolidays: true, beforeDeadline: true },
  locale: 'zh-CN',
  timezone: 'Asia/Shanghai',
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };
export type ConfigInput = DeepPartial<Config>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function merge<T>(base: T, over: unknown): T {
  if (!isPlainObject(over) || !isPlainObject(base)) return (over === undefined ? base : over) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? merge(out[k], v) : v;
  return out as T;
}

/** Defaults overlaid with a (partial) configuration file's content. */
export function resolveConfig(input: ConfigInput = {}): Config {
  return merge(DEFAULT_CONFIG, input);
}

/** Checks a resolved configuration; returns one Chinese message per bad value (empty when valid). */
export function checkConfig(c: Config): string[] {
  const bad: string[] = [];
  const code6 = /^\d{6}$/;
  if (!c.city?.name) bad.push('city.name：城市名称不能为空');
  if (!code6.test(c.city?.code ?? '')) bad.push(`city.code：“${c.city?.code}”不是 6 位行政区划代码，例如 131100`);
  if (!Array.isArray(c.counties) || c.counties.length === 0) bad.push('counties：至少需要配置一个县市区');
  const seen = new Set<string>();
  (c.counties ?? []).forEach((k, i) => {
    if (!k?.name) bad.push(`counties[${i}].name：县市区名称不能为空`);
    if (!code6.test(k?.code ?? '')) bad.push(`counties[${i}].code：“${k?.code}”不是 6 位行政区划代码`);
    for (const l of k?.legacyCodes ?? []) if (!code6.test(l)) bad.push(`counties[${i}].legacyCodes：“${l}”不是 6 位行政区划代码`);
    if (seen.has(k?.name)) bad.push(`counties[${i}].name：“${k?.name}”重复`);
    seen.add(k?.name);
  });
  if (!Array.isArray(c.sectors) || c.sectors.length === 0) bad.push('sectors：至少需要配置一个行业领域');
  for (const [k, v] of Object.entries(c.thresholds ?? {})) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) bad.push(`thresholds.${k}：“${String(v)}”应为非负数`);
  }
  if (!['difference', 'ratio'].includes(c.scoring?.ruleSet)) bad.push(`scoring.ruleSet：“${c.scoring?.ruleSet}”应为 difference 或 ratio`);
  for (const [k, v] of Object.entries(c.ranking?.weights ?? {})) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) bad.push(`ranking.weights.${k}：“${String(v)}”应为非负数`);
  }
  if (!Number.isInteger(c.deadlineDay) || c.deadlineDay < 1 || c.deadlineDay > 28) bad.push(`deadlineDay：“${c.deadlineDay}”应为 1 到 28 之间的整数`);
  if (!['zh-CN', 'en'].includes(c.locale)) bad.push(`locale：“${c.locale}”应为 zh-CN 或 en`);
  if (typeof c.reminder?.cron !== 'string' || c.reminder.cron.trim().split(/\s+/).length < 5) bad.push(`reminder.cron：“${c.reminder?.cron}”不是有效的 cron 表达式，例如 0 9 * * 1`);
  return bad;
}

export function countyByName(c: Config, name: string): CountyDef | undefined {
  return c.counties.find((k) => k.name === name);
}

/** The province's division code, derived from the city's (131100 → 130000). */
export function provinceCode(c: Config): string {
  return c.city.code.slice(0, 2) + '0000';
}
