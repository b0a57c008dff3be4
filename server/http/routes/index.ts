// Every /api/v1 route, by resource. Each needs an entry in server/auth/policy.ts.
import type { RouteDef } from '../router';
import { auditRoutes } from './audit';
import { bulletinRoutes } from './bulletin';
import { ledgerRoutes } from './ledger';
import { meRoutes } from './me';
import { problemRoutes } from './problems';
import { projectRoutes } from './projects';
import { rankingRoutes } from './ranking';
import { reconcileRoutes } from './reconcile';
import { reportRoutes } from './reports';
import { scoreRoutes } from './scores';
import { validateRoutes } from './validate';

export const ROUTES: readonly RouteDef[] = [
  ...meRoutes, ...projectRoutes, ...ledgerRoutes, ...validateRoutes, ...reportRoutes, ...scoreRoutes, ...rankingRoutes,
  ...problemRoutes, ...auditRoutes, ...bulletinRoutes, ...reconcileRoutes,
];
