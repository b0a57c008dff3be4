// Every button against Microsoft's office-addin-mock: insert-template, load, validate, submit and
// colour each read in one sync and write in one (counted with vi.spyOn(context, 'sync') at 10,
// 1,000 and 5,000 rows), and what they write is checked on the mock's ranges, notes and sheets.
/* eslint-disable @typescript-eslint/no-explicit-any -- office-addin-mock trees are untyped */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LEDGER } from '../../core/ledger';
import type { LedgerValues } from '../../core/types';
import { insertTemplate } from '../../addin/src/actions/insertTemplate';
import { load } from '../../addin/src/actions/load';
import { validate } from '../../addin/src/actions/validate';
import { submit } from '../../addin/src/actions/submit';
import { colour } from '../../addin/src/actions/colour';
import {
  FILLS, MARKERS, RESULTS_SHEET, SHEET_NAME, SPARE_ROWS, STATUS_HEADER, TABLE_NAME, areaAddress, colLetter,
} from '../../addin/src/office/sheet';
import type { Session } from '../../addin/src/session';
import { underConstruction } from '../fixtures/ledger';
import { apiWith, cellsOf, col, fakeFetch } from './harness';
import { mockExcel, mockSession, rangeAtMock, type MockExcel, type MockOptions } from './mock-excel';

const SIZES = [10, 1000, 5000];
const idx = (key: string) => LEDGER.findIndex((c) => c.key === key);
const HEADERS = LEDGER.map((c) => c.header);

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
  vi.restoreAllMocks();
});

/** A row as a clerk has typed it, this month's figure included. */
function typed(v: LedgerValues): unknown[] {
  const c = cellsOf(v);
  c[idx('monthInvest')] = v.monthInvest ?? '';
  return c;
}

const rows = (n: number, over: (i: number) => Partial<LedgerValues> = () => ({})) =>
  Array.from({ length: n }, (_, i) => underConstruction(i + 1, 6, over(i)));

/** Runs one action on a fresh mock; the number of syncs and the mock. */
async function run<T>(opts: MockOptions, action: (s: Session) => Promise<T>, session: Session): Promise<{ syncs: number; m: MockExcel; res: T }> {
  const m = mockExcel(opts);
  uninstall?.();
  uninstall = m.install();
  const spy = vi.spyOn(m.context, 'sync');
  const res = await action(session);
  return { syncs: spy.mock.calls.length, m, res };
}

function signedIn(s: Session, routes: Parameters<typeof fakeFetch>[0]) {
  const { fetch, calls } = fakeFetch(routes);
  Object.assign(s, { api: apiWith(fetch), me: { name: '李明', role: 'staff', county: '桃城区' } });
  return calls;
}

describe('insert-template with office-addin-mock', () => {
  it('adds the 台账 sheet: headers, text codes, drop-downs with hints, table, frozen header (2 syncs)', async () => {
    const { syncs, m, res } = await run({}, insertTemplate, mockSession('1.8'));
    expect(syncs).toBe(2);
    expect(res.level).toBe('ok');
    expect(m.written.sheetsAdded).toEqual([SHEET_NAME]);
    const body = rangeAtMock(m, `${SHEET_NAME}!${areaAddress(0, 1, LEDGER.length, 2)}`);
    expect(body.values[0]).toEqual(HEADERS);
    const code = rangeAtMock(m, `${SHEET_NAME}!${areaAddress(idx('code'), 2, 1, 1 + SPARE_ROWS)}`);
    expect(code.numberFormat).toHaveLength(1 + SPARE_ROWS);
    expect(code.numberFormat.every((r: string[]) => r[0] === '@')).toBe(true);
    const list = rangeAtMock(m, `${SHEET_NAME}!${areaAddress(idx('list'), 2, 1, 1 + SPARE_ROWS)}`);
    expect(list.dataValidation.rule.list.source.split(',')).toContain('在建');
    expect(list.dataValidation.errorAlert.style).toBe('Warning');
    expect(list.dataValidation.prompt.title).toBe(LEDGER[idx('list')].label);
    expect(m.written.tablesAdded).toHaveLength(1);
    expect(m.written.tablesAdded[0]).toMatchObject({ sheet: SHEET_NAME, hasHeaders: true, table: { name: TABLE_NAME } });
    expect(m.written.frozenRows).toEqual([[SHEET_NAME, 1]]);
    expect(m.written.activated).toEqual([SHEET_NAME]);
    expect(m.written.selected).toEqual([`${SHEET_NAME}!A2`]);
  });

  it('on ExcelApi 1.7 sets no data validation and says the template has no drop-downs', async () => {
    const { m, res } = await run({}, insertTemplate, mockSession('1.7'));
    const list = rangeAtMock(m, `${SHEET_NAME}!${areaAddress(idx('list'), 2, 1, 1 + SPARE_ROWS)}`);
    // Never set: the mock still reports it as not loaded.
    expect(typeof list.dataValidation.rule).toBe('string');
    expect(res.message).toContain('不支持数据验证');
  });

  it('switches to an existing 台账 sheet and changes nothing (2 syncs)', async () => {
    const { syncs, m, res } = await run({ sheetExists: true }, insertTemplate, mockSession('1.8'));
    expect(syncs).toBe(2);
    expect(res.level).toBe('warn');
    expect(m.written.sheetsAdded).toEqual([]);
    expect(m.written.ranges.size).toBe(0);
    expect(m.written.activated).toEqual([SHEET_NAME]);
  });
});

describe('load with office-addin-mock', () => {
  it('keeps the old sheet under a dated name and writes the county in one range, at any size (2 syncs)', async () => {
    const counts: number[] = [];
    for (const n of SIZES) {
      const s = mockSession();
      const data = rows(n).map((v) => ({ ...v, monthInvest: null, ytdInvest: null, cumInvest: null, previous: { period: '2026-05', ytdInvest: v.ytdInvest! - 500, cumInvest: v.cumInvest! - 500 } }));
      signedIn(s, { 'GET /api/v1/ledger': () => ({ status: 200, body: { period: '2026-06', county: '桃城区', version: 7, rows: data } }) });
      const { syncs, m, res } = await run({ table: { values: [HEADERS] } }, load, s);
      counts.push(syncs);
      expect(res.level).toBe('ok');
      expect(m.oldSheet.name).toMatch(/^台账_备份\d{4}_\d{6}$/);
      expect(m.oldTable.name).toMatch(/^KeyProjectLedger_\d{4}_\d{6}$/);
      expect(m.written.sheetsAdded).toEqual([SHEET_NAME]);
      const body = rangeAtMock(m, `${SHEET_NAME}!${areaAddress(0, 1, LEDGER.length, n + 1)}`);
      expect(body.values).toHaveLength(n + 1);
      expect(body.values[1][idx('ytdInvest')]).toBe(data[0].previous.ytdInvest);
      expect(body.values[n][idx('cumInvest')]).toBe(data[n - 1].previous.cumInvest);
      expect(body.values[1][idx('monthInvest')]).toBe('');
      expect(s.loaded).toEqual({ county: '桃城区', period: '2026-06', version: 7 });
      expect(s.history.get(data[0].code!)![0]).toMatchObject({ period: '2026-05', ytdInvest: data[0].previous.ytdInvest });
    }
    expect(counts).toEqual([2, 2, 2]);
  }, 60_000);
});

describe('validate with office-addin-mock', () => {
  const withTypos = (n: number) => rows(n).map((v, i) => {
    const c = typed(v);
    if (i % 7 === 0) c[idx('total')] = '六万';
    return c;
  });

  it('marks with notes (ExcelApi 1.18), removing only our old ones, at any size (2 syncs)', async () => {
    const counts: number[] = [];
    for (const n of SIZES) {
      const { syncs, m, res } = await run({
        table: { values: [HEADERS, ...withTypos(n)] },
        notes: [{ content: `${MARKERS.validate}旧的说明`, address: `${SHEET_NAME}!B2` }, { content: `${MARKERS.colour}绿`, address: `${SHEET_NAME}!Z2` }],
      }, validate, mockSession('1.18'));
      counts.push(syncs);
      const bad = `${SHEET_NAME}!${col('total')}2`;
      expect(rangeAtMock(m, bad).format.fill.color).toBe(FILLS.error);
      expect(m.written.notesDeleted).toEqual([`${MARKERS.validate}旧的说明`]);
      const added = m.written.notesAdded.filter((x) => x.address === bad);
      expect(added).toHaveLength(1);
      expect(added[0].kind).toBe('notes');
      expect(added[0].content.startsWith(MARKERS.validate)).toBe(true);
      expect(added[0].content).toContain('六万');
      expect(m.written.notesAdded).toHaveLength(Math.ceil(n / 7));
      expect(m.written.cleared).toEqual([`${SHEET_NAME}!${areaAddress(0, 2, LEDGER.length, n)}`]);
      expect(m.written.sheetsAdded).toEqual([]);
      expect(res.findings!.filter((f) => f.rule === 'TYPE')).toHaveLength(Math.ceil(n / 7));
    }
    expect(counts).toEqual([2, 2, 2]);
  }, 60_000);

  it("leaves a clerk's note alone: fill only, the finding on the 校验结果 sheet (3 syncs at any size)", async () => {
    const counts: number[] = [];
    for (const n of SIZES) {
      const bad = `${SHEET_NAME}!${col('total')}2`;
      const { syncs, m, res } = await run({
        table: { values: [HEADERS, ...withTypos(n)] },
        notes: [{ content: '王科长：总投资待核', address: bad }],
        resultsSheet: true,
      }, validate, mockSession('1.18'));
      counts.push(syncs);
      expect(rangeAtMock(m, bad).format.fill.color).toBe(FILLS.error);
      expect(m.written.notesAdded.some((x) => x.address === bad)).toBe(false);
      expect(m.written.notesAdded).toHaveLength(Math.ceil(n / 7) - 1);
      expect(m.written.notesDeleted).toEqual([]);
      // The old results sheet goes; the new one lists just the cell that kept its note.
      expect(m.written.sheetsDeleted).toEqual([RESULTS_SHEET]);
      expect(m.written.sheetsAdded).toEqual([RESULTS_SHEET]);
      const sheet = [...m.written.ranges.entries()].find(([k, r]) => k.startsWith(`${RESULTS_SHEET}!`) && Array.isArray(r.values))![1];
      expect(sheet.values).toHaveLength(2);
      expect(sheet.values[1][2]).toBe(bad);
      expect(res.message).toContain('1 个单元格原有他人的批注');
    }
    expect(counts).toEqual([3, 3, 3]);
  }, 60_000);
});

describe('submit with office-addin-mock', () => {
  it('sends the whole table and marks the server\'s warnings as comments (ExcelApi 1.10), at any size (2 syncs)', async () => {
    const counts: number[] = [];
    for (const n of SIZES) {
      const s = mockSession('1.10');
      const calls = signedIn(s, {
        'POST /api/v1/reports': (b) => ({
          status: 200,
          body: { stored: (b as { rows: unknown[] }).rows.length, version: 9, errors: 0, warnings: 1, findings: [{ row: 3, column: 'phone', severity: 'warning', rule: 'PHONE', message: '联系电话“12345”不是有效的手机号' }] },
        }),
      });
      const { syncs, m, res } = await run({ table: { values: [HEADERS, ...rows(n).map(typed)] } }, submit, s);
      counts.push(syncs);
      expect(calls).toHaveLength(1);
      expect((calls[0].body as { rows: unknown[] }).rows).toHaveLength(n);
      expect(calls[0].headers['Idempotency-Key']).toMatch(/.{16,}/);
      expect(res.level).toBe('warn');
      expect(res.message).toContain(`已保存 桃城区 2026-06 的 ${n} 个项目`);
      const cell = `${SHEET_NAME}!${col('phone')}3`;
      expect(rangeAtMock(m, cell).format.fill.color).toBe(FILLS.warning);
      expect(m.written.notesAdded).toEqual([{ kind: 'comments', address: cell, content: `${MARKERS.validate}联系电话“12345”不是有效的手机号` }]);
      expect(s.loaded!.version).toBe(9);
    }
    expect(counts).toEqual([2, 2, 2]);
  }, 60_000);

  it('marks the server\'s errors when it rejects the ledger (422)', async () => {
    const s = mockSession('1.10');
    signedIn(s, {
      'POST /api/v1/reports': () => ({ status: 422, body: { errors: 1, warnings: 0, findings: [{ row: 2, column: 'code', severity: 'error', rule: 'CODE_DUP', message: '项目代码已被冀州区使用' }] } }),
    });
    const { syncs, m, res } = await run({ table: { values: [HEADERS, ...rows(3).map(typed)] } }, submit, s);
    expect(syncs).toBe(2);
    expect(res.level).toBe('error');
    expect(res.message).toContain('全部未保存');
    expect(rangeAtMock(m, `${SHEET_NAME}!${col('code')}2`).format.fill.color).toBe(FILLS.error);
  });

  it('stops before the network on a local error and marks it', async () => {
    const s = mockSession('1.10');
    const calls = signedIn(s, {});
    const values = rows(3).map(typed);
    values[1][idx('annualPlan')] = '很多';
    const { syncs, m, res } = await run({ table: { values: [HEADERS, ...values] } }, submit, s);
    expect(syncs).toBe(2);
    expect(calls).toEqual([]);
    expect(res.message).toContain('未提交');
    expect(rangeAtMock(m, `${SHEET_NAME}!${col('annualPlan')}3`).format.fill.color).toBe(FILLS.error);
  });
});

describe('colour with office-addin-mock', () => {
  it('adds the 状态 column, writes each colour with its fill and reason note, at any size (2 syncs)', async () => {
    const counts: number[] = [];
    // June, 12000 planned: 1500 a month is 75 % (green), 150 a month 7.5 % (red).
    for (const n of SIZES) {
      const data = rows(n, (i) => ({ monthInvest: i % 2 ? 150 : 1500 }));
      const { syncs, m, res } = await run({ table: { values: [HEADERS, ...data.map(typed)] } }, colour, mockSession('1.18'));
      counts.push(syncs);
      expect(m.written.columnsAdded).toEqual([STATUS_HEADER]);
      const j = colLetter(LEDGER.length);
      const status = rangeAtMock(m, `${SHEET_NAME}!${j}2:${j}${n + 1}`);
      expect(status.values).toHaveLength(n);
      expect(status.values[0]).toEqual(['绿']);
      expect(status.values[1]).toEqual(['红']);
      expect(rangeAtMock(m, `${SHEET_NAME}!${j}2`).format.fill.color).toBe(FILLS.green);
      expect(rangeAtMock(m, `${SHEET_NAME}!${j}3`).format.fill.color).toBe(FILLS.red);
      expect(m.written.notesAdded).toHaveLength(n);
      expect(m.written.notesAdded.every((x) => x.content.startsWith(MARKERS.colour))).toBe(true);
      expect(res.message).toContain(`已评分 ${n} 个项目`);
    }
    expect(counts).toEqual([2, 2, 2]);
  }, 60_000);
});
