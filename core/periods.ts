// Months (`YYYY-MM`) and the reporting calendar. Asia/Shanghai time.
import type { Period } from './types';

const isDigit = (c: number) => c >= 48 && c <= 57;

/** `YYYY-MM` with a month 01–12 (what /^\d{4}-(0[1-9]|1[0-2])$/ accepts, without a regex: validation asks it of every stored month). */
export function isPeriod(s: unknown): s is Period {
  if (typeof s !== 'string' || s.length !== 7 || s.charCodeAt(4) !== 45) return false;
  const m1 = s.charCodeAt(5);
  const m2 = s.charCodeAt(6);
  return isDigit(s.charCodeAt(0)) && isDigit(s.charCodeAt(1)) && isDigit(s.charCodeAt(2)) && isDigit(s.charCodeAt(3)) &&
    ((m1 === 48 && m2 >= 49 && m2 <= 57) || (m1 === 49 && m2 >= 48 && m2 <= 50));
}

export function toPeriod(year: number, month: number): Period {
  const d = (year * 12 + (month - 1));
  const y = Math.floor(d / 12);
  const m = (d % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

export function yearOf(p: Period): number {
  return Number(p.slice(0, 4));
}

export function monthOf(p: Period): number {
  return Number(p.slice(5, 7));
}

export function addMonths(p: Period, n: number): Period {
  return toPeriod(yearOf(p), monthOf(p) + n);
}

export function prevPeriod(p: Period): Period {
  return addMonths(p, -1);
}

/** Months from a to b (b − a); negative when b is before a. */
export function monthsBetween(a: Period, b: Period): number {
  return (yearOf(b) - yearOf(a)) * 12 + (monthOf(b) - monthOf(a));
}

/** The month part of `YYYY-MM` or `YYYY-MM-DD`. */
export function periodOfDate(s: string): Period {
  return s.slice(0, 7);
}

/** Periods from January of p's year through p. */
export function yearToDate(p: Period): Period[] {
  const out: Period[] = [];
  for (let m = 1; m <= monthOf(p); m++) out.push(toPeriod(yearOf(p), m));
  return out;
}

/** Local date-time parts of an instant in a time zone (default Asia/Shanghai). */
// One formatter per time zone: building an Intl.DateTimeFormat costs far more than formatting,
// and formatting (≈ 20 µs) more than the rest of a bot answer's date work: the last answer is
// kept per zone for the UTC minute it was asked for (zone offsets since 1972 are whole minutes).
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
const zoneLast = new Map<string, { minute: number; parts: ZonedParts }>();
export interface ZonedParts { year: number; month: number; day: number; hour: number; minute: number }
export function zonedParts(d: Date, timeZone = 'Asia/Shanghai'): ZonedParts {
  const minute = Math.floor(d.getTime() / 60_000);
  const last = zoneLast.get(timeZone);
  if (last && last.minute === minute) return { ...last.parts };
  let f = zoneFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    zoneFormats.set(timeZone, f);
  }
  const parts: ZonedParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const x of f.formatToParts(d)) if (x.type in parts) parts[x.type as keyof ZonedParts] = +x.value;
  if (Number.isFinite(minute)) zoneLast.set(timeZone, { minute, parts });
  return { ...parts };
}

/** The current month in the time zone. */
export function currentPeriod(now: Date, timeZone = 'Asia/Shanghai'): Period {
  const z = zonedParts(now, timeZone);
  return toPeriod(z.year, z.month);
}

/** `YYYY-MM-DD` of an instant in the time zone. */
export function localDate(now: Date, timeZone = 'Asia/Shanghai'): string {
  const z = zonedParts(now, timeZone);
  return `${z.year}-${String(z.month).padStart(2, '0')}-${String(z.day).padStart(2, '0')}`;
}

/** `YYYY-MM-DD HH:mm` of an instant in the time zone (who-and-when lines). */
export function localDateTime(now: Date, timeZone = 'Asia/Shanghai'): string {
  const z = zonedParts(now, timeZone);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${z.year}-${p2(z.month)}-${p2(z.day)} ${p2(z.hour)}:${p2(z.minute)}`;
}

/** Reporting deadline of a month: day `deadlineDay` of the next month, `YYYY-MM-DD`. */
export function deadlineOf(p: Period, deadlineDay: number): string {
  return `${addMonths(p, 1)}-${String(deadlineDay).padStart(2, '0')}`;
}

/**
 * The month staff are reporting now: before or on the deadline day, last month's report is due;
 * after it, the current month's (due next month).
 */
export function reportingPeriod(now: Date, deadlineDay: number, timeZone = 'Asia/Shanghai'): Period {
  const z = zonedParts(now, timeZone);
  const cur = toPeriod(z.year, z.month);
  return z.day <= deadlineDay ? prevPeriod(cur) : cur;
}

/** The last complete month before `now`. */
export function lastCompletePeriod(now: Date, timeZone = 'Asia/Shanghai'): Period {
  return prevPeriod(currentPeriod(now, timeZone));
}

/** Time-elapsed rate of the year at the end of month p (序时进度): m ÷ 12. */
export function scheduleRateOf(p: Period): number {
  return monthOf(p) / 12;
}
