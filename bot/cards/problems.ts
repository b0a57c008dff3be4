// The problem list (问题清单): summary sentence, then each open problem with its deadline; overdue ones flagged.
import type { Locale } from '../../core/types';
import { tr, type Text } from '../../core/i18n';
import { adaptive, block, md, type Card, type Json } from './common';

export interface ProblemItem {
  projectName: string;
  county: string;
  description: string;
  unit: string;
  deadline: string;
  status: string;
  overdue: boolean;
}

export interface ProblemsView {
  title: string;
  /** core's problemSummary sentence. */
  summary: string;
  items: ProblemItem[];
  /** At most this many are listed (the summary counts all). */
  max?: number;
}

const L = {
  overdue: { 'zh-CN': '已逾期', en: 'OVERDUE' },
  line: { 'zh-CN': '{unit} · 限 {deadline} 前办结 · {status}', en: '{unit} · due {deadline} · {status}' },
  none: { 'zh-CN': '没有未解决的问题。', en: 'No open problems.' },
  more: { 'zh-CN': '……另有 {n} 条未列出', en: '… and {n} more' },
} satisfies Record<string, Text>;

export function problemsCard(v: ProblemsView, locale: Locale): Card {
  const max = v.max ?? 15;
  const shown = v.items.slice(0, max);
  const body: Json[] = [block(md(v.title), { size: 'Medium', weight: 'Bolder' }), block(md(v.summary), { spacing: 'None' })];
  const text: string[] = [v.title, v.summary];
  for (const p of shown) {
    const line = tr(locale, L.line, { unit: p.unit, deadline: p.deadline, status: p.status });
    const flag = p.overdue ? `【${tr(locale, L.overdue)}】` : '';
    body.push({
      type: 'Container',
      separator: true,
      items: [
        block(`${flag ? `**${md(flag)}** ` : ''}${md(p.projectName)}（${md(p.county)}）`, p.overdue ? { color: 'Attention' } : {}),
        block(md(p.description), { spacing: 'None' }),
        block(md(line), { isSubtle: true, size: 'Small', spacing: 'None' }),
      ],
    });
    text.push(`${flag}${p.projectName}（${p.county}）：${p.description}；${line}`);
  }
  if (!v.items.length) {
    body.push(block(tr(locale, L.none)));
    text.push(tr(locale, L.none));
  }
  if (v.items.length > shown.length) {
    const more = tr(locale, L.more, { n: v.items.length - shown.length });
    body.push(block(md(more), { isSubtle: true }));
    text.push(more);
  }
  return adaptive(body, [], text.join('\n'));
}
