// Problem lists (问题清单, SPEC §4): status flow, overdue check, Zhoukou's summary sentence.
//
// Status flow (one row per allowed move):
//   待解决 → 解决中 | 已解决      (work starts, or it is solved at once)
//   解决中 → 已解决
//   已解决 → 已销号 | 解决中      (close out, or reopen when the fix did not hold)
//   已销号 → nothing             (closed out for good)
// Only 已解决 can be closed out. A problem is overdue when it is still open (待解决/解决中) and
// today is after its deadline (the deadline day itself is still in time).
import { tr, type Text } from './i18n';
import { toSimplified } from './parse';
import { PROBLEM_STATUSES } from './types';
import type { Locale, Problem, ProblemStatus } from './types';

export const TRANSITIONS: Record<ProblemStatus, readonly ProblemStatus[]> = {
  待解决: ['解决中', '已解决'],
  解决中: ['已解决'],
  已解决: ['已销号', '解决中'],
  已销号: [],
};

export const OPEN_STATUSES: readonly ProblemStatus[] = ['待解决', '解决中'];
export const RESOLVED_STATUSES: readonly ProblemStatus[] = ['已解决', '已销号'];

export const STATUS_LABELS: Record<ProblemStatus, Text> = {
  待解决: { 'zh-CN': '待解决', en: 'open' },
  解决中: { 'zh-CN': '解决中', en: 'in progress' },
  已解决: { 'zh-CN': '已解决', en: 'resolved' },
  已销号: { 'zh-CN': '已销号', en: 'closed out' },
};

export function isProblemStatus(s: unknown): s is ProblemStatus {
  return typeof s === 'string' && (PROBLEM_STATUSES as readonly string[]).includes(s);
}

/**
 * Reads a status as people type it: Simplified or Traditional Chinese (解決中 → 解决中) or the
 * English label (case-insensitive); undefined when it is none of them.
 */
export function toProblemStatus(input: unknown): ProblemStatus | undefined {
  if (typeof input !== 'string') return undefined;
  const s = toSimplified(input.trim());
  if (isProblemStatus(s)) return s;
  const en = s.toLowerCase().replace(/[\s_-]+/g, ' ');
  return PROBLEM_STATUSES.find((k) => STATUS_LABELS[k].en === en);
}

export function isOpen(p: Pick<Problem, 'status'>): boolean {
  return OPEN_STATUSES.includes(p.status);
}

/** Open and past its deadline (`today` and `deadline` are `YYYY-MM-DD`). */
export function isOverdue(p: Pick<Problem, 'status' | 'deadline'>, today: string): boolean {
  return isOpen(p) && typeof p.deadline === 'string' && p.deadline < today;
}

export function canTransition(from: string, to: string): boolean {
  return isProblemStatus(from) && isProblemStatus(to) && TRANSITIONS[from].includes(to);
}

const M = {
  unknown: { 'zh-CN': '“{s}”不是有效的问题状态，应为 待解决 / 解决中 / 已解决 / 已销号 之一', en: '"{s}" is not a problem status; use one of 待解决 / 解决中 / 已解决 / 已销号 (open / in progress / resolved / closed out)' },
  same: { 'zh-CN': '问题状态已是“{from}”，无需更改', en: 'The problem is already "{fromEn}"' },
  closed: { 'zh-CN': '问题已销号，不能再改为“{to}”；如问题复现，请新建一条问题', en: 'The problem is closed out and cannot become "{toEn}"; record a new problem if it came back' },
  closeOut: { 'zh-CN': '只有“已解决”的问题才能销号，当前状态为“{from}”，请先改为“已解决”', en: 'Only a resolved problem can be closed out; it is "{fromEn}" now: mark it resolved first' },
  back: { 'zh-CN': '不能从“{from}”改回“{to}”；允许的下一步：{next}', en: 'Cannot go from "{fromEn}" back to "{toEn}"; allowed next: {nextEn}' },
} satisfies Record<string, Text>;

/** Why a status change is not allowed, in the user's language; null when it is. */
export function transitionError(from: string, to: string, locale: Locale = 'zh-CN'): string | null {
  if (!isProblemStatus(from)) return tr(locale, M.unknown, { s: from });
  if (!isProblemStatus(to)) return tr(locale, M.unknown, { s: to });
  if (canTransition(from, to)) return null;
  const params = {
    from, to, fromEn: STATUS_LABELS[from].en, toEn: STATUS_LABELS[to].en,
    next: TRANSITIONS[from].join('、'), nextEn: TRANSITIONS[from].map((s) => STATUS_LABELS[s].en).join(', '),
  };
  if (from === to) return tr(locale, M.same, params);
  if (from === '已销号') return tr(locale, M.closed, params);
  if (to === '已销号') return tr(locale, M.closeOut, params);
  return tr(locale, M.back, params);
}

export interface ProblemSummary {
  found: number;
  /** 已解决 + 已销号 */
  resolved: number;
  /** 待解决 + 解决中 */
  open: number;
  /** Open and past the deadline. */
  overdue: number;
  text: string;
}

const SUMMARY = {
  main: { 'zh-CN': '发现问题 {found} 处，整改完毕 {resolved} 处，正在处理 {open} 处', en: '{found} problems found, {resolved} resolved, {open} in progress' },
  overdue: { 'zh-CN': '，其中逾期 {overdue} 处', en: ', {overdue} of them overdue' },
} satisfies Record<string, Text>;

/** Counts in Zhoukou's form: 「发现问题 36 处，整改完毕 33 处，正在处理 3 处」(+「，其中逾期 N 处」). */
export function problemSummary(problems: Pick<Problem, 'status' | 'deadline'>[], today: string, locale: Locale = 'zh-CN'): ProblemSummary {
  const found = problems.length;
  const resolved = problems.filter((p) => RESOLVED_STATUSES.includes(p.status)).length;
  const open = problems.filter(isOpen).length;
  const overdue = problems.filter((p) => isOverdue(p, today)).length;
  const params = { found, resolved, open, overdue };
  const text = tr(locale, SUMMARY.main, params) + (overdue > 0 ? tr(locale, SUMMARY.overdue, params) : '');
  return { found, resolved, open, overdue, text };
}
