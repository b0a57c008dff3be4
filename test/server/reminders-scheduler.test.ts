// The scheduler's own timing: real timers fire slots and re-arm; on start it catches up with a
// slot due earlier today; after stop() nothing more goes out.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../../core/config';
import { startScheduler, type Scheduler } from '../../server/reminders/scheduler';
import { FAST, memoryLogger, reminderBench, type Bench } from './helpers/reminder-fixture';

let bench: Bench | undefined;
let sched: Scheduler | undefined;
afterEach(async () => {
  await sched?.stop();
  sched = undefined;
  await bench?.close();
  bench = undefined;
});

async function until(cond: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('reminder scheduler', () => {
  it('real timers: each due slot goes out once to every conversation, then the next is armed', async () => {
    const b = (bench = await reminderBench({ conversations: 2, seedAsOf: null }));
    // Every two seconds, any day (croner's seconds field), so the test does not wait for Monday.
    const config = resolveConfig({ reminder: { cron: '*/2 * * * * *', skipHolidays: false, beforeDeadline: false } });
    const started = Date.now();
    sched = startScheduler({ store: b.store, config, logger: memoryLogger(), adapter: b.adapter, env: {}, options: FAST, catchUp: false });
    const first = sched.next();
    expect(first?.id).toMatch(/^weekly:\d{4}-\d{2}-\d{2}T\d{4,6}$/);
    expect(first!.dueAt.getTime()).toBeGreaterThan(started);

    await until(() => b.connector.delivered().length >= 4, 15_000);
    await sched.stop();
    const log = sched.fanout.log;
    const slots = log.recentSlots().filter((s) => log.counts(s.slot).sent > 0);
    expect(slots.length).toBeGreaterThanOrEqual(2);
    expect(new Set(slots.map((s) => s.slot)).size).toBe(slots.length);
    for (const s of slots) expect(log.counts(s.slot)).toMatchObject({ sent: 2, pending: 0, sending: 0 });
    expect(b.connector.delivered()).toHaveLength(slots.length * 2);

    const after = b.connector.requests.length;
    await new Promise((r) => setTimeout(r, 2_500));
    expect(b.connector.requests).toHaveLength(after);
  });

  it('on start it catches up with the slot due earlier today, once', async () => {
    const b = (bench = await reminderBench({ conversations: 3, seedAsOf: null }));
    const now = () => new Date('2026-11-02T02:30:00Z'); // Monday 10:30; the 09:00 reminder did not go out
    sched = startScheduler({ store: b.store, config: DEFAULT_CONFIG, logger: memoryLogger(), adapter: b.adapter, env: {}, now, options: FAST, timers: false });
    await until(() => b.connector.delivered().length === 3, 10_000);
    await until(() => Boolean(sched!.fanout.log.slot('weekly:2026-W45')?.completedAt), 5_000);
    // A second start the same day (a restart) finds it done.
    const again = startScheduler({ store: b.reopen(), config: DEFAULT_CONFIG, logger: memoryLogger(), adapter: b.adapter, env: {}, now, options: FAST, timers: false, catchUp: false });
    expect((await again.runDue()).map((r) => [r.slot, r.status])).toEqual([['weekly:2026-W45', 'already']]);
    await again.stop();
    expect(b.connector.requests).toHaveLength(3);
  });
});
