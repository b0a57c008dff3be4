// 问题清单 / 逾期问题: of the city, a county, or one project. Callers who may edit (caller.ts
// canEditProblems) get the status buttons core's flow allows, and on a project's list the
// 新增问题 form.
import { tr, type Text } from '../../core/i18n';
import { isOverdue, TRANSITIONS } from '../../core/problems';
import { localDate, localDateTime } from '../../core/periods';
import type { StoredProblem } from '../../server/store/problems';
import { problemsCard, type ProblemItem } from '../cards/problems';
import { M } from '../messages';
import { canEditProblems, canSee } from './caller';
import { problemSummaryOf, today } from './summary';
import { card, text, type Ask, type Reply } from './reply';

export interface ProblemQuery {
  county?: string;
  code?: string;
  overdue?: boolean;
}

const T = {
  title: { 'zh-CN': '{scope}问题清单', en: 'Problems of {scope}' },
  overdueTitle: { 'zh-CN': '{scope}逾期问题', en: 'Overdue problems of {scope}' },
  city: { 'zh-CN': '全市', en: 'the city' },
} satisfies Record<string, Text>;

/** The deadline the 新增问题 form suggests: 30 days on, the store's default for problems from the ledger. */
export function suggestedDeadline(a: Ask): string {
  return localDate(new Date(a.data.now().getTime() + 30 * 86_400_000), a.data.config.timezone);
}

/** Listed order: open ones (overdue first, then by deadline), then the resolved ones awaiting 销号. */
function rank(p: StoredProblem, day: string): number {
  if (p.status === '已解决') return 2;
  return isOverdue(p, day) ? 0 : 1;
}

export function problemsAnswer(a: Ask, q: ProblemQuery): Reply[] {
  const project = q.code ? a.data.store.projects.get(q.code) : undefined;
  if (q.code && !project) return [text(tr(a.locale, M.projectGone, { code: q.code }))];
  const county = project?.county ?? q.county ?? a.caller.county ?? undefined;
  if (county && !canSee(a.caller, county)) return [text(tr(a.locale, M.outOfScope, { county: a.caller.county ?? '' }))];
  const all = a.data.store.problems.list({ ...(q.code ? { projectCode: q.code } : {}), ...(county ? { county } : {}) });
  const day = today(a);
  const tz = a.data.config.timezone;
  const names = new Map(a.data.store.projects.list(county ? { county } : {}).map((p) => [p.code, p]));
  const shown = all
    .filter((p) => (q.overdue ? isOverdue(p, day) : p.status !== '已销号'))
    .sort((x, y) => rank(x, day) - rank(y, day) || x.deadline.localeCompare(y.deadline) || x.id - y.id);
  const items: ProblemItem[] = shown.map((p) => {
    const owner = names.get(p.projectCode);
    return {
      id: p.id,
      projectName: owner?.name ?? p.projectCode,
      county: owner?.county ?? '',
      description: p.description,
      unit: p.unit,
      deadline: p.deadline,
      status: p.status,
      overdue: isOverdue(p, day),
      updatedBy: p.updatedBy,
      updatedAt: localDateTime(new Date(p.updatedAt), tz),
      next: owner && canEditProblems(a.caller, owner.county) ? [...TRANSITIONS[p.status]] : [],
    };
  });
  const scope = project?.name ?? county ?? tr(a.locale, T.city);
  const title = tr(a.locale, q.overdue ? T.overdueTitle : T.title, { scope });
  const add =
    project && canEditProblems(a.caller, project.county)
      ? { code: project.code, unit: project.unit, deadline: suggestedDeadline(a) }
      : undefined;
  return [card(problemsCard({ title, summary: problemSummaryOf(a, all), items, add }, a.locale))];
}
