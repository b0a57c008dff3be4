// formatNumber prints numbers itself (Intl.NumberFormat costs about 1 µs a call); it must print
// exactly what Intl.NumberFormat('en-US') prints, rounding included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../core/format';

function intl(n: number, digits: number): string {
  const s = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true }).format(n);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

describe('formatNumber matches Intl.NumberFormat', () => {
  it('on halves, carries and edges (ICU rounds the shortest decimal form half away from zero)', () => {
    const cases = [0, -0, 0.5, 0.05, 0.005, 1.005, 2.675, 9.995, 99.995, 999999.995, -9.995, -0.005, -0.0049, 0.045, 1e-7, 5e-324, 123456789.125, 1e20, 9.99e20, 1e21, 1.5e300];
    for (const n of cases) for (const d of [0, 1, 2, 3]) expect([n, d, formatNumber(n, d)]).toEqual([n, d, intl(n, d)]);
    expect(formatNumber(1.005)).toBe('1.01');
    expect(formatNumber(999.995)).toBe('1,000.00');
    expect(formatNumber(-0.004)).toBe('0.00');
  });
  it('on any double', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 3 }), (n, d) => {
      expect(formatNumber(n, d)).toBe(intl(n, d));
    }), { numRuns: 5000 });
  });
  it('on amounts as ledgers hold them (up to 6 decimals)', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 }), (k, scale, d) => {
      const n = k / 10 ** scale;
      expect(formatNumber(n, d)).toBe(intl(n, d));
    }), { numRuns: 5000 });
  });
});
