// Each action is one Excel.run that reads in one sync and writes in one: the number of
// context.sync() calls must not grow with the ledger (10, 1,000 and 5,000 rows).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { insertTemplate } from '../../addin/src/actions/insertTemplate';
import { load } from '../../addin/src/actions/load';
import { validate } from '../../addin/src/actions/validate';
import { submit } from '../../addin/src/actions/submit';
import { colour } from '../../addin/src/actions/colour';
import { SHEET_NAME } from '../../addin/src/office/sheet';
import type { Session } from '../../addin/src/session';
import { underConstruction } from '../fixtures/ledger';
import { RequestContext, uninstallFakeOffice } from './fake-office/index';
import { apiWith, col, fakeFetch, seedLedger, setup } from './harness';

afterEach(() => {
  vi.restoreAllMocks();
  uninstallFakeOffice();
});

const SIZES = [10, 1000, 5000];

/** The same ledger at any size: every 7th row has an unreadable amount, every 5th a bad phone. */
function rows(n: number) {
  return Array.from({ length: n }, (_, i) => underConstruction(i + 1, 6, i % 5 === 0 ? { phone: '12345' } : {}));
}

async function withTypos(s: Session, n: number) {
  await Excel.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem(SHEET_NAME);
    for (let r = 2; r < n + 2; r += 7) sheet.getRange(`${col('total')}${r}`).values = [['六万']];
    await ctx.sync();
  });
}

type Action = (s: Session) => Promise<unknown>;

async function syncsOf(n: number, prepare: (s: Session) => Promise<void>, action: Action, excelApi = '1.10'): Promise<number> {
  const { session } = setup({ excelApi });
  const data = rows(n);
  const { fetch } = fakeFetch({
    'GET /api/v1/ledger': () => ({ status: 200, body: { period: '2026-06', county: '桃城区', version: 1, rows: data.map((v) => ({ ...v, previous: null })) } }),
    'POST /api/v1/reports': (b) => ({ status: 200, body: { stored: (b as { rows: unknown[] }).rows.length, version: 2, findings: [], errors: 0, warnings: 0 } }),
  });
  Object.assign(session, { api: apiWith(fetch), me: { name: '李明', role: 'staff', county: '桃城区' } });
  await prepare(session);
  const spy = vi.spyOn(RequestContext.prototype, 'sync');
  await action(session);
  const count = spy.mock.calls.length;
  spy.mockRestore();
  uninstallFakeOffice();
  return count;
}

/** A clerk's own note on a cell validation will mark (row 2's amount is unreadable). */
async function clerkNote(): Promise<void> {
  await Excel.run(async (ctx) => {
    ctx.workbook.notes.add(`${SHEET_NAME}!${col('total')}2`, '王科长：待核');
    await ctx.sync();
  });
}

const none = async () => undefined;
const seeded = (n: number) => async (s: Session) => seedLedger(s, rows(n));
const seededWithTypos = (n: number) => async (s: Session) => { await seedLedger(s, rows(n)); await withTypos(s, n); };

describe('context.sync() per action does not grow with the rows', () => {
  const cases: [string, (n: number) => (s: Session) => Promise<void>, Action, string?][] = [
    ['insert-template', () => none, insertTemplate],
    ['load', () => none, load],
    ['load over an existing ledger', seeded, load],
    ['validate (errors and warnings)', seededWithTypos, validate],
    ['validate (results sheet, ExcelApi 1.8)', seededWithTypos, validate, '1.8'],
    ['validate (notes, ExcelApi 1.18)', seededWithTypos, validate, '1.18'],
    // One more read sync to find where others' notes are, whatever the number of rows.
    ['validate (a clerk\'s note on a marked cell, ExcelApi 1.18)', (n) => async (s) => { await seededWithTypos(n)(s); await clerkNote(); }, validate, '1.18'],
    ['submit (blocked by local errors)', seededWithTypos, submit],
    ['submit (sent)', seeded, submit],
    ['colour', seeded, colour],
  ];
  for (const [name, prepare, action, api] of cases) {
    it(name, async () => {
      const counts: number[] = [];
      for (const n of SIZES) counts.push(await syncsOf(n, prepare(n), action, api));
      expect(counts[0]).toBeGreaterThan(0);
      expect(counts[0]).toBeLessThanOrEqual(3);
      expect(counts).toEqual([counts[0], counts[0], counts[0]]);
    }, 120_000);
  }
});
