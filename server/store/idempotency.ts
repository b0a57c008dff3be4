// Idempotency-Key support: the first successful response to (user, key) is kept and replayed
// when the client retries; the same key with a different body is refused by the caller.
import { createHash } from 'node:crypto';
import type { Db as Database } from './db';

export interface StoredResponse {
  route: string;
  bodyHash: string;
  status: number;
  body: unknown;
}

/** Stable hash of a JSON body: object keys sorted, so key order does not matter. */
export function bodyHash(body: unknown): string {
  const canon = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canon);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return createHash('sha256').update(JSON.stringify(canon(body ?? null)) ?? 'null').digest('hex');
}

/** Keys are opaque client strings; keep them short and printable. */
export function isValidKey(key: string): boolean {
  return key.length >= 1 && key.length <= 200 && /^[\x21-\x7e]+$/.test(key);
}

export class Idempotency {
  constructor(private readonly db: Database) {}

  find(userId: number, key: string): StoredResponse | undefined {
    const r = this.db
      .prepare('SELECT route, body_hash, status, response FROM idempotency_keys WHERE user_id = ? AND key = ?')
      .get(userId, key) as { route: string; body_hash: string; status: number; response: string } | undefined;
    return r && { route: r.route, bodyHash: r.body_hash, status: r.status, body: JSON.parse(r.response) };
  }

  /** Call inside the same transaction as the write it answers for, so both commit or neither. */
  save(userId: number, key: string, r: StoredResponse, now = new Date()): void {
    this.db
      .prepare('INSERT INTO idempotency_keys (user_id, key, route, body_hash, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(userId, key, r.route, r.bodyHash, r.status, JSON.stringify(r.body), now.toISOString());
  }

  /** Forgets keys older than `days` (clients retry within minutes, not weeks). */
  prune(days = 30, now = new Date()): number {
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    return this.db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(cutoff).changes;
  }
}
