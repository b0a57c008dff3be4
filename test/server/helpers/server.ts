// Starts the real service app for a test: a fresh SQLite file in os.tmpdir(), seeded with the
// demo city or the small fixture, users of every role with ready API tokens, listening on
// 127.0.0.1 on a free port. Other suites may reuse it:
//
//   const s = await startTestServer({ seed: 'demo' });
//   const r = await s.api('/api/v1/projects', { token: s.tokens.staff });   // → { status, body, headers }
//   await s.close();
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { resolveConfig, type Config } from '../../../core/config';
import { createApp } from '../../../server/app';
import { openDb } from '../../../server/store/db';
import { Store } from '../../../server/store/store';
import { Users, type Role } from '../../../server/store/users';
import { seedFixture } from './fixture';
import type { TestIdp } from './jwt';

export type TestUser = 'admin' | 'staff' | 'staffOther' | 'leader' | 'viewer';

/** The Entra object ids of the test users who also have one. */
export const TEST_OIDS: Partial<Record<TestUser, string>> = {
  staff: '00000000-0000-0000-0000-000000000001',
  leader: '00000000-0000-0000-0000-000000000002',
  admin: '00000000-0000-0000-0000-000000000003',
};

const TEST_USERS: Record<TestUser, { name: string; role: Role; county?: string; leaderName?: string }> = {
  admin: { name: '市重点办管理员', role: 'admin' },
  staff: { name: '桃城区填报员', role: 'staff', county: '桃城区' },
  staffOther: { name: '冀州区填报员', role: 'staff', county: '冀州区' },
  leader: { name: '赵志刚', role: 'leader', leaderName: '赵志刚' },
  viewer: { name: '观察员', role: 'viewer' },
};

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

export interface ApiInit {
  method?: string;
  token?: string;
  body?: unknown;
  /** Sent as is (for malformed JSON); overrides body. */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

export interface TestServer {
  url: string;
  dbFile: string;
  store: Store;
  config: Config;
  users: Users;
  tokens: Record<TestUser, string>;
  api(path: string, init?: ApiInit): Promise<ApiResponse>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  seed?: 'demo' | 'fixture' | 'none';
  /** As-of instant for the demo. */
  asOf?: Date;
  env?: Record<string, string>;
  idp?: TestIdp;
  config?: Config;
  /** Folder of the built add-in served at /addin/ (default addin/dist). */
  addinDir?: string;
}

export async function startTestServer(o: TestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'keyproj-api-'));
  const dbFile = join(dir, 'keyproj.db');
  const config = o.config ?? resolveConfig({});
  const store = new Store(openDb(dbFile), { config });
  if (o.seed === 'demo') {
    const { seedDemo } = await import('../../../server/demo/seed');
    await seedDemo(store, o.asOf ?? new Date());
  } else if (o.seed !== 'none') {
    seedFixture(store);
  }
  const users = new Users(store.db);
  const tokens = {} as Record<TestUser, string>;
  for (const [key, u] of Object.entries(TEST_USERS) as [TestUser, (typeof TEST_USERS)[TestUser]][]) {
    tokens[key] = users.add({ ...u, aadObjectId: TEST_OIDS[key] }, { actor: 'test' }).token;
  }
  const env = { ...(o.idp?.env ?? {}), ...(o.env ?? {}) };
  const app = createApp({ store, config, logger: pino({ level: 'silent' }), env, addinDir: o.addinDir });
  const server: Server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const api = async (path: string, init: ApiInit = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | Buffer | undefined;
    if (init.rawBody !== undefined) body = init.rawBody;
    else if (init.body !== undefined) body = JSON.stringify(init.body);
    if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    const res = await fetch(url + path, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body: body as BodyInit | undefined });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };

  return {
    url, dbFile, store, config, users, tokens, api,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      try {
        store.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
