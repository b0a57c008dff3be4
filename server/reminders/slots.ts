// When reminders are due. A slot is one reminder occasion with a deterministic id, so the same
// slot computed twice (by a restarted or a second instance) is the same row in the send log:
// - weekly:2026-W40 — the configured cron (default Monday 09:00, city time); a run that falls
//   on a day off (Chinese public holiday, weekend) goes out on the next working day at the same
//   time (a 调休 make-up Saturday counts as a working day). When two weekly runs land on the same
//   day (Spring Festival), only the later one is kept.
// - deadline:2026-09 — the working day before the deadline of the reports of 2026-09
//   (deadlineOf(period, deadlineDay)), at the weekly time; dropped when a weekly reminder goes
//   out that same day (it says the same). Sent only to scopes with missing reports.
import { Cron } from 'croner';
import type { Config } from '../../core/config';
import { addMonths, currentPeriod, deadlineOf, localDate, reportingPeriod, zonedParts } from '../../core/periods';
import type { Period } from '../../core/types';
import { addDays, isoWeek, isWorkingDay, workingDayBefore, workingDayOnOrAfter, zonedInstant } from './calendar';
import type { SlotKind } from './sendlog';

export interface Slot {
  id: string;
  kind: SlotKind;
  /** The reporting month the reminder is about. */
  period: Period;
  /** When the cron (or the deadline rule) wanted it. */
  nominal: Date;
  /** When it goes out (moved past days off). */
  dueAt: Date;
}

type ReminderCfg = Pick<Config, 'reminder' | 'deadlineDay' | 'timezone'>;

function cronOf(c: ReminderCfg): Cron {
  return new Cron(c.reminder.cron, { timezone: c.timezone, paused: true });
}

/** Nominal cron runs in (from, to], at most `max` of them (croner takes ~0.5 ms a run). */
function nominalRuns(c: ReminderCfg, from: Date, to: Date, max: number): Date[] {
  const cron = cronOf(c);
  const out: Date[] = [];
  let prev: Date | null = from;
  for (let i = 0; i < max; i++) {
    prev = cron.nextRun(prev);
    if (!prev || prev > to) break;
    out.push(prev);
  }
  return out;
}

/** The shortest gap between the pattern's next runs (ms). */
function shortestGap(c: ReminderCfg, around: Date): number {
  const runs = cronOf(c).nextRuns(4, around);
  let gap = Infinity;
  for (let i = 1; i < runs.length; i++) gap = Math.min(gap, runs[i].getTime() - runs[i - 1].getTime());
  return gap;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function moved(c: ReminderCfg, nominal: Date): Date {
  if (!c.reminder.skipHolidays) return nominal;
  const z = zonedParts(nominal, c.timezone);
  const day = localDate(nominal, c.timezone);
  const due = workingDayOnOrAfter(day);
  return due === day ? nominal : zonedInstant(due, z.hour, z.minute, c.timezone);
}

/** Weekly slots due in [from, to), in order (from at most `max` cron runs). */
export function weeklySlots(c: ReminderCfg, from: Date, to: Date, max = 2_000): Slot[] {
  const gap = shortestGap(c, from);
  // Ids carry the date (and time) when the pattern fires more than once a week.
  const often = gap < 7 * DAY - HOUR;
  // Several runs a day (a test or unusual set-up): runs on days off are dropped, not moved.
  const subDaily = gap < DAY - HOUR;
  // Look back far enough that a run moved past the longest holiday into the window is seen.
  const runs = nominalRuns(c, new Date(from.getTime() - (subDaily ? 0 : 21 * DAY)), to, max);
  const byDay = new Map<string, Slot>();
  for (const nominal of runs) {
    const day = localDate(nominal, c.timezone);
    if (subDaily && c.reminder.skipHolidays && !isWorkingDay(day)) continue;
    const dueAt = subDaily ? nominal : moved(c, nominal);
    const z = zonedParts(nominal, c.timezone);
    const secs = nominal.getUTCSeconds();
    const id = often
      ? `weekly:${day}T${String(z.hour).padStart(2, '0')}${String(z.minute).padStart(2, '0')}${secs ? String(secs).padStart(2, '0') : ''}`
      : `weekly:${isoWeek(day)}`;
    const key = often ? dueAt.toISOString() : localDate(dueAt, c.timezone);
    // Later nominal runs overwrite earlier ones moved onto the same day.
    byDay.set(key, { id, kind: 'weekly', period: reportingPeriod(dueAt, c.deadlineDay, c.timezone), nominal, dueAt });
  }
  return [...byDay.values()].filter((s) => s.dueAt >= from && s.dueAt < to).sort((a, b) => +a.dueAt - +b.dueAt);
}

/** The local time of day of the weekly reminder (deadline reminders go out at the same time). */
function reminderTime(c: ReminderCfg, around: Date): { hour: number; minute: number } {
  const next = cronOf(c).nextRun(around) ?? around;
  const z = zonedParts(next, c.timezone);
  return { hour: z.hour, minute: z.minute };
}

/** Deadline slots due in [from, to), without those on a day a weekly reminder goes out. */
export function deadlineSlots(c: ReminderCfg, from: Date, to: Date, weekly = weeklySlots(c, from, to)): Slot[] {
  if (!c.reminder.beforeDeadline) return [];
  const { hour, minute } = reminderTime(c, from);
  const weeklyDays = new Set(weekly.map((s) => localDate(s.dueAt, c.timezone)));
  const out: Slot[] = [];
  const first = addMonths(currentPeriod(from, c.timezone), -2);
  const last = addMonths(currentPeriod(to, c.timezone), 1);
  for (let p = first; p <= last; p = addMonths(p, 1)) {
    const deadline = deadlineOf(p, c.deadlineDay);
    const day = workingDayBefore(deadline);
    const dueAt = zonedInstant(day, hour, minute, c.timezone);
    if (dueAt < from || dueAt >= to || weeklyDays.has(day)) continue;
    out.push({ id: `deadline:${p}`, kind: 'deadline', period: p, nominal: zonedInstant(addDays(deadline, -1), hour, minute, c.timezone), dueAt });
  }
  return out;
}

/** Every slot due in [from, to), in order. */
export function slotsBetween(c: ReminderCfg, from: Date, to: Date, max?: number): Slot[] {
  // Weekly slots a little past `to` can suppress a deadline slot on the same day.
  const weekly = weeklySlots(c, from, new Date(to.getTime() + DAY), max);
  const deadline = deadlineSlots(c, from, to, weekly);
  return [...weekly.filter((s) => s.dueAt < to), ...deadline].sort((a, b) => +a.dueAt - +b.dueAt);
}

/** The first slot (of a kind) due strictly after `after`: looks a day ahead, then a week, then 60 days. */
export function nextSlot(c: ReminderCfg, after: Date, kind?: SlotKind): Slot | undefined {
  const from = new Date(after.getTime() + 1);
  for (const span of [DAY, 8 * DAY, 60 * DAY]) {
    // Enough runs to cover a daily pattern's 21-day look-back and the window; a pattern that
    // fires several times a day has no look-back, so its first runs are the ones that count.
    const [first] = slotsBetween(c, from, new Date(from.getTime() + span), 60).filter((s) => !kind || s.kind === kind);
    if (first) return first;
  }
  return undefined;
}

/** The slots due on the same local day as `now`, up to now (to catch up after a late start). */
export function dueToday(c: ReminderCfg, now: Date): Slot[] {
  const today = localDate(now, c.timezone);
  const start = zonedInstant(today, 0, 0, c.timezone);
  return slotsBetween(c, start, new Date(now.getTime() + 1));
}

/** A slot sent by hand (`keyproj remind --now`): one per local day unless an id is given. */
export function manualSlot(c: ReminderCfg, now: Date, id?: string): Slot {
  return {
    id: id ?? `manual:${localDate(now, c.timezone)}`,
    kind: 'manual',
    period: reportingPeriod(now, c.deadlineDay, c.timezone),
    nominal: now,
    dueAt: now,
  };
}
