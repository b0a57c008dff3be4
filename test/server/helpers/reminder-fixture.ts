// A reminder test bench: a real SQLite file with the demo city, a mock Bot Connector, subscribed
// conversations whose references point at it, and the real TeamsAdapter (anonymous, as with
// BOT_ID unset) to post through.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { Store } from '../../../server/store/store';
import { seedDemo } from '../../../server/demo/seed';
import { Subscriptions } from '../../../server/store/subscriptions';
import type { Logger } from '../../../server/reminders/fanout';
import { referenceFor, startMockConnector, type MockConnector } from './mock-connector';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  obj: object | string;
  msg?: string;
}

export function memoryLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (obj: object | string, msg?: string) => void lines.push({ level, obj, msg });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

export interface Bench {
  dir: string;
  file: string;
  store: Store;
  connector: MockConnector;
  subs: Subscriptions;
  adapter: TeamsAdapter;
  ids: string[];
  /** Another connection to the same file (a second instance, or the instance after a restart). */
  reopen(): Store;
  close(): Promise<void>;
}

export interface BenchOptions {
  conversations: number;
  /** Scopes given round-robin to the conversations. */
  scopes?: string[];
  /** The demo's "today"; no demo data when null. */
  seedAsOf?: Date | null;
}

export async function reminderBench(o: BenchOptions): Promise<Bench> {
  const dir = mkdtempSync(join(tmpdir(), 'keyproj-remind-'));
  const file = join(dir, 'keyproj.db');
  const store = Store.open(file);
  if (o.seedAsOf !== null) seedDemo(store, o.seedAsOf ?? new Date('2026-11-02T01:00:00Z'));
  const connector = await startMockConnector();
  const subs = new Subscriptions(store.db);
  const scopes = o.scopes ?? ['桃城区', '全市', '冀州区', '景县'];
  const ids: string[] = [];
  for (let i = 0; i < o.conversations; i++) {
    const id = `19:conv-${String(i).padStart(2, '0')}@thread.tacv2`;
    subs.saveReference(referenceFor(connector, id));
    subs.subscribe(id, scopes[i % scopes.length]);
    ids.push(id);
  }
  const adapter = new TeamsAdapter({});
  const opened: Store[] = [store];
  return {
    dir, file, store, connector, subs, adapter, ids,
    reopen() {
      const s = Store.open(file);
      opened.push(s);
      return s;
    },
    async close() {
      await connector.close();
      for (const s of opened) s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fast retry settings so scripted failures do not make tests slow (the Retry-After floor stays). */
export const FAST = { concurrency: 4, perSecond: 100, maxAttempts: 5, backoff: { baseMs: 30, maxMs: 200 }, leaseMs: 3_000 };
