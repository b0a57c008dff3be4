// POST /reports: a county's monthly ledger, validated again on the server against the stored
// history and stored all-or-nothing. Idempotency-Key replays; a stale baseVersion is a 409.
import { VersionConflictError, type Store } from '../../store/store';
import { bodyHash, isValidKey } from '../../store/idempotency';
import { actorOf } from '../actor';
import { badField, HttpError } from '../errors';
import type { Ctx, RouteDef } from '../router';
import { countyFilter } from '../scope';
import { readBody, readSubmission } from '../submission';
import type { LedgerValidation } from '../../../core/validate';
import { findingsBody, validateSubmission } from '../validation';

/** Staff write only their own county's projects: the row's county and the stored project's. */
function checkOwnership(ctx: Ctx, v: LedgerValidation): void {
  if (ctx.access !== 'county') return;
  const store = ctx.deps.store as Store;
  const own = ctx.user.county ?? '';
  for (const { row, values } of v.rows) {
    const stored = values.code ? store.projects.get(values.code) : undefined;
    const county = stored?.county !== undefined && stored.county !== own ? stored.county : values.county;
    if (county !== undefined && county !== own) {
      throw new HttpError(403, 'forbidden_row', { row, code: values.code ?? values.name ?? '', county, own });
    }
  }
}

export const reportRoutes: RouteDef[] = [
  {
    method: 'POST', path: '/reports',
    handle: (req, res, ctx) => {
      const { idempotency, limits } = ctx.deps;
      const store = ctx.deps.store as Store;
      const body = readBody(req.body);

      const key = req.get('Idempotency-Key');
      const hash = bodyHash(body);
      if (key !== undefined) {
        if (!isValidKey(key)) throw new HttpError(400, 'bad_idempotency_key');
        const prior = idempotency.find(ctx.user.id, key);
        if (prior) {
          if (prior.bodyHash !== hash || prior.route !== ctx.route) throw new HttpError(422, 'idempotency_mismatch', { key });
          res.status(prior.status).setHeader('Idempotent-Replayed', 'true');
          return prior.body;
        }
      }

      const sub = readSubmission(body, limits.maxRows);
      if (typeof body.county !== 'string') throw badField('county', { 'zh-CN': '应为本次提交的县市区名称，例如 桃城区', en: 'must name the county of this submission' });
      const county = countyFilter(ctx, body.county)!;
      const base = body.baseVersion;
      if (typeof base !== 'number' || !Number.isSafeInteger(base) || base < 0) {
        throw badField('baseVersion', { 'zh-CN': '应为加载台账时得到的版本号（非负整数，见 GET /api/v1/ledger 的 version）', en: 'must be the version from GET /api/v1/ledger (a non-negative integer)' });
      }

      const now = new Date();
      const v = validateSubmission(ctx, sub, now);
      checkOwnership(ctx, v);
      if (v.errors > 0) {
        throw new HttpError(422, 'validation_failed', { errors: v.errors, warnings: v.warnings }, findingsBody(v));
      }
      try {
        // The import and the idempotency record commit together, or neither does.
        return store.db.transaction(() => {
          const r = store.importLedger(v.rows.map((x) => x.values), sub.period, actorOf(ctx.user), { county, baseVersion: base, at: now.toISOString() });
          const response = { stored: r.reports, version: r.versions[county] ?? store.ledgerVersion(county, sub.period), ...findingsBody(v) };
          if (key !== undefined) idempotency.save(ctx.user.id, key, { route: ctx.route, bodyHash: hash, status: 200, body: response }, now);
          return response;
        }).immediate();
      } catch (e) {
        if (e instanceof VersionConflictError) {
          throw new HttpError(409, 'stale_version', { county: e.county, period: e.period, base: e.expected, current: e.actual });
        }
        throw e;
      }
    },
  },
];
