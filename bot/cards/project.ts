// The project card: colour with its reason, year-to-date investment against the annual plan
// and 序时进度, stage, leader, responsible unit, last report, open problems.
import type { Locale, Period, Project, ProjectScore } from '../../core/types';
import { tr, type Text } from '../../core/i18n';
import { formatAmount, formatPercent } from '../../core/format';
import { adaptive, block, colourLabel, colourStyle, facts, lines, md, submit, type Card } from './common';

export interface ProjectView {
  project: Project;
  score: ProjectScore;
  /** The month the figures are for. */
  period: Period;
  ytdInvest?: number;
  progress?: number;
  lastReport?: Period;
  openProblems: number;
  overdueProblems: number;
  /** Show 催报 (only administrators and leaders may; default shown). */
  nudge?: boolean;
}

const L = {
  colour: { 'zh-CN': '颜色', en: 'Colour' },
  reason: { 'zh-CN': '原因', en: 'Why' },
  ytd: { 'zh-CN': '本年累计完成投资', en: 'Invested this year' },
  plan: { 'zh-CN': '年度计划投资', en: 'Annual plan' },
  rate: { 'zh-CN': '完成率 / 序时进度', en: 'Completion / schedule' },
  progress: { 'zh-CN': '形象进度', en: 'Physical progress' },
  stage: { 'zh-CN': '建设阶段', en: 'Stage' },
  list: { 'zh-CN': '清单类别', en: 'List' },
  leader: { 'zh-CN': '包联领导', en: 'Leader' },
  unit: { 'zh-CN': '责任单位', en: 'Responsible unit' },
  last: { 'zh-CN': '最近报送', en: 'Last report' },
  never: { 'zh-CN': '尚未报送', en: 'none yet' },
  problems: { 'zh-CN': '未解决问题', en: 'Open problems' },
  problemCount: { 'zh-CN': '{open} 个（逾期 {overdue} 个）', en: '{open} ({overdue} overdue)' },
  head: { 'zh-CN': '{county} · {code} · {period} 数据', en: '{county} · {code} · figures of {period}' },
  showProblems: { 'zh-CN': '查看问题', en: 'Problems' },
  showHistory: { 'zh-CN': '查看历史', en: 'History' },
  nudge: { 'zh-CN': '催报', en: 'Nudge' },
} satisfies Record<string, Text>;

export function projectCard(v: ProjectView, locale: Locale): Card {
  const t = (k: keyof typeof L, p?: Record<string, string | number>) => tr(locale, L[k], p);
  const p = v.project;
  const rows: Array<[string, unknown]> = [
    [t('colour'), colourLabel(v.score.colour, locale)],
    [t('reason'), v.score.reason],
    [t('ytd'), formatAmount(v.ytdInvest, locale)],
    [t('plan'), formatAmount(p.annualPlan, locale)],
    [t('rate'), `${formatPercent(v.score.investmentRate)} / ${formatPercent(v.score.scheduleRate)}`],
    [t('progress'), formatPercent(v.progress === undefined ? undefined : v.progress / 100)],
    [t('stage'), p.stage],
    [t('list'), p.list],
    [t('leader'), p.leader],
    [t('unit'), p.unit],
    [t('last'), v.lastReport ?? t('never')],
    [t('problems'), t('problemCount', { open: v.openProblems, overdue: v.overdueProblems })],
  ];
  const head = t('head', { county: p.county, code: p.code, period: v.period });
  const body = [
    block(md(p.name), { size: 'Medium', weight: 'Bolder' }),
    block(md(head), { isSubtle: true, spacing: 'None' }),
    block(md(colourLabel(v.score.colour, locale)), { color: colourStyle(v.score.colour), weight: 'Bolder' }),
    facts(rows),
  ];
  const actions = [
    submit(t('showProblems'), { verb: 'problems', code: p.code }),
    submit(t('showHistory'), { verb: 'history', code: p.code }),
    ...(v.nudge === false ? [] : [submit(t('nudge'), { verb: 'nudge', county: p.county })]),
  ];
  return adaptive(body, actions, `${p.name}\n${head}\n${lines(rows)}`);
}
