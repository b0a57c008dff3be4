// P3: the weekly reminder fanned out to 2,000 subscribed conversations by the real scheduler and
// TeamsAdapter (product defaults), through a connector that throttles like Teams (see
// limited-connector.ts). Goal: total time ≤ 1.15 × the floor the limits impose; 0 duplicates,
// 0 lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { DEFAULT_CONFIG } from '../core/config';
import { seedDemo } from '../server/demo/seed';
import { startScheduler } from '../server/reminders/scheduler';
import { weeklySlots } from '../server/reminders/slots';
import { Store } from '../server/store/store';
import { CITY_SCOPE, Subscriptions } from '../server/store/subscriptions';
import { referenceFor } from '../test/server/helpers/mock-connector';
import { floorMs, startConnectorProcess, TEAMS_PER_BOT, TEAMS_PER_CONVERSATION } from './limited-connector';
import { ms, result, type BenchResult } from './stats';

const NOW = new Date('2026-11-02T01:00:00Z'); // Monday 09:00 in Shanghai: the weekly slot is due

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

export async function p3(n = 2_000): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'keyproj-bench-remind-'));
  const store = Store.open(join(dir, 'keyproj.db'), { config: DEFAULT_CONFIG });
  const connector = await startConnectorProcess();
  try {
    await seedDemo(store, NOW);
    const subs = new Subscriptions(store.db);
    const scopes = [...DEFAULT_CONFIG.counties.map((c) => c.name), CITY_SCOPE];
    const ids = Array.from({ length: n }, (_, i) => `19:bench-${String(i).padStart(4, '0')}@thread.tacv2`);
    store.transaction(() => ids.forEach((id, i) => {
      subs.saveReference(referenceFor(connector, id));
      subs.subscribe(id, scopes[i % scopes.length]);
    }));
    const [slot] = weeklySlots(DEFAULT_CONFIG, new Date('2026-11-02T00:00:00Z'), new Date('2026-11-03T00:00:00Z'));
    const scheduler = startScheduler({
      store, config: DEFAULT_CONFIG, logger: quiet, adapter: new TeamsAdapter({}), env: {}, now: () => NOW, timers: false, catchUp: false,
    });
    const t = performance.now();
    const res = await scheduler.runSlot(slot);
    const total = performance.now() - t;
    await scheduler.stop();
    const stats = await connector.stats();

    const duplicates = ids.filter((id) => (stats.delivered.get(id) ?? 0) > 1).length;
    const lost = ids.filter((id) => !stats.delivered.get(id)).length;
    // One post per conversation: the per-conversation windows never bind, the per-bot one does.
    const floor = Math.max(floorMs(n, TEAMS_PER_BOT), floorMs(1, TEAMS_PER_CONVERSATION));
    const ratio = total / floor;
    const ok = ratio <= 1.15 && duplicates === 0 && lost === 0 && res.status === 'done' && res.counts.sent === n;
    return result({
      id: 'P3', name: `reminder fan-out to ${n} conversations`,
      measured: `total ${(total / 1000).toFixed(1)} s, ${duplicates} duplicates, ${lost} lost`,
      baseline: `floor ${(floor / 1000).toFixed(1)} s (Teams limits: 50/s per bot, 7/s per conversation)`,
      ratio, goal: '<= 1.15, 0 duplicates, 0 lost', ok,
      note: `slot ${res.slot} ${res.status}: ${JSON.stringify(res.counts)}; 429 answered ${stats.throttled}×; first→last accepted ${ms((stats.lastAt ?? 0) - (stats.firstAt ?? 0))}`,
    });
  } finally {
    await connector.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
