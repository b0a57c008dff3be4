import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import { LEDGER, LEDGER_KEYS, column } from '../../core/ledger';
import { cellText, parseCell, parseRow, readAmount } from '../../core/parse';
import { RULES } from '../../core/rules';
import { validateLedger } from '../../core/validate';
import type { LedgerKey, MonthlyReport, RawRow } from '../../core/types';

const cfg = DEFAULT_CONFIG;
const RUNS = { numRuns: 300 };

/** Cells of every kind people and spreadsheets produce, plausible and not. */
const cell: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null), fc.constant(undefined), fc.constant(''),
  fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }),
  fc.double(), fc.integer(), fc.integer({ min: 30000, max: 60000 }), fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom('1.2亿', '12,000', '１２０００', '约一万', '-5', '2026年3月', '2026/3', '202603', '桃城區', '擬新開工', '√', '×', '85%', '立项、用地', 'NaN', 'Infinity', '0318-2123456', 'TMP-1', '2024-131102-04-01-000123', '在建', '前期', '竣工'),
  fc.anything(),
);

const rawRow: fc.Arbitrary<RawRow> = fc.dictionary(fc.constantFrom(...LEDGER_KEYS), cell) as fc.Arbitrary<RawRow>;

const period = fc.tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);

describe('parsing properties', () => {
  it('any value in any column never throws and yields a known status', () => {
    fc.assert(fc.property(fc.constantFrom(...LEDGER), cell, (c, raw) => {
      const r = parseCell(c, raw, cfg);
      expect(['empty', 'ok', 'bad']).toContain(r.status);
      if (r.status === 'ok' && (c.type === 'amount' || c.type === 'percent')) expect(Number.isFinite(r.value as number)).toBe(true);
      if (r.status === 'bad') expect(['TYPE', 'ENUM']).toContain(r.rule);
    }), { numRuns: 2000 });
  });

  it('text without digits never parses as an amount', () => {
    const noDigits = fc.string({ unit: 'grapheme' }).filter((s) => !/\d/u.test(s.normalize('NFKC')) && !/\p{Nd}/u.test(s));
    fc.assert(fc.property(noDigits, (s) => {
      expect(readAmount(s)).toBeUndefined();
      expect(parseCell(column('total'), s, cfg).status).not.toBe('ok');
    }), { numRuns: 2000 });
  });

  it('a finite number, plain or with thousands separators, parses to itself', () => {
    fc.assert(fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (n) => {
      expect(readAmount(n)).toBe(n);
      const rounded = Math.round(n * 100) / 100;
      const grouped = rounded.toLocaleString('en-US', { maximumFractionDigits: 2 });
      expect(readAmount(grouped)).toBeCloseTo(rounded, 6);
      expect(readAmount(`${grouped}万元`)).toBeCloseTo(rounded, 6);
    }), RUNS);
  });

  it('亿 is 10,000 万元', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100000 }), (n) => {
      const yi = n / 100;
      expect(readAmount(`${yi}亿`)).toBeCloseTo(yi * 10000, 6);
    }), RUNS);
  });

  it('every way of writing a month reads the same month', () => {
    fc.assert(fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
      const mm = String(m).padStart(2, '0');
      const want = `${y}-${mm}`;
      const date = new Date(Date.UTC(y, m - 1, d));
      const serial = Math.round(date.getTime() / 86400000) + 25569;
      for (const raw of [want, `${y}/${m}`, `${y}年${m}月`, `${y}${mm}`, `${y}.${m}`, Number(`${y}${mm}`), serial, date, `${want}-${String(d).padStart(2, '0')}`]) {
        expect(parseCell(column('plannedStart'), raw, cfg)).toEqual({ status: 'ok', value: want });
      }
      expect(parseCell(column('actualStart'), serial, cfg)).toEqual({ status: 'ok', value: `${want}-${String(d).padStart(2, '0')}` });
    }), RUNS);
  });

  it('parseRow keeps a value or reports a problem for every non-empty cell, never both', () => {
    fc.assert(fc.property(rawRow, (raw) => {
      const { values, findings } = parseRow(raw, cfg, { row: 2 });
      for (const k of LEDGER_KEYS) {
        const kept = (values as Record<string, unknown>)[k] !== undefined;
        const flagged = findings.some((f) => f.column === k);
        expect(kept && flagged).toBe(false);
      }
    }), RUNS);
  });
});

const report = (code: string): fc.Arbitrary<MonthlyReport> => fc.record({
  projectCode: fc.constant(code), period: fc.oneof(period, fc.string()),
  monthInvest: fc.double(), ytdInvest: fc.double(), cumInvest: fc.double(),
});

describe('validation properties', () => {
  it('any rows never throw; every finding names a real row and a real ledger key', () => {
    const rows = fc.array(fc.record({ row: fc.integer({ min: 2, max: 10000 }), raw: rawRow }), { maxLength: 8 });
    const codes = ['2024-131102-04-01-000123', 'TMP-1'];
    const history = fc.array(fc.oneof(report(codes[0]), report(codes[1])), { maxLength: 6 })
      .map((rs) => new Map(codes.map((c) => [c, rs.filter((r) => r.projectCode === c)])));
    fc.assert(fc.property(rows, period, history, fc.date({ noInvalidDate: false }), fc.option(fc.date({ noInvalidDate: false })), fc.constantFrom('zh-CN', 'en' as const),
      (rs, p, h, now, submittedAt, locale) => {
        const res = validateLedger({ rows: rs, period: p, config: cfg, history: h, now, submittedAt: submittedAt ?? undefined, locale });
        const rowNumbers = new Set(rs.map((r) => r.row));
        const typed = rs.flatMap((r) => Object.values(r.raw).map((v) => cellText(v))).join('\n');
        const codesKnown = new Set(RULES.map((r) => r.code));
        for (const f of res.findings) {
          expect(f.row === 0 || rowNumbers.has(f.row)).toBe(true);
          if (f.row === 0) expect(f.column).toBeNull();
          else expect(LEDGER_KEYS).toContain(f.column as LedgerKey);
          expect(codesKnown.has(f.rule)).toBe(true);
          expect(['error', 'warning']).toContain(f.severity);
          expect(typeof f.value).toBe('string');
          expect(f.message.length).toBeGreaterThan(0);
          // Every template placeholder is filled: a `{x}` left in a message must come from what the user typed.
          for (const m of f.message.matchAll(/\{\w+\}/g)) expect(typed).toContain(m[0]);
        }
        expect(res.errors + res.warnings).toBe(res.findings.length);
        expect(res.rows.map((r) => r.row)).toEqual(rs.map((r) => r.row));
        const keys = res.findings.map((f) => [f.row, f.column === null ? -1 : LEDGER_KEYS.indexOf(f.column)]);
        for (let i = 1; i < keys.length; i++) {
          expect(keys[i - 1][0] < keys[i][0] || (keys[i - 1][0] === keys[i][0] && keys[i - 1][1] <= keys[i][1])).toBe(true);
        }
      }), RUNS);
  });

  it('a cell that cannot be read never reaches the values', () => {
    fc.assert(fc.property(fc.constantFrom(...LEDGER.filter((c) => c.type === 'amount').map((c) => c.key)), fc.string().filter((s) => !/\d/.test(s.normalize('NFKC')) && s.trim() !== ''), (k, s) => {
      const res = validateLedger({ rows: [{ row: 3, raw: { [k]: s } }], period: '2026-03', config: cfg, now: new Date('2026-04-01T00:00:00Z') });
      expect((res.rows[0].values as Record<string, unknown>)[k]).toBeUndefined();
      expect(res.findings.some((f) => f.rule === 'TYPE' && f.column === k && f.value === s)).toBe(true);
    }), RUNS);
  });
});
