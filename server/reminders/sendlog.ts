// The persisted send log and leases that make a reminder go out once per conversation and slot,
// across restarts and with several service instances on one database:
// - a lease row per slot (holder, expires_at): only its holder fans the slot out;
// - one row per (slot, conversation): pending → sending → sent | failed | retired (or skipped).
//   A row moves to `sending` in the same statement that checks the lease, before the post,
//   so two instances can never both post it. A `sending` row left by a holder that died
//   mid-post is in doubt (the post may have arrived); it is marked failed, not sent again:
//   a missing reminder is better than a duplicate, and it is reported.
import type { Db } from '../store/db';
import type { Period } from '../../core/types';

export type SlotKind = 'weekly' | 'deadline' | 'manual';
export type SendState = 'pending' | 'sending' | 'sent' | 'failed' | 'retired' | 'skipped';

export interface SlotRecord {
  slot: string;
  kind: SlotKind;
  dueAt: string;
  period: Period;
  plannedAt?: string;
  completedAt?: string;
}

export interface SendRow {
  slot: string;
  conversationId: string;
  scope: string;
  state: SendState;
  attempts: number;
  holder?: string;
  nextAttemptAt?: string;
  lastError?: string;
  activityId?: string;
  updatedAt: string;
  sentAt?: string;
}

export interface PlannedRecipient {
  conversationId: string;
  scope: string;
  /** skipped = nothing to say to this conversation in this slot. */
  state: 'pending' | 'skipped';
  reason?: string;
}

interface RawSend {
  slot: string; conversation_id: string; scope: string; state: SendState; attempts: number;
  holder: string | null; next_attempt_at: string | null; last_error: string | null; activity_id: string | null;
  updated_at: string; sent_at: string | null;
}

function toRow(r: RawSend): SendRow {
  return {
    slot: r.slot, conversationId: r.conversation_id, scope: r.scope, state: r.state, attempts: r.attempts,
    holder: r.holder ?? undefined, nextAttemptAt: r.next_attempt_at ?? undefined, lastError: r.last_error ?? undefined,
    activityId: r.activity_id ?? undefined, updatedAt: r.updated_at, sentAt: r.sent_at ?? undefined,
  };
}

export const INTERRUPTED = '发送中断，无法确认是否送达（为避免重复，不再重发）';

export class SendLog {
  constructor(
    private readonly db: Db,
    /** This instance's name in leases and rows (e.g. host:pid:random). */
    readonly holder: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private iso(): string {
    return this.now().toISOString();
  }

  // ---- leases ----

  /** Takes the lease when free, expired or already ours; extends it by ttlMs. */
  acquireLease(name: string, ttlMs: number): boolean {
    const t = this.now().getTime();
    const res = this.db
      .prepare(
        `INSERT INTO reminder_leases (name, holder, expires_at) VALUES (@name, @holder, @exp)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE reminder_leases.holder = excluded.holder OR reminder_leases.expires_at <= @now`,
      )
      .run({ name, holder: this.holder, exp: t + ttlMs, now: t });
    return res.changes === 1;
  }

  /** Extends our lease; false when it was lost (expired and taken by another instance). */
  renewLease(name: string, ttlMs: number): boolean {
    const t = this.now().getTime();
    return this.db
      .prepare('UPDATE reminder_leases SET expires_at = ? WHERE name = ? AND holder = ?')
      .run(t + ttlMs, name, this.holder).changes === 1;
  }

  releaseLease(name: string): void {
    this.db.prepare('DELETE FROM reminder_leases WHERE name = ? AND holder = ?').run(name, this.holder);
  }

  leaseHolder(name: string): { holder: string; expiresAt: number } | undefined {
    const r = this.db.prepare('SELECT holder, expires_at FROM reminder_leases WHERE name = ?').get(name) as
      | { holder: string; expires_at: number }
      | undefined;
    return r && { holder: r.holder, expiresAt: r.expires_at };
  }

  // ---- slots ----

  /** Records the slot once (the same slot computed twice is the same row). */
  ensureSlot(s: { slot: string; kind: SlotKind; dueAt: Date; period: Period }): SlotRecord {
    this.db
      .prepare('INSERT OR IGNORE INTO reminder_slots (slot, kind, due_at, period) VALUES (?, ?, ?, ?)')
      .run(s.slot, s.kind, s.dueAt.toISOString(), s.period);
    return this.slot(s.slot)!;
  }

  slot(id: string): SlotRecord | undefined {
    const r = this.db.prepare('SELECT * FROM reminder_slots WHERE slot = ?').get(id) as
      | { slot: string; kind: SlotKind; due_at: string; period: string; planned_at: string | null; completed_at: string | null }
      | undefined;
    return r && {
      slot: r.slot, kind: r.kind, dueAt: r.due_at, period: r.period,
      plannedAt: r.planned_at ?? undefined, completedAt: r.completed_at ?? undefined,
    };
  }

  /** Slots planned but not completed (a fan-out that was interrupted). */
  unfinishedSlots(): SlotRecord[] {
    const ids = this.db
      .prepare('SELECT slot FROM reminder_slots WHERE planned_at IS NOT NULL AND completed_at IS NULL ORDER BY due_at')
      .all() as { slot: string }[];
    return ids.map((r) => this.slot(r.slot)!);
  }

  recentSlots(limit = 20): SlotRecord[] {
    const ids = this.db.prepare('SELECT slot FROM reminder_slots ORDER BY due_at DESC LIMIT ?').all(limit) as { slot: string }[];
    return ids.map((r) => this.slot(r.slot)!);
  }

  /**
   * Writes the recipients of a slot, once: only the lease holder, only while the slot is not yet
   * planned. Returns false when it was planned already (by us before a restart, or by another).
   */
  plan(slot: string, recipients: PlannedRecipient[]): boolean {
    const at = this.iso();
    return this.db.transaction(() => {
      const res = this.db
        .prepare(
          `UPDATE reminder_slots SET planned_at = ? WHERE slot = ? AND planned_at IS NULL
           AND EXISTS (SELECT 1 FROM reminder_leases WHERE name = ? AND holder = ? AND expires_at > ?)`,
        )
        .run(at, slot, slot, this.holder, this.now().getTime());
      if (res.changes !== 1) return false;
      const ins = this.db.prepare(
        `INSERT OR IGNORE INTO reminder_sends (slot, conversation_id, scope, state, last_error, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      );
      for (const r of recipients) ins.run(slot, r.conversationId, r.scope, r.state, r.reason ?? null, at);
      return true;
    }).immediate();
  }

  /** Marks a planned slot complete when nothing is left pending or in flight; false otherwise. */
  complete(slot: string): boolean {
    return this.db
      .prepare(
        `UPDATE reminder_slots SET completed_at = ? WHERE slot = ? AND completed_at IS NULL AND planned_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM reminder_sends WHERE slot = ? AND state IN ('pending', 'sending'))`,
      )
      .run(this.iso(), slot, slot).changes === 1;
  }

  // ---- sends ----

  rows(slot: string): SendRow[] {
    return (this.db.prepare('SELECT * FROM reminder_sends WHERE slot = ? ORDER BY conversation_id').all(slot) as RawSend[]).map(toRow);
  }

  row(slot: string, conversationId: string): SendRow | undefined {
    const r = this.db.prepare('SELECT * FROM reminder_sends WHERE slot = ? AND conversation_id = ?').get(slot, conversationId) as
      | RawSend
      | undefined;
    return r && toRow(r);
  }

  /** Pending rows whose next attempt is due (all pending when `dueOnly` is false). */
  pending(slot: string, dueOnly = true): SendRow[] {
    const sql = dueOnly
      ? "SELECT * FROM reminder_sends WHERE slot = ? AND state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY conversation_id"
      : "SELECT * FROM reminder_sends WHERE slot = ? AND state = 'pending' ORDER BY conversation_id";
    const rows = (dueOnly ? this.db.prepare(sql).all(slot, this.iso()) : this.db.prepare(sql).all(slot)) as RawSend[];
    return rows.map(toRow);
  }

  /** The earliest next attempt among pending rows (undefined when none are pending). */
  nextAttemptAt(slot: string): Date | undefined {
    const r = this.db
      .prepare("SELECT MIN(COALESCE(next_attempt_at, '')) AS t, COUNT(*) AS n FROM reminder_sends WHERE slot = ? AND state = 'pending'")
      .get(slot) as { t: string | null; n: number };
    if (r.n === 0) return undefined;
    return r.t ? new Date(r.t) : this.now();
  }

  /**
   * `sending` rows left by an instance that no longer holds the lease: their post may or may
   * not have arrived. Marks them failed (not resent) and returns them.
   */
  settleInterrupted(slot: string): SendRow[] {
    return this.db.transaction(() => {
      const rows = (this.db
        .prepare("SELECT * FROM reminder_sends WHERE slot = ? AND state = 'sending' AND (holder IS NULL OR holder <> ?)")
        .all(slot, this.holder) as RawSend[]).map(toRow);
      const upd = this.db.prepare(
        "UPDATE reminder_sends SET state = 'failed', last_error = ?, updated_at = ? WHERE slot = ? AND conversation_id = ? AND state = 'sending'",
      );
      for (const r of rows) upd.run(`${INTERRUPTED}（${r.holder ?? '?'}）`, this.iso(), slot, r.conversationId);
      return rows;
    }).immediate();
  }

  /**
   * pending → sending, only while we hold the slot's lease. True = this instance may post now;
   * false = someone else has it, or the lease is lost.
   */
  claim(slot: string, conversationId: string): boolean {
    const t = this.now();
    return this.db
      .prepare(
        `UPDATE reminder_sends SET state = 'sending', holder = @holder, attempts = attempts + 1, updated_at = @at
         WHERE slot = @slot AND conversation_id = @id AND state = 'pending'
         AND EXISTS (SELECT 1 FROM reminder_leases WHERE name = @slot AND holder = @holder AND expires_at > @now)`,
      )
      .run({ holder: this.holder, at: t.toISOString(), slot, id: conversationId, now: t.getTime() }).changes === 1;
  }

  private finish(slot: string, conversationId: string, state: SendState, fields: { error?: string; activityId?: string; nextAttemptAt?: Date }): void {
    const at = this.iso();
    this.db
      .prepare(
        `UPDATE reminder_sends SET state = @state, last_error = COALESCE(@error, last_error), activity_id = COALESCE(@activityId, activity_id),
           next_attempt_at = @next, sent_at = CASE WHEN @state = 'sent' THEN @at ELSE sent_at END, updated_at = @at
         WHERE slot = @slot AND conversation_id = @id AND state = 'sending' AND holder = @holder`,
      )
      .run({
        state, error: fields.error ?? null, activityId: fields.activityId ?? null,
        next: fields.nextAttemptAt?.toISOString() ?? null, at, slot, id: conversationId, holder: this.holder,
      });
  }

  markSent(slot: string, conversationId: string, activityId?: string): void {
    this.finish(slot, conversationId, 'sent', { activityId });
  }

  /** Back to pending, to be tried again at `nextAttemptAt`. */
  markRetry(slot: string, conversationId: string, error: string, nextAttemptAt: Date): void {
    this.finish(slot, conversationId, 'pending', { error, nextAttemptAt });
  }

  markFailed(slot: string, conversationId: string, error: string): void {
    this.finish(slot, conversationId, 'failed', { error });
  }

  markRetired(slot: string, conversationId: string, error: string): void {
    this.finish(slot, conversationId, 'retired', { error });
  }

  /** Counts per state of a slot. */
  counts(slot: string): Record<SendState, number> {
    const out: Record<SendState, number> = { pending: 0, sending: 0, sent: 0, failed: 0, retired: 0, skipped: 0 };
    const rows = this.db.prepare('SELECT state, COUNT(*) AS n FROM reminder_sends WHERE slot = ? GROUP BY state').all(slot) as
      { state: SendState; n: number }[];
    for (const r of rows) out[r.state] = r.n;
    return out;
  }
}
