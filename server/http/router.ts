// Mounts API routes: each request is authenticated, checked against the policy table
// (role → access) and handed a context with the caller, their county scope and locale.
import express, { type Request, type Response } from 'express';
import type { Config } from '../../core/config';
import type { Locale } from '../../core/types';
import type { Authenticate } from '../auth/authenticate';
import { accessOf, POLICY, type Access } from '../auth/policy';
import type { Idempotency } from '../store/idempotency';
import { ROLE_LABELS, type User, type Users } from '../store/users';
import { HttpError } from './errors';
import type { Limits } from './limits';

export interface Logger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

export interface ApiDeps {
  // The store's type is taken loosely here and narrowed in each handler module.
  store: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  config: Config;
  users: Users;
  idempotency: Idempotency;
  logger: Logger;
  limits: Limits;
}

export interface Ctx {
  user: User;
  access: Access;
  locale: Locale;
  route: string;
  deps: ApiDeps;
}

export type Method = 'GET' | 'POST' | 'PATCH';

export interface RouteDef {
  method: Method;
  /** Path under /api/v1, express syntax (`/projects/:code`). */
  path: string;
  /** Returns the JSON body to send (status 200), or undefined when it has answered itself. */
  handle(req: Request, res: Response, ctx: Ctx): unknown | Promise<unknown>;
}

export const API_PREFIX = '/api/v1';
export const routeId = (r: Pick<RouteDef, 'method' | 'path'>) => `${r.method} ${API_PREFIX}${r.path}`;

export function apiRouter(routes: readonly RouteDef[], deps: ApiDeps, authenticate: Authenticate, localeOf: (req: Request) => Locale) {
  const router = express.Router();
  for (const r of routes) {
    const id = routeId(r);
    if (!POLICY[id]) throw new Error(`route ${id} has no entry in server/auth/policy.ts`);
    const method = r.method.toLowerCase() as 'get' | 'post' | 'patch';
    router[method](r.path, async (req, res) => {
      const user = await authenticate(req.headers);
      const access = accessOf(id, user.role);
      const locale = localeOf(req);
      if (!access) throw new HttpError(403, 'forbidden_role', { role: ROLE_LABELS[user.role], route: id });
      const body = await r.handle(req, res, { user, access, locale, route: id, deps });
      if (body !== undefined && !res.headersSent) res.json(body);
    });
  }
  return router;
}
