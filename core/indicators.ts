// Names of the county ranking's indicators and how their values read: one table for the bot's
// cards, the reminder, the CLI and the bulletin.
import type { IndicatorKey } from './types';
import type { Text } from './i18n';
import { formatAmount, formatNumber, formatPercent } from './format';
import type { Locale } from './types';

export const INDICATOR_NAMES: Record<IndicatorKey, Text> = {
  investment: { 'zh-CN': '完成投资', en: 'Investment' },
  investmentRate: { 'zh-CN': '投资完成率', en: 'Investment rate' },
  starts: { 'zh-CN': '新开工项目', en: 'New starts' },
  startRate: { 'zh-CN': '开工率', en: 'Start rate' },
  completions: { 'zh-CN': '竣工项目', en: 'Completions' },
  completionRate: { 'zh-CN': '竣工率', en: 'Completion rate' },
};

/** An indicator's value as people read it: amounts in 万元, rates as percentages, counts as integers. */
export function indicatorValue(k: IndicatorKey, v: number, locale: Locale): string {
  if (k === 'investment') return formatAmount(v, locale);
  if (k.endsWith('Rate')) return formatPercent(v);
  return formatNumber(v, 0);
}
