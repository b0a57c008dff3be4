// The monthly bulletin (月度通报) as an xlsx a city office can print: city summary, county ranking
// with a chart, colour counts, red and yellow lists, escalations and the problem list. Every figure
// comes from core (scoreAll, rankCounties, escalations, problemSummary); this file only lays out.
import type ExcelJS from 'exceljs';
import { excel } from '../xlsx/exceljs';
import type { Config } from '../../core/config';
import { escalations } from '../../core/escalation';
import { formatNumber, formatPercent, WAN_PER_YI } from '../../core/format';
import { tr } from '../../core/i18n';
import { isOverdue, problemSummary, STATUS_LABELS } from '../../core/problems';
import { commendations, countyIndicators, rankCounties, type CountyRankingDetail } from '../../core/rank';
import { COLOUR_LABELS, COLOURS, colourCounts, factsAsOf, scoreAll } from '../../core/score';
import { localDate, monthOf, scheduleRateOf, yearOf } from '../../core/periods';
import { INDICATORS, LISTS } from '../../core/types';
import type { Colour, Escalation, IndicatorKey, Locale, Period, Problem, ProjectScore, ProjectState } from '../../core/types';
import { rankingChart, type BarTone } from './chart';
import { FMT, paragraph, printSetup, shade, table, titleBlock, type Col, type Value } from './sheet';
import { INDICATOR_NAMES } from '../../core/indicators';
import { T } from './texts';
import { isHalfYearOrYearEnd, rankingHistory } from '../ranking';

// Kept here too for callers that imported them from the bulletin first.
export { isHalfYearOrYearEnd, rankingHistory };

/** What the bulletin reads from the store. */
export interface BulletinStore {
  projectStates(period: Period, county?: string): ProjectState[];
  problems: { list(filter?: object): Problem[] };
}

export interface BulletinOptions {
  /** "Today" for overdue problems; default now. */
  now?: Date;
}

const COLOUR_ARGB: Record<Colour, string> = { green: 'FFC6EFCE', white: 'FFFFFFFF', yellow: 'FFFFEB9C', red: 'FFFFC7CE', none: 'FFEDEDED' };
const INDICATOR_HEADERS: Record<IndicatorKey, keyof typeof T> = {
  investment: 'investment', investmentRate: 'investmentRate', starts: 'startsShort',
  startRate: 'startRate', completions: 'completionsShort', completionRate: 'completionRate',
};
const INDICATOR_FMT: Record<IndicatorKey, string> = {
  investment: FMT.amount, investmentRate: FMT.rate, starts: FMT.count, startRate: FMT.rate, completions: FMT.count, completionRate: FMT.rate,
};

interface Ctx {
  config: Config;
  period: Period;
  locale: Locale;
  today: string;
  x: (key: keyof typeof T, params?: Record<string, string | number>) => string;
}

export async function buildBulletin(store: BulletinStore, config: Config, period: Period, locale: Locale = config.locale, opts: BulletinOptions = {}): Promise<Buffer> {
  const ctx: Ctx = {
    config, period, locale,
    today: localDate(opts.now ?? new Date(), config.timezone),
    x: (key, params) => tr(locale, T[key], params),
  };
  const states = store.projectStates(period);
  const scores = scoreAll(states, period, config, locale);
  const history = rankingHistory(store, config, period);
  const ranking = history[history.length - 1].ranking as CountyRankingDetail[];
  // The problem list is live: statuses as of today (the sheet says so), for the city's projects.
  const codes = new Set(states.map((s) => s.project.code));
  const problems = store.problems.list().filter((p) => codes.has(p.projectCode));

  const wb = new (excel().Workbook)();
  wb.creator = config.city.name;
  wb.title = ctx.x('title', { city: config.city.name });
  summarySheet(wb, ctx, states, scores, problems);
  rankingSheet(wb, ctx, ranking);
  colourSheet(wb, ctx, scores);
  redYellowSheet(wb, ctx, states, scores);
  escalationSheet(wb, ctx, escalations(history, config));
  problemSheet(wb, ctx, states, problems);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function subtitle(ctx: Ctx, unit: 'unitYi' | 'unitWan'): string {
  return ctx.x('subtitle', { year: yearOf(ctx.period), month: monthOf(ctx.period), period: ctx.period, unit: ctx.x(unit) });
}

function summarySheet(wb: ExcelJS.Workbook, ctx: Ctx, states: ProjectState[], scores: ProjectScore[], problems: Problem[]): void {
  const ws = wb.addWorksheet(ctx.x('sheetSummary'));
  const { config, period, locale } = ctx;
  const city = countyIndicators(states, period);
  const active = states.filter((s) => s.project.list !== '储备');
  // Same denominator as the investment rate (core/rank: 在建 and 拟新开工 plans).
  const plan = active.reduce((sum, s) => sum + (Number.isFinite(s.project.annualPlan) ? s.project.annualPlan : 0), 0);
  const byList = Object.fromEntries(LISTS.map((l) => [l, states.filter((s) => s.project.list === l).length])) as Record<string, number>;
  const schedule = scheduleRateOf(period);
  const points = (city.indicators.investmentRate - schedule) * 100;
  const counts = colourCounts(scores);
  const ps = problemSummary(problems, ctx.today, locale);
  const na = (k: IndicatorKey) => city.na.includes(k);
  const ncols = 3;

  let row = titleBlock(ws, ctx.x('title', { city: config.city.name }), subtitle(ctx, 'unitYi'), ncols);
  const rounded = Math.round(points * 10) / 10;
  const versus = rounded > 0 ? ctx.x('ahead', { points: formatNumber(rounded, 1) }) : rounded < 0 ? ctx.x('behind', { points: formatNumber(-rounded, 1) }) : ctx.x('onSchedule');
  const rateText = (k: IndicatorKey) => (na(k) ? ctx.x('notApplicable') : formatPercent(city.indicators[k]));
  row = paragraph(ws, row, ctx.x('headline', {
    year: yearOf(period), month: monthOf(period), period,
    projects: states.length, building: byList['在建'], toStart: byList['拟新开工'], reserve: byList['储备'],
    investment: formatNumber(city.indicators.investment / WAN_PER_YI), plan: formatNumber(plan / WAN_PER_YI),
    rate: rateText('investmentRate'), versus,
    starts: city.indicators.starts, startRate: rateText('startRate'),
    completions: city.indicators.completions, completionRate: rateText('completionRate'),
    green: counts.green, white: counts.white, yellow: counts.yellow, red: counts.red,
    problems: ps.text + (locale === 'en' ? '.' : '。'),
  }), ncols, 5);
  row++;
  const headerRow = row;
  const rateOrNa = (k: IndicatorKey): Value => (na(k) ? ctx.x('notApplicable') : city.indicators[k]);
  // Label, value, number format, note: one row each.
  const lines: [string, Value, string, string][] = [
    [ctx.x('projects'), states.length, FMT.count, ''],
    [ctx.x('listBuilding'), byList['在建'], FMT.count, ''],
    [ctx.x('listToStart'), byList['拟新开工'], FMT.count, ''],
    [ctx.x('listReserve'), byList['储备'], FMT.count, ''],
    [ctx.x('annualPlan'), plan / WAN_PER_YI, FMT.amount, ''],
    [ctx.x('ytd'), city.indicators.investment / WAN_PER_YI, FMT.amount, ''],
    [ctx.x('rate'), rateOrNa('investmentRate'), FMT.rate, ctx.x('noteRate')],
    [ctx.x('schedule'), schedule, FMT.rate, ctx.x('noteSchedule', { month: monthOf(period) })],
    [ctx.x('versus'), points, FMT.points, ''],
    [ctx.x('starts'), city.indicators.starts, FMT.count, ''],
    [ctx.x('startRate'), rateOrNa('startRate'), FMT.rate, ctx.x('noteStartRate')],
    [ctx.x('completions'), city.indicators.completions, FMT.count, ''],
    [ctx.x('completionRate'), rateOrNa('completionRate'), FMT.rate, ctx.x('noteCompletionRate')],
    ...COLOURS.map((c): [string, Value, string, string] => [ctx.x('colourRow', { colour: tr(locale, COLOUR_LABELS[c]) }), counts[c], FMT.count, '']),
    [ctx.x('found'), ps.found, FMT.count, ps.text],
  ];
  row = table(ws, row, [
    { header: ctx.x('item'), width: 34 },
    { header: ctx.x('value'), width: 16 },
    { header: ctx.x('note'), width: 60, wrap: true },
  ], lines.map(([label, value, , note]) => [label, value, note]));
  lines.forEach(([, value, fmt], i) => {
    if (typeof value === 'number') ws.getCell(headerRow + 1 + i, 2).numFmt = fmt;
  });
  const firstColour = lines.findIndex(([label]) => label === ctx.x('colourRow', { colour: tr(locale, COLOUR_LABELS.green) }));
  COLOURS.forEach((c, i) => shade(ws.getCell(headerRow + 1 + firstColour + i, 1), COLOUR_ARGB[c]));
  printSetup(ws, headerRow, locale);
}

function rankingSheet(wb: ExcelJS.Workbook, ctx: Ctx, ranking: CountyRankingDetail[]): void {
  const ws = wb.addWorksheet(ctx.x('sheetRanking'));
  const { config, period, locale } = ctx;
  const honours = isHalfYearOrYearEnd(period) ? commendations(ranking, config) : null;
  const cols: Col[] = [
    { header: ctx.x('seq'), width: 6, align: 'center' },
    { header: ctx.x('county'), width: 14 },
    { header: ctx.x('score'), width: 10, numFmt: FMT.score },
    { header: ctx.x('rank'), width: 8, numFmt: FMT.count, align: 'center' },
    ...INDICATORS.flatMap((k): Col[] => [
      { header: ctx.x(INDICATOR_HEADERS[k]), width: k === 'investment' ? 16 : 11, numFmt: INDICATOR_FMT[k] },
      { header: ctx.x('indRank'), width: 6, numFmt: FMT.count, align: 'center' },
    ]),
    { header: ctx.x('remark'), width: 12 },
  ];
  let row = titleBlock(ws, ctx.x('title', { city: config.city.name }) + ' — ' + ctx.x('sheetRanking'), subtitle(ctx, 'unitWan'), cols.length);
  const headerRow = row;
  const dash = '—';
  const rows = ranking.map((r, i): Value[] => [
    i + 1, r.county, r.score, r.rank,
    ...INDICATORS.flatMap((k): Value[] => (r.na.includes(k) ? [dash, dash] : [r.indicators[k], r.ranks[k]])),
    honours?.commended.includes(r.county) ? ctx.x('commended') : honours?.talks.includes(r.county) ? ctx.x('talks') : '',
  ]);
  row = table(ws, row, cols, rows);
  row = paragraph(ws, row + 1, ctx.x('rankingNote'), cols.length, 2);
  row = paragraph(ws, row, ctx.x('halfYearNote', { top: config.ranking.commendTop, bottom: config.ranking.talkBottom }), cols.length, 1);

  const tone = (rank: number): BarTone => {
    const { commendTop, talkBottom } = config.ranking;
    if (rank <= commendTop) return 'top';
    const worst = ranking.length - talkBottom + 1;
    return talkBottom > 0 && rank >= worst ? 'bottom' : 'middle';
  };
  const png = rankingChart(ranking.map((r, i) => ({ label: String(i + 1), value: r.score, tone: tone(r.rank) })));
  row = paragraph(ws, row + 1, ctx.x('chartCaption', { top: config.ranking.commendTop, bottom: config.ranking.talkBottom }), cols.length, 1);
  const image = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  // 960×420 px, placed under the caption across the table's width.
  ws.addImage(image, { tl: { col: 0, row: row }, ext: { width: 960, height: 420 }, editAs: 'oneCell' });
  for (let r = row + 1; r <= row + 22; r++) ws.getRow(r).height = 15;
  printSetup(ws, headerRow, locale);
}

function colourSheet(wb: ExcelJS.Workbook, ctx: Ctx, scores: ProjectScore[]): void {
  const ws = wb.addWorksheet(ctx.x('sheetColours'));
  const { config, locale } = ctx;
  const cols: Col[] = [
    { header: ctx.x('county'), width: 16 },
    ...COLOURS.map((c): Col => ({ header: tr(locale, COLOUR_LABELS[c]), width: 10, numFmt: FMT.count, align: 'center' })),
    { header: ctx.x('total'), width: 10, numFmt: FMT.count, align: 'center' },
  ];
  let row = titleBlock(ws, ctx.x('title', { city: config.city.name }) + ' — ' + ctx.x('sheetColours'), subtitle(ctx, 'unitWan'), cols.length);
  const headerRow = row;
  const line = (name: string, list: ProjectScore[]): Value[] => {
    const n = colourCounts(list);
    return [name, ...COLOURS.map((c) => n[c]), list.length];
  };
  const rows = [
    ...config.counties.map((k) => line(k.name, scores.filter((s) => s.county === k.name))),
    line(ctx.x('cityTotal'), scores),
  ];
  row = table(ws, row, cols, rows);
  COLOURS.forEach((c, i) => shade(ws.getCell(headerRow, i + 2), COLOUR_ARGB[c]));
  ws.getRow(row - 1).font = { name: 'SimSun', size: 10, bold: true };
  printSetup(ws, headerRow, locale);
}

function redYellowSheet(wb: ExcelJS.Workbook, ctx: Ctx, states: ProjectState[], scores: ProjectScore[]): void {
  const ws = wb.addWorksheet(ctx.x('sheetRedYellow'));
  const { config, period, locale } = ctx;
  const cols: Col[] = [
    { header: ctx.x('seq'), width: 6, align: 'center' },
    { header: ctx.x('colour'), width: 6, align: 'center' },
    { header: ctx.x('county'), width: 12 },
    { header: ctx.x('code'), width: 26 },
    { header: ctx.x('name'), width: 30, wrap: true },
    { header: ctx.x('leader'), width: 10 },
    { header: ctx.x('unit'), width: 16, wrap: true },
    { header: ctx.x('planWan'), width: 13, numFmt: FMT.amount },
    { header: ctx.x('ytdWan'), width: 13, numFmt: FMT.amount },
    { header: ctx.x('rate'), width: 10, numFmt: FMT.rate },
    { header: ctx.x('schedule'), width: 10, numFmt: FMT.rate },
    { header: ctx.x('reason'), width: 60, wrap: true },
  ];
  let row = titleBlock(ws, ctx.x('title', { city: config.city.name }) + ' — ' + ctx.x('sheetRedYellow'), subtitle(ctx, 'unitWan'), cols.length);
  const headerRow = row;
  const byCode = new Map(states.map((s) => [s.project.code, s]));
  const order = new Map(config.counties.map((k, i) => [k.name, i]));
  const listed = scores
    .filter((s) => s.colour === 'red' || s.colour === 'yellow')
    .sort((a, b) => (a.colour === b.colour ? 0 : a.colour === 'red' ? -1 : 1) || (order.get(a.county) ?? 99) - (order.get(b.county) ?? 99) || a.projectCode.localeCompare(b.projectCode));
  const rows = listed.map((s, i): Value[] => {
    const st = byCode.get(s.projectCode)!;
    return [
      i + 1, tr(locale, COLOUR_LABELS[s.colour]), s.county, s.projectCode, s.name, st.project.leader, st.project.unit,
      st.project.annualPlan, factsAsOf(st, period).ytd, s.investmentRate, s.scheduleRate, s.reason,
    ];
  });
  row = table(ws, row, cols, rows);
  listed.forEach((s, i) => {
    shade(ws.getCell(headerRow + 1 + i, 2), COLOUR_ARGB[s.colour]);
    ws.getRow(headerRow + 1 + i).height = 45;
  });
  if (listed.length === 0) paragraph(ws, row, ctx.x('noRedYellow'), cols.length, 1);
  printSetup(ws, headerRow, locale);
}

function escalationSheet(wb: ExcelJS.Workbook, ctx: Ctx, list: Escalation[]): void {
  const ws = wb.addWorksheet(ctx.x('sheetEscalations'));
  const { config, locale } = ctx;
  const cols: Col[] = [
    { header: ctx.x('seq'), width: 6, align: 'center' },
    { header: ctx.x('county'), width: 14 },
    { header: ctx.x('level'), width: 8, align: 'center' },
    { header: ctx.x('meaning'), width: 30, wrap: true },
    { header: ctx.x('lastOn'), width: 36, wrap: true },
    { header: ctx.x('months'), width: 12, numFmt: FMT.count, align: 'center' },
  ];
  let row = titleBlock(ws, ctx.x('title', { city: config.city.name }) + ' — ' + ctx.x('sheetEscalations'), subtitle(ctx, 'unitWan'), cols.length);
  const headerRow = row;
  const sep = locale === 'en' ? ', ' : '、';
  row = table(ws, row, cols, list.map((e, i): Value[] => [
    i + 1, e.county, ctx.x(e.level === 2 ? 'level2' : 'level1'), ctx.x(e.level === 2 ? 'level2Meaning' : 'level1Meaning'),
    e.indicators.map((k) => tr(locale, INDICATOR_NAMES[k])).join(sep), e.months,
  ]));
  if (list.length === 0) row = paragraph(ws, row, ctx.x('noEscalations'), cols.length, 1);
  const { level1Months: l1, level2Months: l2, level2Indicators: n } = config.escalation;
  paragraph(ws, row + 1, ctx.x('escalationRule', { l1, l2, n }), cols.length, 2);
  printSetup(ws, headerRow, locale);
}

function problemSheet(wb: ExcelJS.Workbook, ctx: Ctx, states: ProjectState[], problems: Problem[]): void {
  const ws = wb.addWorksheet(ctx.x('sheetProblems'));
  const { config, locale, today } = ctx;
  const project = new Map(states.map((s) => [s.project.code, s.project]));
  const countyOf = (p: Problem) => project.get(p.projectCode)?.county ?? '';
  const cols: Col[] = [
    { header: ctx.x('county'), width: 14 },
    { header: ctx.x('found'), width: 12, numFmt: FMT.count, align: 'center' },
    { header: ctx.x('solved'), width: 12, numFmt: FMT.count, align: 'center' },
    { header: ctx.x('inProgress'), width: 12, numFmt: FMT.count, align: 'center' },
    { header: ctx.x('overdue'), width: 14, numFmt: FMT.count, align: 'center' },
  ];
  const listCols: Col[] = [
    { header: ctx.x('seq'), width: 6, align: 'center' },
    { header: ctx.x('county'), width: 14 },
    { header: ctx.x('name'), width: 30, wrap: true },
    { header: ctx.x('description'), width: 40, wrap: true },
    { header: ctx.x('unit'), width: 16, wrap: true },
    { header: ctx.x('foundOn'), width: 12, align: 'center' },
    { header: ctx.x('deadline'), width: 12, align: 'center' },
    { header: ctx.x('status'), width: 10, align: 'center' },
    { header: ctx.x('isOverdue'), width: 7, align: 'center' },
  ];
  const width = Math.max(cols.length, listCols.length);
  let row = titleBlock(ws, ctx.x('title', { city: config.city.name }) + ' — ' + ctx.x('sheetProblems'), subtitle(ctx, 'unitWan'), width);
  const all = problemSummary(problems, today, locale);
  row = paragraph(ws, row, all.text + ctx.x('problemsAsOf', { date: today }), width, 1);
  const headerRow = row;
  const line = (name: string, list: Problem[]): Value[] => {
    const s = problemSummary(list, today, locale);
    return [name, s.found, s.resolved, s.open, s.overdue];
  };
  row = table(ws, row, cols, [
    ...config.counties.map((k) => line(k.name, problems.filter((p) => countyOf(p) === k.name))),
    line(ctx.x('cityTotal'), problems),
  ]);
  ws.getRow(row - 1).font = { name: 'SimSun', size: 10, bold: true };

  row = paragraph(ws, row + 1, ctx.x('openProblems'), width, 1);
  const order = new Map(config.counties.map((k, i) => [k.name, i]));
  const open = problems
    .filter((p) => p.status === '待解决' || p.status === '解决中')
    .sort((a, b) => Number(isOverdue(b, today)) - Number(isOverdue(a, today)) || (order.get(countyOf(a)) ?? 99) - (order.get(countyOf(b)) ?? 99) || a.deadline.localeCompare(b.deadline));
  const listStart = row;
  table(ws, row, listCols, open.map((p, i): Value[] => [
    i + 1, countyOf(p), project.get(p.projectCode)?.name ?? p.projectCode, p.description, p.unit, p.foundOn, p.deadline,
    tr(locale, STATUS_LABELS[p.status]), ctx.x(isOverdue(p, today) ? 'yes' : 'no'),
  ]));
  open.forEach((p, i) => {
    if (isOverdue(p, today)) shade(ws.getCell(listStart + 1 + i, 9), COLOUR_ARGB.red);
  });
  printSetup(ws, headerRow, locale);
}
