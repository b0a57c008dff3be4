// GET /bulletin: the monthly bulletin (月度通报) as an xlsx download, built by server/bulletin.
import { buildBulletin } from '../../bulletin/build';
import type { RouteDef } from '../router';
import { queryParam } from '../scope';
import { readPeriod } from './projects';

export const bulletinRoutes: RouteDef[] = [
  {
    method: 'GET', path: '/bulletin',
    handle: async (req, res, ctx) => {
      const period = readPeriod(ctx, queryParam(req, 'period'));
      const buf = await buildBulletin(ctx.deps.store, ctx.deps.config, period, ctx.locale);
      const name = `${ctx.deps.config.city.name}重点项目月度通报-${period}.xlsx`;
      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('Content-Disposition', `attachment; filename="bulletin-${period}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
      res.send(buf);
      return undefined;
    },
  },
];
