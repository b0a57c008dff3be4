// Holidays and make-up workdays with real dates (chinese-days' 2026 data: National Day 10-01…10-07
// with make-up workdays Sun 09-20 and Sat 10-10; Spring Festival 02-15…02-23 with make-up
// Saturdays 02-14 and 02-28), and where the reminder slots land.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../../core/config';
import { localDate } from '../../core/periods';
import { isoWeek, isWorkingDay, workingDayBefore, workingDayOnOrAfter, zonedInstant } from '../../server/reminders/calendar';
import { deadlineSlots, dueToday, nextSlot, slotsBetween, weeklySlots } from '../../server/reminders/slots';

const at = (iso: string) => new Date(iso);
const local = (d: Date) => `${localDate(d)} ${d.toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' })}`;
const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

describe('working days (chinese-days)', () => {
  it('National Day 2026: Oct 1–7 off, make-up Sunday Sep 20 and Saturday Oct 10 worked', () => {
    expect(days('2026-10-01', 7).map(isWorkingDay)).toEqual(Array(7).fill(false));
    expect(isWorkingDay('2026-10-08')).toBe(true);
    expect(isWorkingDay('2026-09-20')).toBe(true); // Sunday, 调休
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休
    expect(isWorkingDay('2026-10-11')).toBe(false); // an ordinary Sunday
    expect(workingDayOnOrAfter('2026-10-03')).toBe('2026-10-08');
    expect(workingDayBefore('2026-10-05')).toBe('2026-09-30');
  });

  it('Spring Festival 2026: Feb 15–23 off, Saturdays Feb 14 and 28 worked', () => {
    expect(days('2026-02-15', 9).map(isWorkingDay)).toEqual(Array(9).fill(false));
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(workingDayOnOrAfter('2026-02-16')).toBe('2026-02-24');
  });

  it('ISO weeks and zoned instants', () => {
    expect(isoWeek('2026-10-05')).toBe('2026-W41');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(zonedInstant('2026-10-08', 9, 0, 'Asia/Shanghai').toISOString()).toBe('2026-10-08T01:00:00.000Z');
    expect(zonedInstant('2026-03-30', 9, 30, 'Europe/Berlin').toISOString()).toBe('2026-03-30T07:30:00.000Z');
  });
});

describe('reminder slots', () => {
  it('the Monday slot of National Day week goes out on Thursday Oct 8, same time, same id', () => {
    const slots = weeklySlots(DEFAULT_CONFIG, at('2026-09-27T00:00:00Z'), at('2026-10-20T00:00:00Z'));
    expect(slots.map((s) => [s.id, local(s.dueAt)])).toEqual([
      ['weekly:2026-W40', '2026-09-28 09:00'],
      ['weekly:2026-W41', '2026-10-08 09:00'],
      ['weekly:2026-W42', '2026-10-12 09:00'],
      ['weekly:2026-W43', '2026-10-19 09:00'],
    ]);
    expect(localDate(slots[1].nominal)).toBe('2026-10-05');
  });

  it('Spring Festival: two Mondays off land on the same day, and only one reminder goes out', () => {
    const slots = weeklySlots(DEFAULT_CONFIG, at('2026-02-08T00:00:00Z'), at('2026-03-03T00:00:00Z'));
    expect(slots.map((s) => [s.id, local(s.dueAt)])).toEqual([
      ['weekly:2026-W07', '2026-02-09 09:00'],
      ['weekly:2026-W09', '2026-02-24 09:00'],
      ['weekly:2026-W10', '2026-03-02 09:00'],
    ]);
  });

  it('a 调休 Saturday is a working day: a daily schedule sends on Sun Sep 20 and Sat Oct 10, not during the holiday', () => {
    const cfg = resolveConfig({ reminder: { cron: '0 9 * * *', beforeDeadline: false } });
    const slots = slotsBetween(cfg, at('2026-09-18T16:00:00Z'), at('2026-10-11T16:00:00Z'));
    const sent = slots.map((s) => localDate(s.dueAt));
    expect(sent).toContain('2026-09-20');
    expect(sent).toContain('2026-10-10');
    expect(sent).not.toContain('2026-09-19');
    expect(sent).not.toContain('2026-10-11');
    for (const d of days('2026-10-01', 7)) expect(sent).not.toContain(d);
    // Oct 1–8 all collapse into one reminder on Oct 8.
    expect(sent.filter((d) => d === '2026-10-08')).toHaveLength(1);
    expect(new Set(slots.map((s) => s.id)).size).toBe(slots.length);
  });

  it('without skipHolidays the slot stays on the holiday', () => {
    const cfg = resolveConfig({ reminder: { skipHolidays: false } });
    const [s] = weeklySlots(cfg, at('2026-10-04T00:00:00Z'), at('2026-10-06T00:00:00Z'));
    expect(local(s.dueAt)).toBe('2026-10-05 09:00');
  });

  it('the deadline reminder goes out the working day before the deadline', () => {
    const slots = deadlineSlots(DEFAULT_CONFIG, at('2026-01-20T00:00:00Z'), at('2026-12-31T00:00:00Z'));
    const byId = Object.fromEntries(slots.map((s) => [s.id, local(s.dueAt)]));
    expect(byId['deadline:2026-01']).toBe('2026-02-04 09:00'); // due Thu Feb 5
    expect(byId['deadline:2026-09']).toBe('2026-09-30 09:00'); // due Oct 5, in the holiday
    expect(byId['deadline:2026-10']).toBe('2026-11-04 09:00'); // due Thu Nov 5
    expect(slots.find((s) => s.id === 'deadline:2026-09')?.period).toBe('2026-09');
  });

  it('no separate deadline reminder on a day the weekly one goes out', () => {
    const cfg = resolveConfig({ deadlineDay: 3 }); // due Tue Nov 3 → the day before is Monday
    const slots = slotsBetween(cfg, at('2026-11-01T00:00:00Z'), at('2026-11-04T00:00:00Z'));
    expect(slots.map((s) => s.id)).toEqual(['weekly:2026-W45']);
  });

  it('the same slot computed twice, from different windows, is the same slot', () => {
    const a = slotsBetween(DEFAULT_CONFIG, at('2026-09-01T00:00:00Z'), at('2026-11-01T00:00:00Z'));
    const b = slotsBetween(DEFAULT_CONFIG, at('2026-09-29T00:00:00Z'), at('2026-10-20T00:00:00Z'));
    for (const s of b) expect(a.find((x) => x.id === s.id)).toEqual(s);
    expect(nextSlot(DEFAULT_CONFIG, at('2026-10-01T00:00:00Z'))?.id).toBe('weekly:2026-W41');
  });

  it('dueToday lists the slots of the local day up to now', () => {
    expect(dueToday(DEFAULT_CONFIG, at('2026-10-08T00:30:00Z')).map((s) => s.id)).toEqual([]);
    expect(dueToday(DEFAULT_CONFIG, at('2026-10-08T03:00:00Z')).map((s) => s.id)).toEqual(['weekly:2026-W41']);
  });
});
