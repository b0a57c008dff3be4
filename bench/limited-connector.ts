// A Bot Connector stand-in that throttles like Teams: a real HTTP server on 127.0.0.1 accepting
// POST /v3/conversations/{id}/activities, enforcing Microsoft's documented limits
// (learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit):
//   per bot per conversation: 7 posts / 1 s, 8 / 2 s, 60 / 30 s, 1,800 / 3,600 s
//   per bot (app per tenant):  50 posts / 1 s
// as sliding windows. A post beyond any of them is answered 429 with Retry-After (whole seconds,
// until the oldest post of the full window leaves it) and is not delivered.
import { fork } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

export interface Window {
  max: number;
  ms: number;
}

export const TEAMS_PER_CONVERSATION: Window[] = [{ max: 7, ms: 1_000 }, { max: 8, ms: 2_000 }, { max: 60, ms: 30_000 }, { max: 1_800, ms: 3_600_000 }];
export const TEAMS_PER_BOT: Window[] = [{ max: 50, ms: 1_000 }];

/** The least time `posts` posts take at the rate the tightest window allows (2,000 at 50 per second: 40 s). */
export function floorMs(posts: number, windows: Window[]): number {
  return Math.max(0, ...windows.map((w) => (posts / w.max) * w.ms));
}

export interface LimitedConnector {
  url: string;
  /** Accepted activities per conversation. */
  delivered: Map<string, number>;
  /** Posts answered 429. */
  throttled: number;
  /** Times of the first and last accepted post. */
  firstAt?: number;
  lastAt?: number;
  close(): Promise<void>;
}

/** Arrival times of accepted posts, oldest first; answers how long until one more fits. */
class Limiter {
  private readonly times: number[] = [];
  constructor(private readonly windows: Window[]) {}

  waitMs(now: number): number {
    let wait = 0;
    for (const w of this.windows) {
      // Posts inside (now - w.ms, now]; the list is sorted, so count from the end.
      let inside = 0;
      for (let i = this.times.length - 1; i >= 0 && this.times[i] > now - w.ms; i--) inside++;
      if (inside >= w.max) wait = Math.max(wait, this.times[this.times.length - inside] + w.ms - now);
    }
    return wait;
  }

  record(now: number, keepMs: number): void {
    this.times.push(now);
    while (this.times.length && this.times[0] <= now - keepMs) this.times.shift();
  }
}

export async function startLimitedConnector(perConversation = TEAMS_PER_CONVERSATION, perBot = TEAMS_PER_BOT): Promise<LimitedConnector> {
  const bot = new Limiter(perBot);
  const convs = new Map<string, Limiter>();
  const keepBot = Math.max(...perBot.map((w) => w.ms));
  const keepConv = Math.max(...perConversation.map((w) => w.ms));
  let seq = 0;
  const state: LimitedConnector = { url: '', delivered: new Map(), throttled: 0, close: async () => undefined };

  const server: Server = createServer((req, res) => {
    const m = /^\/v3\/conversations\/([^/]+)\/activities\/?[^/]*$/.exec(req.url?.split('?')[0] ?? '');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || !m) {
        res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":{"code":"NotFound"}}');
        return;
      }
      try {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"error":{"code":"BadArgument"}}');
        return;
      }
      const id = decodeURIComponent(m[1]);
      const conv = convs.get(id) ?? new Limiter(perConversation);
      convs.set(id, conv);
      const now = Date.now();
      const wait = Math.max(bot.waitMs(now), conv.waitMs(now));
      if (wait > 0) {
        state.throttled++;
        res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': String(Math.ceil(wait / 1000)) });
        res.end('{"error":{"code":"TooManyRequests","message":"throttled"}}');
        return;
      }
      bot.record(now, keepBot);
      conv.record(now, keepConv);
      state.delivered.set(id, (state.delivered.get(id) ?? 0) + 1);
      state.firstAt ??= now;
      state.lastAt = now;
      res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: `limited-${++seq}` }));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  state.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return state;
}

export interface ConnectorStats {
  delivered: Map<string, number>;
  throttled: number;
  firstAt?: number;
  lastAt?: number;
}

export interface ConnectorProcess {
  url: string;
  stats(): Promise<ConnectorStats>;
  close(): Promise<void>;
}

/** The same connector in a child process (connector-process.ts). */
export async function startConnectorProcess(): Promise<ConnectorProcess> {
  const child = fork(fileURLToPath(new URL('./connector-process.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>() => new Promise<T>((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => reject(new Error(`the connector process exited (${code})`)));
  });
  const { url } = await next<{ url: string }>();
  return {
    url,
    stats: async () => {
      const s = next<Omit<ConnectorStats, 'delivered'> & { delivered: [string, number][] }>();
      child.send('stats');
      const r = await s;
      return { ...r, delivered: new Map(r.delivered) };
    },
    close: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.send('close');
    }),
  };
}
