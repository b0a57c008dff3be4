import { describe, expect, it } from 'vitest';
import { formatAmount, formatMoney, formatNumber, formatPercent, formatPoints, formatYi, NO_NUMBER } from '../../core/format';

describe('formatNumber', () => {
  it('groups thousands and fixes the decimals', () => {
    expect(formatNumber(1234567.891)).toBe('1,234,567.89');
    expect(formatNumber(0)).toBe('0.00');
    expect(formatNumber(12, 0)).toBe('12');
    expect(formatNumber(-2500.5)).toBe('-2,500.50');
  });
  it('prints a tiny negative as 0, not -0', () => {
    expect(formatNumber(-0.001)).toBe('0.00');
    expect(formatNumber(-0)).toBe('0.00');
  });
  it('shows a dash, never a zero, for missing or non-finite numbers', () => {
    expect(formatNumber(undefined)).toBe(NO_NUMBER);
    expect(formatNumber(null)).toBe(NO_NUMBER);
    expect(formatNumber(Number.NaN)).toBe(NO_NUMBER);
    expect(formatNumber(Infinity)).toBe(NO_NUMBER);
  });
});

describe('amounts', () => {
  it('formats 万元 in both locales', () => {
    expect(formatAmount(3000)).toBe('3,000.00 万元');
    expect(formatAmount(3000, 'en')).toBe('3,000.00 (10k yuan)');
    expect(formatAmount(0.5)).toBe('0.50 万元');
    expect(formatAmount(undefined)).toBe(NO_NUMBER);
  });
  it('converts 万元 to 亿元', () => {
    expect(formatYi(12000)).toBe('1.20 亿元');
    expect(formatYi(1234567)).toBe('123.46 亿元');
    expect(formatYi(12000, 'en')).toBe('1.20 (100m yuan)');
    expect(formatYi(Number.NaN)).toBe(NO_NUMBER);
  });
  it('picks 亿元 from 1 亿 upwards', () => {
    expect(formatMoney(9999.99)).toBe('9,999.99 万元');
    expect(formatMoney(10000)).toBe('1.00 亿元');
    expect(formatMoney(-25000, 'en')).toBe('-2.50 (100m yuan)');
  });
});

describe('rates', () => {
  it('formats fractions as percentages', () => {
    expect(formatPercent(0.25)).toBe('25.0%');
    expect(formatPercent(0.75, 0)).toBe('75%');
    expect(formatPercent(1 / 3, 2)).toBe('33.33%');
    expect(formatPercent(null)).toBe(NO_NUMBER);
  });
  it('formats percentage points', () => {
    expect(formatPoints(45)).toBe('45.0 个百分点');
    expect(formatPoints(4.96, 1, 'en')).toBe('5.0 points');
    expect(formatPoints(undefined)).toBe(NO_NUMBER);
  });
});
