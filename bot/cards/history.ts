// A project's monthly figures of the year (查看历史).
import type { Locale, MonthlyReport } from '../../core/types';
import { tr, type Text } from '../../core/i18n';
import { formatNumber, formatPercent } from '../../core/format';
import { adaptive, block, md, type Card, type Json } from './common';

export interface HistoryView {
  name: string;
  county: string;
  annualPlan: number;
  reports: MonthlyReport[];
}

const L = {
  head: { 'zh-CN': '{name} · 月度投资（万元）', en: '{name} · monthly investment (10k yuan)' },
  plan: { 'zh-CN': '年度计划投资 {plan} 万元', en: 'Annual plan {plan} (10k yuan)' },
  cols: { 'zh-CN': '月份|本月完成|本年累计|开工累计|形象进度', en: 'Month|This month|Year to date|Since start|Progress' },
  none: { 'zh-CN': '今年还没有报送记录。', en: 'No reports this year yet.' },
} satisfies Record<string, Text>;

export function historyCard(v: HistoryView, locale: Locale): Card {
  const head = tr(locale, L.head, { name: v.name });
  const plan = tr(locale, L.plan, { plan: formatNumber(v.annualPlan) });
  const cols = tr(locale, L.cols).split('|');
  const reports = [...v.reports].sort((a, b) => a.period.localeCompare(b.period));
  const rows = reports.map((r) => [r.period, formatNumber(r.monthInvest), formatNumber(r.ytdInvest), formatNumber(r.cumInvest), formatPercent(r.progress === undefined ? undefined : r.progress / 100)]);
  const cell = (s: string, bold = false): Json => ({ type: 'TableCell', items: [{ type: 'TextBlock', text: md(s), wrap: true, ...(bold ? { weight: 'Bolder' } : {}) }] });
  const body: Json[] = [block(md(head), { size: 'Medium', weight: 'Bolder' }), block(md(`${v.county} · ${plan}`), { isSubtle: true, spacing: 'None' })];
  if (rows.length) {
    body.push({
      type: 'Table',
      firstRowAsHeader: true,
      columns: cols.map(() => ({ width: 1 })),
      rows: [{ type: 'TableRow', cells: cols.map((c) => cell(c, true)) }, ...rows.map((r) => ({ type: 'TableRow', cells: r.map((c) => cell(c)) }))],
    });
  } else body.push(block(tr(locale, L.none)));
  const text = [head, `${v.county} · ${plan}`, cols.join(' | '), ...rows.map((r) => r.join(' | '))].join('\n');
  return adaptive(body, [], rows.length ? text : `${head}\n${tr(locale, L.none)}`);
}
