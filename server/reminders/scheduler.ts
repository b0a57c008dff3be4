// The reminder scheduler the service starts: arms a timer for the next slot (weekly cron moved
// past Chinese holidays, plus the working day before each reporting deadline), runs it through
// the fan-out, and on start catches up with today's slots and resumes interrupted ones.
// Any number of instances may run on one database: leases and the send log keep it to one post
// per conversation and slot.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Cron } from 'croner';
import type { Config } from '../../core/config';
import type { Db } from '../store/db';
import type { ReminderData } from './content';
import { Fanout, type FanoutOptions, type Logger, type SlotResult } from './fanout';
import type { ProactiveAdapter } from './sender';
import { dueToday, nextSlot, type Slot } from './slots';

export interface SchedulerDeps {
  store: ReminderData & { db: Db };
  config: Config;
  logger: Logger;
  adapter: ProactiveAdapter;
  env: Record<string, string | undefined>;
  /** Pins the date content and due slots are computed for (tests); timers always use real time. */
  now?: () => Date;
  options?: Partial<FanoutOptions>;
  /** Arm timers (default true). False: only runDue()/runSlot() send. */
  timers?: boolean;
  /** Run today's due and interrupted slots right away on start (default true). */
  catchUp?: boolean;
}

export interface Scheduler {
  /** Sends (or resumes) one slot now; the scheduler's trigger, also used by tests. */
  runSlot(slot: Slot): Promise<SlotResult>;
  /** Runs slots due today up to now and resumes interrupted ones of the last day. */
  runDue(): Promise<SlotResult[]>;
  /** The next slot the timer is armed for. */
  next(): Slot | undefined;
  readonly fanout: Fanout;
  stop(): Promise<void>;
}

/** How long after its due time an interrupted slot is still worth finishing. */
const RESUME_WINDOW_MS = 24 * 3_600_000;

export function holderName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export function startScheduler(deps: SchedulerDeps): Scheduler {
  const { config, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const fanout = new Fanout({
    db: deps.store.db,
    data: deps.store,
    config,
    logger,
    adapter: deps.adapter,
    botId: deps.env.BOT_ID ?? '',
    holder: holderName(),
    now,
    options: deps.options,
  });
  const leaseMs = fanout.o.leaseMs;
  let stopped = false;
  let job: Cron | undefined;
  let armed: Slot | undefined;
  const retryTimers = new Set<NodeJS.Timeout>();

  async function runSlot(slot: Slot): Promise<SlotResult> {
    const res = await fanout.run(slot);
    // Another instance holds it (or held it and died): look again once its lease can expire.
    if (res.status === 'busy' && !stopped && Date.now() - slot.dueAt.getTime() < RESUME_WINDOW_MS && deps.timers !== false) {
      const t = setTimeout(() => {
        retryTimers.delete(t);
        if (!stopped) void runSlot(slot).catch((e) => logger.error({ err: e, slot: slot.id }, '提醒发送出错'));
      }, leaseMs + 1_000);
      t.unref?.();
      retryTimers.add(t);
    }
    return res;
  }

  async function runDue(): Promise<SlotResult[]> {
    const t = now();
    const slots = new Map<string, Slot>(dueToday(config, t).map((s) => [s.id, s]));
    for (const r of fanout.log.unfinishedSlots()) {
      const due = new Date(r.dueAt);
      if (!slots.has(r.slot) && t.getTime() - due.getTime() < RESUME_WINDOW_MS) {
        slots.set(r.slot, { id: r.slot, kind: r.kind, period: r.period, nominal: due, dueAt: due });
      }
    }
    const out: SlotResult[] = [];
    for (const s of slots.values()) if (!stopped) out.push(await runSlot(s));
    return out;
  }

  function arm(): void {
    if (stopped || deps.timers === false) return;
    armed = nextSlot(config, new Date());
    if (!armed) return;
    const slot = armed;
    const fire = () => {
      logger.info({ slot: slot.id, period: slot.period }, '开始发送提醒');
      runSlot(slot)
        .catch((e) => logger.error({ err: e, slot: slot.id }, '提醒发送出错'))
        .finally(arm);
    };
    if (slot.dueAt.getTime() <= Date.now()) {
      // Due already while we worked it out (a pattern that fires every few seconds): run it now.
      const t = setTimeout(() => {
        retryTimers.delete(t);
        fire();
      }, 0);
      retryTimers.add(t);
    } else {
      // unref: a scheduler someone forgot to stop must not keep the process alive.
      job = new Cron(slot.dueAt, { timezone: config.timezone, unref: true }, fire);
    }
    logger.info({ slot: slot.id, dueAt: slot.dueAt.toISOString() }, '下一次提醒');
  }

  if (deps.catchUp !== false) {
    void runDue().catch((e) => logger.error({ err: e }, '补发提醒出错'));
  }
  arm();

  return {
    runSlot,
    runDue,
    next: () => armed,
    fanout,
    async stop() {
      stopped = true;
      job?.stop();
      for (const t of retryTimers) clearTimeout(t);
      retryTimers.clear();
      await fanout.stop();
    },
  };
}
