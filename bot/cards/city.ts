// The city overview: ranking top and bottom, colour counts, problems and escalations.
import type { Colour, CountyRanking, Escalation, Locale, Period } from '../../core/types';
import { tr, type Text } from '../../core/i18n';
import { formatNumber } from '../../core/format';
import { adaptive, block, colourLabel, facts, lines, md, submit, type Card, type Json } from './common';
import { INDICATOR_NAMES } from '../../core/indicators';

export interface CityView {
  city: string;
  period: Period;
  /** Counties commended (top) and called in for talks (bottom), by core's commendations(). */
  top: CountyRanking[];
  bottom: CountyRanking[];
  /** A half-year or year-end ranking: the top are commended and the bottom called in (Handan). */
  announced: boolean;
  colours: Record<Colour, number>;
  projects: number;
  /** Problem summary sentence (core's problemSummary). */
  problems: string;
  escalations: Escalation[];
}

const L = {
  head: { 'zh-CN': '{city} 重点项目总体情况 · {period}', en: '{city} key projects · {period}' },
  projects: { 'zh-CN': '项目总数', en: 'Projects' },
  colours: { 'zh-CN': '四色分布', en: 'Colours' },
  problems: { 'zh-CN': '问题清单', en: 'Problems' },
  top: { 'zh-CN': '排名前 {n}', en: 'Top {n}' },
  bottom: { 'zh-CN': '排名后 {n}', en: 'Bottom {n}' },
  topAnnounced: { 'zh-CN': '排名前 {n}（通报表扬）', en: 'Top {n} (commended)' },
  bottomAnnounced: { 'zh-CN': '排名后 {n}（约谈）', en: 'Bottom {n} (called in)' },
  rankCol: { 'zh-CN': '名次', en: 'Rank' },
  countyCol: { 'zh-CN': '县市区', en: 'County' },
  scoreCol: { 'zh-CN': '得分', en: 'Score' },
  escalations: { 'zh-CN': '约谈 / 说明', en: 'Escalations' },
  none: { 'zh-CN': '无', en: 'none' },
  level: { 'zh-CN': '{county}：{indicators} 连续 {months} 个月末位，{where}', en: '{county}: last on {indicators} for {months} months — {where}' },
  level1: { 'zh-CN': '在市政府常务会上说明', en: 'explain at the executive meeting' },
  level2: { 'zh-CN': '在市委常委会上说明', en: 'explain at the standing committee' },
  red: { 'zh-CN': '红色项目', en: 'Red projects' },
  showProblems: { 'zh-CN': '问题清单', en: 'Problems' },
} satisfies Record<string, Text>;

const ORDER: Colour[] = ['green', 'white', 'yellow', 'red'];

function table(title: string, rows: CountyRanking[], locale: Locale, t: (k: keyof typeof L) => string): Json[] {
  const cell = (text: string, bold = false): Json => ({ type: 'TableCell', items: [{ type: 'TextBlock', text: md(text), wrap: true, ...(bold ? { weight: 'Bolder' } : {}) }] });
  return [
    block(md(title), { weight: 'Bolder', spacing: 'Medium' }),
    {
      type: 'Table',
      columns: [{ width: 1 }, { width: 3 }, { width: 2 }],
      firstRowAsHeader: true,
      rows: [
        { type: 'TableRow', cells: [cell(t('rankCol'), true), cell(t('countyCol'), true), cell(t('scoreCol'), true)] },
        ...rows.map((r) => ({ type: 'TableRow', cells: [cell(String(r.rank)), cell(r.county), cell(formatNumber(r.score, 1))] })),
      ],
    },
  ];
}

export function cityCard(v: CityView, locale: Locale): Card {
  const t = (k: keyof typeof L, p?: Record<string, string | number>) => tr(locale, L[k], p);
  const byRank = (x: CountyRanking[]) => [...x].sort((a, b) => a.rank - b.rank);
  const top = byRank(v.top);
  const bottom = byRank(v.bottom);
  const esc = v.escalations.map((e) =>
    t('level', {
      county: e.county,
      indicators: e.indicators.map((k) => tr(locale, INDICATOR_NAMES[k])).join('、'),
      months: e.months,
      where: t(e.level === 2 ? 'level2' : 'level1'),
    }),
  );
  const rows: Array<[string, unknown]> = [
    [t('projects'), String(v.projects)],
    [t('colours'), ORDER.map((c) => `${colourLabel(c, locale)} ${v.colours[c] ?? 0}`).join('  ')],
    [t('problems'), v.problems],
  ];
  const head = t('head', { city: v.city, period: v.period });
  const topTitle = t(v.announced ? 'topAnnounced' : 'top', { n: top.length });
  const bottomTitle = t(v.announced ? 'bottomAnnounced' : 'bottom', { n: bottom.length });
  const body: Json[] = [
    block(md(head), { size: 'Medium', weight: 'Bolder' }),
    facts(rows),
    ...table(topTitle, top, locale, t),
    ...(bottom.length ? table(bottomTitle, bottom, locale, t) : []),
    block(md(t('escalations')), { weight: 'Bolder', spacing: 'Medium' }),
    ...(esc.length ? esc.map((s) => block(md(s), { color: 'Attention', spacing: 'Small' })) : [block(t('none'), { spacing: 'Small' })]),
  ];
  const actions = [
    submit(t('red'), { verb: 'page', kind: 'colour', colour: 'red', page: 0 }),
    submit(t('showProblems'), { verb: 'problems' }),
  ];
  const text = [
    head,
    lines(rows),
    `${topTitle}：${top.map((r) => `${r.rank}. ${r.county} ${formatNumber(r.score, 1)}`).join('；')}`,
    ...(bottom.length ? [`${bottomTitle}：${bottom.map((r) => `${r.rank}. ${r.county} ${formatNumber(r.score, 1)}`).join('；')}`] : []),
    `${t('escalations')}：${esc.length ? esc.join('；') : t('none')}`,
  ].join('\n');
  return adaptive(body, actions, text);
}
