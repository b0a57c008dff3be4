// Exactly once per conversation and slot: under throttling and server errors, across a restart
// in the middle of a fan-out, and with two schedulers on one database. Real SQLite file, real
// TeamsAdapter, real HTTP to a mock Bot Connector.
import { afterEach, describe, expect, it } from 'vitest';
import { startScheduler, type Scheduler } from '../../server/reminders/scheduler';
import { SendLog, INTERRUPTED } from '../../server/reminders/sendlog';
import { weeklySlots, type Slot } from '../../server/reminders/slots';
import { DEFAULT_CONFIG } from '../../core/config';
import { FAST, memoryLogger, reminderBench, type Bench } from './helpers/reminder-fixture';
import pino from 'pino';
import { createBot } from '../../bot/index';
import { postProactive } from '../../server/reminders/sender';

const NOW = new Date('2026-11-02T01:00:00Z'); // Monday 09:00 in Shanghai
const [W45] = weeklySlots(DEFAULT_CONFIG, new Date('2026-11-02T00:00:00Z'), new Date('2026-11-03T00:00:00Z'));
const W46: Slot = weeklySlots(DEFAULT_CONFIG, new Date('2026-11-09T00:00:00Z'), new Date('2026-11-10T00:00:00Z'))[0];

let bench: Bench | undefined;
const schedulers: Scheduler[] = [];
afterEach(async () => {
  for (const s of schedulers.splice(0)) await s.stop();
  await bench?.close();
  bench = undefined;
});

function scheduler(b: Bench, store = b.store, options: object = FAST): Scheduler {
  const s = startScheduler({
    store, config: DEFAULT_CONFIG, logger: memoryLogger(), adapter: b.adapter, env: {},
    now: () => NOW, options, timers: false, catchUp: false,
  });
  schedulers.push(s);
  return s;
}

const perConversation = (b: Bench) => Object.fromEntries(b.ids.map((id) => [id, b.connector.delivered(id).length]));

describe('reminder fan-out', () => {
  it('slot ids are deterministic', () => {
    expect(W45.id).toBe('weekly:2026-W45');
    expect(W46.id).toBe('weekly:2026-W46');
    expect(weeklySlots(DEFAULT_CONFIG, new Date('2026-11-01T00:00:00Z'), new Date('2026-11-04T00:00:00Z'))[0]).toEqual(W45);
  });

  it('delivers exactly one reminder per conversation under 429 and 5xx; 403/404 retire the conversation', async () => {
    const b = (bench = await reminderBench({ conversations: 8 }));
    const [ok, throttled, flaky, down, forbidden, gone, dropped, ok2] = b.ids;
    b.connector.script(throttled, Array(4).fill({ status: 429, retryAfter: 1 }));
    b.connector.script(flaky, [{ status: 500 }, { status: 503 }]);
    b.connector.script(down, Array(5).fill({ status: 500 }));
    b.connector.script(forbidden, [{ status: 403 }]);
    b.connector.script(gone, [{ status: 404 }]);
    b.connector.script(dropped, Array(5).fill({ status: 'drop' }));

    const res = await scheduler(b).runSlot(W45);
    expect(res.status).toBe('done');
    expect(perConversation(b)).toEqual({ [ok]: 1, [throttled]: 1, [flaky]: 1, [down]: 1, [forbidden]: 0, [gone]: 0, [dropped]: 1, [ok2]: 1 });
    expect(res.counts).toMatchObject({ sent: 6, retired: 2, pending: 0, sending: 0, failed: 0 });

    // The client gave up after Retry-After ×3; our retry still waited the Retry-After.
    const tries = b.connector.requests.filter((r) => r.conversationId === throttled);
    expect(tries.map((r) => r.answered)).toEqual([429, 429, 429, 429, 201]);
    expect(tries[4].at - tries[3].at).toBeGreaterThanOrEqual(990);

    // Each reminder is an Adaptive Card.
    const card = b.connector.delivered(ok)[0].activity as { attachments: { contentType: string; content: { type: string } }[] };
    expect(card.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.attachments[0].content.type).toBe('AdaptiveCard');

    // Retired conversations are out of the next slot entirely.
    expect(b.subs.active().map((s) => s.conversationId)).not.toContain(forbidden);
    expect(b.subs.get(gone)?.retiredReason).toMatch(/404/);
    const before = b.connector.requests.length;
    const next = await scheduler(b).runSlot(W46);
    expect(next.status).toBe('done');
    const after = b.connector.requests.slice(before);
    expect(after.map((r) => r.conversationId).sort()).toEqual([ok, throttled, flaky, down, dropped, ok2].sort());
  });

  it('running the same slot again sends nothing', async () => {
    const b = (bench = await reminderBench({ conversations: 3 }));
    const s = scheduler(b);
    expect((await s.runSlot(W45)).status).toBe('done');
    expect(b.connector.requests).toHaveLength(3);
    expect((await s.runSlot(W45)).status).toBe('already');
    expect((await scheduler(b, b.reopen()).runSlot({ ...W45 })).status).toBe('already');
    expect(b.connector.requests).toHaveLength(3);
  });

  it('a scheduler stopped mid fan-out and a new one on the same file: every conversation gets exactly one', async () => {
    const b = (bench = await reminderBench({ conversations: 12 }));
    const first = scheduler(b, b.store, { ...FAST, concurrency: 2 });
    let stopping: Promise<void> | undefined;
    b.connector.onDelivered(() => {
      if (b.connector.delivered().length >= 4) stopping ??= first.stop();
    });
    const res = await first.runSlot(W45);
    await stopping;
    expect(res.status).toBe('stopped');
    const sentBefore = b.connector.delivered().length;
    expect(sentBefore).toBeGreaterThanOrEqual(4);
    expect(sentBefore).toBeLessThan(12);

    // "Restart": a new process would open the file again and catch up on start.
    const second = startScheduler({
      store: b.reopen(), config: DEFAULT_CONFIG, logger: memoryLogger(), adapter: b.adapter, env: {},
      now: () => NOW, options: FAST, timers: false, catchUp: false,
    });
    schedulers.push(second);
    const resumed = await second.runDue();
    expect(resumed.map((r) => [r.slot, r.status])).toEqual([[W45.id, 'done']]);
    expect(Object.values(perConversation(b))).toEqual(Array(12).fill(1));
    expect(b.connector.requests).toHaveLength(12);
  });

  it('two schedulers on one database at the same time send each reminder once', async () => {
    const b = (bench = await reminderBench({ conversations: 10 }));
    for (const id of b.ids) b.connector.script(id, [{ status: 'slow', ms: 80 }]);
    const a = scheduler(b, b.store);
    const c = scheduler(b, b.reopen());
    const results = await Promise.all([a.runSlot(W45), c.runSlot({ ...W45 })]);
    expect(results.map((r) => r.status).sort()).toEqual(['busy', 'done']);
    // The one that was busy comes back later and finds the slot complete.
    expect((await c.runSlot(W45)).status).toBe('already');
    expect(Object.values(perConversation(b))).toEqual(Array(10).fill(1));
    expect(b.connector.requests).toHaveLength(10);
  });

  it('an instance that died holding the lease: its in-flight post is not repeated, the rest go out once', async () => {
    const b = (bench = await reminderBench({ conversations: 4 }));
    const dead = new SendLog(b.store.db, 'dead-host:1:abc');
    dead.ensureSlot({ slot: W45.id, kind: W45.kind, dueAt: W45.dueAt, period: W45.period });
    expect(dead.acquireLease(W45.id, 100)).toBe(true);
    expect(dead.plan(W45.id, b.ids.map((id) => ({ conversationId: id, scope: '全市', state: 'pending' as const })))).toBe(true);
    expect(dead.claim(W45.id, b.ids[0])).toBe(true); // posted (maybe) and died before recording

    const s = scheduler(b);
    expect((await s.runSlot(W45)).status).toBe('busy'); // lease still held
    await new Promise((r) => setTimeout(r, 150));
    const res = await s.runSlot(W45);
    expect(res.status).toBe('done');
    expect(res.counts).toMatchObject({ sent: 3, failed: 1 });
    expect(b.connector.delivered(b.ids[0])).toHaveLength(0);
    expect(s.fanout.log.row(W45.id, b.ids[0])?.lastError).toContain(INTERRUPTED);
    expect(b.ids.slice(1).map((id) => b.connector.delivered(id).length)).toEqual([1, 1, 1]);
  });

  it('quiet subscriptions hear nothing on a good week; deadline reminders skip scopes with nothing missing', async () => {
    const b = (bench = await reminderBench({ conversations: 2, seedAsOf: null }));
    b.subs.subscribe(b.ids[1], '桃城区', { quiet: true });
    const s = scheduler(b);
    const res = await s.runSlot(W45);
    expect(res.counts).toMatchObject({ sent: 1, skipped: 1 });
    const text = JSON.stringify(b.connector.delivered(b.ids[0])[0].activity);
    expect(text).toContain('一切正常');
    expect(s.fanout.log.row(W45.id, b.ids[1])?.lastError).toContain('无事不提醒');

    const deadline: Slot = { id: 'deadline:2026-10', kind: 'deadline', period: '2026-10', nominal: NOW, dueAt: NOW };
    const d = await s.runSlot(deadline);
    expect(d.counts).toMatchObject({ sent: 0, skipped: 2 });
    expect(b.connector.requests).toHaveLength(1);
  });

  it('a conversation subscribed to a county no longer configured is skipped with a reason, not sent an empty card', async () => {
    const b = (bench = await reminderBench({ conversations: 1, seedAsOf: null }));
    b.subs.subscribe(b.ids[0], '不存在县');
    const s = scheduler(b);
    const res = await s.runSlot(W45);
    expect(res.counts).toMatchObject({ sent: 0, skipped: 1 });
    expect(s.fanout.log.row(W45.id, b.ids[0])?.lastError).toContain('不存在县');
    expect(b.connector.requests).toHaveLength(0);
  });

  it('through the bot’s own adapter, failed proactive posts never put an apology into the chat', async () => {
    const b = (bench = await reminderBench({ conversations: 3, seedAsOf: null }));
    const logger = memoryLogger();
    const bot = createBot({ store: b.store, config: DEFAULT_CONFIG, logger: pino({ level: 'silent' }), env: {} });
    b.connector.script(b.ids[0], [{ status: 403 }]);
    b.connector.script(b.ids[1], [{ status: 400 }]);
    b.connector.script(b.ids[2], Array(4).fill({ status: 429, retryAfter: 0 }));
    const s = startScheduler({
      store: b.store, config: DEFAULT_CONFIG, logger, adapter: bot.adapter, env: {},
      now: () => NOW, options: { ...FAST, maxAttempts: 1 }, timers: false, catchUp: false,
    });
    schedulers.push(s);
    const res = await s.runSlot(W45);
    expect(res.counts).toMatchObject({ retired: 1, failed: 2, sent: 0 });
    // Every post the connector saw was the reminder card itself — no text message, no apology.
    expect(b.connector.requests.length).toBeGreaterThanOrEqual(6);
    for (const r of b.connector.requests) {
      expect((r.activity as { attachments?: unknown[] }).attachments).toHaveLength(1);
      expect(JSON.stringify(r.activity)).not.toContain('抱歉');
    }
    // A reference the connector cannot be reached with is a failure, not a crash.
    const out = await postProactive(bot.adapter, '', { conversation: { id: 'x' } as never }, { type: 'message', text: 'x' });
    expect(out).toMatchObject({ kind: 'fail' });
  });

  it('an instance whose lease was taken while it computed the content plans nothing; the new holder sends all', async () => {
    const b = (bench = await reminderBench({ conversations: 3, seedAsOf: null }));
    const thief = new SendLog(b.reopen().db, 'other-host:2:def');
    let stolen = false;
    // The store as the slow instance sees it: while it reads, its lease runs out and another instance takes it.
    const slowStore = Object.create(b.store, {
      projectStates: {
        value: (period: string, county?: string) => {
          if (!stolen) {
            const until = Date.now() + 80;
            while (Date.now() < until) { /* a long computation */ }
            stolen = thief.acquireLease(W45.id, 60_000);
          }
          return b.store.projectStates(period, county);
        },
      },
    });
    const slow = scheduler(b, slowStore, { ...FAST, leaseMs: 50 });
    const res = await slow.runSlot(W45);
    expect(stolen).toBe(true);
    expect(res.status).toBe('busy');
    expect(slow.fanout.log.slot(W45.id)).toMatchObject({ plannedAt: undefined, completedAt: undefined });
    expect(b.connector.requests).toHaveLength(0);

    thief.releaseLease(W45.id); // the other instance's run, as a scheduler would do it
    const done = await scheduler(b, b.reopen()).runSlot(W45);
    expect(done).toMatchObject({ status: 'done', counts: { sent: 3 } });
    expect(b.ids.map((id) => b.connector.delivered(id).length)).toEqual([1, 1, 1]);
  });

  it('each conversation gets the reminder of its own scope, in its own language', async () => {
    const b = (bench = await reminderBench({ conversations: 3, scopes: ['桃城区', '全市', '景县'] }));
    b.subs.subscribe(b.ids[1], '全市', { locale: 'en' });
    await scheduler(b).runSlot(W45);
    const summary = (id: string) => (b.connector.delivered(id)[0].activity as { summary: string }).summary;
    expect(summary(b.ids[0])).toBe('重点项目周提醒 · 桃城区');
    expect(summary(b.ids[1])).toBe('Key projects weekly reminder · 全市');
    expect(summary(b.ids[2])).toBe('重点项目周提醒 · 景县');
  });
});
