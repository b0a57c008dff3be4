// P2: a status question through POST /api/messages (expectReplies) on a database of 20,000
// projects × 24 months: p50 and p95 against an echo Application on the same adapter, express app
// and HTTP server. Goal: p95 ratio ≤ 1.5. Three rounds of 500 interleaved requests; the ratio is
// the median of the rounds' p95 ratios (p50 and p95 are over all 1,500). With one series of 300,
// the p95 (the 15th-slowest answer) of either series moved enough between runs on a busy 2-core
// machine to swing the ratio from 1.1 to 1.9: one burst of noise in one series decided it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import pino from 'pino';
import { ActivityTypes } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import type { Request, Response } from 'express';
import { DEFAULT_CONFIG } from '../core/config';
import { createBot } from '../bot/index';
import { createApp } from '../server/app';
import { Store } from '../server/store/store';
import { ask } from './activity';
import { buildProvince } from './province';
import { median, ms, percentile, result, type BenchResult } from './stats';

/** The bot's clock: reporting November 2026, so October's figures are the data month. */
export const BENCH_NOW = new Date('2026-11-20T02:00:00Z');

export async function p2(n = 20_000, requests = 500, rounds = 3, warmup = 100): Promise<BenchResult> {
  const province = buildProvince(n, 24);
  const store = Store.open(province.file, { config: DEFAULT_CONFIG });
  const logger = pino({ level: 'silent' });
  const bot = createBot({ store, config: DEFAULT_CONFIG, logger, env: {}, now: () => BENCH_NOW });
  // The baseline: the same adapter and server, an Application that only echoes.
  // Built with the bot's own Application options (bot/app.ts: no turn-state storage, no typing timer).
  const echo = new Application<TurnState>({ adapter: bot.adapter, startTypingTimer: false, longRunningMessages: false, removeRecipientMention: true });
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
    // Warm-up: the name index, SQLite's page cache, and enough turns of each for V8 to have
    // optimised both paths (with 20 the first hundred measured turns still carried compilations).
    for (let i = 0; i < warmup; i++) {
      await timed('bot', question(n - i), isCard(province.names[((n - i) * 7919) % n]));
      await timed('echo', `回声${i}`, isEcho(`回声${i}`));
    }
    const work: number[] = [];
    const base: number[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const w: number[] = [];
      const b: number[] = [];
      // Interleaved, so drifts of a noisy machine hit both series alike.
      for (let k = 0; k < requests; k++) {
        const i = round * requests + k;
        const name = province.names[(i * 7919) % n];
        w.push(await timed('bot', question(i), isCard(name)));
        b.push(await timed('echo', question(i), isEcho(question(i))));
      }
      ratios.push(percentile(w, 95) / percentile(b, 95));
      work.push(...w);
      base.push(...b);
    }
    const ratio = median(ratios);
    return result({
      id: 'P2', name: `status question, ${n} projects × 24 months, ${rounds} × ${requests} requests`,
      measured: `p50 ${ms(percentile(work, 50))}, p95 ${ms(percentile(work, 95))}`,
      baseline: `p50 ${ms(percentile(base, 50))}, p95 ${ms(percentile(base, 95))} (echo Application)`,
      ratio, goal: '<= 1.5 on p95 (median of the rounds)', ok: ratio <= 1.5,
      note: `database built in ${ms(province.buildMs)} by bulk insert; p95 ratio per round ${ratios.map((r) => r.toFixed(2)).join(', ')}; p50 ratio ${(percentile(work, 50) / percentile(base, 50)).toFixed(2)}`,
    });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    store.close();
    rmSync(dirname(province.file), { recursive: true, force: true });
  }
}
