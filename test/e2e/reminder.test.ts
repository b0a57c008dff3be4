// The weekly reminder end to end through the real Microsoft 365 Agents Playground: a chat
// subscribes with 「订阅提醒 桃城区」, the scheduler's trigger and `keyproj remind --now` each post
// the reminder proactively to the Playground's connector, and it shows up once in that chat
// (read from the Playground's websocket); 「取消订阅」 stops it.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import { reportingPeriod } from '../../core/periods';
import { scoreAll } from '../../core/score';
import { createBot } from '../../bot/index';
import { createApp } from '../../server/app';
import { seedDemo } from '../../server/demo/seed';
import { Store } from '../../server/store/store';
import { startScheduler, type Scheduler } from '../../server/reminders/scheduler';
import { nextSlot } from '../../server/reminders/slots';
import { runRemind } from '../../server/cli/commands/remind';
import { startPlayground, type Playground, type PlaygroundMessage } from './helpers/playground';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const fallback = (m: PlaygroundMessage): string => m.attachments.find((a) => a.contentType === ADAPTIVE)?.content?.fallbackText ?? m.text ?? '';
const isReminder = (m: PlaygroundMessage) => m.fromBot && fallback(m).startsWith('重点项目周提醒 · 桃城区');

let dir: string;
let file: string;
let store: Store;
let server: Server;
let pg: Playground;
let scheduler: Scheduler;
const now = new Date();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'keyproj-pg-remind-'));
  file = join(dir, 'demo.db');
  store = Store.open(file, { config: DEFAULT_CONFIG });
  seedDemo(store, now);
  const logger = pino({ level: 'silent' });
  const env = {}; // BOT_ID unset: anonymous, as the Playground expects
  const bot = createBot({ store, config: DEFAULT_CONFIG, logger, env });
  server = createServer(createApp({ store, config: DEFAULT_CONFIG, logger, env, bot }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  pg = await startPlayground({ endpoint: `http://127.0.0.1:${port}/api/messages` });
  scheduler = startScheduler({
    store, config: DEFAULT_CONFIG, logger, adapter: bot.adapter, env, timers: false, catchUp: false,
    options: { perSecond: 20, backoff: { baseMs: 100, maxMs: 1_000 } },
  });
}, 120_000);

afterAll(async () => {
  await scheduler?.stop();
  await pg?.stop();
  await new Promise((r) => server?.close(r));
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('weekly reminder through the Agents Playground', () => {
  it('「订阅提醒 桃城区」 subscribes this chat and stores a reference to the Playground', async () => {
    const replies = await pg.ask('订阅提醒 桃城区');
    expect(replies.map(fallback).join('\n')).toContain('桃城区');
    const sub = scheduler.fanout.subscriptions.get(pg.conversationId);
    expect(sub).toMatchObject({ scope: '桃城区', quiet: false });
    expect(sub!.reference.serviceUrl).toMatch(new RegExp(`^http://(localhost|127\\.0\\.0\\.1):${pg.port}/_connector`));
  });

  it('the scheduler’s trigger posts the reminder into the chat once, with core’s numbers', async () => {
    const slot = nextSlot(DEFAULT_CONFIG, now)!;
    const res = await scheduler.runSlot(slot);
    expect(res).toMatchObject({ status: 'done', counts: { sent: 1, failed: 0 } });
    const msg = await pg.waitFor(isReminder);
    expect(msg.conversationId).toBe(pg.conversationId);

    const period = reportingPeriod(now, DEFAULT_CONFIG.deadlineDay);
    expect(slot.period).toBe(period);
    const missing = scoreAll(store.projectStates(period, '桃城区'), period, DEFAULT_CONFIG)
      .filter((s) => s.flags?.some((f) => f.code === 'NO_REPORT')).length;
    const text = fallback(msg);
    expect(text).toContain(missing ? `未报送项目（${missing} 个）` : '本月台账已全部报送');
    // Running the same slot again adds nothing to the chat.
    expect((await scheduler.runSlot(slot)).status).toBe('already');
    await new Promise((r) => setTimeout(r, 500));
    expect(pg.messages.filter(isReminder)).toHaveLength(1);
  });

  it('`keyproj remind --now` (service adapter not needed: built from the environment) reaches the chat too', async () => {
    const out: string[] = [];
    const code = await runRemind(['--now', '--db', file], { out: (s) => out.push(s), err: (s) => out.push(s), env: {} });
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/提醒已发送（manual:\d{4}-\d{2}-\d{2}）：已发送 1，/);
    await pg.waitFor((m) => isReminder(m) && !pg.messages.filter(isReminder).slice(0, 1).includes(m));
    expect(pg.messages.filter(isReminder)).toHaveLength(2);
  });

  it('「取消订阅」 stops the reminders for this chat', async () => {
    const replies = await pg.ask('取消订阅');
    expect(replies.map(fallback).join('\n')).toMatch(/取消/);
    expect(scheduler.fanout.subscriptions.get(pg.conversationId)).toBeUndefined();
    const later = nextSlot(DEFAULT_CONFIG, new Date(nextSlot(DEFAULT_CONFIG, now)!.dueAt.getTime() + 1))!;
    const res = await scheduler.runSlot(later);
    expect(res).toMatchObject({ status: 'done', counts: { sent: 0, pending: 0 } });
    await new Promise((r) => setTimeout(r, 500));
    expect(pg.messages.filter(isReminder)).toHaveLength(2);
  });
});
