// Subscription confirmation (订阅提醒) and settings (提醒设置).
import type { Locale } from '../../core/types';
import { tr, type Text } from '../../core/i18n';
import { adaptive, block, facts, lines, md, submit, type Card } from './common';

export interface SubscriptionView {
  /** County name or 全市. */
  scope: string;
  /** Human description of the schedule, e.g. 每周一 09:00（北京时间），法定节假日顺延. */
  schedule: string;
  deadlineDay: number;
  quiet: boolean;
  since?: string;
  /** Confirmation right after subscribing, or the settings view. */
  mode: 'confirm' | 'settings';
}

const L = {
  confirm: { 'zh-CN': '已订阅每周提醒', en: 'Subscribed to the weekly reminder' },
  settings: { 'zh-CN': '本会话的提醒设置', en: 'Reminder settings of this conversation' },
  scope: { 'zh-CN': '范围', en: 'Scope' },
  when: { 'zh-CN': '时间', en: 'When' },
  what: { 'zh-CN': '内容', en: 'Content' },
  whatValue: { 'zh-CN': '本月缺报项目及截止日期、红黄项目、逾期问题、约谈说明', en: 'missing reports and the deadline, red and yellow projects, overdue problems, escalations' },
  deadline: { 'zh-CN': '报送截止', en: 'Deadline' },
  deadlineValue: { 'zh-CN': '次月 {day} 日', en: 'day {day} of the next month' },
  quiet: { 'zh-CN': '无事项时', en: 'Nothing to report' },
  quietYes: { 'zh-CN': '不发送', en: 'stay silent' },
  quietNo: { 'zh-CN': '照常发送“本周无事项”', en: 'still send "nothing this week"' },
  since: { 'zh-CN': '订阅时间', en: 'Since' },
  unsubscribe: { 'zh-CN': '取消订阅', en: 'Unsubscribe' },
} satisfies Record<string, Text>;

export function subscriptionCard(v: SubscriptionView, locale: Locale): Card {
  const t = (k: keyof typeof L, p?: Record<string, string | number>) => tr(locale, L[k], p);
  const rows: Array<[string, unknown]> = [
    [t('scope'), v.scope],
    [t('when'), v.schedule],
    [t('what'), t('whatValue')],
    [t('deadline'), t('deadlineValue', { day: v.deadlineDay })],
    [t('quiet'), t(v.quiet ? 'quietYes' : 'quietNo')],
    ...(v.since ? [[t('since'), v.since] as [string, unknown]] : []),
  ];
  const head = t(v.mode === 'confirm' ? 'confirm' : 'settings');
  const actions = [{ type: 'Action.Submit', title: t('unsubscribe'), data: { msteams: { type: 'imBack', value: '取消订阅' } } }];
  return adaptive([block(md(head), { size: 'Medium', weight: 'Bolder' }), facts(rows)], actions, `${head}\n${lines(rows)}`);
}
