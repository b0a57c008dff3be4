// Builds the express application from its dependencies (no listening, no globals), so the
// service and the tests start the same app: bot endpoint, REST API, add-in files, health.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Config } from '../core/config';
import { createAuthenticator } from './auth/authenticate';
import { createVerifier, entraSettingsFromEnv, type Verifier } from './auth/entra';
import { HttpError } from './http/errors';
import { limitsFromEnv, formatBytes, type Limits } from './http/limits';
import { localeFromHeader } from './http/locale';
import { addinPlaceholder } from './http/addin';
import { addinIcon } from '../manifest/icons';
import { apiRouter, type Logger } from './http/router';
import { ROUTES } from './http/routes';
import { Idempotency } from './store/idempotency';
import { Users } from './store/users';

export const ADDIN_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'addin', 'dist');

export interface AppDeps {
  // The Store (server/store/store.ts); only `db` is needed here, the handlers use the rest.
  store: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  config: Config;
  logger: Logger;
  env: Record<string, string | undefined>;
  /** The Teams bot (bot/index.ts createBot); POST /api/messages answers 503 without it. */
  bot?: { process(req: Request, res: Response): unknown };
  /** Overrides for tests; otherwise from env (KEYPROJ_AUTH_*, KEYPROJ_BODY_LIMIT, KEYPROJ_MAX_ROWS). */
  verifier?: Verifier;
  limits?: Limits;
  addinDir?: string;
}

/** Body-parser failures by their `type`, as API errors. */
const BODY_ERRORS: Record<string, (limit: number, err: { message?: string }) => HttpError> = {
  'entity.parse.failed': (_l, e) => new HttpError(400, 'malformed_json', { detail: String(e.message ?? '').slice(0, 200) }),
  'entity.too.large': (l) => new HttpError(413, 'body_too_large', { limit: formatBytes(l) }),
  'entity.verify.failed': (_l, e) => new HttpError(400, 'malformed_json', { detail: String(e.message ?? '') }),
  'encoding.unsupported': () => new HttpError(415, 'malformed_json', { detail: 'encoding' }),
  'charset.unsupported': () => new HttpError(415, 'malformed_json', { detail: 'charset' }),
  'request.aborted': () => new HttpError(400, 'malformed_json', { detail: 'aborted' }),
  'request.size.invalid': () => new HttpError(400, 'malformed_json', { detail: 'size' }),
  'stream.encoding.set': () => new HttpError(500, 'internal'),
};

export function createApp(deps: AppDeps): express.Express {
  const { store, config, logger, env } = deps;
  const limits = deps.limits ?? limitsFromEnv(env).limits;
  const entra = entraSettingsFromEnv(env);
  const verifier = deps.verifier ?? (entra ? createVerifier(entra) : undefined);
  const users = new Users(store.db);
  const idempotency = new Idempotency(store.db);
  const authenticate = createAuthenticator({ users, verifier });
  const localeOf = (req: Request) => localeFromHeader(req.headers['accept-language'], config.locale);

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  // One log line per request (never the Authorization header or the body).
  app.use((req, res, next) => {
    const t0 = process.hrtime.bigint();
    res.on('finish', () => {
      if (req.path === '/healthz') return;
      const ms = Math.round(Number(process.hrtime.bigint() - t0) / 1e5) / 10;
      logger.info({ method: req.method, url: req.originalUrl.slice(0, 300), status: res.statusCode, ms }, 'request');
    });
    next();
  });
  app.use(express.json({ limit: limits.bodyBytes, strict: true }));

  app.get('/healthz', (_req, res) => {
    try {
      store.db.prepare('SELECT 1').get();
      res.json({ ok: true, db: 'ok' });
    } catch (e) {
      logger.error({ err: e }, 'health check: database unavailable');
      res.status(503).json({ ok: false, db: 'error' });
    }
  });

  app.post('/api/messages', async (req, res) => {
    if (!deps.bot) throw new HttpError(503, 'unavailable', { feature: 'Teams bot (bot/index.ts)' });
    await deps.bot.process(req, res);
  });

  // The add-in's icons, drawn from the manifest configuration (manifest/addin.ts points here).
  app.get(/^\/addin\/assets\/icon-(16|32|64|80)\.png$/, (req, res) => {
    res.type('png').setHeader('Cache-Control', 'public, max-age=86400');
    res.send(addinIcon(Number((req.params as Record<string, string>)[0])));
  });

  const addinDir = deps.addinDir ?? ADDIN_DIST;
  app.use('/addin', express.static(addinDir, { index: 'taskpane.html', fallthrough: true }));
  app.get(/^\/addin(\/.*)?$/, (req, res) => {
    if (existsSync(join(addinDir, 'taskpane.html'))) throw new HttpError(404, 'not_found', { method: req.method, path: req.path });
    res.type('html').send(addinPlaceholder(localeOf(req)));
  });

  app.use('/api/v1', apiRouter(ROUTES, { store, config, users, idempotency, logger, limits }, authenticate, localeOf));

  app.use((req) => {
    throw new HttpError(404, 'not_found', { method: req.method, path: req.path.slice(0, 200) });
  });

  // Last resort: known errors in the caller's locale; anything else logged with a reference
  // and answered with a generic 500 that leaks nothing.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const locale = localeOf(req);
    let e: HttpError;
    const typed = err as { type?: string; status?: number; message?: string };
    if (err instanceof HttpError) e = err;
    else if (typed && typeof typed.type === 'string' && BODY_ERRORS[typed.type]) e = BODY_ERRORS[typed.type](limits.bodyBytes, typed);
    else if (typed && typeof typed.status === 'number' && typed.status >= 400 && typed.status < 500) {
      e = new HttpError(typed.status, 'malformed_json', { detail: String(typed.message ?? '').slice(0, 200) });
    } else {
      const ref = randomBytes(4).toString('hex');
      logger.error({ err, ref, method: req.method, url: req.originalUrl }, 'unhandled error');
      e = new HttpError(500, 'internal', { ref });
    }
    if (e.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    if (res.headersSent) return void res.end();
    res.status(e.status).json(e.body(locale));
  });

  return app;
}
