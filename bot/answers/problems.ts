// 问题清单 / 逾期问题: of the city, a county, or one project.
import { tr, type Text } from '../../core/i18n';
import { isOverdue } from '../../core/problems';
import { problemsCard, type ProblemItem } from '../cards/problems';
import { M } from '../messages';
import { canSee } from './caller';
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

export function problemsAnswer(a: Ask, q: ProblemQuery): Reply[] {
  const project = q.code ? a.data.store.projects.get(q.code) : undefined;
  if (q.code && !project) return [text(tr(a.locale, M.projectGone, { code: q.code }))];
  const county = project?.county ?? q.county ?? a.caller.county ?? undefined;
  if (county && !canSee(a.caller, county)) return [text(tr(a.locale, M.outOfScope, { county: a.caller.county ?? '' }))];
  const all = a.data.store.problems.list({ ...(q.code ? { projectCode: q.code } : {}), ...(county ? { county } : {}) });
  const day = today(a);
  const names = new Map(a.data.store.projects.list(county ? { county } : {}).map((p) => [p.code, p]));
  const open = all.filter((p) => p.status === '待解决' || p.status === '解决中');
  const shown = open.filter((p) => !q.overdue || isOverdue(p, day));
  // Overdue first, then by deadline.
  shown.sort((x, y) => Number(isOverdue(y, day)) - Number(isOverdue(x, day)) || x.deadline.localeCompare(y.deadline));
  const items: ProblemItem[] = shown.map((p) => ({
    projectName: names.get(p.projectCode)?.name ?? p.projectCode,
    county: names.get(p.projectCode)?.county ?? '',
    description: p.description,
    unit: p.unit,
    deadline: p.deadline,
    status: p.status,
    overdue: isOverdue(p, day),
  }));
  const scope = project?.name ?? county ?? tr(a.locale, T.city);
  const title = tr(a.locale, q.overdue ? T.overdueTitle : T.title, { scope });
  return [card(problemsCard({ title, summary: problemSummaryOf(a, all), items }, a.locale))];
}
