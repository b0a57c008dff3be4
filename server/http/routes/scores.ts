// Scores (four colours with reasons) per SPEC §6.
import { scoreAll } from '../../../core/score';
import type { RouteDef } from '../router';
import { countyFilter, queryParam } from '../scope';
import { readPeriod } from './projects';

export const scoreRoutes: RouteDef[] = [
  {
    method: 'GET', path: '/scores',
    handle: (req, _res, ctx) => {
      const county = countyFilter(ctx, queryParam(req, 'county'));
      const period = readPeriod(ctx, queryParam(req, 'period'));
      return { period, projects: scoreAll(ctx.deps.store.projectStates(period, county), period, ctx.deps.config, ctx.locale) };
    },
  },
];
