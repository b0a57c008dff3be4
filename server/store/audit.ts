// The audit log: every write of every repository records who, when, the record before and after.
import type { Db } from './db';

/** Who is writing and when (ISO timestamp; now when absent). */
export interface WriteCtx {
  actor: string;
  at?: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  entity: string;
  key: string;
  action: string;
  before: unknown;
  after: unknown;
}

interface AuditRow {
  id: number; at: string; actor: string; entity: string; key: string; action: string;
  before: string | null; after: string | null;
}

export function nowIso(ctx?: WriteCtx): string {
  return ctx?.at ?? new Date().toISOString();
}

export class AuditLog {
  private readonly insert;
  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      'INSERT INTO audit (at, actor, entity, key, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  record(ctx: WriteCtx, entity: string, key: string, action: string, before: unknown, after: unknown): void {
    this.insert.run(
      nowIso(ctx), ctx.actor, entity, key, action,
      before === undefined || before === null ? null : JSON.stringify(before),
      after === undefined || after === null ? null : JSON.stringify(after),
    );
  }

  /** Newest first. */
  list(filter: { entity?: string; key?: string; actor?: string; limit?: number } = {}): AuditEntry[] {
    const where: string[] = [];
    const params: unknown[] = [];
    for (const f of ['entity', 'key', 'actor'] as const) {
      if (filter[f] !== undefined) { where.push(`${f} = ?`); params.push(filter[f]); }
    }
    const sql = `SELECT * FROM audit ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ?`;
    const rows = this.db.prepare(sql).all(...params, filter.limit ?? 1000) as AuditRow[];
    return rows.map((r) => ({
      ...r,
      before: r.before === null ? null : JSON.parse(r.before),
      after: r.after === null ? null : JSON.parse(r.after),
    }));
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;
  }
}
