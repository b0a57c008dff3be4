// The county rankings of a year, month by month: the history escalations read. One function so
// the ranking API, the bulletin, the reminders and the bot agree on every escalation.
import type { Config } from '../core/config';
import type { RankingMonth } from '../core/escalation';
import { rankCounties } from '../core/rank';
import { monthOf, toPeriod, yearOf } from '../core/periods';
import type { Period, ProjectState } from '../core/types';

/** What the ranking history reads from the store. */
export interface RankingSource {
  projectStates(period: Period, county?: string): ProjectState[];
}

/** Rankings of every month of the year up to `period`, oldest first: escalation needs the runs. */
export function rankingHistory(store: RankingSource, config: Config, period: Period): RankingMonth[] {
  const out: RankingMonth[] = [];
  for (let m = 1; m <= monthOf(period); m++) {
    const p = toPeriod(yearOf(period), m);
    out.push({ period: p, ranking: rankCounties(store.projectStates(p), p, config) });
  }
  return out;
}

/** Handan's commendations and talks are announced on the half-year and year-end rankings. */
export function isHalfYearOrYearEnd(period: Period): boolean {
  return monthOf(period) === 6 || monthOf(period) === 12;
}
