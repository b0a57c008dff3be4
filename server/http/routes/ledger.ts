// A county's ledger for a month, ready to fill: each project's master data, this month's stored
// figures when already reported, otherwise the latest earlier report's cumulative figures carried
// forward (year to date restarts in January).
import { LEDGER } from '../../../core/ledger';
import { addMonths, prevPeriod, reportingPeriod, yearOf } from '../../../core/periods';
import type { LedgerKey, Project } from '../../../core/types';
import type { StoredReport } from '../../store/reports';
import { badField } from '../errors';
import type { RouteDef } from '../router';
import { countyFilter, periodParam, queryParam } from '../scope';

/** A value as a ledger cell shows it (lists joined, yes/no in words). */
function cell(key: LedgerKey, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (key === 'approvals' && Array.isArray(v)) return v.join('、');
  if (key === 'registered' && typeof v === 'boolean') return v ? '是' : '否';
  return v;
}

function ledgerRow(p: Project, current: StoredReport | undefined, prev: StoredReport | undefined, period: string) {
  const row: Record<string, unknown> = {};
  const sameYear = prev !== undefined && yearOf(prev.period) === yearOf(period);
  const carried: Partial<StoredReport> = {
    ytdInvest: sameYear ? prev?.ytdInvest ?? 0 : 0,
    cumInvest: prev?.cumInvest ?? 0,
    progress: prev?.progress,
    progressNote: prev?.progressNote,
    spent: prev?.spent,
  };
  const report = current ?? carried;
  for (const c of LEDGER) {
    const fromReport = (report as Record<string, unknown>)[c.key];
    row[c.key] = cell(c.key, c.master ? (p as unknown as Record<string, unknown>)[c.key] : fromReport ?? (p as unknown as Record<string, unknown>)[c.key]);
  }
  return {
    ...row,
    reported: current !== undefined,
    previous: prev
      ? { period: prev.period, ytdInvest: sameYear ? prev.ytdInvest ?? null : 0, cumInvest: prev.cumInvest ?? null, monthInvest: prev.monthInvest ?? null }
      : { period: prevPeriod(period), ytdInvest: null, cumInvest: null, monthInvest: null },
  };
}

export const ledgerRoutes: RouteDef[] = [
  {
    method: 'GET', path: '/ledger',
    handle: (req, _res, ctx) => {
      const { store, config } = ctx.deps;
      const county = countyFilter(ctx, queryParam(req, 'county'));
      if (!county) throw badField('county', { 'zh-CN': '请指定县市区，例如 county=桃城区', en: 'give a county, e.g. county=桃城区' });
      const p = queryParam(req, 'period');
      const period = p === undefined ? reportingPeriod(new Date(), config.deadlineDay, config.timezone) : periodParam(p);
      const projects = (store.projects.list({ county }) as Project[])
        // Projects finished before this year are off the ledger.
        .filter((pr) => !(pr.actualEnd && yearOf(pr.actualEnd.slice(0, 7)) < yearOf(period)));
      // The latest report before the month carries forward (a month left unreported is skipped over).
      const reports = store.reports.between(projects.map((pr) => pr.code), addMonths(period, -12), period) as StoredReport[];
      const current = new Map<string, StoredReport>();
      const latest = new Map<string, StoredReport>();
      for (const r of reports) {
        if (r.period === period) current.set(r.projectCode, r);
        else latest.set(r.projectCode, r); // between() is in period order: the last one wins
      }
      return {
        period, county, version: store.ledgerVersion(county, period) as number,
        rows: projects.map((pr) => ledgerRow(pr, current.get(pr.code), latest.get(pr.code), period)),
      };
    },
  },
];
