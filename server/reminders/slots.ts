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
import { addDays, isoWeek, workingDayBefore, workingDayOnOrAfter, zonedInstant } from './calendar';
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

/** Nominal cron runs in (from, to]. */
function nominalRuns(c: ReminderCfg, from: Date, to: Date): Date[] {
  const cron = cronOf(c);
  const out: Date[] = [];
  let prev: Date | null = from;
  for (let i = 0; i < 10_000; i++) {
    prev = cron.nextRun(prev);
    if (!prev || prev > to) break;
    out.push(prev);
  }
  return out;
}

/** Whether the pattern fires more than once in some week: then ids need the date, not just the week. */
function firesOftenerThanWeekly(c: ReminderCfg, around: Date): boolean {
  const runs = cronOf(c).nextRuns(3, around);
  return runs.some((r, i) => i > 0 && r.getTime() - runs[i - 1].getTime() < 7 * 86_400_000 - 3_600_000);
}

function moved(c: ReminderCfg, nominal: Date): Date {
  if (!c.reminder.skipHolidays) return nominal;
  const z = zonedParts(nominal, c.timezone);
  const day = localDate(nominal, c.timezone);
  const due = workingDayOnOrAfter(day);
  return due === day ? nominal : zonedInstant(due, z.hour, z.minute, c.timezone);
}

/** Weekly slots due in [from, to), in order. */
export function weeklySlots(c: ReminderCfg, from: Date, to: Date): Slot[] {
  // Look back far enough that a run moved past the longest holiday into the window is seen.
  const runs = nominalRuns(c, new Date(from.getTime() - 21 * 86_400_000), to);
  const often = runs.length > 1 && firesOftenerThanWeekly(c, runs[0]);
  const byDay = new Map<string, Slot>();
  for (const nominal of runs) {
    const dueAt = moved(c, nominal);
    const day = localDate(nominal, c.timezone);
    const z = zonedParts(nominal, c.timezone);
    const id = often
      ? `weekly:${day}T${String(z.hour).padStart(2, '0')}${String(z.minute).padStart(2, '0')}`
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
export function slotsBetween(c: ReminderCfg, from: Date, to: Date): Slot[] {
  // Weekly slots a little past `to` can suppress a deadline slot on the same day.
  const weekly = weeklySlots(c, from, new Date(to.getTime() + 86_400_000));
  const deadline = deadlineSlots(c, from, to, weekly);
  return [...weekly.filter((s) => s.dueAt < to), ...deadline].sort((a, b) => +a.dueAt - +b.dueAt);
}

/** The first slot due strictly after `after` (looks up to 60 days ahead). */
export function nextSlot(c: ReminderCfg, after: Date): Slot | undefined {
  return slotsBetween(c, new Date(after.getTime() + 1), new Date(after.getTime() + 60 * 86_400_000))[0];
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
