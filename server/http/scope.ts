// County scope: staff see and write only their own county; the other roles see every county.
import type { Request } from 'express';
import { isPeriod } from '../../core/periods';
import { badField, HttpError } from './errors';
import type { Ctx } from './router';

const COUNTY_TEXT = { 'zh-CN': '应为已配置的县市区名称', en: 'must be a configured county' };

/** The county a list query is limited to: the caller's own for staff (asking for another → 403). */
export function countyFilter(ctx: Ctx, requested: string | undefined): string | undefined {
  if (requested !== undefined && !ctx.deps.config.counties.some((k) => k.name === requested)) throw badField('county', COUNTY_TEXT);
  if (ctx.access === 'county') {
    if (requested !== undefined && requested !== ctx.user.county) {
      throw new HttpError(403, 'forbidden_county', { own: ctx.user.county ?? '', county: requested });
    }
    return ctx.user.county ?? undefined;
  }
  return requested;
}

/** Refuses access to a record of another county for county-scoped callers. */
export function assertCounty(ctx: Ctx, county: string): void {
  if (ctx.access === 'county' && county !== ctx.user.county) {
    throw new HttpError(403, 'forbidden_county', { own: ctx.user.county ?? '', county });
  }
}

/** One query-string parameter as a string (repeated or nested parameters are a 400). */
export function queryParam(req: Request, name: string): string | undefined {
  const v = (req.query as Record<string, unknown>)[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw badField(name, { 'zh-CN': '只能出现一次且为文本', en: 'must appear once, as text' });
  return v;
}

const PERIOD_TEXT = { 'zh-CN': '应为年月，格式 YYYY-MM，例如 2026-03', en: 'must be a month, YYYY-MM, e.g. 2026-03' };

export function periodParam(v: unknown, field = 'period'): string {
  if (!isPeriod(v)) throw badField(field, PERIOD_TEXT);
  return v;
}
