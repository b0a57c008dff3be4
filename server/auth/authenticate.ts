// Who is calling: `Authorization: Bearer <token>` with either an API token (kp_…) or an
// Entra ID access token whose `oid` is mapped to a user. Failures are HttpErrors (401/403).
import type { IncomingHttpHeaders } from 'node:http';
import { HttpError } from '../http/errors';
import type { User, Users } from '../store/users';
import type { Verifier } from './entra';
import { TOKEN_PREFIX } from './tokens';

export type Authenticate = (headers: IncomingHttpHeaders) => Promise<User>;

const DETAIL = {
  unknownApiToken: { 'zh-CN': 'API 令牌不存在或已被撤销', en: 'unknown or revoked API token' },
  notJwt: { 'zh-CN': '既不是 kp_ 开头的 API 令牌，也不是 JWT', en: 'neither a kp_ API token nor a JWT' },
  noOid: { 'zh-CN': '令牌中没有用户对象 ID（oid）', en: 'the token carries no object id (oid)' },
};

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function createAuthenticator(deps: { users: Users; verifier?: Verifier }): Authenticate {
  return async (headers) => {
    const h = headers.authorization;
    const m = typeof h === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(h) : null;
    if (!m) throw new HttpError(401, 'unauthenticated');
    const token = m[1];
    if (token.startsWith(TOKEN_PREFIX)) {
      const user = deps.users.findByToken(token);
      if (!user) throw new HttpError(401, 'invalid_token', { detail: DETAIL.unknownApiToken });
      return user;
    }
    if (!JWT_SHAPE.test(token)) throw new HttpError(401, 'invalid_token', { detail: DETAIL.notJwt });
    if (!deps.verifier) throw new HttpError(401, 'entra_not_configured');
    const r = await deps.verifier(token);
    if (!r.ok) {
      if (r.reason === 'expired') throw new HttpError(401, 'token_expired');
      throw new HttpError(401, 'invalid_token', { detail: r.detail });
    }
    const oid = r.payload.oid;
    if (typeof oid !== 'string' || !oid) throw new HttpError(401, 'invalid_token', { detail: DETAIL.noOid });
    const user = deps.users.findByAadObjectId(oid);
    if (!user) throw new HttpError(403, 'unknown_user', { oid });
    return user;
  };
}
