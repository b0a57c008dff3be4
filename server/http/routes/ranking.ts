// County ranking for a month (SPEC §6 shape) with Hengshui's escalations and Handan's
// commendations / talks.
import type { Config } from '../../../core/config';
import { escalations, type RankingMonth } from '../../../core/escalation';
import { toPeriod, yearOf, monthOf } from '../../../core/periods';
import { commendations, rankCounties } from '../../../core/rank';
import type { Period, ProjectState } from '../../../core/types';
import type { Store } from '../../store/store';
import type { RouteDef } from '../router';
import { queryParam } from '../scope';
import { readPeriod } from './projects';

/** Rankings of every month of period's year up to period, from one read of the store. */
export function rankingHistory(store: Store, period: Period, config: Config): RankingMonth[] {
  const states = store.projectStates(period) as ProjectState[];
  const out: RankingMonth[] = [];
  for (let m = 1; m <= monthOf(period); m++) {
    const p = toPeriod(yearOf(period), m);
    const asOf = states.map((s) => ({ project: s.project, reports: s.reports.filter((r) => r.period <= p) }));
    out.push({ period: p, ranking: rankCounties(asOf, p, config) });
  }
  return out;
}

export function rankingReport(store: Store, period: Period, config: Config) {
  const history = rankingHistory(store, period, config);
  const latest = history[history.length - 1].ranking;
  return {
    period,
    counties: latest.map((r) => ({ county: r.county, rank: r.rank, score: r.score, indicators: r.indicators, ranks: r.ranks })),
    escalations: escalations(history, config),
    ...commendations(latest, config),
  };
}

export const rankingRoutes: RouteDef[] = [
  {
    method: 'GET', path: '/ranking',
    handle: (req, _res, ctx) => rankingReport(ctx.deps.store, readPeriod(ctx, queryParam(req, 'period')), ctx.deps.config),
  },
];
