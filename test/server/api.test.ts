// Reading through the API (projects, scores, ranking, audit, bulletin, reconcile), validation
// without storing, and the problem list's status flow with who and when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PROJECTS, fixtureRows } from './helpers/fixture';
import { startTestServer, type TestServer } from './helpers/server';

let s: TestServer;
beforeAll(async () => { s = await startTestServer(); });
afterAll(async () => { await s?.close(); });

const [OWN] = FIXTURE_PROJECTS;
const enc = encodeURIComponent;

describe('projects', () => {
  it('staff see their own county; admin may filter by any', async () => {
    const staff = await s.api('/api/v1/projects?period=2026-03', { token: s.tokens.staff });
    expect(staff.status).toBe(200);
    expect(staff.body.projects.map((p: { county: string }) => p.county)).toEqual(['桃城区', '桃城区', '桃城区']);
    const admin = await s.api(`/api/v1/projects?period=2026-03&county=${enc('冀州区')}`, { token: s.tokens.admin });
    expect(admin.body.projects.map((p: { code: string }) => p.code).sort()).toEqual(FIXTURE_PROJECTS.filter((p) => p.county === '冀州区').map((p) => p.code).sort());
    const all = await s.api('/api/v1/projects?period=2026-03', { token: s.tokens.viewer });
    expect(all.body.count).toBe(FIXTURE_PROJECTS.length);
  });

  it('filters by text (Traditional characters too), leader, list and colour', async () => {
    const q = await s.api(`/api/v1/projects?period=2026-03&q=${enc('老舊小區')}`, { token: s.tokens.viewer });
    expect(q.body.projects.map((p: { code: string }) => p.code)).toEqual([OWN.code]);
    const leader = await s.api(`/api/v1/projects?period=2026-03&leader=${enc('赵志刚')}`, { token: s.tokens.leader });
    expect(leader.body.count).toBe(FIXTURE_PROJECTS.filter((p) => p.leader === '赵志刚').length);
    // Fixture: 1,500 of 6,000 by March = 25% = 序时 25% → every project is 白 (on plan).
    const white = await s.api('/api/v1/projects?period=2026-03&colour=white', { token: s.tokens.viewer });
    expect(white.body.count).toBe(FIXTURE_PROJECTS.length);
    expect(white.body.projects[0].reason).toContain('25.0%');
    const red = await s.api(`/api/v1/projects?period=2026-03&colour=${enc('红')}`, { token: s.tokens.viewer });
    expect(red.body.count).toBe(0);
    const list = await s.api(`/api/v1/projects?period=2026-03&list=${enc('储备')}`, { token: s.tokens.viewer });
    expect(list.body.count).toBe(0);
  });

  it('rejects bad filters with the field and what is allowed', async () => {
    for (const [qs, field] of [['colour=purple', 'colour'], ['period=2026-3', 'period'], [`list=${enc('其他')}`, 'list'], [`county=${enc('北京市')}`, 'county'], ['q=a&q=b', 'q']]) {
      const r = await s.api(`/api/v1/projects?${qs}`, { token: s.tokens.admin });
      expect(r.status, qs).toBe(400);
      expect(r.body.error.message).toContain(`参数 ${field} 不正确`);
    }
  });

  it('one project with its reports, problems and score; unknown code → 404', async () => {
    const r = await s.api(`/api/v1/projects/${OWN.code}?period=2026-03`, { token: s.tokens.staff });
    expect(r.status).toBe(200);
    expect(r.body.project).toMatchObject({ code: OWN.code, name: OWN.name, county: '桃城区' });
    expect(r.body.reports.map((x: { period: string }) => x.period)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(r.body.score).toMatchObject({ projectCode: OWN.code, colour: 'white', investmentRate: 0.25, scheduleRate: 0.25 });
    expect(Array.isArray(r.body.problems)).toBe(true);
    const missing = await s.api('/api/v1/projects/2025-131102-04-01-000000', { token: s.tokens.admin });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('2025-131102-04-01-000000');
  });
});

describe('scores and ranking (SPEC §6 shapes)', () => {
  it('scores', async () => {
    const r = await s.api('/api/v1/scores?period=2026-03', { token: s.tokens.leader });
    expect(Object.keys(r.body).sort()).toEqual(['period', 'projects']);
    expect(r.body.projects).toHaveLength(FIXTURE_PROJECTS.length);
    for (const p of r.body.projects) {
      expect(p).toEqual(expect.objectContaining({ projectCode: expect.any(String), name: expect.any(String), county: expect.any(String), colour: expect.stringMatching(/^(green|white|yellow|red|none)$/), reason: expect.any(String) }));
    }
  });
  it('ranking with escalations and commendations', async () => {
    const r = await s.api('/api/v1/ranking?period=2026-03', { token: s.tokens.viewer });
    expect(r.body.period).toBe('2026-03');
    expect(Array.isArray(r.body.escalations)).toBe(true);
    const tao = r.body.counties.find((c: { county: string }) => c.county === '桃城区');
    // 3 projects × 1,500 万元 by March.
    expect(tao.indicators.investment).toBe(4500);
    expect(tao.indicators.investmentRate).toBeCloseTo(0.25);
    expect(r.body.counties.map((c: { rank: number }) => c.rank)).toEqual([...r.body.counties.map((c: { rank: number }) => c.rank)].sort((a, b) => a - b));
    expect(r.body.commended).toContain(r.body.counties[0].county);
  });
});

describe('POST /api/v1/validate', () => {
  it('returns findings in the caller’s locale and stores nothing', async () => {
    const rows = fixtureRows(4, '桃城区');
    rows[0].raw.cumInvest = 100; // below ytd
    const before = s.store.audit.count();
    const zh = await s.api('/api/v1/validate', { token: s.tokens.viewer, body: { period: '2026-04', rows } });
    expect(zh.status).toBe(200);
    const f = zh.body.findings.find((x: { rule: string }) => x.rule === 'CUM_LT_YTD');
    expect(f).toMatchObject({ row: 2, column: 'cumInvest', severity: 'error' });
    expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    const en = await s.api('/api/v1/validate', { token: s.tokens.viewer, body: { period: '2026-04', rows }, headers: { 'accept-language': 'en' } });
    expect(en.body.findings.find((x: { rule: string }) => x.rule === 'CUM_LT_YTD').message).not.toMatch(/[\u4e00-\u9fff]{4}/);
    expect(s.store.audit.count()).toBe(before);
    expect(s.store.reports.forPeriod('2026-04')).toHaveLength(0);
  });
  it('checks the month against the stored history (cross-month rules)', async () => {
    const rows = fixtureRows(4, '桃城区', { ytdInvest: 1400 }); // below March's 1,500
    const r = await s.api('/api/v1/validate', { token: s.tokens.staff, body: { period: '2026-04', rows } });
    expect(r.body.findings.map((x: { rule: string }) => x.rule)).toContain('YTD_DECREASE');
  });
});

describe('problems', () => {
  let id = 0;
  it('staff create a problem on their project (201), with who and when', async () => {
    const r = await s.api('/api/v1/problems', { token: s.tokens.staff, body: { projectCode: OWN.code, description: '施工用地征迁未完成', deadline: '2026-01-31' } });
    expect(r.status).toBe(201);
    expect(r.body.problem).toMatchObject({ projectCode: OWN.code, status: '待解决', unit: `桃城区人民政府`, createdBy: expect.stringContaining('桃城区填报员') });
    id = r.body.problem.id;
  });
  it('lists with overdue flags and the summary', async () => {
    const r = await s.api('/api/v1/problems', { token: s.tokens.staff });
    const p = r.body.problems.find((x: { id: number }) => x.id === id);
    expect(p.overdue).toBe(true);
    expect(r.body.summary.text).toMatch(/^发现问题 1 处，整改完毕 0 处，正在处理 1 处/);
  });
  it('moves along the status flow; close-out only from 已解决', async () => {
    const move = (status: string, token = s.tokens.staff) => s.api(`/api/v1/problems/${id}`, { method: 'PATCH', token, body: { status, note: `改为${status}` } });
    expect((await move('解决中')).status).toBe(200);
    const bad = await move('已销号');
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('bad_transition');
    expect(bad.body.error.message).toMatch(/已解决/);
    expect((await move('已解決')).status).toBe(200); // Traditional 決 is understood
    const done = await move('已销号', s.tokens.admin);
    expect(done.status).toBe(200);
    expect(done.body.problem.status).toBe('已销号');
    expect(done.body.history.map((h: { to: string }) => h.to)).toEqual(['待解决', '解决中', '已解决', '已销号']);
    expect(done.body.history.at(-1).actor).toContain('市重点办管理员');
    expect(done.body.history.at(-1).note).toBe('改为已销号');
    const unknown = await s.api('/api/v1/problems/999999', { method: 'PATCH', token: s.tokens.admin, body: { status: '解决中' } });
    expect(unknown.status).toBe(404);
  });
  it('the audit log shows each change with before and after', async () => {
    const r = await s.api(`/api/v1/audit?entity=problem&key=${id}`, { token: s.tokens.leader });
    expect(r.status).toBe(200);
    const actions = r.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['status', 'status', 'status', 'create']);
    expect(r.body.entries[0].before.status).toBe('已解决');
    expect(r.body.entries[0].after.status).toBe('已销号');
  });
  it('rejects a bad deadline or an empty description, naming the field', async () => {
    const a = await s.api('/api/v1/problems', { token: s.tokens.staff, body: { projectCode: OWN.code, description: 'x', deadline: '2026/13/01' } });
    expect(a.status).toBe(400);
    expect(a.body.error.message).toContain('deadline');
    const b = await s.api('/api/v1/problems', { token: s.tokens.staff, body: { projectCode: OWN.code, description: '   ', deadline: '2026-05-01' } });
    expect(b.body.error.message).toContain('description');
  });
});

describe('bulletin and reconciliation', () => {
  it('the bulletin downloads as xlsx', async () => {
    const res = await fetch(`${s.url}/api/v1/bulletin?period=2026-03`, { headers: { authorization: `Bearer ${s.tokens.admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const buf = Buffer.from(await res.arrayBuffer());
    expect(buf.subarray(0, 2).toString()).toBe('PK');
  });
  it('reconciliation lists differing figures with project names', async () => {
    const r = await s.api('/api/v1/reconcile', { token: s.tokens.admin, body: { stats: [{ projectCode: OWN.code, amount: 1000 }, { projectCode: 'X', amount: 5 }], ndrc: { [OWN.code]: 1200 } } });
    expect(r.status).toBe(200);
    expect(r.body.differences).toEqual([expect.objectContaining({ projectCode: OWN.code, stats: 1000, ndrc: 1200, diff: -200 })]);
    expect(r.body.names[OWN.code]).toBe(OWN.name);
    expect(r.body.onlyInStats).toEqual(['X']);
    const bad = await s.api('/api/v1/reconcile', { token: s.tokens.admin, body: { stats: { a: 'many' }, ndrc: {} } });
    expect(bad.status).toBe(400);
  });
});

describe('the last resort', () => {
  it('an internal failure is a generic 500 with a reference, leaking nothing; health says 503', async () => {
    const broken = await startTestServer({ seed: 'none' });
    try {
      const token = broken.tokens.admin;
      broken.store.db.close(); // the database goes away under the running service
      const r = await broken.api('/api/v1/projects', { token: undefined, headers: { authorization: `Bearer ${token}` } });
      expect(r.status).toBe(500);
      expect(r.body.error.code).toBe('internal');
      expect(r.body.error.message).toMatch(/^服务器内部错误.*（编号 [0-9a-f]{8}）$/);
      expect(r.text).not.toMatch(/database|sqlite|stack|at .*\.ts/i);
      const h = await broken.api('/healthz');
      expect(h.status).toBe(503);
      expect(h.body).toEqual({ ok: false, db: 'error' });
    } finally {
      await broken.close().catch(() => undefined);
    }
  });
});
