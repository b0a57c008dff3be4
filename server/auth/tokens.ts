// API tokens: `kp_` + 32 random bytes in base64url, shown once; only the sha256 hash is stored.
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'kp_';

export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A well-formed API token (cheap check before touching the database). */
export function looksLikeApiToken(s: string): boolean {
  return s.startsWith(TOKEN_PREFIX) && /^kp_[A-Za-z0-9_-]{43}$/.test(s);
}
