// Thin glue to core's problem summary and escalations (the figures stay core's).
import type { Escalation, Period, Problem } from '../../core/types';
import { problemSummary } from '../../core/problems';
import { escalations } from '../../core/escalation';
import { rankCounties } from '../../core/rank';
import { addMonths, yearOf } from '../../core/periods';
import { localDate } from '../../core/periods';
import type { Ask } from './reply';

export function today(a: Ask): string {
  return localDate(a.data.now(), a.data.config.timezone);
}

export function problemSummaryOf(a: Ask, problems: Problem[]): string {
  return problemSummary(problems, today(a), a.locale).text;
}

/** Escalations at `period`, from the rankings of the months of the year up to it. */
export function cityEscalations(a: Ask, period: Period): Escalation[] {
  const months: Period[] = [];
  for (let p = period; yearOf(p) === yearOf(period) && months.length < 12; p = addMonths(p, -1)) months.unshift(p);
  const states = a.data.store.projectStates(period);
  const history = months.map((m) => ({ period: m, ranking: rankCounties(states.map((s) => ({ project: s.project, reports: s.reports.filter((r) => r.period <= m) })), m, a.data.config) }));
  return escalations(history, a.data.config);
}
