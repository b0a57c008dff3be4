// Who may call which route: one table, route × role → access. Every API route is registered
// through this table (server/http/router.ts refuses a route without an entry), and tests walk it.
import type { Role } from '../store/users';

/** 'all': every county; 'county': only the caller's own county (staff); absent: forbidden. */
export type Access = 'all' | 'county';
export type RoutePolicy = Partial<Record<Role, Access>>;

const READ: RoutePolicy = { admin: 'all', staff: 'county', leader: 'all', viewer: 'all' };
const ANY_USER: RoutePolicy = { admin: 'all', staff: 'all', leader: 'all', viewer: 'all' };
const WRITE: RoutePolicy = { admin: 'all', staff: 'county' };
// 包联领导 answer for their projects' problems ("一个项目、一名领导、一个方案"): besides admins and the
// county's staff, leaders may record problems and move them along — the same rule as the bot's card.
const PROBLEM_WRITE: RoutePolicy = { admin: 'all', staff: 'county', leader: 'all' };
const OVERSIGHT: RoutePolicy = { admin: 'all', leader: 'all' };
const ADMIN: RoutePolicy = { admin: 'all' };

export const POLICY: Record<string, RoutePolicy> = {
  'GET /api/v1/me': ANY_USER,
  'GET /api/v1/config/public': ANY_USER,
  'GET /api/v1/projects': READ,
  'GET /api/v1/projects/:code': READ,
  'GET /api/v1/ledger': WRITE,
  'POST /api/v1/validate': ANY_USER,
  'POST /api/v1/reports': WRITE,
  'GET /api/v1/scores': READ,
  'GET /api/v1/ranking': ANY_USER,
  'GET /api/v1/problems': READ,
  'POST /api/v1/problems': PROBLEM_WRITE,
  'PATCH /api/v1/problems/:id': PROBLEM_WRITE,
  'GET /api/v1/audit': OVERSIGHT,
  'GET /api/v1/bulletin': OVERSIGHT,
  'POST /api/v1/reconcile': ADMIN,
};

export function accessOf(routeId: string, role: Role): Access | undefined {
  return POLICY[routeId]?.[role];
}
