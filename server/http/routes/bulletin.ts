// GET /bulletin: the monthly bulletin (月度通报) as an xlsx download, built by server/bulletin.
import { HttpError } from '../errors';
import type { RouteDef } from '../router';
import { queryParam } from '../scope';
import { readPeriod } from './projects';

// Loaded on demand: the bulletin builder is a separate module that may not be installed.
const BULLETIN_MODULE = '../../bulletin/build';

export const bulletinRoutes: RouteDef[] = [
  {
    method: 'GET', path: '/bulletin',
    handle: async (req, res, ctx) => {
      const period = readPeriod(ctx, queryParam(req, 'period'));
      let build: ((...a: unknown[]) => Promise<Uint8Array>) | undefined;
      try {
        build = (await import(/* @vite-ignore */ BULLETIN_MODULE)).buildBulletin;
      } catch { /* not installed */ }
      if (typeof build !== 'function') throw new HttpError(503, 'unavailable', { feature: 'bulletin' });
      const buf = await build(ctx.deps.store, ctx.deps.config, period, ctx.locale);
      const name = `${ctx.deps.config.city.name}重点项目月度通报-${period}.xlsx`;
      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('Content-Disposition', `attachment; filename="bulletin-${period}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
      res.send(Buffer.from(buf));
      return undefined;
    },
  },
];
