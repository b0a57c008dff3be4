// Conversations the bot can reach and their reminder subscriptions (table reminder_conversations).
// The bot saves a conversation reference on every message and install; its commands
// 订阅提醒 / 取消订阅 / 提醒设置 call subscribe / unsubscribe / get; the scheduler reads active().
import type { ConversationReference } from 'botbuilder';
import { AuditLog } from './audit';
import type { Db } from './db';
import { changeStamp, prepared, sameStamp, type Stamp } from './statements';
import type { Locale } from '../../core/types';

/** The scope of a city-wide subscription; any other scope is a county name. */
export const CITY_SCOPE = '全市';

export interface Subscription {
  conversationId: string;
  /** A county name or 全市. */
  scope: string;
  /** Say nothing on weeks with nothing to report. */
  quiet: boolean;
  /** Locale chosen for this conversation; undefined = the configured default. */
  locale?: Locale;
  reference: Partial<ConversationReference>;
  conversationType?: string;
  name?: string;
  subscribedAt: string;
  /** Set when the bot can no longer post there (403/404): no reminders until it hears from it again. */
  retiredAt?: string;
  retiredReason?: string;
}

export interface SubscribeOptions {
  quiet?: boolean;
  locale?: Locale;
  /** Who asked, for the audit log (a user's name or id); default the conversation. */
  actor?: string;
}

interface Row {
  conversation_id: string;
  reference: string;
  conversation_type: string | null;
  name: string | null;
  scope: string | null;
  quiet: number;
  locale: string | null;
  subscribed_at: string | null;
  retired_at: string | null;
  retired_reason: string | null;
}

function toSubscription(r: Row): Subscription | undefined {
  if (r.scope === null) return undefined;
  let reference: Partial<ConversationReference> = {};
  try {
    reference = JSON.parse(r.reference);
  } catch {
    // A damaged reference cannot be used to send; keep the subscription visible to admins.
  }
  return {
    conversationId: r.conversation_id,
    scope: r.scope,
    quiet: r.quiet === 1,
    locale: r.locale === 'en' || r.locale === 'zh-CN' ? r.locale : undefined,
    reference,
    conversationType: r.conversation_type ?? undefined,
    name: r.name ?? undefined,
    subscribedAt: r.subscribed_at ?? '',
    retiredAt: r.retired_at ?? undefined,
    retiredReason: r.retired_reason ?? undefined,
  };
}

/** How stale `seen_at` may get before an unchanged reference is written again. */
const SEEN_REFRESH_MS = 60 * 60 * 1000;

export class Subscriptions {
  private readonly log: AuditLog;
  private readonly recent = new Map<string, { reference: string; seenMs: number; stamp: Stamp }>();
  constructor(private readonly db: Db, private readonly now: () => Date = () => new Date()) {
    this.log = new AuditLog(db);
  }

  /**
   * Upserts the conversation's reference (keyed by conversation id). Hearing from a conversation
   * again clears an earlier retirement: the bot is evidently back in it.
   */
  saveReference(ref: Partial<ConversationReference>): void {
    const id = ref.conversation?.id;
    if (!id) throw new Error('会话引用缺少 conversation.id，无法保存');
    // activityId points at one message; reminders start a new turn, so drop it.
    const { activityId: _drop, ...keep } = ref;
    const reference = JSON.stringify(keep);
    const at = this.now();
    const atMs = at.getTime();
    const fresh = (seenMs: number) => atMs >= seenMs && atMs - seenMs < SEEN_REFRESH_MS;
    // The bot hears from a conversation at every message: an unchanged, active reference seen
    // within the hour is not written again (a write per question, and the WAL checkpoints it
    // brings, cost more than the rest of an answer's database work). What was last found is
    // kept in memory while the database has not changed since, so not even the read is needed.
    const stamp = changeStamp(this.db);
    const mem = this.recent.get(id);
    if (mem && sameStamp(mem.stamp, stamp) && mem.reference === reference && fresh(mem.seenMs)) return;
    const known = prepared(this.db, 'SELECT reference, seen_at, retired_at FROM reminder_conversations WHERE conversation_id = ?')
      .get(id) as { reference: string; seen_at: string | null; retired_at: string | null } | undefined;
    const knownMs = known?.seen_at ? Date.parse(known.seen_at) : Number.NaN;
    if (known && known.retired_at === null && known.reference === reference && fresh(knownMs)) {
      this.remember(id, reference, knownMs, stamp);
      return;
    }
    prepared(
      this.db,
      `INSERT INTO reminder_conversations (conversation_id, reference, service_url, channel_id, conversation_type, name, seen_at)
       VALUES (@id, @reference, @serviceUrl, @channelId, @type, @name, @at)
       ON CONFLICT (conversation_id) DO UPDATE SET
         reference = excluded.reference, service_url = excluded.service_url, channel_id = excluded.channel_id,
         conversation_type = excluded.conversation_type, name = COALESCE(excluded.name, name),
         seen_at = excluded.seen_at, retired_at = NULL, retired_reason = NULL`,
    ).run({
      id,
      reference,
      serviceUrl: ref.serviceUrl ?? null,
      channelId: ref.channelId ?? null,
      type: ref.conversation?.conversationType ?? null,
      name: ref.conversation?.name ?? null,
      at: at.toISOString(),
    });
    this.remember(id, reference, atMs, changeStamp(this.db));
  }

  /** Remembers a conversation's stored reference (bounded: a new map when it grows past 5,000). */
  private remember(id: string, reference: string, seenMs: number, stamp: Stamp): void {
    if (this.recent.size >= 5_000) this.recent.clear();
    this.recent.set(id, { reference, seenMs, stamp });
  }

  /**
   * Subscribes the conversation to the reminder of `scope` (a county name or 全市), replacing
   * any earlier scope. The caller checks the scope against the configuration. A conversation
   * never seen before is recorded without a usable reference until the bot hears from it.
   */
  subscribe(conversationId: string, scope: string, opts: SubscribeOptions = {}): void {
    const scopeName = scope.trim();
    if (!conversationId) throw new Error('缺少会话 ID，无法订阅');
    if (!scopeName) throw new Error('订阅范围不能为空：请写县市区名称或“全市”');
    const at = this.now().toISOString();
    this.db.transaction(() => {
      const before = this.get(conversationId);
      this.db
        .prepare(
          `INSERT INTO reminder_conversations (conversation_id, reference, seen_at, scope, quiet, locale, subscribed_at)
           VALUES (@id, @reference, @at, @scope, @quiet, @locale, @at)
           ON CONFLICT (conversation_id) DO UPDATE SET
             scope = excluded.scope, quiet = excluded.quiet, locale = COALESCE(excluded.locale, locale),
             subscribed_at = excluded.subscribed_at, retired_at = NULL, retired_reason = NULL`,
        )
        .run({
          id: conversationId,
          reference: JSON.stringify({ conversation: { id: conversationId } }),
          at,
          scope: scopeName,
          quiet: opts.quiet ? 1 : 0,
          locale: opts.locale ?? null,
        });
      this.audit(opts.actor ?? conversationId, conversationId, before ? 'resubscribe' : 'subscribe', before, this.get(conversationId));
    })();
  }

  /** Ends the subscription (the reference stays for later). Returns whether there was one. */
  unsubscribe(conversationId: string, actor?: string): boolean {
    return this.db.transaction(() => {
      const before = this.get(conversationId);
      if (!before) return false;
      this.db
        .prepare('UPDATE reminder_conversations SET scope = NULL, quiet = 0, subscribed_at = NULL WHERE conversation_id = ?')
        .run(conversationId);
      this.audit(actor ?? conversationId, conversationId, 'unsubscribe', before, null);
      return true;
    })();
  }

  get(conversationId: string): Subscription | undefined {
    const row = this.db.prepare('SELECT * FROM reminder_conversations WHERE conversation_id = ?').get(conversationId) as Row | undefined;
    return row ? toSubscription(row) : undefined;
  }

  /** The stored reference of any conversation the bot has seen, subscribed or not. */
  reference(conversationId: string): Partial<ConversationReference> | undefined {
    const row = this.db.prepare('SELECT reference FROM reminder_conversations WHERE conversation_id = ?').get(conversationId) as
      | { reference: string }
      | undefined;
    if (!row) return undefined;
    try {
      return JSON.parse(row.reference);
    } catch {
      return undefined;
    }
  }

  /** Every subscription, retired ones included (ordered by scope, then conversation). */
  list(): Subscription[] {
    const rows = this.db
      .prepare('SELECT * FROM reminder_conversations WHERE scope IS NOT NULL ORDER BY scope, conversation_id')
      .all() as Row[];
    return rows.map(toSubscription).filter((s): s is Subscription => s !== undefined);
  }

  /** The subscriptions reminders go to: not retired. */
  active(): Subscription[] {
    return this.list().filter((s) => !s.retiredAt);
  }

  /** Marks a conversation unreachable (403/404 from the connector): no reminder until the bot hears from it again. */
  retire(conversationId: string, reason: string): void {
    this.db.transaction(() => {
      const before = this.get(conversationId);
      const res = this.db
        .prepare('UPDATE reminder_conversations SET retired_at = ?, retired_reason = ? WHERE conversation_id = ? AND retired_at IS NULL')
        .run(this.now().toISOString(), reason, conversationId);
      if (res.changes > 0 && before) this.audit('reminder', conversationId, 'retire', before, this.get(conversationId));
    })();
  }

  private audit(actor: string, key: string, action: string, before: Subscription | undefined | null, after: Subscription | undefined | null): void {
    const brief = (s: Subscription | undefined | null) =>
      s ? { scope: s.scope, quiet: s.quiet, locale: s.locale, retiredAt: s.retiredAt, retiredReason: s.retiredReason } : null;
    this.log.record({ actor, at: this.now().toISOString() }, 'subscription', key, action, brief(before), brief(after));
  }
}
