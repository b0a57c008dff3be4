// sameStored decides whether a project save is 'unchanged' (no write, no audit row): it must give
// exactly the answer of comparing the JSON of both records' round trips through the table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { field, fromRow, merged, rawReader, sameStored, toParams } from '../../server/store/columns';

const FIELDS = [
  field('code', 'code'), field('total', 'total', 'real'), field('stage', 'stage'),
  field('approvals', 'approvals', 'json'), field('registered', 'registered', 'bool'), field('monthlyPlan', 'monthly_plan', 'json'),
] as const;

const roundTrip = (o: object) => JSON.stringify(fromRow(FIELDS, toParams(FIELDS, o as Record<string, unknown>)));

const value = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.constant(Number.NaN), fc.constant(Infinity),
  fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true }), fc.constantFrom('', '在建', '竣工', '1', 'true'), fc.boolean(),
  fc.constantFrom([], ['立项'], ['立项', '用地']), fc.constantFrom({ '2026-01': 0.1 }, { '2026-01': 0.1, '2026-02': 0.2 }),
);
const record = fc.record({ code: value, total: value, stage: value, approvals: value, registered: value, monthlyPlan: value }, { requiredKeys: [] });

describe('sameStored', () => {
  it('agrees with comparing the JSON of the stored round trips', () => {
    fc.assert(fc.property(record, record, (a, b) => {
      expect(sameStored(FIELDS, a, b)).toBe(roundTrip(a) === roundTrip(b));
      expect(sameStored(FIELDS, a, a)).toBe(true);
    }), { numRuns: 5000 });
  });
  it('tells a changed field, a field removed and a NaN from a missing value', () => {
    const p = { code: 'A', total: 100, approvals: ['立项'], registered: true };
    expect(sameStored(FIELDS, p, { ...p })).toBe(true);
    expect(sameStored(FIELDS, p, { ...p, total: 101 })).toBe(false);
    expect(sameStored(FIELDS, p, { ...p, approvals: ['立项', '用地'] })).toBe(false);
    expect(sameStored(FIELDS, p, { ...p, registered: undefined })).toBe(false);
    expect(sameStored(FIELDS, { code: 'A', total: Number.NaN }, { code: 'A' })).toBe(false);
    expect(sameStored(FIELDS, { code: 'A', total: Number.NaN }, { code: 'A', total: Infinity })).toBe(true);
  });
  it('reads rows into plain records without NULL columns', () => {
    expect(fromRow(FIELDS, { code: 'A', total: 5, stage: null, approvals: '["立项"]', registered: 0, monthly_plan: null }))
      .toStrictEqual({ code: 'A', total: 5, approvals: ['立项'], registered: false });
  });
});

describe('rawReader', () => {
  it('reads an array row as fromRow reads the named row, whatever the column order', () => {
    // A 'zero' field (NULL read as 0) and a field whose column is not selected, besides FIELDS.
    const fields = [...FIELDS, field('ytd', 'ytd_invest', 'zero'), field('unselected', 'nowhere')];
    const columns = ['monthly_plan', 'extra', 'registered', 'code', 'ytd_invest', 'approvals', 'stage', 'total'];
    const read = rawReader(fields, columns);
    fc.assert(fc.property(record, fc.oneof(fc.constant(null), fc.integer(), fc.double({ noNaN: true })), (rec, ytd) => {
      const named: Record<string, unknown> = { ...toParams(FIELDS, rec as Record<string, unknown>), ytd_invest: ytd, extra: 'x' };
      const raw = columns.map((c) => named[c] ?? null);
      const got = read(raw) as Record<string, unknown>;
      expect(got).toStrictEqual(fromRow(fields, named));
      expect(Object.keys(got)).toStrictEqual(Object.keys(fromRow(fields, named)));
      expect((got as { ytd: unknown }).ytd).toBe(ytd ?? 0);
    }), { numRuns: 2000 });
  });
});

describe('merged', () => {
  it('is spread: same keys in the same order, last value wins, undefined kept, null sources skipped', () => {
    const key = fc.constantFrom('code', 'name', 'total', 'list', 'approvals', 'stage', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9', 'k10', 'k11', 'k12', 'k13', 'k14', 'k15', 'k16', 'k17', 'k18', 'k19', 'k20');
    const source = fc.oneof(fc.constant(undefined), fc.constant(null), fc.dictionary(key, fc.oneof(fc.constant(undefined), fc.integer(), fc.string()), { maxKeys: 26 }));
    fc.assert(fc.property(fc.array(source, { maxLength: 4 }), (sources) => {
      const spread = sources.reduce<Record<string, unknown>>((acc, s) => ({ ...acc, ...s }), {});
      const got = merged<Record<string, unknown>>(...sources);
      expect(Object.entries(got)).toStrictEqual(Object.entries(spread));
    }), { numRuns: 2000 });
  });
  it('merges a project as the import does', () => {
    const before = { code: 'A', name: '旧名', list: '在建', approvals: ['立项'] };
    const got = merged<Record<string, unknown>>({ approvals: [] }, before, { name: '新名', total: 9 }, { code: 'A' });
    expect(JSON.stringify(got)).toBe(JSON.stringify({ approvals: ['立项'], code: 'A', name: '新名', list: '在建', total: 9 }));
  });
});
