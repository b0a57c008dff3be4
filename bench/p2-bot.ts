// P2: a status question through POST /api/messages (expectReplies) on a database of 20,000
// projects × 24 months: p50 and p95 over a few hundred requests, against an echo Application
// on the same adapter, express app and HTTP server. Goal: p95 ratio ≤ 1.5.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import pino from 'pino';
import { ActivityTypes, MemoryStorage } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import type { Request, Response } from 'express';
import { DEFAULT_CONFIG } from '../core/config';
import { createBot } from '../bot/index';
import { createApp } from '../server/app';
import { Store } from '../server/store/store';
import { ask } from './activity';
import { buildProvince } from './province';
import { ms, percentile, result, type BenchResult } from './stats';

/** The bot's clock: reporting November 2026, so October's figures are the data month. */
export const BENCH_NOW = new Date('2026-11-20T02:00:00Z');

export async function p2(n = 20_000, requests = 300): Promise<BenchResult> {
  const province = buildProvince(n, 24);
  const store = Store.open(province.file, { config: DEFAULT_CONFIG });
  const logger = pino({ level: 'silent' });
  const bot = createBot({ store, config: DEFAULT_CONFIG, logger, env: {}, now: () => BENCH_NOW });
  // The baseline: the same adapter and server, an Application that only echoes.
  const echo = new Application<TurnState>({ adapter: bot.adapter, storage: new MemoryStorage(), startTypingTimer: false, longRunningMessages: false });
  echo.activity(ActivityTypes.Message, async (ctx) => {
    await ctx.sendActivity({ type: ActivityTypes.Message, text: ctx.activity.text, textFormat: 'plain' });
  });
  let mode: 'bot' | 'echo' = 'bot';
  const process = (req: Request, res: Response) =>
    mode === 'bot' ? bot.process(req, res) : bot.adapter.process(req, res, (ctx) => echo.run(ctx).then(() => undefined));
  const app = createApp({ store, config: DEFAULT_CONFIG, logger, env: {}, bot: { process } });
  const server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  try {
    // Different projects each time, chosen evenly over the province.
    const question = (i: number) => `${province.names[(i * 7919) % province.names.length]}进展怎么样`;
    const timed = async (m: 'bot' | 'echo', text: string, check: (r: Awaited<ReturnType<typeof ask>>) => void) => {
      mode = m;
      const t = performance.now();
      const r = await ask(url, text);
      const dt = performance.now() - t;
      check(r);
      return dt;
    };
    const isCard = (name: string) => (r: Awaited<ReturnType<typeof ask>>) => {
      const body = JSON.stringify(r.activities);
      if (r.status !== 200 || !r.activities[0]?.attachments?.length || !body.includes(name)) {
        throw new Error(`P2: the status question about ${name} got ${r.status} ${body.slice(0, 200)}`);
      }
    };
    const isEcho = (text: string) => (r: Awaited<ReturnType<typeof ask>>) => {
      if (r.status !== 200 || r.activities[0]?.text !== text) throw new Error(`P2: echo answered ${r.status} ${JSON.stringify(r.activities).slice(0, 200)}`);
    };
    // Warm-up: JIT, the name index, SQLite's page cache.
    for (let i = 0; i < Math.min(20, requests); i++) {
      await timed('bot', question(n - i), isCard(province.names[((n - i) * 7919) % n]));
      await timed('echo', `回声${i}`, isEcho(`回声${i}`));
    }
    const work: number[] = [];
    const base: number[] = [];
    // Interleaved, so drifts of a noisy machine hit both series alike.
    for (let i = 0; i < requests; i++) {
      const name = province.names[(i * 7919) % n];
      work.push(await timed('bot', question(i), isCard(name)));
      base.push(await timed('echo', question(i), isEcho(question(i))));
    }
    const ratio = percentile(work, 95) / percentile(base, 95);
    return result({
      id: 'P2', name: `status question, ${n} projects × 24 months, ${requests} requests`,
      measured: `p50 ${ms(percentile(work, 50))}, p95 ${ms(percentile(work, 95))}`,
      baseline: `p50 ${ms(percentile(base, 50))}, p95 ${ms(percentile(base, 95))} (echo Application)`,
      ratio, goal: '<= 1.5 on p95', ok: ratio <= 1.5,
      note: `database built in ${ms(province.buildMs)} by bulk insert`,
    });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    store.close();
    rmSync(dirname(province.file), { recursive: true, force: true });
  }
}
