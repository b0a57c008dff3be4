// The problem list (问题清单): summary sentence, then each open problem with its deadline and
// who changed it last, overdue ones flagged, then the resolved ones waiting to be closed out.
// For callers who may edit, each problem carries its allowed next statuses (core/problems
// TRANSITIONS) behind a 更新状态 button, and a project's list has a 新增问题 form.
import type { Locale, ProblemStatus } from '../../core/types';
import { tr, type Text } from '../../core/i18n';
import { STATUS_LABELS } from '../../core/problems';
import { adaptive, block, md, submit, type Card, type Json } from './common';

export interface ProblemItem {
  id: number;
  projectName: string;
  county: string;
  description: string;
  unit: string;
  deadline: string;
  status: ProblemStatus;
  overdue: boolean;
  /** Who last created or changed it, and when (`YYYY-MM-DD HH:mm`, city time). */
  updatedBy?: string;
  updatedAt?: string;
  /** Statuses the caller may move it to; empty when the caller may not edit. */
  next?: ProblemStatus[];
}

/** The 新增问题 form of one project, shown to callers who may add problems to it. */
export interface AddProblemForm {
  code: string;
  /** Suggested 责任单位 (the project's). */
  unit: string;
  /** Suggested deadline, `YYYY-MM-DD`. */
  deadline: string;
}

export interface ProblemsView {
  title: string;
  /** core's problemSummary sentence. */
  summary: string;
  items: ProblemItem[];
  /** At most this many are listed (the summary counts all). */
  max?: number;
  add?: AddProblemForm;
}

const L = {
  overdue: { 'zh-CN': '已逾期', en: 'OVERDUE' },
  line: { 'zh-CN': '#{id} · {unit} · 限 {deadline} 前办结 · {status}', en: '#{id} · {unit} · due {deadline} · {status}' },
  changed: { 'zh-CN': '（{by}，{at}）', en: ' ({by}, {at})' },
  none: { 'zh-CN': '没有未解决或待销号的问题。', en: 'No open problems and none waiting to be closed out.' },
  more: { 'zh-CN': '……另有 {n} 条未列出', en: '… and {n} more' },
  update: { 'zh-CN': '更新状态', en: 'Update status' },
  note: { 'zh-CN': '说明（可选）', en: 'Note (optional)' },
  notePlaceholder: { 'zh-CN': '例如：已协调自然资源局，本周内完成', en: 'e.g. agreed with the land bureau, done this week' },
  add: { 'zh-CN': '新增问题', en: 'Add a problem' },
  description: { 'zh-CN': '问题描述', en: 'Problem' },
  descriptionError: { 'zh-CN': '请填写问题描述（1 到 500 个字）', en: 'Describe the problem (1 to 500 characters)' },
  unit: { 'zh-CN': '责任单位', en: 'Responsible unit' },
  deadline: { 'zh-CN': '限时办结日期', en: 'Deadline' },
  deadlineError: { 'zh-CN': '请选择办结期限', en: 'Pick a deadline' },
  save: { 'zh-CN': '登记问题', en: 'Record the problem' },
} satisfies Record<string, Text>;

/** Button titles per target status. */
const MOVE: Record<ProblemStatus, Text> = {
  待解决: { 'zh-CN': '改为待解决', en: 'Mark open' },
  解决中: { 'zh-CN': '改为解决中', en: 'Mark in progress' },
  已解决: { 'zh-CN': '标记已解决', en: 'Mark resolved' },
  已销号: { 'zh-CN': '销号', en: 'Close out' },
};

export const ADD_PROBLEM_VERB = 'addProblem';
export const PROBLEM_STATUS_VERB = 'problemStatus';
/** Input ids of the forms: the submit's data carries them back. */
export const INPUT = { description: 'description', unit: 'unit', deadline: 'deadline', note: (id: number) => `note-${id}` };

/** A nested card for Action.ShowCard (no $schema; the host card's version applies). */
function subCard(body: Json[], actions: Json[]): Json {
  return { type: 'AdaptiveCard', version: '1.5', body, actions };
}

function statusButtons(p: ProblemItem, locale: Locale): Json | undefined {
  if (!p.next?.length) return undefined;
  const form = subCard(
    [{ type: 'Input.Text', id: INPUT.note(p.id), label: tr(locale, L.note), placeholder: tr(locale, L.notePlaceholder), maxLength: 500, isMultiline: true }],
    p.next.map((to) => submit(tr(locale, MOVE[to]), { verb: PROBLEM_STATUS_VERB, id: p.id, to })),
  );
  return { type: 'ActionSet', actions: [{ type: 'Action.ShowCard', title: tr(locale, L.update), card: form }] };
}

function addForm(f: AddProblemForm, locale: Locale): Json {
  const form = subCard(
    [
      { type: 'Input.Text', id: INPUT.description, label: tr(locale, L.description), isRequired: true, errorMessage: tr(locale, L.descriptionError), maxLength: 500, isMultiline: true },
      { type: 'Input.Text', id: INPUT.unit, label: tr(locale, L.unit), value: f.unit, maxLength: 100 },
      { type: 'Input.Date', id: INPUT.deadline, label: tr(locale, L.deadline), value: f.deadline, isRequired: true, errorMessage: tr(locale, L.deadlineError) },
    ],
    [submit(tr(locale, L.save), { verb: ADD_PROBLEM_VERB, code: f.code })],
  );
  return { type: 'Action.ShowCard', title: tr(locale, L.add), card: form };
}

export function problemsCard(v: ProblemsView, locale: Locale): Card {
  const max = v.max ?? 15;
  const shown = v.items.slice(0, max);
  const body: Json[] = [block(md(v.title), { size: 'Medium', weight: 'Bolder' }), block(md(v.summary), { spacing: 'None' })];
  const text: string[] = [v.title, v.summary];
  for (const p of shown) {
    const changed = p.updatedBy && p.updatedAt ? tr(locale, L.changed, { by: p.updatedBy, at: p.updatedAt }) : '';
    const line = tr(locale, L.line, { id: p.id, unit: p.unit, deadline: p.deadline, status: tr(locale, STATUS_LABELS[p.status]) }) + changed;
    const flag = p.overdue ? `【${tr(locale, L.overdue)}】` : '';
    const buttons = statusButtons(p, locale);
    body.push({
      type: 'Container',
      separator: true,
      items: [
        block(`${flag ? `**${md(flag)}** ` : ''}${md(p.projectName)}（${md(p.county)}）`, p.overdue ? { color: 'Attention' } : {}),
        block(md(p.description), { spacing: 'None' }),
        block(md(line), { isSubtle: true, size: 'Small', spacing: 'None' }),
        ...(buttons ? [buttons] : []),
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
  return adaptive(body, v.add ? [addForm(v.add, locale)] : [], text.join('\n'));
}
