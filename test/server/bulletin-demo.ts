// The demo city in a real SQLite file, for the bulletin and reconciliation tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo, type DemoData } from '../../server/demo/generate';
import { seedDemo } from '../../server/demo/seed';
import { Store } from '../../server/store/store';

export interface DemoStore {
  store: Store;
  /** What was seeded (the generator is deterministic for the same asOf). */
  demo: DemoData;
  dir: string;
  close(): void;
}

export function demoStore(asOf: Date): DemoStore {
  const dir = mkdtempSync(join(tmpdir(), 'keyproj-bulletin-'));
  const store = Store.open(join(dir, 'keyproj.db'));
  seedDemo(store, asOf);
  const demo = generateDemo({ asOf, config: store.config });
  return { store, demo, dir, close: () => { store.close(); rmSync(dir, { recursive: true, force: true }); } };
}
