// Every API route × every way of calling it: no token, bad tokens, each role, the wrong county.
// Table-driven: a route added without an entry here (or in the policy table) fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY } from '../../server/auth/policy';
import { routeId } from '../../server/http/router';
import { ROUTES } from '../../server/http/routes';
import type { Role } from '../../server/store/users';
import { FIXTURE_PROJECTS } from './helpers/fixture';
import { createTestIdp, type TestIdp } from './helpers/jwt';
import { startTestServer, TEST_OIDS, type TestServer, type TestUser } from './helpers/server';

const OWN = FIXTURE_PROJECTS.find((p) => p.county === '桃城区')!.code;
const OTHER = FIXTURE_PROJECTS.find((p) => p.county === '冀州区')!.code;
const ids: { own: number; other: number } = { own: 0, other: 0 };

interface Case {
  method: string;
  path: () => string;
  body?: unknown;
  /** Roles that may call the route (written out here, independently of the policy table). */
  roles: Role[];
  /** The same request aimed at another county: staff must get 403. */
  otherCounty?: { path: () => string; body?: unknown };
}

const ALL: Role[] = ['admin', 'staff', 'leader', 'viewer'];
const period = '2026-03';

const CASES: Record<string, Case> = {
  'GET /api/v1/me': { method: 'GET', path: () => '/api/v1/me', roles: ALL },
  'GET /api/v1/config/public': { method: 'GET', path: () => '/api/v1/config/public', roles: ALL },
  'GET /api/v1/projects': {
    method: 'GET', path: () => `/api/v1/projects?period=${period}`, roles: ALL,
    otherCounty: { path: () => `/api/v1/projects?county=${encodeURIComponent('冀州区')}&period=${period}` },
  },
  'GET /api/v1/projects/:code': {
    method: 'GET', path: () => `/api/v1/projects/${OWN}?period=${period}`, roles: ALL,
    otherCounty: { path: () => `/api/v1/projects/${OTHER}?period=${period}` },
  },
  'GET /api/v1/ledger': {
    method: 'GET', path: () => `/api/v1/ledger?county=${encodeURIComponent('桃城区')}&period=2026-04`, roles: ['admin', 'staff'],
    otherCounty: { path: () => `/api/v1/ledger?county=${encodeURIComponent('冀州区')}&period=2026-04` },
  },
  'POST /api/v1/validate': { method: 'POST', path: () => '/api/v1/validate', body: { period: '2026-04', rows: [{ row: 2, raw: { code: OWN } }] }, roles: ALL },
  'POST /api/v1/reports': {
    // Empty rows: passes auth, then 400 — nothing is stored by the matrix.
    method: 'POST', path: () => '/api/v1/reports', body: { period: '2026-04', county: '桃城区', baseVersion: 0, rows: [] }, roles: ['admin', 'staff'],
    otherCounty: { path: () => '/api/v1/reports', body: { period: '2026-04', county: '冀州区', baseVersion: 0, rows: [{ row: 2, raw: {} }] } },
  },
  'GET /api/v1/scores': {
    method: 'GET', path: () => `/api/v1/scores?period=${period}`, roles: ALL,
    otherCounty: { path: () => `/api/v1/scores?county=${encodeURIComponent('冀州区')}&period=${period}` },
  },
  'GET /api/v1/ranking': { method: 'GET', path: () => `/api/v1/ranking?period=${period}`, roles: ALL },
  'GET /api/v1/problems': {
    method: 'GET', path: () => '/api/v1/problems', roles: ALL,
    otherCounty: { path: () => `/api/v1/problems?county=${encodeURIComponent('冀州区')}` },
  },
  'POST /api/v1/problems': {
    // No deadline: passes auth and county, then 400.
    method: 'POST', path: () => '/api/v1/problems', body: { projectCode: OWN, description: '征地拆迁未完成' }, roles: ['admin', 'staff', 'leader'],
    otherCounty: { path: () => '/api/v1/problems', body: { projectCode: OTHER, description: '征地拆迁未完成' } },
  },
  'PATCH /api/v1/problems/:id': {
    // No status: passes auth and county, then 400.
    method: 'PATCH', path: () => `/api/v1/problems/${ids.own}`, body: {}, roles: ['admin', 'staff', 'leader'],
    otherCounty: { path: () => `/api/v1/problems/${ids.other}`, body: {} },
  },
  'GET /api/v1/audit': { method: 'GET', path: () => '/api/v1/audit?limit=5', roles: ['admin', 'leader'] },
  'GET /api/v1/bulletin': { method: 'GET', path: () => `/api/v1/bulletin?period=${period}`, roles: ['admin', 'leader'] },
  'POST /api/v1/reconcile': { method: 'POST', path: () => '/api/v1/reconcile', body: { stats: { [OWN]: 100 }, ndrc: { [OWN]: 180 } }, roles: ['admin'] },
};

const ROLE_USERS: Record<Role, TestUser> = { admin: 'admin', staff: 'staff', leader: 'leader', viewer: 'viewer' };

let s: TestServer;
let idp: TestIdp;

beforeAll(async () => {
  idp = await createTestIdp();
  s = await startTestServer({ idp });
  const mk = (code: string) => s.store.problems.create({ projectCode: code, description: '资金未到位', unit: '住建局', foundOn: '2026-03-01', deadline: '2026-04-30' }, { actor: 'test' }).id;
  ids.own = mk(OWN);
  ids.other = mk(OTHER);
});
afterAll(async () => { await s?.close(); });

describe('the route table', () => {
  const registered = ROUTES.map(routeId);
  it('every registered route has a policy entry and a case in this test', () => {
    for (const id of registered) {
      expect(POLICY, `policy for ${id}`).toHaveProperty([id]);
      expect(CASES, `auth case for ${id}`).toHaveProperty([id]);
    }
  });
  it('every policy entry and every case names a registered route', () => {
    expect(Object.keys(POLICY).sort()).toEqual([...registered].sort());
    expect(Object.keys(CASES).sort()).toEqual([...registered].sort());
  });
  it('the policy agrees with the roles written out here', () => {
    for (const [id, c] of Object.entries(CASES)) expect(Object.keys(POLICY[id]).sort(), id).toEqual([...c.roles].sort());
  });
});

const call = (c: Case, headers: Record<string, string>, over?: { path: () => string; body?: unknown }) =>
  s.api((over ?? c).path(), { method: c.method, body: over ? over.body : c.body, headers });

describe.each(Object.entries(CASES))('%s', (_id, c) => {
  it('no token → 401 with a Chinese explanation', async () => {
    const r = await call(c, {});
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('unauthenticated');
    expect(r.body.error.message).toMatch(/未登录/);
    expect(r.headers.get('www-authenticate')).toBe('Bearer');
  });
  it('a revoked or made-up API token → 401', async () => {
    const r = await call(c, { authorization: 'Bearer kp_' + 'A'.repeat(43) });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('invalid_token');
  });
  it('a token signed with the wrong key → 401', async () => {
    const r = await call(c, { authorization: `Bearer ${await idp.sign({ oid: TEST_OIDS.admin, forged: true })}` });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('invalid_token');
  });
  it('an expired token → 401 token_expired', async () => {
    const r = await call(c, { authorization: `Bearer ${await idp.sign({ oid: TEST_OIDS.admin, expiresIn: -600 })}` });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('token_expired');
  });
  it('the wrong issuer or audience → 401', async () => {
    for (const o of [{ issuer: 'https://login.microsoftonline.com/other-tenant/v2.0' }, { audience: 'api://another-app' }]) {
      const r = await call(c, { authorization: `Bearer ${await idp.sign({ oid: TEST_OIDS.admin, ...o })}` });
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('invalid_token');
    }
  });
  it('a valid token of an unknown user → 403 saying how to get added', async () => {
    const oid = '99999999-0000-0000-0000-000000000099';
    const r = await call(c, { authorization: `Bearer ${await idp.sign({ oid })}` });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('unknown_user');
    expect(r.body.error.message).toContain(`keyproj user add`);
    expect(r.body.error.message).toContain(oid);
  });
  it.each(['admin', 'staff', 'leader', 'viewer'] as Role[])('role %s (API token and Entra token agree)', async (role) => {
    const r = await call(c, { authorization: `Bearer ${s.tokens[ROLE_USERS[role]]}` });
    if (c.roles.includes(role)) {
      expect([401, 403], `${role} should pass auth, got ${r.status} ${r.text.slice(0, 200)}`).not.toContain(r.status);
      expect(r.status).toBeLessThan(500);
    } else {
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('forbidden_role');
    }
    const oid = TEST_OIDS[ROLE_USERS[role]];
    if (oid) {
      const j = await call(c, { authorization: `Bearer ${await idp.sign({ oid })}` });
      expect(j.status).toBe(r.status);
    }
  });
  if (c.otherCounty) {
    it('staff asking for another county → 403; admin may', async () => {
      const r = await call(c, { authorization: `Bearer ${s.tokens.staff}` }, c.otherCounty);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toMatch(/^forbidden_(county|row)$/);
      expect(r.body.error.message).toContain('冀州区');
      const a = await call(c, { authorization: `Bearer ${s.tokens.admin}` }, c.otherCounty);
      expect([401, 403]).not.toContain(a.status);
    });
  }
});

describe('tokens and locale', () => {
  it('an Entra token maps to the user by oid', async () => {
    const r = await s.api('/api/v1/me', { headers: { authorization: `Bearer ${await idp.sign({ oid: TEST_OIDS.staff })}` } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: '桃城区填报员', role: 'staff', county: '桃城区' });
  });
  it('errors are in English for Accept-Language: en', async () => {
    const r = await s.api('/api/v1/audit', { token: s.tokens.viewer, headers: { 'accept-language': 'en-US,en;q=0.9,zh;q=0.5' } });
    expect(r.status).toBe(403);
    expect(r.body.error.message).toMatch(/^Forbidden: the viewer role/);
  });
  it('a token that is neither kp_ nor a JWT → 401', async () => {
    const r = await s.api('/api/v1/me', { headers: { authorization: 'Bearer hello' } });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('invalid_token');
  });
  it('a removed user’s token stops working', async () => {
    const { user, token } = s.users.add({ name: '临时用户', role: 'viewer' });
    expect((await s.api('/api/v1/me', { token })).status).toBe(200);
    s.users.remove(user.id);
    expect((await s.api('/api/v1/me', { token })).status).toBe(401);
  });
});

describe('JWKS from a URL (createRemoteJWKSet)', () => {
  it('verifies tokens against keys fetched over http, and rejects forged ones', async () => {
    const keys = await idp.serve();
    const remote = await startTestServer({ seed: 'none', env: { KEYPROJ_AUTH_ISSUER: idp.env.KEYPROJ_AUTH_ISSUER, KEYPROJ_AUTH_AUDIENCE: idp.env.KEYPROJ_AUTH_AUDIENCE, KEYPROJ_AUTH_JWKS_URL: keys.url } });
    try {
      const ok = await remote.api('/api/v1/me', { headers: { authorization: `Bearer ${await idp.sign({ oid: TEST_OIDS.leader })}` } });
      expect(ok.status).toBe(200);
      expect(ok.body.role).toBe('leader');
      expect(keys.hits()).toBeGreaterThan(0);
      const forged = await remote.api('/api/v1/me', { headers: { authorization: `Bearer ${await idp.sign({ oid: TEST_OIDS.leader, forged: true })}` } });
      expect(forged.status).toBe(401);
    } finally {
      await remote.close();
      await keys.close();
    }
  });
  it('without Entra configuration a JWT is refused with a clear message', async () => {
    const plain = await startTestServer({ seed: 'none' });
    try {
      const r = await plain.api('/api/v1/me', { headers: { authorization: `Bearer ${await idp.sign({ oid: TEST_OIDS.staff })}` } });
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('entra_not_configured');
    } finally {
      await plain.close();
    }
  });
});
