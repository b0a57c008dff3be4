// The county card: rank and composite score, each indicator with its rank, colour counts.
import type { Colour, CountyRanking, Locale, Period } from '../../core/types';
import { INDICATORS } from '../../core/types';
import { tr, type Text } from '../../core/i18n';
import { formatNumber } from '../../core/format';
import { adaptive, block, colourLabel, facts, lines, md, submit, type Card } from './common';
import { INDICATOR_NAMES, indicatorValue } from '../../core/indicators';

export interface CountyView {
  county: string;
  period: Period;
  ranking?: CountyRanking;
  /** How many counties were ranked. */
  of: number;
  colours: Record<Colour, number>;
  /** Projects without a report for the reporting month. */
  missing: number;
  reportingPeriod: Period;
}

const L = {
  head: { 'zh-CN': '{county} · {period} 排名', en: '{county} · ranking of {period}' },
  rank: { 'zh-CN': '综合排名', en: 'Overall rank' },
  rankValue: { 'zh-CN': '第 {rank} 名 / 共 {of} 个', en: '{rank} of {of}' },
  score: { 'zh-CN': '综合得分', en: 'Score' },
  unranked: { 'zh-CN': '暂无排名数据', en: 'not ranked' },
  colours: { 'zh-CN': '四色分布', en: 'Colours' },
  missing: { 'zh-CN': '{period} 未报项目', en: 'Missing {period} reports' },
  red: { 'zh-CN': '红色项目', en: 'Red projects' },
  problems: { 'zh-CN': '查看问题', en: 'Problems' },
  nudge: { 'zh-CN': '催报', en: 'Nudge' },
  indicatorRank: { 'zh-CN': '{value}（第 {rank} 名）', en: '{value} (#{rank})' },
} satisfies Record<string, Text>;

const ORDER: Colour[] = ['green', 'white', 'yellow', 'red'];

export function countyCard(v: CountyView, locale: Locale): Card {
  const t = (k: keyof typeof L, p?: Record<string, string | number>) => tr(locale, L[k], p);
  const r = v.ranking;
  const rows: Array<[string, unknown]> = [
    [t('rank'), r ? t('rankValue', { rank: r.rank, of: v.of }) : t('unranked')],
    [t('score'), r ? formatNumber(r.score, 1) : '—'],
  ];
  if (r) {
    for (const k of INDICATORS) {
      const value = indicatorValue(k, r.indicators[k], locale);
      rows.push([tr(locale, INDICATOR_NAMES[k]), r.ranks ? t('indicatorRank', { value, rank: r.ranks[k] }) : value]);
    }
  }
  rows.push([t('colours'), ORDER.map((c) => `${colourLabel(c, locale)} ${v.colours[c] ?? 0}`).join('  ')]);
  rows.push([t('missing', { period: v.reportingPeriod }), String(v.missing)]);
  const head = t('head', { county: v.county, period: v.period });
  const actions = [
    submit(t('red'), { verb: 'page', kind: 'colour', colour: 'red', county: v.county, page: 0 }),
    submit(t('problems'), { verb: 'problems', county: v.county }),
    submit(t('nudge'), { verb: 'nudge', county: v.county }),
  ];
  return adaptive([block(md(head), { size: 'Medium', weight: 'Bolder' }), facts(rows)], actions, `${head}\n${lines(rows)}`);
}
