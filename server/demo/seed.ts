// Seeds a store with the demo city through the same API as real submissions (actor 'demo'):
// each county's ledger of each month via importLedger, then the problems' status changes.
import type { ProblemStatus } from '../../core/types';
import { addMonths } from '../../core/periods';
import type { Store } from '../store/store';
import { generateDemo, type DemoOptions } from './generate';

export const DEMO_ACTOR = 'demo';

/** The moves from 待解决 to each status, along the allowed flow. */
const PATH: Record<ProblemStatus, ProblemStatus[]> = {
  待解决: [],
  解决中: ['解决中'],
  已解决: ['解决中', '已解决'],
  已销号: ['解决中', '已解决', '已销号'],
};

export interface SeedResult {
  seeded: boolean;
  projects: number;
  reports: number;
  problems: number;
}

/** Fills an empty store with the demo year up to asOf; a store that has projects is left alone. */
export function seedDemo(store: Store, asOf: Date, opts: Omit<DemoOptions, 'asOf' | 'config'> = {}): SeedResult {
  if (store.projects.count() > 0) return { seeded: false, projects: 0, reports: 0, problems: 0 };
  const demo = generateDemo({ ...opts, asOf, config: store.config });
  const latest = (a: string) => (Date.parse(a) > asOf.getTime() ? asOf.toISOString() : a);
  return store.transaction(() => {
    for (const s of demo.submissions) store.importLedger(s.rows, s.period, DEMO_ACTOR, { at: s.submittedAt });
    for (const p of demo.problems) {
      const stored = store.problems.latestWithText(p.projectCode, p.description);
      if (!stored) continue;
      // Worked on once reported; solved when the text left the ledger (the next month's submission).
      const county = store.projects.get(p.projectCode)!.county;
      const next = demo.submissions.find((s) => s.county === county && s.period === addMonths(p.lastPeriod, 1));
      let at = Date.parse(stored.createdAt);
      for (const to of PATH[p.status]) {
        at = to === '解决中' ? at + 3 * 86_400_000 : Math.max(at + 86_400_000, Date.parse(next?.submittedAt ?? asOf.toISOString()));
        store.problems.setStatus(stored.id, to, { actor: DEMO_ACTOR, at: latest(new Date(at).toISOString()) });
      }
    }
    return { seeded: true, projects: store.projects.count(), reports: store.reports.count(), problems: store.problems.list().length };
  });
}
