// Working days of mainland China (public holidays and 调休 make-up workdays, from chinese-days)
// and local-time arithmetic for the reminder schedule. Dates are `YYYY-MM-DD` in the city's zone.
// chinese-days is CommonJS without named exports Node can detect: use its default export.
import chineseDays from 'chinese-days';
import { zonedParts } from '../../core/periods';

/** Whether people work that day: Mon–Fri except public holidays, plus make-up Saturdays/Sundays. */
export function isWorkingDay(date: string): boolean {
  return chineseDays.isWorkday(date);
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The date itself when it is a working day, else the next working day. */
export function workingDayOnOrAfter(date: string): string {
  let d = date;
  // The longest run of days off (Spring Festival) is 9 days; 60 guards against bad data.
  for (let i = 0; i < 60 && !isWorkingDay(d); i++) d = addDays(d, 1);
  return d;
}

/** The last working day strictly before the date. */
export function workingDayBefore(date: string): string {
  let d = addDays(date, -1);
  for (let i = 0; i < 60 && !isWorkingDay(d); i++) d = addDays(d, -1);
  return d;
}

/** Whole calendar days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** ISO week of a date, `2026-W40` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dow);
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The instant at local `date` `hh:mm` in the time zone. */
export function zonedInstant(date: string, hour: number, minute: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d, hour, minute);
  // Offset of the zone at that moment, then correct once more in case it straddles a DST change.
  let t = guess;
  for (let i = 0; i < 2; i++) {
    const z = zonedParts(new Date(t), timeZone);
    const shown = Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute);
    t += guess - shown;
  }
  return new Date(t);
}
