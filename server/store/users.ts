// Users, roles and API tokens. The API authenticates with findByToken / findByAadObjectId;
// the bot maps Teams callers (aadObjectId) to roles with findByAadObjectId.
import type { Db as Database } from './db';
import type { Config } from '../../core/config';
import type { Text } from '../../core/i18n';
import { hashToken, newToken } from '../auth/tokens';
import { AuditLog, nowIso, type WriteCtx } from './audit';

export const ROLES = ['admin', 'staff', 'leader', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, Text> = {
  admin: { 'zh-CN': '管理员', en: 'admin' },
  staff: { 'zh-CN': '填报员', en: 'staff' },
  leader: { 'zh-CN': '领导', en: 'leader' },
  viewer: { 'zh-CN': '查看', en: 'viewer' },
};

export interface User {
  id: number;
  name: string;
  role: Role;
  /** The county a staff member reports for (null for the other roles unless set). */
  county: string | null;
  /** Links a leader to the 包联领导 name on projects. */
  leaderName: string | null;
  aadObjectId: string | null;
  createdAt: string;
}

export interface NewUser {
  name: string;
  role: Role;
  county?: string | null;
  leaderName?: string | null;
  aadObjectId?: string | null;
}

interface UserRow {
  id: number; name: string; role: Role; county: string | null; leader_name: string | null;
  aad_object_id: string | null; created_at: string;
}

const toUser = (r: UserRow): User => ({
  id: r.id, name: r.name, role: r.role, county: r.county, leaderName: r.leader_name,
  aadObjectId: r.aad_object_id, createdAt: r.created_at,
});

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Chinese messages for everything wrong with a new user (empty when it can be added). */
export function checkNewUser(u: NewUser, config: Config): string[] {
  const bad: string[] = [];
  if (!u.name?.trim()) bad.push('--name：姓名不能为空');
  else if (u.name.length > 50) bad.push('--name：姓名不能超过 50 个字');
  if (!ROLES.includes(u.role)) bad.push(`--role：“${u.role ?? ''}”不是有效角色，应为 admin（管理员）、staff（填报员）、leader（领导）或 viewer（查看）`);
  if (u.role === 'staff' && !u.county) bad.push('--county：填报员（staff）必须指定所属县市区，例如 --county 桃城区');
  if (u.county && !config.counties.some((k) => k.name === u.county)) {
    bad.push(`--county：“${u.county}”不是已配置的县市区，可选：${config.counties.map((k) => k.name).join('、')}`);
  }
  if (u.aadObjectId && !GUID.test(u.aadObjectId)) bad.push(`--aad：“${u.aadObjectId}”不是 Entra ID 对象 ID（形如 00000000-0000-0000-0000-000000000000）`);
  return bad;
}

export class Users {
  private readonly audit: AuditLog;
  constructor(private readonly db: Database, audit?: AuditLog) {
    this.audit = audit ?? new AuditLog(db);
  }

  /** Adds a user and returns their API token; the token is not stored and cannot be shown again. */
  add(u: NewUser, ctx: WriteCtx = { actor: 'cli' }): { user: User; token: string } {
    const token = newToken();
    const at = nowIso(ctx);
    const tx = this.db.transaction(() => {
      const info = this.db
        .prepare('INSERT INTO users (name, role, county, leader_name, aad_object_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(u.name.trim(), u.role, u.county ?? null, u.leaderName ?? null, u.aadObjectId?.toLowerCase() ?? null, at);
      const id = Number(info.lastInsertRowid);
      this.db.prepare('INSERT INTO api_tokens (user_id, token_hash, created_at) VALUES (?, ?, ?)').run(id, hashToken(token), at);
      this.audit.record({ ...ctx, at }, 'user', String(id), 'create', null, this.get(id));
      return id;
    });
    const id = tx();
    return { user: this.get(id)!, token };
  }

  get(id: number): User | undefined {
    const r = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return r && toUser(r);
  }

  findByName(name: string): User | undefined {
    const r = this.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined;
    return r && toUser(r);
  }

  findByAadObjectId(oid: string): User | undefined {
    if (typeof oid !== 'string' || !oid) return undefined;
    const r = this.db.prepare('SELECT * FROM users WHERE aad_object_id = ?').get(oid.toLowerCase()) as UserRow | undefined;
    return r && toUser(r);
  }

  findByToken(token: string, now = new Date()): User | undefined {
    if (typeof token !== 'string' || !token) return undefined;
    const hash = hashToken(token);
    const r = this.db
      .prepare('SELECT u.* FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?')
      .get(hash) as UserRow | undefined;
    if (!r) return undefined;
    // When a token was last used (for `user list`), written at most once an hour per token.
    const at = now.toISOString();
    const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
    this.db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)').run(at, hash, hourAgo);
    return toUser(r);
  }

  /** When each user's token was last used (ISO), by user id. */
  lastUsed(): Map<number, string> {
    const rows = this.db.prepare('SELECT user_id, max(last_used_at) AS at FROM api_tokens WHERE last_used_at IS NOT NULL GROUP BY user_id').all() as { user_id: number; at: string }[];
    return new Map(rows.map((r) => [r.user_id, r.at]));
  }

  list(): User[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY id').all() as UserRow[]).map(toUser);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  /** Removes a user (by id or name) and their tokens; returns the removed user. */
  remove(idOrName: number | string, ctx: WriteCtx = { actor: 'cli' }): User | undefined {
    const u = typeof idOrName === 'number' || /^\d+$/.test(idOrName) ? this.get(Number(idOrName)) : this.findByName(idOrName);
    if (!u) return undefined;
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM users WHERE id = ?').run(u.id);
      this.audit.record(ctx, 'user', String(u.id), 'delete', u, null);
    })();
    return u;
  }
}
