// Property test of the write routes with a few thousand hostile bodies: malformed JSON, wrong
// types, huge strings, odd unicode, prototype-pollution keys, SQL-ish text, and near-valid
// ledgers with one cell mangled. The service must never answer 5xx, must not pollute
// Object.prototype, and the database must pass integrity_check afterwards.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LEDGER_KEYS } from '../../core/ledger';
import { fixtureRows } from './helpers/fixture';
import { startTestServer, type TestServer } from './helpers/server';

let s: TestServer;
beforeAll(async () => { s = await startTestServer({ env: { KEYPROJ_MAX_ROWS: '50' } }); });
afterAll(async () => { await s?.close(); });

const NASTY = [
  "'; DROP TABLE projects; --", '" OR 1=1 --', 'Robert\'); DELETE FROM reports;--', '%s%s%n', '${7*7}', '{{7*7}}',
  '<script>alert(1)</script>', '\u0000', '\u202e桃城区', '桃\u200b城区', '𠀀𠀁𪚥', '🏗️👷‍♀️', '\ud800', 'ＡＢＣ１２３', '１２,０００万元',
  '1.2亿元', '-0', '1e309', 'NaN', 'Infinity', '__proto__', 'constructor', 'prototype', '桃城區', '   ', '',
];
const POLLUTERS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf'];

const scalar = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0.1 + 0.2),
  fc.nat(20_000).map((n) => '长'.repeat(n)),
);
const value = fc.oneof({ depthSize: 'small' }, scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(fc.constantFrom(...POLLUTERS, 'a', 'row'), scalar, { maxKeys: 3 }));
const rawRow = fc.dictionary(fc.constantFrom(...LEDGER_KEYS, ...POLLUTERS), value, { maxKeys: 8 });

/** A valid ledger of 桃城区 with a few cells replaced by hostile values. */
const nearValid = fc.record({
  cells: fc.array(fc.tuple(fc.nat(2), fc.constantFrom(...LEDGER_KEYS, ...POLLUTERS), value), { minLength: 1, maxLength: 3 }),
  period: fc.oneof({ weight: 6, arbitrary: fc.constant('2026-04') }, { weight: 1, arbitrary: fc.constantFrom('2026-05', '2099-01', '2026-4', 202604, null) }),
  county: fc.oneof({ weight: 6, arbitrary: fc.constant('桃城区') }, { weight: 1, arbitrary: fc.constantFrom('冀州区', '桃城區') }, { weight: 1, arbitrary: scalar }),
  baseVersion: fc.oneof({ weight: 6, arbitrary: fc.constant('current') }, { weight: 1, arbitrary: scalar }),
}).map(({ cells, period, county, baseVersion }) => {
  const rows = fixtureRows(4, '桃城区') as { row: number; raw: Record<string, unknown> }[];
  for (const [i, key, v] of cells) Object.defineProperty(rows[i].raw, key, { value: v, enumerable: true, writable: true, configurable: true });
  return { period, county, baseVersion, rows };
});

const jsonBody = fc.oneof(
  { weight: 4, arbitrary: nearValid },
  fc.record({ period: scalar, county: scalar, baseVersion: scalar, rows: fc.oneof(value, fc.array(fc.record({ row: scalar, raw: fc.oneof(rawRow, value) }), { maxLength: 5 })) }, { requiredKeys: [] }),
  fc.record({ projectCode: fc.oneof(fc.constant('2025-131102-04-01-000101'), scalar), description: scalar, deadline: fc.oneof(fc.constant('2026-06-30'), scalar), unit: scalar, foundOn: scalar, status: fc.oneof(fc.constantFrom('解决中', '已解决', '已销号', '待解决'), scalar), note: scalar }, { requiredKeys: [] }),
  fc.record({ stats: fc.oneof(value, fc.dictionary(fc.string({ maxLength: 30 }), scalar)), ndrc: fc.oneof(value, fc.array(fc.record({ projectCode: scalar, amount: scalar }))) }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 3 }),
);

// Text that is not JSON (or not quite), as a client might send it.
const rawText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('{', '{"period":', '[1,2', '{"rows":[{"row":2,"raw":{"code":"x"}}', 'null', '"text"', '123', 'true', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', '\ufeff{}', '{"a":1}garbage'),
  jsonBody.map((b) => JSON.stringify(b).slice(0, -1)),
);

const routes = fc.constantFrom(
  { method: 'POST', path: '/api/v1/reports' },
  { method: 'POST', path: '/api/v1/validate' },
  { method: 'POST', path: '/api/v1/problems' },
  { method: 'PATCH', path: '/api/v1/problems/1' },
  { method: 'PATCH', path: '/api/v1/problems/%E2%80%AE' },
  { method: 'POST', path: '/api/v1/reconcile' },
);

const request = fc.record({
  route: routes,
  who: fc.constantFrom('staff', 'admin', 'staffOther') as fc.Arbitrary<'staff' | 'admin' | 'staffOther'>,
  body: fc.oneof({ weight: 4, arbitrary: jsonBody.map((b) => ({ json: b })) }, { weight: 1, arbitrary: rawText.map((t) => ({ text: t })) }),
  contentType: fc.oneof({ weight: 8, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'text/plain', 'application/json; charset=latin1') }),
  idem: fc.option(fc.oneof(fc.constantFrom('k1', 'k2'), fc.string({ unit: 'binary', maxLength: 300 })), { nil: undefined }),
  lang: fc.constantFrom('zh-CN', 'en', '*', 'xx;q=abc', ''),
});

it('never answers 5xx to hostile bodies, and the database stays intact', async () => {
  s.store.problems.create({ projectCode: '2025-131102-04-01-000101', description: '模糊测试用问题', unit: '住建局', foundOn: '2026-03-01', deadline: '2026-04-30' }, { actor: 'test' });
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(request, async ({ route, who, body, contentType, idem, lang }) => {
      let payload: string;
      if ('json' in body) {
        const b = body.json as Record<string, unknown> | null;
        if (b && typeof b === 'object' && (b as { baseVersion?: unknown }).baseVersion === 'current') {
          (b as { baseVersion?: unknown }).baseVersion = s.store.ledgerVersion('桃城区', String((b as { period?: unknown }).period));
        }
        payload = JSON.stringify(b) ?? 'null';
      } else payload = body.text;
      const headers: Record<string, string> = { 'content-type': contentType };
      if (lang) headers['accept-language'] = lang;
      if (idem !== undefined) {
        // Header values must be ByteStrings; send what fetch can carry.
        headers['idempotency-key'] = Buffer.from(idem, 'utf8').toString('latin1').replace(/[\x00-\x1f\x7f]/g, '');
      }
      const r = await s.api(route.path, { method: route.method, rawBody: payload, token: s.tokens[who], headers });
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      expect(r.status, `${route.method} ${route.path} ${payload.slice(0, 300)} → ${r.text.slice(0, 300)}`).toBeLessThan(500);
      expect(r.body?.error === undefined || typeof r.body.error.message === 'string').toBe(true);
      expect(Object.keys(Object.prototype)).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }),
    // Bounded: a slow machine stops early rather than timing out (the runs done still count).
    { numRuns: 3000, seed: 4242, endOnFailure: true, interruptAfterTimeLimit: 150_000 },
  );
  // The run reached past the gate: some requests were accepted, some refused for their content.
  expect([...statuses.keys()].some((k) => k >= 200 && k < 300)).toBe(true);
  expect(statuses.get(400) ?? 0).toBeGreaterThan(100);
  expect(statuses.get(422) ?? 0).toBeGreaterThan(10);
  expect(s.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(s.store.db.pragma('foreign_key_check')).toEqual([]);
  // Nothing was stored outside the caller's county.
  const jizhou = s.store.reports.forPeriod('2026-04', '冀州区');
  expect(jizhou).toHaveLength(0);
}, 240_000);
