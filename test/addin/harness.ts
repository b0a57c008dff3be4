// Shared set-up of the add-in tests: the fake office.js installed on globalThis, a session, and
// ledger rows written through the add-in's own template code.
import { DEFAULT_CONFIG } from '../../core/config';
import type { LedgerValues } from '../../core/types';
import { LEDGER } from '../../core/ledger';
import { ApiClient, type Fetch } from '../../addin/src/api';
import { capabilities } from '../../addin/src/office/host';
import { queueLedger } from '../../addin/src/office/template';
import { rowCells } from '../../addin/src/actions/load';
import { SHEET_NAME } from '../../addin/src/office/sheet';
import type { Session } from '../../addin/src/session';
import { installFakeOffice, versionAtMost, type FakeOffice, type FakeOfficeOptions } from './fake-office/index';
import { toRaw } from '../fixtures/ledger';

export function setup(opts: FakeOfficeOptions = {}): { fake: FakeOffice; session: Session } {
  const fake = installFakeOffice(opts);
  const api = opts.excelApi ?? '1.10';
  const session: Session = {
    config: DEFAULT_CONFIG,
    locale: 'zh-CN',
    period: '2026-06',
    caps: capabilities((_n, v) => versionAtMost(v, api)),
    history: new Map(),
  };
  return { fake, session };
}

/** Cells of a ledger row as typed (display values), in LEDGER order. */
export function cellsOf(v: LedgerValues): (string | number | boolean)[] {
  return rowCells(toRaw(v) as Record<string, unknown>);
}

/** Writes a 台账 sheet with these rows, the way the add-in's load does (one Excel.run). */
export async function seedLedger(session: Session, rows: LedgerValues[]): Promise<void> {
  await Excel.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.add(SHEET_NAME);
    queueLedger(sheet, rows.map((r) => {
      const c = cellsOf(r);
      // rowCells leaves this month's figure empty for the clerk; a seeded sheet has it typed.
      c[LEDGER.findIndex((x) => x.key === 'monthInvest')] = r.monthInvest ?? '';
      return c;
    }), session.caps, session.config, session.locale);
    await ctx.sync();
  });
}

export function col(key: string): string {
  const i = LEDGER.findIndex((c) => c.key === key);
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface Call { method: string; url: string; headers: Record<string, string>; body: unknown }

/** A fetch that answers from a table of handlers and records every call. */
export function fakeFetch(routes: Record<string, (body: unknown) => { status: number; body: unknown }>): { fetch: Fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: Fetch = async (url, init) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, headers: init?.headers as Record<string, string>, body });
    const path = url.replace(/\?.*$/, '');
    const h = routes[`${method} ${path}`];
    const r = h ? h(body) : { status: 404, body: { error: { code: 'not_found', message: '未找到' } } };
    return new Response(JSON.stringify(r.body), { status: r.status, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch, calls };
}

export function apiWith(fetch: Fetch): ApiClient {
  return new ApiClient('', () => 'test-token', () => 'zh-CN', fetch);
}
