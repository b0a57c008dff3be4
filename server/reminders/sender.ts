// Proactive posting to Bot Framework conversations: one post with its outcome classified, plus
// the small concurrency and rate limiters the fan-out uses.
// The connector client already retries 5xx and network errors a few times, and 429 with
// Retry-After three times, then throws; what it throws decides what the fan-out does next.
import type { ConversationReference, TurnContext } from 'botbuilder';

export interface ProactiveAdapter {
  continueConversationAsync(
    botAppId: string,
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

export type Outcome =
  | { kind: 'sent'; activityId?: string }
  /** Try again later: after retryAfterMs when the service said so (429 Retry-After). */
  | { kind: 'retry'; error: string; status?: number; retryAfterMs?: number }
  /** The bot is not (or no longer) in the conversation: 403 / 404. */
  | { kind: 'retire'; error: string; status: number }
  /** Will not work however often we try (400, unusable reference …). */
  | { kind: 'fail'; error: string; status?: number };

interface ErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { status?: number; headers?: { get?(name: string): string | undefined | null } | Record<string, string> };
}

/** Milliseconds from a Retry-After header: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function header(e: ErrorLike, name: string): string | undefined {
  const h = e.response?.headers;
  if (!h) return undefined;
  if (typeof (h as { get?: unknown }).get === 'function') return (h as { get(n: string): string | undefined | null }).get(name) ?? undefined;
  const rec = h as Record<string, string>;
  return rec[name] ?? rec[name.toLowerCase()];
}

/** What an error thrown by sendActivity means for the fan-out, by HTTP status (a table, not ifs). */
const BY_STATUS: Record<number, 'retry' | 'retire' | 'fail'> = {
  400: 'fail', 401: 'retry', 403: 'retire', 404: 'retire', 408: 'retry', 409: 'retry', 410: 'retire', 412: 'retry',
  413: 'fail', 429: 'retry',
};

export function classify(err: unknown): Outcome {
  const e = (err ?? {}) as ErrorLike;
  const status = e.statusCode ?? e.response?.status;
  const error = `${status ?? e.code ?? 'ERR'} ${e.message ?? String(err)}`.trim();
  if (status === undefined) return { kind: 'retry', error }; // network: reset, refused, timeout
  if (status >= 500) return { kind: 'retry', error, status };
  const kind = BY_STATUS[status] ?? 'fail';
  if (kind === 'retire') return { kind, error, status };
  if (kind === 'retry') return { kind, error, status, retryAfterMs: status === 429 ? parseRetryAfter(header(e, 'retry-after')) : undefined };
  return { kind, error, status };
}

/**
 * Posts one activity into the conversation. Errors are caught inside the turn, so they never
 * reach the adapter's onTurnError (which must not post an error message into a chat that did
 * not ask anything).
 */
export async function postProactive(
  adapter: ProactiveAdapter,
  botId: string,
  reference: Partial<ConversationReference>,
  activity: Record<string, unknown> | string,
): Promise<Outcome> {
  if (!reference.serviceUrl || !reference.conversation?.id) {
    return { kind: 'fail', error: '会话引用不完整（缺少 serviceUrl），需要在该会话中再向机器人发一条消息' };
  }
  let outcome: Outcome | undefined;
  try {
    await adapter.continueConversationAsync(botId, reference, async (ctx) => {
      try {
        const res = await ctx.sendActivity(activity as never);
        outcome = { kind: 'sent', activityId: res?.id };
      } catch (e) {
        outcome = classify(e);
      }
    });
  } catch (e) {
    // Before the turn started (e.g. getting a token): the post did not happen.
    return outcome ?? classify(e);
  }
  // The adapter swallowed an error before our logic ran (it went to onTurnError).
  return outcome ?? { kind: 'retry', error: '机器人适配器未执行发送（可能是获取令牌失败）' };
}

/** At most `n` tasks at a time. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly n: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.n) await new Promise<void>((r) => this.waiting.push(r));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** Spaces starts evenly: at most `perSecond` per second (Teams limits posts per bot). */
export class RateLimiter {
  private nextAt = 0;
  /** Start times of the last second, oldest first. */
  private readonly starts: number[] = [];
  constructor(private readonly perSecond: number, private readonly sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))) {}

  async take(): Promise<void> {
    if (!(this.perSecond > 0) || !Number.isFinite(this.perSecond)) return;
    const gap = 1000 / this.perSecond;
    const now = Date.now();
    const at = Math.max(now, this.nextAt);
    this.nextAt = at + gap;
    if (at > now) await this.sleep(at - now);
    // A busy event loop fires timers late and late waiters wake together: whatever the timers
    // did, never start more than perSecond within any second (the window Teams counts in).
    const max = Math.max(1, Math.floor(this.perSecond));
    for (;;) {
      const t = Date.now();
      while (this.starts.length && this.starts[0] <= t - 1000) this.starts.shift();
      if (this.starts.length < max) {
        this.starts.push(t);
        return;
      }
      await this.sleep(this.starts[0] + 1000 - t + 1);
    }
  }

  /** Everyone waits at least until `ms` from now (a 429 tells the whole bot to slow down). */
  pause(ms: number): void {
    this.nextAt = Math.max(this.nextAt, Date.now() + ms);
  }
}

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/** Exponential backoff with full jitter for attempt n (1-based); Retry-After wins when given. */
export function backoffMs(attempt: number, o: BackoffOptions, retryAfterMs?: number, random = Math.random): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(retryAfterMs, o.baseMs), o.maxMs * 10);
  const cap = Math.min(o.maxMs, o.baseMs * 2 ** (attempt - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}
