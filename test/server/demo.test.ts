// The demo city: deterministic, realistic in size and shape, valid, and seeded through the store.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import { escalations } from '../../core/escalation';
import { isOverdue } from '../../core/problems';
import { rankCounties } from '../../core/rank';
import { colourCounts, scoreAll } from '../../core/score';
import { validateLedger } from '../../core/validate';
import type { MonthlyReport } from '../../core/types';
import { generateDemo, type DemoData } from '../../server/demo/generate';
import { DEMO_ACTOR, seedDemo } from '../../server/demo/seed';
import { Store } from '../../server/store/store';
import { tempDir, toRaw } from '../fixtures/ledger';

const asOf = new Date('2026-11-20T02:00:00Z');
let demo: DemoData;
beforeAll(() => {
  demo = generateDemo({ asOf });
});

describe('generateDemo', () => {
  it('is deterministic: the same seed gives the same data, another seed other data', () => {
    expect(generateDemo({ asOf })).toEqual(demo);
    const other = generateDemo({ asOf, seed: 7 });
    expect(other.projects.map((p) => p.name)).not.toEqual(demo.projects.map((p) => p.name));
  });

  it('is a Hengshui year: ~370 projects in the 13 counties, all three lists in realistic shares, all sectors', () => {
    expect(demo.year).toBe(2026);
    expect(demo.periods).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(demo.projects.length).toBeGreaterThanOrEqual(350);
    expect(demo.projects.length).toBeLessThanOrEqual(390);
    expect(new Set(demo.projects.map((p) => p.county))).toEqual(new Set(DEFAULT_CONFIG.counties.map((c) => c.name)));
    expect(new Set(demo.projects.map((p) => p.sector))).toEqual(new Set(DEFAULT_CONFIG.sectors));
    // Lists as planned at the start of the year (new starts move to 在建 when they start).
    const firstMonth = demo.submissions.filter((s) => s.period === '2026-01').flatMap((s) => s.rows);
    const share = (l: string) => firstMonth.filter((r) => r.list === l).length / firstMonth.length;
    expect(share('在建')).toBeCloseTo(0.6, 1);
    expect(share('拟新开工')).toBeCloseTo(0.25, 1);
    expect(share('储备')).toBeCloseTo(0.15, 1);
    expect(new Set(demo.projects.map((p) => p.list))).toEqual(new Set(['在建', '拟新开工', '储备']));
    expect(new Set(demo.projects.map((p) => p.name)).size).toBe(demo.projects.length);
    for (const name of ['衡水湖生态修复工程', '冀州区智能制造产业园', '桃城区老旧小区改造', '故城县运河文化带', '景县铁塔产业园']) {
      expect(demo.projects.map((p) => p.name)).toContain(name);
    }
    // A leader has several projects; about 25 leaders in all.
    const leaders = new Map<string, number>();
    for (const p of demo.projects) leaders.set(p.leader, (leaders.get(p.leader) ?? 0) + 1);
    expect(leaders.size).toBeGreaterThanOrEqual(15);
    expect(leaders.size).toBeLessThanOrEqual(25);
    expect(Math.min(...leaders.values())).toBeGreaterThan(1);
  });

  it('uses valid codes: county division codes, a few of the city, legacy 131181 for 冀州区, temporary ids for reserve', () => {
    const divisions = demo.projects.filter((p) => !p.code.startsWith('TMP-')).map((p) => p.code.split('-')[1]);
    expect(divisions).toContain('131100');
    expect(divisions).toContain('131181');
    expect(demo.projects.some((p) => /^TMP-\d{6}-\d{6}$/.test(p.code) && p.list === '储备')).toBe(true);
    for (const p of demo.projects) {
      if (!p.code.startsWith('TMP-')) expect(p.code).toMatch(/^20\d\d-\d{6}-\d{2}-\d{2}-\d{6}$/);
    }
  });

  it('passes core validation month after month without errors (warnings allowed), with LATE, SPIKE and STALLED among them', () => {
    const history = new Map<string, MonthlyReport[]>();
    const seen = new Set<string>();
    let errors = 0;
    for (const s of demo.submissions) {
      const result = validateLedger({
        rows: s.rows.map((v, i) => ({ row: i + 2, raw: toRaw(v) })),
        period: s.period, config: DEFAULT_CONFIG, history, now: asOf, submittedAt: new Date(s.submittedAt),
      });
      errors += result.errors;
      if (result.errors) console.error(s.county, s.period, result.findings.filter((f) => f.severity === 'error').slice(0, 3));
      for (const f of result.findings) seen.add(f.rule);
      for (const r of demo.reports.filter((x) => x.period === s.period)) history.set(r.projectCode, [...(history.get(r.projectCode) ?? []), r]);
    }
    expect(errors).toBe(0);
    expect([...seen]).toEqual(expect.arrayContaining(['LATE', 'SPIKE', 'STALLED']));
  });

  it('produces all four colours, ranking escalations, and open, overdue and closed problems', () => {
    const period = '2026-10';
    const states = demo.projects.map((project) => ({ project, reports: demo.reports.filter((r) => r.projectCode === project.code) }));
    const counts = colourCounts(scoreAll(states, period, DEFAULT_CONFIG));
    for (const c of ['green', 'white', 'yellow', 'red'] as const) expect(counts[c]).toBeGreaterThan(10);
    expect(counts.none).toBeGreaterThan(0);
    const history = demo.periods.map((p) => ({ period: p, ranking: rankCounties(states, p, DEFAULT_CONFIG) }));
    expect(escalations(history, DEFAULT_CONFIG).length).toBeGreaterThan(0);
    const statuses = new Set(demo.problems.map((p) => p.status));
    expect(statuses.has('已销号') || statuses.has('已解决')).toBe(true);
    expect(statuses.has('待解决') || statuses.has('解决中')).toBe(true);
  });
});

describe('seedDemo', () => {
  let store: Store;
  beforeAll(() => {
    store = Store.open(join(tempDir(), 'demo.db'));
  });
  afterAll(() => store.close());

  it('imports the demo through the store, audited as demo, with the generator\'s codes and problem states', () => {
    const r = seedDemo(store, asOf);
    expect(r).toMatchObject({ seeded: true, projects: demo.projects.length, reports: demo.reports.length });
    const stored = store.projects.list();
    expect(stored.map((p) => p.code).sort()).toEqual(demo.projects.map((p) => p.code).sort());
    const one = demo.projects.find((p) => p.name === '衡水湖生态修复工程')!;
    expect(store.projects.get(one.code)).toEqual(one);
    expect(new Set(store.audit.list({ limit: 100000 }).map((a) => a.actor))).toEqual(new Set([DEMO_ACTOR]));
    expect(store.ledgerVersion('桃城区', '2026-10')).toBe(1);

    const problems = store.problems.list();
    expect(problems.length).toBe(demo.problems.length);
    for (const p of demo.problems) expect(store.problems.latestWithText(p.projectCode, p.description)?.status).toBe(p.status);
    expect(problems.some((p) => isOverdue(p, '2026-11-20'))).toBe(true);
    expect(problems.some((p) => p.status === '已销号')).toBe(true);
    // The store's states score the same as the generator's data.
    const fromStore = colourCounts(scoreAll(store.projectStates('2026-10'), '2026-10', DEFAULT_CONFIG));
    const states = demo.projects.map((project) => ({ project, reports: demo.reports.filter((x) => x.projectCode === project.code) }));
    expect(fromStore).toEqual(colourCounts(scoreAll(states, '2026-10', DEFAULT_CONFIG)));
  });

  it('leaves a store that already has projects alone', () => {
    const before = store.audit.count();
    expect(seedDemo(store, asOf).seeded).toBe(false);
    expect(store.audit.count()).toBe(before);
  });
});
