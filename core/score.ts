// Four-colour scoring of projects (SPEC §4, Handan's 绿白黄红). Every colour carries its reason.
//
// Decisions, precisely:
// - 在建 (and completed) projects: completion rate = ytdInvest ÷ annualPlan, where ytdInvest is from
//   the report of `period` or, when missing, the latest report of the same year before it (flag
//   NO_REPORT; the reason says which month was used). No report this year at all → 0, said so.
//   序时 = the project's monthlyPlan[period] when given (a fraction 0–1), else m ÷ 12.
// - Rule set `difference`, points = (rate − 序时) × 100, compared after rounding to 1e-6 (float noise):
//     绿 points ≥ +greenAhead;  白 −yellowBehind < points < +greenAhead;
//     黄 −redBehind ≤ points ≤ −yellowBehind;  红 points < −redBehind.
//   With the defaults: 绿 ≥ +5, 白 (−10, +5), 黄 [−30, −10], 红 < −30.
// - Rule set `ratio`, r = rate ÷ 序时 (rounded to 1e-9): 绿 r ≥ green; 白 white ≤ r < green;
//   黄 yellow ≤ r < white; 红 r < yellow. 序时 = 0 (a monthly plan with nothing due yet): 绿 when
//   anything is done, else 白.
// - Either rule set: no investment (monthInvest ≤ 0) in `thresholds.stalledMonths` or more
//   consecutive reported months, ending at the scored report → 红. A missing month breaks the run
//   (we do not guess); months before the actual start do not count.
// - Completed projects (竣工/投产, or an actual end by `period`) are scored on their completion rate
//   like 在建 but without the stalled rule: no new investment is expected once built.
// - 拟新开工, not started: the planned month is "due month 1", the next "due month 2" … Before the
//   planned month → 白 (尚未到计划开工时间); from due month `newStart.yellowMonthsLate` → 黄; once
//   `newStart.redMonthsLate` or more months past the planned month → 红. Defaults: planned month and
//   the 2 months after → 黄, 3+ months after → 红.
//   Started: before the planned month → 绿, in it → 白, after it → 黄 (it did start: slow, not stalled).
// - 储备 → 'none'. An annual plan of 0 (or missing) → 'none': no rate can be computed.
// - Registration (入统): a started project with total ≥ registerMinTotal whose latest 是否入统 is not
//   是 (an unanswered cell counts as 否: 入统 must be reported) is flagged NOT_REGISTERED from
//   `registration.flagMonths` months after its start month, NOT_REGISTERED_RED from `redMonths`.
import type { Config } from './config';
import { formatAmount, formatNumber, formatPercent, formatPoints } from './format';
import { tr, type Text } from './i18n';
import { isPeriod, monthsBetween, periodOfDate, scheduleRateOf, yearOf, addMonths } from './periods';
import type { Colour, Locale, MonthlyReport, Period, Project, ProjectScore, ProjectState, ScoreFlag, Stage } from './types';

export const COLOUR_LABELS: Record<Colour, Text> = {
  green: { 'zh-CN': '绿', en: 'green' },
  white: { 'zh-CN': '白', en: 'white' },
  yellow: { 'zh-CN': '黄', en: 'yellow' },
  red: { 'zh-CN': '红', en: 'red' },
  none: { 'zh-CN': '无', en: 'none' },
};

export const COLOUR_LONG_LABELS: Record<Colour, Text> = {
  green: { 'zh-CN': '超计划推进', en: 'ahead of plan' },
  white: { 'zh-CN': '正常推进', en: 'on plan' },
  yellow: { 'zh-CN': '进度较慢', en: 'slow' },
  red: { 'zh-CN': '基本停滞', en: 'stalled' },
  none: { 'zh-CN': '不评色', en: 'not scored' },
};

/** Order from best to worst, for sorting and counting. */
export const COLOURS: Colour[] = ['green', 'white', 'yellow', 'red', 'none'];

const COMPLETED_STAGES: readonly Stage[] = ['竣工', '投产'];

/** What is known of a project at the end of a month, from its reports up to then. */
export interface ProjectFacts {
  /** Latest report of `period`'s year up to `period`. */
  report?: MonthlyReport;
  /** Year-to-date investment of that report; 0 when there is none this year. */
  ytd: number;
  /** Months (YYYY-MM) of the actual start / end, only when on or before `period`. */
  actualStart?: Period;
  actualEnd?: Period;
  stage: Stage;
  completed: boolean;
  registered?: boolean;
}

function latestWith<K extends keyof MonthlyReport>(sorted: MonthlyReport[], key: K): MonthlyReport[K] | undefined {
  for (const r of sorted) if (r[key] !== undefined && r[key] !== null) return r[key];
  return undefined;
}

/** The reports up to `period`, newest first, in a new array. */
function newestFirstUpTo(reports: MonthlyReport[], period: Period): MonthlyReport[] {
  const upTo: MonthlyReport[] = [];
  for (const r of reports) if (r.period <= period) upTo.push(r);
  // Stored reports come oldest first: then reversing is the sort.
  let ascending = true;
  for (let i = 1; i < upTo.length && ascending; i++) ascending = upTo[i - 1].period < upTo[i].period;
  return ascending ? upTo.reverse() : upTo.sort((a, b) => (a.period < b.period ? 1 : -1));
}

function monthUpTo(date: string | undefined, period: Period): Period | undefined {
  if (typeof date !== 'string') return undefined;
  const m = periodOfDate(date);
  return isPeriod(m) && m <= period ? m : undefined;
}

/** The project's facts as of the end of `period` (reports after it are ignored). */
export function factsAsOf(state: ProjectState, period: Period): ProjectFacts {
  const { project } = state;
  const upTo = newestFirstUpTo(state.reports, period);
  const year = yearOf(period);
  let report: MonthlyReport | undefined;
  for (let i = 0; i < upTo.length && !report; i++) if (yearOf(upTo[i].period) === year) report = upTo[i];
  const actualStart = monthUpTo(latestWith(upTo, 'actualStart') ?? project.actualStart, period);
  const actualEnd = monthUpTo(latestWith(upTo, 'actualEnd') ?? project.actualEnd, period);
  const stage = latestWith(upTo, 'stage') ?? project.stage;
  return {
    report,
    ytd: report?.ytdInvest ?? 0,
    actualStart,
    actualEnd,
    stage,
    completed: actualEnd !== undefined || COMPLETED_STAGES.includes(stage),
    registered: latestWith(upTo, 'registered') ?? project.registered,
  };
}

/** 序时进度 at the end of `period`: the project's own monthly plan when given, else m ÷ 12. */
export function scheduleOf(project: Project, period: Period): { rate: number; own: boolean } {
  const own = project.monthlyPlan?.[period];
  return typeof own === 'number' && Number.isFinite(own) && own >= 0 ? { rate: own, own: true } : { rate: scheduleRateOf(period), own: false };
}

/** The last report of a month, as a map built from the list would hold (no map per project: the run is short and every project of a province is scored). */
function lastReportOf(reports: MonthlyReport[], p: Period): MonthlyReport | undefined {
  for (let i = reports.length - 1; i >= 0; i--) if (reports[i].period === p) return reports[i];
  return undefined;
}

/** Consecutive reported months without investment, ending at `end` (not before `start`). */
export function monthsWithoutInvestment(reports: MonthlyReport[], end: Period, start?: Period): number {
  let n = 0;
  for (let p = end; ; p = addMonths(p, -1)) {
    if (start && p < start) break;
    const r = lastReportOf(reports, p);
    if (!r || !(r.monthInvest <= 0)) break;
    n++;
  }
  return n;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Colour by points ahead (+) or behind (−) 序时 (rule set `difference`). */
export function colourByDifference(points: number, t: Config['scoring']['difference']): Colour {
  const p = round(points, 6);
  if (p >= t.greenAhead) return 'green';
  if (p > -t.yellowBehind) return 'white';
  if (p >= -t.redBehind) return 'yellow';
  return 'red';
}

/** Colour by completion ÷ 序时 (rule set `ratio`). */
export function colourByRatio(ratio: number, t: Config['scoring']['ratio']): Colour {
  const r = round(ratio, 9);
  if (r >= t.green) return 'green';
  if (r >= t.white) return 'white';
  if (r >= t.yellow) return 'yellow';
  return 'red';
}

// Reason templates: one row per case. {label} is the long colour label.
const T = {
  base: { 'zh-CN': '本年累计完成 {ytd}，占年度计划 {rate}，序时进度{own} {sched}', en: 'Year to date {ytd}, {rate} of the annual plan; schedule{own} {sched}' },
  own: { 'zh-CN': '（按项目月度计划）', en: ' (project plan)' },
  diff: {
    green: { 'zh-CN': '，领先 {pts}（≥{g}）：{label}', en: '; {pts} ahead (≥{g}): {label}' },
    whiteAhead: { 'zh-CN': '，领先 {pts}（<{g}）：{label}', en: '; {pts} ahead (<{g}): {label}' },
    whiteEven: { 'zh-CN': '，与序时持平：{label}', en: '; level with the schedule: {label}' },
    whiteBehind: { 'zh-CN': '，落后 {pts}（<{y}）：{label}', en: '; {pts} behind (<{y}): {label}' },
    yellow: { 'zh-CN': '，落后 {pts}（{y}–{r}）：{label}', en: '; {pts} behind ({y}–{r}): {label}' },
    red: { 'zh-CN': '，落后 {pts}（>{r}）：{label}', en: '; {pts} behind (>{r}): {label}' },
  },
  ratio: {
    green: { 'zh-CN': '，完成率为序时的 {x} 倍（≥{g}）：{label}', en: '; {x} times the schedule (≥{g}): {label}' },
    white: { 'zh-CN': '，完成率为序时的 {x} 倍（{w}–{g}）：{label}', en: '; {x} times the schedule ({w}–{g}): {label}' },
    yellow: { 'zh-CN': '，完成率为序时的 {x} 倍（{ye}–{w}）：{label}', en: '; {x} times the schedule ({ye}–{w}): {label}' },
    red: { 'zh-CN': '，完成率为序时的 {x} 倍（<{ye}）：{label}', en: '; {x} times the schedule (<{ye}): {label}' },
    nothingDue: { 'zh-CN': '，本月前计划投资为 0：{label}', en: '; nothing is due yet: {label}' },
  },
  stalled: { 'zh-CN': '；连续 {n} 个月无新增投资（≥{s}）：{label}', en: '; no investment for {n} consecutive months (≥{s}): {label}' },
  completed: { 'zh-CN': '已于 {end} 竣工，', en: 'Completed in {end}; ' },
  completedNoDate: { 'zh-CN': '已竣工，', en: 'Completed; ' },
  noReport: { 'zh-CN': '{period} 未报送，按 {used} 报告评分：', en: 'No report for {period}; scored on the {used} report: ' },
  noReportYear: { 'zh-CN': '{period} 未报送，本年尚无报告，按 0 计：', en: 'No report for {period} nor earlier this year; counted as 0: ' },
  noPlan: { 'zh-CN': '年度计划投资为 {plan}，无法计算完成率，不评色', en: 'Annual plan is {plan}; no completion rate can be computed, not scored' },
  reserve: { 'zh-CN': '储备项目不评色', en: 'Reserve projects are not scored' },
  badPlannedStart: { 'zh-CN': '计划开工时间“{ps}”无法识别，不评色', en: 'Planned start "{ps}" cannot be read; not scored' },
  startEarly: { 'zh-CN': '已于 {s} 开工，早于计划开工时间 {ps}（提前 {n} 个月）：{label}', en: 'Started in {s}, {n} month(s) before the planned {ps}: {label}' },
  startOnTime: { 'zh-CN': '已于 {s} 按计划开工（计划 {ps}）：{label}', en: 'Started in {s} as planned ({ps}): {label}' },
  startLate: { 'zh-CN': '已于 {s} 开工，晚于计划开工时间 {ps} {n} 个月：{label}', en: 'Started in {s}, {n} month(s) after the planned {ps}: {label}' },
  notYetDue: { 'zh-CN': '计划 {ps} 开工，尚未到计划开工时间：{label}', en: 'Planned to start in {ps}; not due yet: {label}' },
  dueGrace: { 'zh-CN': '计划 {ps} 开工，已到计划开工时间，尚未开工：{label}', en: 'Planned to start in {ps}; due now, not started yet: {label}' },
  dueNow: { 'zh-CN': '计划 {ps} 开工，已到计划开工时间仍未开工：{label}', en: 'Planned to start in {ps}; the month has come without a start: {label}' },
  overdue: { 'zh-CN': '计划 {ps} 开工，已逾期 {n} 个月仍未开工（<{r}）：{label}', en: 'Planned to start in {ps}; {n} month(s) overdue without a start (<{r}): {label}' },
  overdueRed: { 'zh-CN': '计划 {ps} 开工，已逾期 {n} 个月仍未开工（≥{r}）：{label}', en: 'Planned to start in {ps}; {n} month(s) overdue without a start (≥{r}): {label}' },
  flagNoReport: { 'zh-CN': '{period} 未报送月度进度', en: 'No monthly report for {period}' },
  flagNotRegistered: { 'zh-CN': '已开工 {n} 个月，尚未入统', en: 'Started {n} month(s) ago and not yet registered in the statistics' },
  flagNotRegisteredRed: { 'zh-CN': '已开工 {n} 个月仍未入统（≥{r} 个月，红色提示）', en: 'Started {n} months ago and still not registered in the statistics (≥{r} months, red flag)' },
} satisfies Record<string, Text | Record<string, Text>>;

interface Verdict {
  colour: Colour;
  reason: string;
  investmentRate: number | null;
  scheduleRate: number | null;
}

const num = (n: number) => String(n);

// Module-level helpers, not closures made per project (20,000 of them per province).
function colourLabel(locale: Locale, c: Colour): string {
  return tr(locale, COLOUR_LONG_LABELS[c]);
}

/** Joined into one flat string: 20,000 reasons kept as chains of pieces cost the garbage collector more than the join. */
function rateVerdict(colour: Colour, prefix: string, base: string, rate: number, schedule: number, tail: string): Verdict {
  return { colour, reason: [prefix, base, tail].join(''), investmentRate: rate, scheduleRate: schedule };
}

function startVerdict(locale: Locale, ps: string, colour: Colour, text: Text, params: Record<string, string | number>): Verdict {
  return { colour, reason: tr(locale, text, { ps, ...params, label: colourLabel(locale, colour) }), investmentRate: null, scheduleRate: null };
}

function scoreOnRate(state: ProjectState, facts: ProjectFacts, period: Period, config: Config, locale: Locale, prefix: string): Verdict {
  const { project } = state;
  const plan = project.annualPlan;
  if (typeof plan !== 'number' || !Number.isFinite(plan) || plan <= 0) {
    return { colour: 'none', reason: prefix + tr(locale, T.noPlan, { plan: formatAmount(plan ?? 0, locale) }), investmentRate: null, scheduleRate: null };
  }
  const rate = facts.ytd / plan;
  const sched = scheduleOf(project, period);
  const base = tr(locale, T.base, {
    ytd: formatAmount(facts.ytd, locale), rate: formatPercent(rate), sched: formatPercent(sched.rate),
    own: sched.own ? tr(locale, T.own) : '',
  });

  const s = config.thresholds.stalledMonths;
  if (!facts.completed && facts.report && s > 0) {
    const n = monthsWithoutInvestment(state.reports, facts.report.period, facts.actualStart);
    if (n >= s) return rateVerdict('red', prefix, base, rate, sched.rate, tr(locale, T.stalled, { n, s, label: colourLabel(locale, 'red') }));
  }

  const { scoring } = config;
  if (scoring.ruleSet === 'ratio') {
    const t = scoring.ratio;
    const th = { g: formatNumber(t.green), w: formatNumber(t.white), ye: formatNumber(t.yellow) };
    if (sched.rate <= 0) {
      const c: Colour = rate > 0 ? 'green' : 'white';
      return rateVerdict(c, prefix, base, rate, sched.rate, tr(locale, T.ratio.nothingDue, { label: colourLabel(locale, c) }));
    }
    const ratio = rate / sched.rate;
    const c = colourByRatio(ratio, t);
    return rateVerdict(c, prefix, base, rate, sched.rate, tr(locale, T.ratio[c as 'green' | 'white' | 'yellow' | 'red'], { ...th, x: formatNumber(ratio), label: colourLabel(locale, c) }));
  }
  const t = scoring.difference;
  const points = (rate - sched.rate) * 100;
  const c = colourByDifference(points, t);
  const p = round(points, 6);
  const key = c === 'white' ? (p > 0 ? 'whiteAhead' : p < 0 ? 'whiteBehind' : 'whiteEven') : (c as 'green' | 'yellow' | 'red');
  return rateVerdict(c, prefix, base, rate, sched.rate, tr(locale, T.diff[key], {
    pts: formatPoints(Math.abs(points), 1, locale), g: num(t.greenAhead), y: num(t.yellowBehind), r: num(t.redBehind), label: colourLabel(locale, c),
  }));
}

function scoreNewStart(project: Project, facts: ProjectFacts, period: Period, config: Config, locale: Locale): Verdict {
  const ps = project.plannedStart;
  if (!isPeriod(ps)) return { colour: 'none', reason: tr(locale, T.badPlannedStart, { ps: String(ps ?? '') }), investmentRate: null, scheduleRate: null };
  if (facts.actualStart) {
    const d = monthsBetween(ps, facts.actualStart);
    if (d < 0) return startVerdict(locale, ps, 'green', T.startEarly, { s: facts.actualStart, n: -d });
    if (d === 0) return startVerdict(locale, ps, 'white', T.startOnTime, { s: facts.actualStart });
    return startVerdict(locale, ps, 'yellow', T.startLate, { s: facts.actualStart, n: d });
  }
  const past = monthsBetween(ps, period);
  const { yellowMonthsLate, redMonthsLate } = config.scoring.newStart;
  if (past < 0) return startVerdict(locale, ps, 'white', T.notYetDue, {});
  if (past >= redMonthsLate) return startVerdict(locale, ps, 'red', T.overdueRed, { n: past, r: redMonthsLate });
  if (past + 1 < yellowMonthsLate) return startVerdict(locale, ps, 'white', T.dueGrace, {});
  return past === 0 ? startVerdict(locale, ps, 'yellow', T.dueNow, {}) : startVerdict(locale, ps, 'yellow', T.overdue, { n: past, r: redMonthsLate });
}

function registrationFlag(project: Project, facts: ProjectFacts, period: Period, config: Config, locale: Locale): ScoreFlag | undefined {
  if (!facts.actualStart || facts.registered === true) return undefined;
  if (!(project.total >= config.thresholds.registerMinTotal)) return undefined;
  const n = monthsBetween(facts.actualStart, period);
  const { flagMonths, redMonths } = config.scoring.registration;
  if (n >= redMonths) return { code: 'NOT_REGISTERED_RED', message: tr(locale, T.flagNotRegisteredRed, { n, r: redMonths }) };
  if (n >= flagMonths) return { code: 'NOT_REGISTERED', message: tr(locale, T.flagNotRegistered, { n }) };
  return undefined;
}

/** Colour, reason and flags of one project at the end of `period`. */
export function scoreProject(state: ProjectState, period: Period, config: Config, locale: Locale = config.locale): ProjectScore {
  const { project } = state;
  const facts = factsAsOf(state, period);
  const flags: ScoreFlag[] = [];
  let verdict: Verdict;

  if (project.list === '储备') {
    verdict = { colour: 'none', reason: tr(locale, T.reserve), investmentRate: null, scheduleRate: null };
  } else if (project.list === '拟新开工' && !facts.completed) {
    verdict = scoreNewStart(project, facts, period, config, locale);
  } else {
    let prefix = '';
    if (facts.completed) {
      prefix = facts.actualEnd ? tr(locale, T.completed, { end: facts.actualEnd }) : tr(locale, T.completedNoDate);
    }
    // A project completed before this month has nothing more to report.
    const expectsReport = !(facts.actualEnd && facts.actualEnd < period);
    if (facts.report?.period !== period && expectsReport) {
      flags.push({ code: 'NO_REPORT', message: tr(locale, T.flagNoReport, { period }) });
      prefix += facts.report ? tr(locale, T.noReport, { period, used: facts.report.period }) : tr(locale, T.noReportYear, { period });
    }
    verdict = scoreOnRate(state, facts, period, config, locale, prefix);
  }

  if (project.list !== '储备') {
    const f = registrationFlag(project, facts, period, config, locale);
    if (f) flags.push(f);
  }
  const score: ProjectScore = {
    projectCode: project.code,
    name: project.name,
    county: project.county,
    colour: verdict.colour,
    reason: verdict.reason,
    investmentRate: verdict.investmentRate,
    scheduleRate: verdict.scheduleRate,
  };
  if (flags.length) score.flags = flags;
  return score;
}

/** Scores of many projects, in the order given. */
export function scoreAll(states: ProjectState[], period: Period, config: Config, locale: Locale = config.locale): ProjectScore[] {
  return states.map((s) => scoreProject(s, period, config, locale));
}

/** How many projects have each colour. */
export function colourCounts(scores: ProjectScore[]): Record<Colour, number> {
  const out = Object.fromEntries(COLOURS.map((c) => [c, 0])) as Record<Colour, number>;
  for (const s of scores) out[s.colour]++;
  return out;
}
