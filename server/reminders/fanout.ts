// Sends one slot's reminders to every subscribed conversation, once each:
// lease → plan recipients (once per slot) → post pending rows with bounded concurrency and rate
// → record each outcome. Retries 429 (after Retry-After), 5xx and network errors with
// exponential backoff; 403/404 retire the conversation. Stopping lets posts in flight finish
// and be recorded, so a later run (this instance or another) resumes the rest only.
import type { Config } from '../../core/config';
import type { Locale } from '../../core/types';
import type { Db } from '../store/db';
import { Subscriptions, type Subscription } from '../store/subscriptions';
import { hasNews, isKnownScope, ReminderContent, reminderActivity, type ReminderData } from './content';
import { SendLog, type PlannedRecipient, type SendRow, type SendState } from './sendlog';
import { backoffMs, postProactive, RateLimiter, Semaphore, type BackoffOptions, type ProactiveAdapter } from './sender';
import type { Slot } from './slots';

export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

export interface FanoutOptions {
  /** Posts in flight at once. */
  concurrency: number;
  /** Posts started per second, across the bot (Teams throttles bots). */
  perSecond: number;
  /** Attempts per conversation (each already includes the connector client's own retries). */
  maxAttempts: number;
  backoff: BackoffOptions;
  /** Lease length; renewed every third of it while sending. */
  leaseMs: number;
}

export const DEFAULT_FANOUT: FanoutOptions = {
  concurrency: 8,
  // Teams allows a bot 50 requests per second per tenant (learn.microsoft.com, "Optimize your bot
  // with rate limiting in Teams"); 47 leaves room for network jitter, so 2,000 channels take ~43 s.
  perSecond: 47,
  maxAttempts: 5,
  backoff: { baseMs: 2_000, maxMs: 120_000 },
  leaseMs: 60_000,
};

export interface FanoutDeps {
  db: Db;
  data: ReminderData;
  config: Config;
  logger: Logger;
  adapter: ProactiveAdapter;
  botId: string;
  holder: string;
  /** The date the content is computed for (tests pin it); leases and retries use the real clock. */
  now?: () => Date;
  options?: Partial<FanoutOptions>;
}

export interface SlotResult {
  slot: string;
  /** done: nothing left to send; busy: another instance holds the slot; stopped: stop() or lease lost; already: completed earlier. */
  status: 'done' | 'busy' | 'stopped' | 'already';
  counts: Record<SendState, number>;
}

const REASONS = {
  quiet: '本期没有需要提醒的事项（已设置无事不提醒）',
  noMissing: '该范围没有缺报项目，无需截止提醒',
  unknownScope: '订阅范围“{scope}”不在当前配置的县市区中',
  gone: '会话已取消订阅或不可达，不再发送',
  attempts: '已尝试 {n} 次仍失败：{error}',
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class Fanout {
  readonly log: SendLog;
  readonly subscriptions: Subscriptions;
  readonly o: FanoutOptions;
  private readonly now: () => Date;
  private stopping = false;
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly d: FanoutDeps) {
    this.now = d.now ?? (() => new Date());
    this.o = { ...DEFAULT_FANOUT, ...d.options, backoff: { ...DEFAULT_FANOUT.backoff, ...d.options?.backoff } };
    this.log = new SendLog(d.db, d.holder);
    this.subscriptions = new Subscriptions(d.db);
  }

  private localeOf(s: Subscription): Locale {
    return s.locale ?? this.d.config.locale;
  }

  content(slot: Slot): ReminderContent {
    // Sent by hand, it is the weekly reminder sent early.
    const kind = slot.kind === 'manual' ? 'weekly' : slot.kind;
    return new ReminderContent({ data: this.d.data, config: this.d.config, period: slot.period, kind, now: this.now() });
  }

  /** Who gets this slot and who is skipped (and why). Also what `remind --dry-run` shows. */
  recipients(slot: Slot, content = this.content(slot)): Array<PlannedRecipient & { subscription: Subscription }> {
    return this.subscriptions.active().map((s) => {
      const base = { conversationId: s.conversationId, scope: s.scope, subscription: s };
      if (!isKnownScope(s.scope, this.d.config)) return { ...base, state: 'skipped' as const, reason: REASONS.unknownScope.replace('{scope}', s.scope) };
      const view = content.view(s.scope, this.localeOf(s));
      if (slot.kind === 'deadline' && view.missing.length === 0) return { ...base, state: 'skipped' as const, reason: REASONS.noMissing };
      if (s.quiet && !hasNews(view)) return { ...base, state: 'skipped' as const, reason: REASONS.quiet };
      return { ...base, state: 'pending' as const };
    });
  }

  /** Runs (or resumes) a slot until everything is sent, failed or retired, or until stop(). */
  run(slot: Slot): Promise<SlotResult> {
    const p = this.runInner(slot);
    this.running.add(p);
    return p.finally(() => this.running.delete(p));
  }

  private result(slot: Slot, status: SlotResult['status']): SlotResult {
    return { slot: slot.id, status, counts: this.log.counts(slot.id) };
  }

  private async runInner(slot: Slot): Promise<SlotResult> {
    const { logger } = this.d;
    const rec = this.log.ensureSlot({ slot: slot.id, kind: slot.kind, dueAt: slot.dueAt, period: slot.period });
    if (rec.completedAt) return this.result(slot, 'already');
    if (this.stopping) return this.result(slot, 'stopped');
    if (!this.log.acquireLease(slot.id, this.o.leaseMs)) return this.result(slot, 'busy');
    // Another instance may have finished it between our first look and taking the lease.
    const current = this.log.slot(slot.id)!;
    if (current.completedAt) {
      this.log.releaseLease(slot.id);
      return this.result(slot, 'already');
    }
    let lost = false;
    const beat = setInterval(() => {
      if (!this.log.renewLease(slot.id, this.o.leaseMs)) lost = true;
    }, Math.max(50, Math.floor(this.o.leaseMs / 3)));
    try {
      for (const r of this.log.settleInterrupted(slot.id)) {
        logger.warn({ slot: slot.id, conversationId: r.conversationId, holder: r.holder }, '提醒发送中断，结果未知，不再重发');
      }
      let content: ReminderContent | undefined;
      if (!current.plannedAt) {
        content = this.content(slot);
        const planned = this.recipients(slot, content);
        // Computing the content blocks the heartbeat; renew before writing the plan under the lease.
        if (!this.log.renewLease(slot.id, this.o.leaseMs) || !this.log.plan(slot.id, planned)) {
          if (!this.log.slot(slot.id)?.plannedAt) {
            lost = true;
            logger.warn({ slot: slot.id }, '提醒租约已被其他实例取得，本实例不再排定');
            return this.result(slot, 'busy');
          }
        } else {
          logger.info({ slot: slot.id, period: slot.period, pending: planned.filter((p) => p.state === 'pending').length, skipped: planned.filter((p) => p.state === 'skipped').length }, '提醒已排定');
        }
      }
      const rate = new RateLimiter(this.o.perSecond);
      const gate = new Semaphore(this.o.concurrency);
      const cards = new Map<string, Record<string, unknown>>();
      const activityFor = (scope: string, locale: Locale) => {
        const key = `${scope}|${locale}`;
        if (!cards.has(key)) {
          content ??= this.content(slot);
          cards.set(key, reminderActivity(content.card(scope, locale)));
        }
        return cards.get(key)!;
      };
      while (!this.stopping && !lost) {
        if (!this.log.renewLease(slot.id, this.o.leaseMs)) {
          lost = true;
          break;
        }
        const rows = this.log.pending(slot.id);
        if (rows.length === 0) {
          const next = this.log.nextAttemptAt(slot.id);
          if (!next) break;
          await sleep(Math.min(Math.max(10, next.getTime() - Date.now()), 1_000));
          continue;
        }
        await Promise.all(rows.map((r) => gate.run(() => this.sendRow(slot, r, rate, activityFor, () => this.stopping || lost))));
      }
      if (this.stopping || lost) {
        if (lost) logger.warn({ slot: slot.id }, '提醒租约已失效，停止发送（其他实例会继续）');
        return this.result(slot, 'stopped');
      }
      if (!this.log.complete(slot.id)) return this.result(slot, 'stopped');
      const res = this.result(slot, 'done');
      logger.info({ slot: slot.id, ...res.counts }, '提醒发送完成');
      return res;
    } finally {
      clearInterval(beat);
      if (!lost) this.log.releaseLease(slot.id);
    }
  }

  private async sendRow(
    slot: Slot,
    r: SendRow,
    rate: RateLimiter,
    activityFor: (scope: string, locale: Locale) => Record<string, unknown>,
    halted: () => boolean,
  ): Promise<void> {
    if (halted()) return;
    await rate.take();
    if (halted() || !this.log.claim(slot.id, r.conversationId)) return;
    const { logger } = this.d;
    const sub = this.subscriptions.get(r.conversationId);
    if (!sub || sub.retiredAt) {
      this.log.markFailed(slot.id, r.conversationId, REASONS.gone);
      return;
    }
    const attempt = r.attempts + 1;
    const outcome = await postProactive(this.d.adapter, this.d.botId, sub.reference, activityFor(r.scope, this.localeOf(sub)));
    const where = { slot: slot.id, conversationId: r.conversationId, attempt };
    switch (outcome.kind) {
      case 'sent':
        this.log.markSent(slot.id, r.conversationId, outcome.activityId);
        return;
      case 'retire':
        this.log.markRetired(slot.id, r.conversationId, outcome.error);
        this.subscriptions.retire(r.conversationId, outcome.error);
        logger.warn({ ...where, error: outcome.error }, '机器人已不在该会话中，停止向其发送提醒');
        return;
      case 'fail':
        this.log.markFailed(slot.id, r.conversationId, outcome.error);
        logger.error({ ...where, error: outcome.error }, '提醒发送失败');
        return;
      case 'retry': {
        if (attempt >= this.o.maxAttempts) {
          this.log.markFailed(slot.id, r.conversationId, REASONS.attempts.replace('{n}', String(attempt)).replace('{error}', outcome.error));
          logger.error({ ...where, error: outcome.error }, '提醒多次重试仍失败');
          return;
        }
        const delay = backoffMs(attempt, this.o.backoff, outcome.retryAfterMs);
        // Throttling is per bot: hold every post back, not just this conversation's.
        if (outcome.status === 429) rate.pause(delay);
        this.log.markRetry(slot.id, r.conversationId, outcome.error, new Date(Date.now() + delay));
        logger.warn({ ...where, error: outcome.error, delayMs: delay }, '提醒发送暂时失败，稍后重试');
      }
    }
  }

  /** Stops claiming new posts; resolves once posts in flight are recorded and runs have returned. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running]);
  }
}
