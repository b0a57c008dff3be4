// P4: context.sync() calls per add-in action at 10 / 1,000 / 5,000 rows, on the fake office.js
// of the add-in tests (an in-memory workbook that counts syncs). Goal: constant — the count at
// 5,000 rows divided by the count at 10 rows is 1 for every action.
import { insertTemplate } from '../addin/src/actions/insertTemplate';
import { load } from '../addin/src/actions/load';
import { validate } from '../addin/src/actions/validate';
import { submit } from '../addin/src/actions/submit';
import { colour } from '../addin/src/actions/colour';
import { SHEET_NAME } from '../addin/src/office/sheet';
import type { Session } from '../addin/src/session';
import { underConstruction } from '../test/fixtures/ledger';
import { RequestContext, uninstallFakeOffice } from '../test/addin/fake-office/index';
import { apiWith, col, fakeFetch, seedLedger, setup } from '../test/addin/harness';
import { result, type BenchResult } from './stats';

const SIZES = [10, 1_000, 5_000];

/** The same ledger at any size: every 5th row has a bad phone (a warning). */
const rows = (n: number) => Array.from({ length: n }, (_, i) => underConstruction(i + 1, 6, i % 5 === 0 ? { phone: '12345' } : {}));

/** Every 7th row gets an unreadable amount (an error), typed after the ledger was written. */
async function withTypos(n: number): Promise<void> {
  await Excel.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem(SHEET_NAME);
    for (let r = 2; r < n + 2; r += 7) sheet.getRange(`${col('total')}${r}`).values = [['六万']];
    await ctx.sync();
  });
}

type Step = (s: Session, n: number) => Promise<unknown>;
const none: Step = async () => undefined;
const seeded: Step = (s, n) => seedLedger(s, rows(n));
const seededWithTypos: Step = async (s, n) => { await seedLedger(s, rows(n)); await withTypos(n); };

const ACTIONS: { name: string; prepare: Step; action: (s: Session) => Promise<unknown> }[] = [
  { name: 'insert-template', prepare: none, action: insertTemplate },
  { name: 'load', prepare: none, action: load },
  { name: 'validate', prepare: seededWithTypos, action: validate },
  { name: 'submit', prepare: seeded, action: submit },
  { name: 'colour', prepare: seeded, action: colour },
];

async function syncsOf(n: number, prepare: Step, action: (s: Session) => Promise<unknown>): Promise<number> {
  const { session } = setup({ excelApi: '1.10' });
  const data = rows(n);
  const { fetch } = fakeFetch({
    'GET /api/v1/ledger': () => ({ status: 200, body: { period: '2026-06', county: '桃城区', version: 1, rows: data.map((v) => ({ ...v, previous: null })) } }),
    'POST /api/v1/reports': (b) => ({ status: 200, body: { stored: (b as { rows: unknown[] }).rows.length, version: 2, findings: [], errors: 0, warnings: 0 } }),
  });
  Object.assign(session, { api: apiWith(fetch), me: { name: '李明', role: 'staff', county: '桃城区' } });
  await prepare(session, n);
  const real = RequestContext.prototype.sync;
  let count = 0;
  RequestContext.prototype.sync = function (this: RequestContext, ...args: unknown[]) {
    count++;
    return (real as (...a: unknown[]) => Promise<void>).apply(this, args);
  } as typeof real;
  try {
    await action(session);
  } finally {
    RequestContext.prototype.sync = real;
    uninstallFakeOffice();
  }
  return count;
}

export async function p4(): Promise<BenchResult> {
  const counts: Record<string, number[]> = {};
  for (const a of ACTIONS) {
    counts[a.name] = [];
    for (const n of SIZES) counts[a.name].push(await syncsOf(n, a.prepare, a.action));
  }
  if (Object.values(counts).some((c) => c[0] === 0)) throw new Error(`P4: an action made no sync at all: ${JSON.stringify(counts)}`);
  const ratio = Math.max(...Object.values(counts).map((c) => Math.max(...c) / c[0]));
  const shown = (i: number) => ACTIONS.map((a) => `${a.name} ${counts[a.name][i]}`).join(', ');
  return result({
    id: 'P4', name: 'context.sync() per add-in action at 10 / 1,000 / 5,000 rows',
    measured: ACTIONS.map((a) => `${a.name} ${counts[a.name].join('/')}`).join(', '),
    baseline: `10 rows: ${shown(0)}`,
    ratio, goal: '= 1, constant', ok: Object.values(counts).every((c) => c.every((x) => x === c[0])),
  });
}
