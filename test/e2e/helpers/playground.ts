// Harness: the real Microsoft 365 Agents Playground (node_modules/.bin/agentsplayground), headless,
// talking to a bot endpoint that is already running. Used by the bot's and the reminders' e2e tests.
//
//   const pg = await startPlayground({ endpoint: 'http://127.0.0.1:3978/api/messages' });
//   await pg.install();                         // installation + conversationUpdate (welcome)
//   const [card] = await pg.ask('全市总体情况');   // user message; resolves with the bot's replies
//   await pg.submit(card, { verb: 'history', code });  // press an Action.Submit of that message
//   const res = await pg.invoke('composeExtension/query', { commandId: 'searchProject', parameters: [...] });
//   pg.messages                                 // every bot message seen on the websocket since start
//   await pg.stop();
//
// Replies are read from the Playground's websocket (`/_ws_conversation/v1/conversations/stream`);
// the history it replays on connect is ignored (only messages created after connecting count).
// `conversationId` defaults to the personal chat of the Playground's mock tenant; `userId` to its
// current user (user-id-0). Proactive messages (reminders) the bot posts to the Playground's mock
// connector (`connectorUrl`, use it as the conversation reference's serviceUrl) arrive the same way.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const PLAYGROUND_BIN = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'agentsplayground.cmd' : 'agentsplayground');

/** A bot message as the Playground shows it. */
export interface PlaygroundMessage {
  messageId: string;
  conversationId: string;
  fromBot: boolean;
  text?: string;
  textFormat?: string;
  attachments: { contentType: string; content: any }[];
  timestamp: number;
}

export interface PlaygroundOptions {
  /** The bot endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  endpoint: string;
  /** Playground port; a free one when absent. */
  port?: number;
  /** How long to wait for the Playground to answer /_internal/v1/config (ms). */
  startTimeoutMs?: number;
  /** Extra output of the child process goes here (default: kept for errors only). */
  log?: (line: string) => void;
}

export interface Playground {
  url: string;
  port: number;
  /** The mock connector the bot replies to (activities' serviceUrl). */
  connectorUrl: string;
  /** GET /_internal/v1/config (mock tenant, users, conversations). */
  config: any;
  conversationId: string;
  userId: string;
  /** Bot messages seen since connecting (not the replayed history). */
  messages: PlaygroundMessage[];
  /** Sends the installation event (and conversationUpdate) for the conversation; resolves with new bot messages. */
  install(opts?: { conversationId?: string; quietMs?: number }): Promise<PlaygroundMessage[]>;
  /** Sends a user message; resolves with the bot's replies (after `quietMs` of silence following the first). */
  ask(text: string, opts?: { conversationId?: string; userId?: string; quietMs?: number; timeoutMs?: number }): Promise<PlaygroundMessage[]>;
  /** Presses an Action.Submit on a bot message; resolves with the replies. */
  submit(message: PlaygroundMessage, value: Record<string, unknown>, opts?: { quietMs?: number; timeoutMs?: number }): Promise<PlaygroundMessage[]>;
  /** POST /_conversation/v1/invoke (message extension query etc.); resolves with the invoke response body. */
  invoke(name: string, value: unknown, opts?: { conversationId?: string; userId?: string }): Promise<any>;
  /** Waits for the next bot message matching the predicate (seen already or arriving later). */
  waitFor(pred: (m: PlaygroundMessage) => boolean, timeoutMs?: number): Promise<PlaygroundMessage>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startPlayground(o: PlaygroundOptions): Promise<Playground> {
  const port = o.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child: ChildProcess = spawn(PLAYGROUND_BIN, ['-e', o.endpoint, '-c', 'msteams', '--dt', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none', NO_COLOR: '1' },
  });
  const keep = (b: Buffer) => {
    for (const line of b.toString().split('\n')) if (line.trim()) (o.log ?? ((l: string) => output.push(l)))(line);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));

  // Wait for the config endpoint.
  const deadline = Date.now() + (o.startTimeoutMs ?? 60_000);
  let config: any;
  while (!config) {
    if (exited !== undefined) throw new Error(`Agents Playground exited (code ${exited}) before it was ready:\n${output.slice(-20).join('\n')}`);
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`Agents Playground did not answer on ${url} in time:\n${output.slice(-20).join('\n')}`);
    }
    try {
      const res = await fetch(`${url}/_internal/v1/config`);
      if (res.ok) config = (await res.json()).config;
    } catch {
      await sleep(250);
    }
  }

  const conversationId: string = config.personalChat.id;
  const userId: string = config.currentUser.id;
  const botId: string = config.bot.id;
  const messages: PlaygroundMessage[] = [];
  const waiters = new Set<() => void>();

  const ws = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  const connectedAt = Date.now();
  const seenIds = new Set<string>();
  ws.on('message', (raw) => {
    let m: any;
    try {
      m = JSON.parse(raw.toString());
    } catch {
      return;
    }
    const list = Array.isArray(m) ? m : [m];
    for (const a of list) {
      const msg = a?.message;
      if (!msg || (a.action !== 'CreateMessage' && a.action !== 'createMessage' && a.action !== 1 && a.action !== 'create')) continue;
      // Replayed history: messages created before we connected.
      if (typeof msg.timestamp === 'number' && msg.timestamp < connectedAt - 1000) continue;
      if (seenIds.has(msg.messageId)) continue;
      seenIds.add(msg.messageId);
      messages.push({
        messageId: msg.messageId,
        conversationId: a.actionConversationId,
        fromBot: msg.from?.id === botId,
        text: msg.text,
        textFormat: msg.textFormat,
        attachments: msg.attachments ?? [],
        timestamp: msg.timestamp,
      });
      for (const w of waiters) w();
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });

  /** Bot messages arriving after `from`, once the first arrived and `quietMs` passed without another. */
  async function collect(from: number, quietMs: number, timeoutMs: number): Promise<PlaygroundMessage[]> {
    const end = Date.now() + timeoutMs;
    let count = -1;
    let lastChange = Date.now();
    for (;;) {
      const got = messages.slice(from).filter((m) => m.fromBot);
      if (got.length !== count) {
        count = got.length;
        lastChange = Date.now();
      }
      if (count > 0 && Date.now() - lastChange >= quietMs) return got;
      if (Date.now() > end) {
        if (count > 0) return got;
        throw new Error(`no reply from the bot within ${timeoutMs} ms; Playground output:\n${output.slice(-20).join('\n')}`);
      }
      await sleep(50);
    }
  }

  async function postJson(path: string, body: unknown): Promise<Response> {
    const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`POST ${path} → ${res.status}: ${await res.text()}`);
    return res;
  }

  const pg: Playground = {
    url,
    port,
    connectorUrl: `${url}/_connector`,
    config,
    conversationId,
    userId,
    messages,
    async install(opts = {}) {
      const from = messages.length;
      await postJson(`/_debug/conversation/${encodeURIComponent(opts.conversationId ?? conversationId)}/installation`, {});
      return collect(from, opts.quietMs ?? 500, 20_000);
    },
    async ask(text, opts = {}) {
      const from = messages.length;
      await postJson(`/_conversation/v1/conversations/${encodeURIComponent(opts.conversationId ?? conversationId)}/messages`, {
        from: { id: opts.userId ?? userId },
        text,
        textFormat: 'plain',
      });
      return collect(from, opts.quietMs ?? 300, opts.timeoutMs ?? 20_000);
    },
    async submit(message, value, opts = {}) {
      const from = messages.length;
      await postJson('/_conversation/v1/submit', { conversation: { id: message.conversationId }, from: { id: userId }, replyToId: message.messageId, value });
      return collect(from, opts.quietMs ?? 300, opts.timeoutMs ?? 20_000);
    },
    async invoke(name, value, opts = {}) {
      const res = await postJson('/_conversation/v1/invoke', { name, value, from: { id: opts.userId ?? userId }, conversation: { id: opts.conversationId ?? conversationId } });
      const text = await res.text();
      return text ? JSON.parse(text) : undefined;
    },
    async waitFor(pred, timeoutMs = 20_000) {
      const found = messages.find(pred);
      if (found) return found;
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = messages.find(pred);
          if (m) {
            cleanup();
            resolve(m);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching bot message within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
      });
    },
    async stop() {
      ws.close();
      if (exited === undefined) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([gone, sleep(5000)]);
        if (exited === undefined) child.kill('SIGKILL');
      }
    },
  };
  return pg;
}
