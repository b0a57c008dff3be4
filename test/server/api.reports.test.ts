// Submitting a month's ledger through the API: prefilled ledger, server-side validation,
// all-or-nothing storage, Idempotency-Key replay, optimistic concurrency, county ownership.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Idempotency } from '../../server/store/idempotency';
import { FIXTURE_PROJECTS, fixtureRows } from './helpers/fixture';
import { startTestServer, type TestServer } from './helpers/server';

let s: TestServer;
beforeAll(async () => { s = await startTestServer(); });
afterAll(async () => { await s?.close(); });

const TAOCHENG = '桃城区';
const taocheng = FIXTURE_PROJECTS.filter((p) => p.county === TAOCHENG);
const counts = () => ({
  reports: s.store.reports.forPeriod('2026-04').length,
  version: s.store.ledgerVersion(TAOCHENG, '2026-04'),
  audit: s.store.audit.count(),
});
const submit = (body: unknown, token = s.tokens.staff, headers: Record<string, string> = {}) =>
  s.api('/api/v1/reports', { body, token, headers });

describe('GET /api/v1/ledger', () => {
  it("prefills last month's cumulative figures and the version", async () => {
    const r = await s.api(`/api/v1/ledger?period=2026-04`, { token: s.tokens.staff });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ period: '2026-04', county: TAOCHENG, version: 0 });
    expect(r.body.rows.map((x: { code: string }) => x.code)).toEqual(taocheng.map((p) => p.code));
    const row = r.body.rows[0];
    // Fixture: 500 a month, 5000 before the year → March: ytd 1500, cum 6500; March's own month 500
    // goes along so the pane can judge STALLED offline.
    expect(row).toMatchObject({ ytdInvest: 1500, cumInvest: 6500, monthInvest: null, reported: false, registered: '是', county: TAOCHENG });
    expect(row.previous).toEqual({ period: '2026-03', ytdInvest: 1500, cumInvest: 6500, monthInvest: 500 });
  });
  it('skips over an unreported month, and restarts the year to date in January', async () => {
    const may = await s.api(`/api/v1/ledger?period=2026-05`, { token: s.tokens.staff });
    expect(may.body.rows[0]).toMatchObject({ ytdInvest: 1500, cumInvest: 6500, reported: false });
    expect(may.body.rows[0].previous).toEqual({ period: '2026-03', ytdInvest: 1500, cumInvest: 6500, monthInvest: 500 });
    const january = await s.api(`/api/v1/ledger?period=2027-01`, { token: s.tokens.staff });
    expect(january.body.rows[0]).toMatchObject({ ytdInvest: 0, cumInvest: 6500 });
    expect(january.body.rows[0].previous).toEqual({ period: '2026-03', ytdInvest: 0, cumInvest: 6500, monthInvest: 500 });
  });
  it('an admin must name the county', async () => {
    const r = await s.api(`/api/v1/ledger?period=2026-04`, { token: s.tokens.admin });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('county');
  });
});

describe('POST /api/v1/reports', () => {
  it('a submission with one error stores nothing and names the cell', async () => {
    const before = counts();
    const rows = fixtureRows(4, TAOCHENG);
    rows[1].raw.ytdInvest = 2100; // should be 1500 + 500 = 2000
    const r = await submit({ period: '2026-04', county: TAOCHENG, baseVersion: 0, rows });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('validation_failed');
    expect(r.body.error.message).toMatch(/未保存任何数据/);
    const f = r.body.findings.find((x: { rule: string }) => x.rule === 'YTD_MISMATCH');
    expect(f).toMatchObject({ severity: 'error', row: 3, column: 'ytdInvest', projectCode: taocheng[1].code });
    expect(r.body.errors).toBeGreaterThanOrEqual(1);
    expect(counts()).toEqual(before);
  });

  it('an unknown project code on a 在建 row → 422 with a finding at the code', async () => {
    const rows = fixtureRows(4, TAOCHENG);
    rows[2].raw.code = '2025-131102-04-01-999999';
    const r = await submit({ period: '2026-04', county: TAOCHENG, baseVersion: 0, rows });
    expect(r.status).toBe(422);
    expect(r.body.findings).toContainEqual(expect.objectContaining({ row: 4, column: 'code', severity: 'error', projectCode: '2025-131102-04-01-999999' }));
    expect(r.body.findings.find((x: { row: number; column: string }) => x.row === 4 && x.column === 'code').message).toContain('未在台账中登记');
    expect(counts().reports).toBe(0);
  });

  it("staff cannot slip another county's row into their submission (403 naming the row)", async () => {
    const rows = fixtureRows(4, TAOCHENG);
    const jizhou = fixtureRows(4, '冀州区')[0];
    rows.push({ row: 5, raw: jizhou.raw });
    const r = await submit({ period: '2026-04', county: TAOCHENG, baseVersion: 0, rows });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden_row');
    expect(r.body.error.message).toContain('第 5 行');
    expect(r.body.error.message).toContain('冀州区');
    // …nor relabel another county's project as their own.
    const relabelled = fixtureRows(4, TAOCHENG);
    relabelled.push({ row: 5, raw: { ...jizhou.raw, county: TAOCHENG, code: jizhou.raw.code } });
    const r2 = await submit({ period: '2026-04', county: TAOCHENG, baseVersion: 0, rows: relabelled });
    expect(r2.status).toBe(403);
    expect(r2.body.error.message).toContain('第 5 行');
    expect(counts().reports).toBe(0);
  });

  it('stores all rows once; the same Idempotency-Key replays without storing again', async () => {
    const body = { period: '2026-04', county: TAOCHENG, baseVersion: 0, rows: fixtureRows(4, TAOCHENG) };
    const key = 'addin-2026-04-taocheng-1';
    const first = await submit(body, s.tokens.staff, { 'Idempotency-Key': key });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ stored: 3, version: 1, errors: 0 });
    const after = counts();
    expect(after).toMatchObject({ reports: 3, version: 1 });
    expect(s.store.reports.get(taocheng[0].code, '2026-04')).toMatchObject({ ytdInvest: 2000, cumInvest: 7000, monthInvest: 500 });

    const again = await submit(body, s.tokens.staff, { 'Idempotency-Key': key });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(counts()).toEqual(after);

    const changed = { ...body, rows: fixtureRows(4, TAOCHENG, { progressNote: '主体结构封顶' }) };
    const mismatch = await submit(changed, s.tokens.staff, { 'Idempotency-Key': key });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error.code).toBe('idempotency_mismatch');
    expect(counts()).toEqual(after);
  });

  it('idempotency keys are forgotten after 30 days', () => {
    const idem = new Idempotency(s.store.db);
    const user = s.users.findByName('桃城区填报员')!;
    expect(idem.find(user.id, 'addin-2026-04-taocheng-1')).toBeDefined();
    expect(idem.prune(30, new Date(Date.now() + 29 * 86_400_000))).toBe(0);
    expect(idem.prune(30, new Date(Date.now() + 31 * 86_400_000))).toBe(1);
    expect(idem.find(user.id, 'addin-2026-04-taocheng-1')).toBeUndefined();
  });

  it('the ledger now shows the stored month and the new version', async () => {
    const r = await s.api(`/api/v1/ledger?period=2026-04`, { token: s.tokens.staff });
    expect(r.body.version).toBe(1);
    expect(r.body.rows[0]).toMatchObject({ reported: true, monthInvest: 500, ytdInvest: 2000 });
  });

  it('two clients on the same baseVersion: one 200, one 409, nothing overwritten', async () => {
    const base = s.store.ledgerVersion(TAOCHENG, '2026-04');
    const a = { period: '2026-04', county: TAOCHENG, baseVersion: base, rows: fixtureRows(4, TAOCHENG, { progressNote: '甲提交' }) };
    const b = { period: '2026-04', county: TAOCHENG, baseVersion: base, rows: fixtureRows(4, TAOCHENG, { progressNote: '乙提交' }) };
    const [ra, rb] = await Promise.all([submit(a), submit(b, s.tokens.admin)]);
    const statuses = [ra.status, rb.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = ra.status === 200 ? '甲提交' : '乙提交';
    const loser = ra.status === 409 ? ra : rb;
    expect(loser.body.error.code).toBe('stale_version');
    expect(loser.body.error.message).toContain('重新加载');
    for (const p of taocheng) expect(s.store.reports.get(p.code, '2026-04')?.progressNote).toBe(winner);
    expect(s.store.ledgerVersion(TAOCHENG, '2026-04')).toBe(base + 1);
  });

  it('Traditional Chinese county names are understood', async () => {
    const base = s.store.ledgerVersion(TAOCHENG, '2026-04');
    const rows = fixtureRows(4, TAOCHENG, { county: '桃城區' });
    const r = await submit({ period: '2026-04', county: TAOCHENG, baseVersion: base, rows });
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(base + 1);
  });

  it('shape problems are 400s naming the field, in the caller’s locale', async () => {
    const cases: [unknown, string][] = [
      [[1, 2], 'body'],
      [{ county: TAOCHENG, baseVersion: 0, rows: fixtureRows(4, TAOCHENG) }, 'period'],
      [{ period: '2026-13', county: TAOCHENG, baseVersion: 0, rows: fixtureRows(4, TAOCHENG) }, 'period'],
      [{ period: '2026-04', county: TAOCHENG, rows: fixtureRows(4, TAOCHENG) }, 'baseVersion'],
      [{ period: '2026-04', county: TAOCHENG, baseVersion: 0, rows: [] }, 'rows'],
      [{ period: '2026-04', county: TAOCHENG, baseVersion: 0, rows: [{ row: 0, raw: {} }] }, 'rows[0].row'],
      [{ period: '2026-04', county: TAOCHENG, baseVersion: 0, rows: [{ row: 2, raw: 'x' }] }, 'rows[0].raw'],
      [{ period: '2026-04', baseVersion: 0, rows: fixtureRows(4, TAOCHENG) }, 'county'],
    ];
    for (const [body, field] of cases) {
      const r = await submit(body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.body.error.message).toContain(`参数 ${field} 不正确`);
    }
    const en = await s.api('/api/v1/reports', { body: cases[1][0], token: s.tokens.staff, headers: { 'accept-language': 'en' } });
    expect(en.body.error.message).toMatch(/^Field period is invalid/);
  });
});

describe('limits and malformed requests', () => {
  let small: TestServer;
  beforeAll(async () => { small = await startTestServer({ env: { KEYPROJ_MAX_ROWS: '2', KEYPROJ_BODY_LIMIT: '4kb' } }); });
  afterAll(async () => { await small?.close(); });

  it('more rows than allowed → 413 in Chinese', async () => {
    const r = await small.api('/api/v1/validate', { token: small.tokens.staff, body: { period: '2026-04', rows: [1, 2, 3].map((row) => ({ row, raw: {} })) } });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('too_many_rows');
    expect(r.body.error.message).toBe('一次最多提交 2 行，本次有 3 行，请分批提交');
  });
  it('a body over the limit → 413', async () => {
    const r = await small.api('/api/v1/validate', { token: small.tokens.staff, body: { period: '2026-04', rows: [{ row: 2, raw: { name: '长'.repeat(5000) } }] } });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('body_too_large');
    expect(r.body.error.message).toContain('4 KB');
  });
  it('malformed JSON → 400', async () => {
    const r = await s.api('/api/v1/reports', { token: s.tokens.staff, rawBody: '{"period": "2026-04",', method: 'POST' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('malformed_json');
    expect(r.body.error.message).toMatch(/^请求内容不是有效的 JSON/);
  });
  it('unknown routes → 404 JSON', async () => {
    const r = await s.api('/api/v1/nothing-here', { token: s.tokens.staff });
    expect(r.status).toBe(404);
    expect(r.body.error.message).toContain('/api/v1/nothing-here');
  });
});
