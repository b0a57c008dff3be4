// A test identity provider: an RS256 key pair published as a JWKS (file and/or local HTTP
// server) and a signer for Entra-style access tokens, plus a second, unpublished key for forgeries.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export const TEST_ISSUER = 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0';
export const TEST_AUDIENCE = 'api://keyproj-test';

export interface TokenOptions {
  oid?: string;
  /** Seconds from now; negative for an expired token. Default 3600. */
  expiresIn?: number;
  issuer?: string;
  audience?: string;
  /** Sign with the key that is not in the JWKS. */
  forged?: boolean;
  extra?: Record<string, unknown>;
}

export interface TestIdp {
  jwks: { keys: JWK[] };
  jwksFile: string;
  env: Record<string, string>;
  sign(opts?: TokenOptions): Promise<string>;
  /** Serves the JWKS over http on 127.0.0.1; returns its URL. */
  serve(): Promise<{ url: string; close(): Promise<void>; hits: () => number }>;
}

export async function createTestIdp(): Promise<TestIdp> {
  const good = await generateKeyPair('RS256', { extractable: true });
  const bad = await generateKeyPair('RS256', { extractable: true });
  const kid = 'test-key-1';
  const jwk = { ...(await exportJWK(good.publicKey)), kid, alg: 'RS256', use: 'sig' };
  const jwks = { keys: [jwk] };
  const dir = mkdtempSync(join(tmpdir(), 'keyproj-idp-'));
  const jwksFile = join(dir, 'jwks.json');
  writeFileSync(jwksFile, JSON.stringify(jwks));

  const sign = async (o: TokenOptions = {}) => {
    const key: CryptoKey = o.forged ? bad.privateKey : good.privateKey;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ oid: o.oid ?? '00000000-0000-0000-0000-000000000001', tid: '11111111-2222-3333-4444-555555555555', ...o.extra })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(o.issuer ?? TEST_ISSUER)
      .setAudience(o.audience ?? TEST_AUDIENCE)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (o.expiresIn ?? 3600))
      .sign(key);
  };

  const serve = async () => {
    let hits = 0;
    const server: Server = createServer((_req, res) => {
      hits++;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(jwks));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}/discovery/v2.0/keys`,
      hits: () => hits,
      close: () => new Promise<void>((r) => server.close(() => r())),
    };
  };

  return {
    jwks, jwksFile, sign, serve,
    env: { KEYPROJ_AUTH_ISSUER: TEST_ISSUER, KEYPROJ_AUTH_AUDIENCE: TEST_AUDIENCE, KEYPROJ_AUTH_JWKS_FILE: jwksFile },
  };
}
