import { describe, expect, it } from 'vitest';
import {
  addMonths, currentPeriod, deadlineOf, isPeriod, localDate, monthsBetween, prevPeriod,
  reportingPeriod, scheduleRateOf, yearToDate, zonedParts,
} from '../../core/periods';

describe('periods', () => {
  it('recognises YYYY-MM only', () => {
    expect(isPeriod('2026-03')).toBe(true);
    expect(isPeriod('2026-13')).toBe(false);
    expect(isPeriod('2026-3')).toBe(false);
    expect(isPeriod(202603)).toBe(false);
  });

  it('does month arithmetic across years', () => {
    expect(prevPeriod('2026-01')).toBe('2025-12');
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-03', -15)).toBe('2024-12');
    expect(monthsBetween('2025-11', '2026-02')).toBe(3);
    expect(monthsBetween('2026-02', '2025-11')).toBe(-3);
    expect(yearToDate('2026-03')).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('uses Asia/Shanghai for the current month and date', () => {
    // 2026-03-31 17:30 UTC is already 1 April in Shanghai.
    const t = new Date(Date.UTC(2026, 2, 31, 17, 30));
    expect(currentPeriod(t)).toBe('2026-04');
    expect(localDate(t)).toBe('2026-04-01');
    expect(currentPeriod(t, 'UTC')).toBe('2026-03');
  });

  it('knows which month is being reported around the deadline', () => {
    expect(deadlineOf('2026-10', 5)).toBe('2026-11-05');
    expect(deadlineOf('2026-12', 5)).toBe('2027-01-05');
    // 5 Nov (Shanghai): October's report is still due; 6 Nov: November's.
    expect(reportingPeriod(new Date(Date.UTC(2026, 10, 5, 3)), 5)).toBe('2026-10');
    expect(reportingPeriod(new Date(Date.UTC(2026, 10, 6, 3)), 5)).toBe('2026-11');
  });

  it('gives the time-elapsed rate m / 12', () => {
    expect(scheduleRateOf('2026-03')).toBeCloseTo(0.25);
    expect(scheduleRateOf('2026-12')).toBe(1);
  });

  it('gives the local time of an instant, also when asked again within the same minute or for another zone', () => {
    // Shanghai (UTC+8) crosses into November at 16:00 UTC; New York (UTC-4 in October) does not.
    const a = new Date('2026-10-31T15:59:10Z');
    const b = new Date('2026-10-31T15:59:50Z');
    const c = new Date('2026-10-31T16:00:00Z');
    expect(zonedParts(a)).toEqual({ year: 2026, month: 10, day: 31, hour: 23, minute: 59 });
    expect(zonedParts(a, 'America/New_York')).toEqual({ year: 2026, month: 10, day: 31, hour: 11, minute: 59 });
    expect(zonedParts(b)).toEqual({ year: 2026, month: 10, day: 31, hour: 23, minute: 59 });
    expect(zonedParts(c)).toEqual({ year: 2026, month: 11, day: 1, hour: 0, minute: 0 });
    expect(zonedParts(c, 'America/New_York')).toEqual({ year: 2026, month: 10, day: 31, hour: 12, minute: 0 });
    expect(zonedParts(b)).toEqual({ year: 2026, month: 10, day: 31, hour: 23, minute: 59 });
    // An answer handed out is a copy: changing it does not change the next one.
    const mine = zonedParts(b);
    mine.day = 1;
    expect(zonedParts(b).day).toBe(31);
    expect(reportingPeriod(c, 10)).toBe('2026-10');
    expect(currentPeriod(a)).toBe('2026-10');
  });

  it('accepts exactly what /^\\d{4}-(0[1-9]|1[0-2])$/ accepts', () => {
    const re = /^\d{4}-(0[1-9]|1[0-2])$/;
    const samples = ['2026-01', '2026-12', '0000-09', '2026-00', '2026-13', '2026-1', '2026-010', '2026/03', '２０２６-03', '2026-0a', 'abcd-01', '2026-20', '2026-19', '', '2026-10\n'];
    for (let y = 0; y < 3; y++) for (let m = 0; m < 100; m++) samples.push(`20${y}6-${String(m).padStart(2, '0')}`);
    for (let c = 32; c < 128; c++) samples.push(`2026-1${String.fromCharCode(c)}`, `${String.fromCharCode(c)}026-05`, `2026${String.fromCharCode(c)}05`);
    for (const s of samples) expect(isPeriod(s), JSON.stringify(s)).toBe(re.test(s));
    expect(isPeriod(202603)).toBe(false);
    expect(isPeriod(null)).toBe(false);
  });
});
