// Hengshui's rolling lists (SPEC §4): 储备 → 拟新开工 → 在建. Each move is recorded with its month.
//
// - 储备 → 拟新开工 when the project "年内具备开工条件": it has a real national code (not a TMP- id),
//   the approvals in NEW_START_APPROVALS are done, and its planned start falls in the year of the
//   move or earlier. 施工许可 is not required: it is usually issued just before the start itself.
// - 拟新开工 → 在建 when an actual start on or before the month is reported.
// - 在建 is the last list: 竣工 / 投产 are stages of an 在建 project, not a move, so completion
//   rates count actual ends (core/rank) rather than list changes.
// One move at a time: a reserve project reported as already started moves to 拟新开工 this month
// and on to 在建 at the next evaluation (start counts use the actual start date, not the move).
import { parseCode } from './code';
import { tr, type Text } from './i18n';
import { isPeriod, periodOfDate, yearOf } from './periods';
import type { Approval, ListKind, Locale, MonthlyReport, Period, Project } from './types';

/** Approvals a reserve project needs before it can join the 拟新开工 list. */
export const NEW_START_APPROVALS: readonly Approval[] = ['立项', '用地', '规划', '环评'];

export interface ListMove {
  projectCode: string;
  from: ListKind;
  to: ListKind;
  period: Period;
  reason: string;
}

export interface Readiness {
  ready: boolean;
  /** Has a national project code (not a temporary id). */
  hasCode: boolean;
  /** Approvals of NEW_START_APPROVALS not done yet. */
  missing: Approval[];
  /** The planned start falls in `period`'s year or earlier. */
  dueThisYear: boolean;
}

/** Whether a reserve project meets the conditions to join the 拟新开工 list in `period`. */
export function readinessOf(project: Project, period: Period): Readiness {
  const hasCode = parseCode(String(project.code ?? '').trim()) !== undefined;
  const done = new Set(project.approvals ?? []);
  const missing = NEW_START_APPROVALS.filter((a) => !done.has(a));
  const dueThisYear = isPeriod(project.plannedStart) && yearOf(project.plannedStart) <= yearOf(period);
  return { ready: hasCode && missing.length === 0 && dueThisYear, hasCode, missing, dueThisYear };
}

const R = {
  toNewStart: {
    'zh-CN': '已赋项目代码，{approvals}手续齐全，计划 {ps} 开工，年内具备开工条件：转入拟新开工清单',
    en: 'Has its project code and approvals ({approvals}), planned to start in {ps}: moves to the to-start list',
  },
  toUnderway: { 'zh-CN': '已于 {s} 开工：转入在建清单', en: 'Started in {s}: moves to the under-construction list' },
} satisfies Record<string, Text>;

/** The list move due for a project in `period`, or null. `report` is the month's report, if any. */
export function nextList(project: Project, report: Partial<MonthlyReport> | undefined, period: Period, locale: Locale = 'zh-CN'): ListMove | null {
  const move = (to: ListKind, reason: string): ListMove => ({ projectCode: project.code, from: project.list, to, period, reason });
  if (project.list === '储备') {
    if (!readinessOf(project, period).ready) return null;
    const approvals = NEW_START_APPROVALS.join(locale === 'en' ? ', ' : '、');
    return move('拟新开工', tr(locale, R.toNewStart, { approvals, ps: project.plannedStart }));
  }
  if (project.list === '拟新开工') {
    const start = report?.actualStart ?? project.actualStart;
    const s = typeof start === 'string' ? periodOfDate(start) : undefined;
    if (!isPeriod(s) || s > period) return null;
    return move('在建', tr(locale, R.toUnderway, { s }));
  }
  return null;
}
