// A stand-in for the Bot Connector service: a real HTTP server on 127.0.0.1 that accepts
// `POST /v3/conversations/{id}/activities` like Teams does and records what arrived.
// Per conversation, a script of answers is played in order (429 with Retry-After, 500, 403, 404,
// a dropped connection); once it runs out every post succeeds. Conversation references point
// their serviceUrl at `url`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Answer =
  | { status: 429; retryAfter?: number }
  | { status: 500 | 502 | 503 | 403 | 404 | 400 }
  /** Close the socket without an answer: a network error for the client. */
  | { status: 'drop' }
  /** Hold the answer this many milliseconds, then succeed. */
  | { status: 'slow'; ms: number };

export interface Received {
  conversationId: string;
  activity: Record<string, unknown>;
  at: number;
  /** What the mock answered: 201, the scripted status, or 0 while the answer is still coming. */
  answered: number | 'drop';
  authorization?: string;
}

export interface MockConnector {
  url: string;
  /** Every post, answered or not, in arrival order. */
  requests: Received[];
  /** Activities accepted (answered 2xx), per conversation. */
  delivered(conversationId?: string): Received[];
  script(conversationId: string, answers: Answer[]): void;
  /** Called after each accepted activity (e.g. to stop a scheduler mid fan-out). */
  onDelivered(fn: (r: Received) => void): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const ERROR_CODES: Record<number, string> = {
  400: 'BadArgument', 403: 'BotNotInConversationRoster', 404: 'ConversationNotFound',
  429: 'TooManyRequests', 500: 'ServiceError', 502: 'BadGateway', 503: 'ServiceUnavailable',
};

export async function startMockConnector(): Promise<MockConnector> {
  const scripts = new Map<string, Answer[]>();
  const requests: Received[] = [];
  const listeners: ((r: Received) => void)[] = [];
  let seq = 0;

  const server: Server = createServer(async (req, res) => {
    const m = /^\/v3\/conversations\/([^/]+)\/activities\/?([^/]*)$/.exec(req.url?.split('?')[0] ?? '');
    if (req.method !== 'POST' || !m) return json(res, 404, { error: { code: 'NotFound', message: `${req.method} ${req.url}` } });
    const conversationId = decodeURIComponent(m[1]);
    const body = await readBody(req);
    let activity: Record<string, unknown>;
    try {
      activity = JSON.parse(body);
    } catch {
      return json(res, 400, { error: { code: 'BadArgument', message: 'body is not JSON' } });
    }
    const answer = scripts.get(conversationId)?.shift();
    const rec: Received = { conversationId, activity, at: Date.now(), answered: 0, authorization: req.headers.authorization };
    requests.push(rec);
    if (!answer || answer.status === 'slow') {
      if (answer?.status === 'slow') await new Promise((r) => setTimeout(r, answer.ms));
      rec.answered = 201;
      json(res, 201, { id: `mock-${++seq}` });
      for (const l of listeners) l(rec);
      return;
    }
    rec.answered = answer.status;
    if (answer.status === 'drop') {
      req.socket.destroy();
      return;
    }
    const headers: Record<string, string> = {};
    if (answer.status === 429 && answer.retryAfter !== undefined) headers['Retry-After'] = String(answer.retryAfter);
    json(res, answer.status, { error: { code: ERROR_CODES[answer.status], message: `scripted ${answer.status}` } }, headers);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    delivered: (id) => requests.filter((r) => (r.answered === 201) && (id === undefined || r.conversationId === id)),
    script: (id, answers) => scripts.set(id, [...answers]),
    onDelivered: (fn) => listeners.push(fn),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A conversation reference as the bot saves it, pointing at the mock connector. */
export function referenceFor(connector: { url: string }, conversationId: string, name = '重点项目调度群') {
  return {
    user: { id: 'user-1', name: '王科长' },
    bot: { id: 'bot-1', name: '重点项目助手' },
    conversation: { id: conversationId, conversationType: 'channel', isGroup: true, name },
    channelId: 'msteams',
    serviceUrl: connector.url,
  };
}
