// The weekly (and pre-deadline) reminder for one scope — a county or 全市: reports still missing
// with the days left, red and yellow projects with their reasons, overdue problems, escalations.
// Pure: the numbers come in computed (server/reminders/content.ts, from core).
import type { Escalation, Locale, Period } from '../../core/types';
import { tr, type Text } from '../../core/i18n';
import { yearOf, monthOf } from '../../core/periods';
import { adaptive, block, md, type Card, type Json } from './common';
import { INDICATOR_NAMES } from '../../core/indicators';

export interface ReminderProject {
  code: string;
  name: string;
  county: string;
  /** Why it has its colour (core's reason). */
  reason?: string;
}

export interface ReminderProblem {
  projectName: string;
  county: string;
  description: string;
  deadline: string;
  daysOverdue: number;
}

export interface ReminderView {
  /** A county name or 全市. */
  scope: string;
  kind: 'weekly' | 'deadline' | 'manual';
  period: Period;
  /** Reporting deadline of `period`, YYYY-MM-DD. */
  deadline: string;
  /** Calendar days from today to the deadline (negative once it has passed). */
  daysLeft: number;
  missing: ReminderProject[];
  /** Reports of the month before `period` still missing after its deadline (late). */
  late: ReminderProject[];
  /** That month and its (passed) deadline. */
  latePeriod: Period;
  lateDeadline: string;
  red: ReminderProject[];
  yellow: ReminderProject[];
  overdue: ReminderProblem[];
  escalations: Escalation[];
  /** Items listed per section (the heading counts all). */
  max?: number;
}

const L = {
  weekly: { 'zh-CN': '重点项目周提醒 · {scope}', en: 'Key projects weekly reminder · {scope}' },
  deadline: { 'zh-CN': '台账报送截止提醒 · {scope}', en: 'Reporting deadline reminder · {scope}' },
  manual: { 'zh-CN': '重点项目提醒 · {scope}', en: 'Key projects reminder · {scope}' },
  period: { 'zh-CN': '{y}年{m}月台账', en: 'Ledger of {period}' },
  left: { 'zh-CN': '报送截止 {deadline}，还剩 {n} 天', en: 'due {deadline}, {n} days left' },
  today: { 'zh-CN': '今天（{deadline}）报送截止', en: 'due today ({deadline})' },
  past: { 'zh-CN': '报送截止 {deadline}，已逾期 {n} 天', en: 'was due {deadline}, {n} days ago' },
  missing: { 'zh-CN': '未报送项目（{n} 个）', en: 'Reports missing ({n})' },
  allIn: { 'zh-CN': '本月台账已全部报送。', en: 'All reports are in.' },
  late: { 'zh-CN': '逾期未报（{period} 月报，{deadline} 已截止，{n} 个）', en: 'Late: {period} reports past the {deadline} deadline ({n})' },
  red: { 'zh-CN': '🔴 红色项目（{n} 个）', en: '🔴 Red projects ({n})' },
  yellow: { 'zh-CN': '🟡 黄色项目（{n} 个）', en: '🟡 Yellow projects ({n})' },
  overdue: { 'zh-CN': '逾期未办结问题（{n} 条）', en: 'Overdue problems ({n})' },
  overdueLine: { 'zh-CN': '限 {deadline} 前办结，已逾期 {n} 天', en: 'due {deadline}, {n} days overdue' },
  escalations: { 'zh-CN': '约谈说明（{n} 个县市区）', en: 'Escalations ({n})' },
  level1: {
    'zh-CN': '{county}：{indicators} 连续 {months} 个月排名末位，须在市政府常务会议上作说明',
    en: '{county}: last on {indicators} for {months} months — to explain at the city government executive meeting',
  },
  level2: {
    'zh-CN': '{county}：{indicators} 连续 {months} 个月排名末位，须在市委常委会上作说明',
    en: '{county}: last on {indicators} for {months} months — to explain at the party standing committee',
  },
  more: { 'zh-CN': '……另有 {n} 个未列出', en: '… and {n} more' },
  allClear: {
    'zh-CN': '一切正常：台账已全部报送，没有红黄项目、逾期问题和约谈事项。',
    en: 'All clear: every report is in; no red or yellow projects, overdue problems or escalations.',
  },
} satisfies Record<string, Text>;

const SEP: Record<Locale, string> = { 'zh-CN': '、', en: ', ' };

/** Whether there is anything to say besides the all-clear. */
export function hasNews(v: ReminderView): boolean {
  return v.missing.length + v.late.length + v.red.length + v.yellow.length + v.overdue.length + v.escalations.length > 0;
}

function deadlineLine(v: ReminderView, locale: Locale): string {
  const period = tr(locale, L.period, { y: yearOf(v.period), m: monthOf(v.period), period: v.period });
  const due =
    v.daysLeft > 0 ? tr(locale, L.left, { deadline: v.deadline, n: v.daysLeft })
    : v.daysLeft === 0 ? tr(locale, L.today, { deadline: v.deadline })
    : tr(locale, L.past, { deadline: v.deadline, n: -v.daysLeft });
  return `${period}${locale === 'en' ? ' ' : ''}${due}`;
}

interface Section {
  heading: string;
  style?: string;
  /** [escaped markdown for the card, plain text for the fallback] per item. */
  items: Array<[string, string]>;
}

function projectItems(list: ReminderProject[], scope: string, withReason: boolean): Array<[string, string]> {
  return list.map((p) => {
    // A county's own reminder does not repeat the county on every line.
    const where = p.county !== scope ? `（${p.county}）` : '';
    const reason = withReason && p.reason ? `：${p.reason}` : '';
    return [`${md(p.name)}${md(where)}${reason ? md(reason) : ''}`, `${p.name}${where}${reason}`];
  });
}

export function reminderCard(v: ReminderView, locale: Locale): Card {
  const max = v.max ?? 10;
  const heading = tr(locale, L[v.kind], { scope: v.scope });
  const due = deadlineLine(v, locale);
  const body: Json[] = [block(md(heading), { size: 'Medium', weight: 'Bolder' }), block(md(due), { spacing: 'None', isSubtle: true })];
  const text: string[] = [heading, due];

  if (!hasNews(v)) {
    body.push(block(md(tr(locale, L.allClear)), { color: 'Good' }));
    text.push(tr(locale, L.allClear));
    return adaptive(body, [], text.join('\n'));
  }

  const sections: Section[] = [];
  if (v.missing.length) sections.push({ heading: tr(locale, L.missing, { n: v.missing.length }), style: 'Warning', items: projectItems(v.missing, v.scope, false) });
  else sections.push({ heading: tr(locale, L.allIn), style: 'Good', items: [] });
  if (v.late.length) {
    sections.push({ heading: tr(locale, L.late, { period: v.latePeriod, deadline: v.lateDeadline, n: v.late.length }), style: 'Attention', items: projectItems(v.late, v.scope, false) });
  }
  if (v.red.length) sections.push({ heading: tr(locale, L.red, { n: v.red.length }), style: 'Attention', items: projectItems(v.red, v.scope, true) });
  if (v.yellow.length) sections.push({ heading: tr(locale, L.yellow, { n: v.yellow.length }), style: 'Warning', items: projectItems(v.yellow, v.scope, true) });
  if (v.overdue.length) {
    sections.push({
      heading: tr(locale, L.overdue, { n: v.overdue.length }),
      style: 'Attention',
      items: v.overdue.map((p) => {
        const where = p.county !== v.scope ? `（${p.county}）` : '';
        const line = tr(locale, L.overdueLine, { deadline: p.deadline, n: p.daysOverdue });
        return [`${md(p.projectName)}${md(where)}：${md(p.description)}；${md(line)}`, `${p.projectName}${where}：${p.description}；${line}`];
      }),
    });
  }
  if (v.escalations.length) {
    sections.push({
      heading: tr(locale, L.escalations, { n: v.escalations.length }),
      style: 'Attention',
      items: v.escalations.map((e) => {
        const s = tr(locale, e.level === 2 ? L.level2 : L.level1, {
          county: e.county,
          indicators: e.indicators.map((k) => tr(locale, INDICATOR_NAMES[k])).join(SEP[locale]),
          months: e.months,
        });
        return [md(s), s];
      }),
    });
  }

  for (const s of sections) {
    const shown = s.items.slice(0, max);
    const items: Json[] = [block(md(s.heading), { weight: 'Bolder', ...(s.style ? { color: s.style } : {}) })];
    text.push('', s.heading);
    shown.forEach(([mdText, plain], i) => {
      items.push(block(`${i + 1}\\. ${mdText}`, { spacing: 'None' }));
      text.push(`${i + 1}. ${plain}`);
    });
    if (s.items.length > shown.length) {
      const more = tr(locale, L.more, { n: s.items.length - shown.length });
      items.push(block(md(more), { isSubtle: true, spacing: 'None' }));
      text.push(more);
    }
    body.push({ type: 'Container', separator: true, items });
  }
  return adaptive(body, [], text.join('\n'));
}
