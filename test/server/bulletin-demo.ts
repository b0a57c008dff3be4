// The demo city in a real SQLite file, for the bulletin and reconciliation tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProblemStatus } from '../../core/types';
import { generateDemo, type DemoData } from '../../server/demo/generate';
import { Store } from '../../server/store/store';

// The way from a new problem to each status (each step allowed by the status flow).
const PATH: Record<ProblemStatus, ProblemStatus[]> = {
  待解决: [],
  解决中: ['解决中'],
  已解决: ['解决中', '已解决'],
  已销号: ['解决中', '已解决', '已销号'],
};

export interface DemoStore {
  store: Store;
  demo: DemoData;
  dir: string;
  close(): void;
}

/** Imports the demo's submissions month by month and brings its problems to their statuses. */
export function demoStore(asOf: Date): DemoStore {
  const dir = mkdtempSync(join(tmpdir(), 'keyproj-bulletin-'));
  const store = Store.open(join(dir, 'keyproj.db'));
  const demo = generateDemo({ asOf });
  for (const s of demo.submissions) store.importLedger(s.rows, s.period, 'demo', { at: s.submittedAt });
  for (const p of demo.problems) {
    const stored = store.problems.list({ projectCode: p.projectCode }).find((q) => q.description === p.description);
    if (!stored) continue;
    for (const to of PATH[p.status]) store.problems.setStatus(stored.id, to, { actor: 'demo', at: `${p.lastPeriod}-28T10:00:00.000Z` });
  }
  return { store, demo, dir, close: () => { store.close(); rmSync(dir, { recursive: true, force: true }); } };
}
