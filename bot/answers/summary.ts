// Thin glue to core's problem summary and escalations (the figures stay core's).
import type { Escalation, Period, Problem } from '../../core/types';
import { problemSummary } from '../../core/problems';
import { escalations } from '../../core/escalation';
import { localDate } from '../../core/periods';
import { rankingHistory } from '../../server/ranking';
import type { Ask } from './reply';

export function today(a: Ask): string {
  return localDate(a.data.now(), a.data.config.timezone);
}

export function problemSummaryOf(a: Ask, problems: Problem[]): string {
  return problemSummary(problems, today(a), a.locale).text;
}

/** Escalations at `period`, from the same ranking history as the ranking API, bulletin and reminders. */
export function cityEscalations(a: Ask, period: Period): Escalation[] {
  return escalations(rankingHistory(a.data.store, a.data.config, period), a.data.config);
}
