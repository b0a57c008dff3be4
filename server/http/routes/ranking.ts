// County ranking for a month (SPEC §6 shape) with Hengshui's escalations and Handan's
// commendations / talks.
import type { Config } from '../../../core/config';
import { escalations } from '../../../core/escalation';
import { commendations } from '../../../core/rank';
import type { Period } from '../../../core/types';
import { rankingHistory } from '../../ranking';
import type { Store } from '../../store/store';
import type { RouteDef } from '../router';
import { queryParam } from '../scope';
import { readPeriod } from './projects';

export function rankingReport(store: Store, period: Period, config: Config) {
  const history = rankingHistory(store, config, period);
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
