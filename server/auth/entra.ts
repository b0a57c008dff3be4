// Microsoft Entra ID access tokens, verified with jose against the tenant's JWKS (remote URL)
// or a local JWKS (file path or inline JSON, for intranets without internet and for tests).
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';

export interface EntraSettings {
  issuer: string[];
  audience: string[];
  jwksUrl?: string;
  jwksFile?: string;
}

export type VerifyResult =
  | { ok: true; payload: JWTPayload & { oid?: string } }
  | { ok: false; reason: 'expired' | 'invalid'; detail: string };

export type Verifier = (token: string) => Promise<VerifyResult>;

const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** Reads KEYPROJ_AUTH_* from the environment; undefined when Entra sign-in is not configured. */
export function entraSettingsFromEnv(env: Record<string, string | undefined>): EntraSettings | undefined {
  const issuer = list(env.KEYPROJ_AUTH_ISSUER);
  const audience = list(env.KEYPROJ_AUTH_AUDIENCE);
  const jwksUrl = env.KEYPROJ_AUTH_JWKS_URL?.trim() || undefined;
  const jwksFile = env.KEYPROJ_AUTH_JWKS_FILE?.trim() || undefined;
  if (!issuer.length && !audience.length && !jwksUrl && !jwksFile) return undefined;
  return { issuer, audience, jwksUrl, jwksFile };
}

/** Chinese messages for an incomplete Entra configuration (empty when usable or absent). */
export function checkEntraSettings(s: EntraSettings | undefined): string[] {
  if (!s) return [];
  const bad: string[] = [];
  if (!s.issuer.length) bad.push('KEYPROJ_AUTH_ISSUER：未设置令牌颁发者，例如 https://login.microsoftonline.com/<租户ID>/v2.0');
  if (!s.audience.length) bad.push('KEYPROJ_AUTH_AUDIENCE：未设置令牌受众（应用的客户端 ID 或 api://… 标识）');
  if (!s.jwksUrl && !s.jwksFile) bad.push('KEYPROJ_AUTH_JWKS_URL 或 KEYPROJ_AUTH_JWKS_FILE：未设置签名公钥来源，例如 https://login.microsoftonline.com/<租户ID>/discovery/v2.0/keys');
  if (s.jwksUrl && !/^https?:\/\//.test(s.jwksUrl)) bad.push(`KEYPROJ_AUTH_JWKS_URL：“${s.jwksUrl}”不是 http(s) 地址`);
  if (s.jwksFile && !s.jwksFile.startsWith('{')) {
    try { JSON.parse(readFileSync(s.jwksFile, 'utf8')); } catch (e) {
      bad.push(`KEYPROJ_AUTH_JWKS_FILE：无法读取公钥文件“${s.jwksFile}”（${(e as Error).message}）`);
    }
  }
  return bad;
}

function loadKeySet(s: EntraSettings) {
  if (s.jwksUrl) return createRemoteJWKSet(new URL(s.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 3_600_000 });
  const text = s.jwksFile!.startsWith('{') ? s.jwksFile! : readFileSync(s.jwksFile!, 'utf8');
  return createLocalJWKSet(JSON.parse(text) as JSONWebKeySet);
}

export function createVerifier(s: EntraSettings): Verifier {
  const keys = loadKeySet(s);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: s.issuer,
        audience: s.audience,
        algorithms: ['RS256'],
        clockTolerance: 60,
        requiredClaims: ['exp', 'oid'],
      });
      return { ok: true, payload };
    } catch (e) {
      if (e instanceof errors.JWTExpired) return { ok: false, reason: 'expired', detail: 'exp' };
      if (e instanceof errors.JWTClaimValidationFailed) return { ok: false, reason: 'invalid', detail: `claim ${e.claim}` };
      if (e instanceof errors.JOSEError) return { ok: false, reason: 'invalid', detail: e.code };
      return { ok: false, reason: 'invalid', detail: 'unreadable' };
    }
  };
}
