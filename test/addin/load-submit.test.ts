// 加载 and 提交 through the fake Excel and a recorded fetch (the real server is in test/e2e).
import { afterEach, describe, expect, it } from 'vitest';
import { LEDGER } from '../../core/ledger';
import type { Finding } from '../../core/types';
import { load } from '../../addin/src/actions/load';
import { submit } from '../../addin/src/actions/submit';
import { FILLS, SHEET_NAME, TABLE_NAME } from '../../addin/src/office/sheet';
import { underConstruction } from '../fixtures/ledger';
import { uninstallFakeOffice } from './fake-office/index';
import { apiWith, col, fakeFetch, seedLedger, setup } from './harness';

afterEach(() => uninstallFakeOffice());

/** The ledger route's rows: master data with last month's figures (CONTRACTS.md). */
function ledgerRows(n: number, period = '2026-06') {
  return Array.from({ length: n }, (_, i) => {
    const v = underConstruction(i + 1, 5);
    const { monthInvest: _m, progress: _p, ...master } = v;
    return { ...master, previous: { period: '2026-05', ytdInvest: v.ytdInvest!, cumInvest: v.cumInvest!, monthInvest: v.monthInvest! }, period };
  });
}

const ok = (body: unknown) => () => ({ status: 200, body });

describe('load', () => {
  it('writes the county rows with last month\'s totals and remembers the version', async () => {
    const { session, fake } = setup();
    const rows = ledgerRows(3);
    const { fetch, calls } = fakeFetch({ 'GET /api/v1/ledger': ok({ period: '2026-06', county: '桃城区', version: 7, rows }) });
    session.api = apiWith(fetch);
    session.me = { name: '李明', role: 'staff', county: '桃城区' };
    const res = await load(session);
    expect(res.level).toBe('ok');
    expect(res.message).toContain('3 个项目');
    expect(calls[0].url).toBe('/api/v1/ledger?county=%E6%A1%83%E5%9F%8E%E5%8C%BA&period=2026-06');
    expect(calls[0].headers.Authorization).toBe('Bearer test-token');
    const m = fake.model;
    expect(m.table(TABLE_NAME)!.rows).toBe(4);
    expect(m.valueAt(`${SHEET_NAME}!${col('code')}4`)).toBe(rows[2].code);
    expect(m.valueAt(`${SHEET_NAME}!${col('ytdInvest')}2`)).toBe(rows[0].previous.ytdInvest);
    expect(m.valueAt(`${SHEET_NAME}!${col('cumInvest')}3`)).toBe(rows[1].previous.cumInvest);
    expect(m.valueAt(`${SHEET_NAME}!${col('monthInvest')}2`)).toBe('');
    expect(m.valueAt(`${SHEET_NAME}!${col('approvals')}2`)).toBe('立项、用地、规划、环评、施工许可');
    expect(m.valueAt(`${SHEET_NAME}!${col('registered')}2`)).toBe('是');
    expect(session.loaded).toEqual({ county: '桃城区', period: '2026-06', version: 7 });
    expect(session.history.get(rows[0].code!)![0]).toMatchObject({ period: '2026-05', ytdInvest: rows[0].previous.ytdInvest });
  });

  it('keeps an existing 台账 sheet under a dated name, even when it is the only sheet', async () => {
    const { session, fake } = setup();
    await seedLedger(session, [underConstruction(1, 6), underConstruction(2, 6), underConstruction(3, 6)]);
    await Excel.run(async (ctx) => { ctx.workbook.worksheets.getItem('Sheet1').delete(); await ctx.sync(); });
    const { fetch } = fakeFetch({ 'GET /api/v1/ledger': ok({ period: '2026-06', county: '桃城区', version: 2, rows: ledgerRows(1) }) });
    Object.assign(session, { api: apiWith(fetch), me: { name: '李明', role: 'staff', county: '桃城区' } });
    const res = await load(session);
    const names = fake.model.sheets.map((s) => s.name);
    expect(names).toHaveLength(2);
    const kept = names.find((n) => n !== SHEET_NAME)!;
    expect(kept).toMatch(/^台账_备份\d{4}_\d{6}$/);
    expect(res.message).toContain(kept);
    expect(fake.model.valueAt(`${kept}!${col('name')}4`)).toBe(underConstruction(3, 6).name);
    expect(fake.model.tables).toHaveLength(2);
    expect(fake.model.table(TABLE_NAME)!.sheet.name).toBe(SHEET_NAME);
    expect(fake.model.table(TABLE_NAME)!.rows).toBe(2);
    expect(fake.model.valueAt(`${SHEET_NAME}!${col('name')}3`)).toBe('');
    expect(fake.model.active.name).toBe(SHEET_NAME);
  });

  it('needs a signed-in clerk with a county', async () => {
    const { session } = setup();
    expect((await load(session)).message).toBe('请先登录。');
    session.api = apiWith(fakeFetch({}).fetch);
    session.me = { name: '管理员', role: 'admin', county: null };
    expect((await load(session)).message).toContain('未绑定县市区');
  });
});

describe('submit', () => {
  async function loaded(rows = 2) {
    const ctx = setup();
    const data = ledgerRows(rows);
    const routes: Record<string, (b: unknown) => { status: number; body: unknown }> = {
      'GET /api/v1/ledger': ok({ period: '2026-06', county: '桃城区', version: 5, rows: data }),
    };
    const rec = fakeFetch(routes);
    Object.assign(ctx.session, { api: apiWith(rec.fetch), me: { name: '李明', role: 'staff', county: '桃城区' } });
    await load(ctx.session);
    // The clerk types this month's figures: 500 a month, year to date + 500.
    await Excel.run(async (c) => {
      const s = c.workbook.worksheets.getItem(SHEET_NAME);
      data.forEach((r, i) => {
        s.getRange(`${col('monthInvest')}${i + 2}`).values = [[500]];
        s.getRange(`${col('ytdInvest')}${i + 2}`).values = [[r.previous.ytdInvest + 500]];
        s.getRange(`${col('cumInvest')}${i + 2}`).values = [[r.previous.cumInvest + 500]];
        s.getRange(`${col('progress')}${i + 2}`).values = [[Math.round(((r.previous.cumInvest + 500) / 60000) * 100)]];
      });
      await c.sync();
    });
    return { ...ctx, routes, rec, data };
  }

  it('sends the whole table with the loaded version and reports success with counts', async () => {
    const { session, routes, rec, data } = await loaded();
    routes['POST /api/v1/reports'] = (body) => ({ status: 200, body: { stored: (body as { rows: unknown[] }).rows.length, version: 6, findings: [], errors: 0, warnings: 0 } });
    const phases: string[] = [];
    const res = await submit(session, (p, f) => { phases.push(`${p}:${f}`); });
    expect(res.level).toBe('ok');
    expect(res.message).toContain('已保存 桃城区 2026-06 的 2 个项目');
    const post = rec.calls.find((c) => c.method === 'POST')!;
    const body = post.body as { period: string; county: string; baseVersion: number; rows: { row: number; raw: Record<string, unknown> }[] };
    expect(body).toMatchObject({ period: '2026-06', county: '桃城区', baseVersion: 5 });
    expect(body.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(body.rows[1].raw.code).toBe(data[1].code);
    expect(body.rows[0].raw.monthInvest).toBe(500);
    expect(Object.keys(body.rows[0].raw)).toEqual(LEDGER.map((c) => c.key));
    expect(post.headers['Idempotency-Key']).toMatch(/.{16,}/);
    expect(session.loaded!.version).toBe(6);
    expect(phases.map((p) => p.split(':')[0])).toEqual(['phaseRead', 'phaseValidate', 'phaseSend', 'phaseMark', 'phaseDone']);
  });

  it('marks the server\'s findings (422) like local ones and says nothing was saved', async () => {
    const { session, routes, fake } = await loaded();
    const finding: Finding = { rule: 'YTD_MISMATCH', severity: 'error', row: 3, column: 'ytdInvest', projectCode: 'x', value: '1', message: '本年累计与上月累计加本月完成不符' };
    routes['POST /api/v1/reports'] = () => ({ status: 422, body: { findings: [finding], errors: 1, warnings: 0 } });
    const res = await submit(session);
    expect(res.level).toBe('error');
    expect(res.message).toContain('全部未保存');
    expect(fake.model.fillAt(`${SHEET_NAME}!${col('ytdInvest')}3`)).toBe(FILLS.error);
    expect(fake.model.commentAt(`${SHEET_NAME}!${col('ytdInvest')}3`)).toContain(finding.message);
    expect(res.findings![0].address).toBe(`${SHEET_NAME}!${col('ytdInvest')}3`);
  });

  it('asks for a reload on 409 and keeps the sheet as it is', async () => {
    const { session, routes, fake } = await loaded();
    routes['POST /api/v1/reports'] = () => ({ status: 409, body: { error: { code: 'stale', message: '版本已过期' } } });
    const before = fake.model.valueAt(`${SHEET_NAME}!${col('ytdInvest')}2`);
    const res = await submit(session);
    expect(res.level).toBe('error');
    expect(res.message).toContain('重新加载');
    expect(fake.model.valueAt(`${SHEET_NAME}!${col('ytdInvest')}2`)).toBe(before);
    expect(session.loaded!.version).toBe(5);
  });

  it('does not send a ledger with local errors, and marks them', async () => {
    const { session, rec, fake } = await loaded();
    await Excel.run(async (c) => { c.workbook.worksheets.getItem(SHEET_NAME).getRange(`${col('stage')}2`).values = [['施工中']]; await c.sync(); });
    const res = await submit(session);
    expect(res.message).toContain('未提交');
    expect(rec.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    expect(fake.model.fillAt(`${SHEET_NAME}!${col('stage')}2`)).toBe(FILLS.error);
  });
});
