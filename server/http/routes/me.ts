// Who am I, and the configuration the add-in needs to build its ledger.
import { LEDGER, optionsOf } from '../../../core/ledger';
import { reportingPeriod } from '../../../core/periods';
import type { RouteDef } from '../router';

export const meRoutes: RouteDef[] = [
  {
    method: 'GET', path: '/me',
    handle: (_req, _res, { user }) => ({
      id: user.id, name: user.name, role: user.role, county: user.county, leaderName: user.leaderName,
    }),
  },
  {
    method: 'GET', path: '/config/public',
    handle: (_req, _res, { deps: { config, limits } }) => ({
      city: config.city,
      counties: config.counties.map((k) => ({ name: k.name, code: k.code, nameEn: k.nameEn })),
      sectors: config.sectors,
      options: Object.fromEntries(LEDGER.filter((c) => c.type === 'enum' || c.type === 'yesno' || c.type === 'approvals')
        .map((c) => [c.key, optionsOf(c, config)])),
      deadlineDay: config.deadlineDay,
      reportingPeriod: reportingPeriod(new Date(), config.deadlineDay, config.timezone),
      locale: config.locale,
      timezone: config.timezone,
      maxRows: limits.maxRows,
    }),
  },
];
