// A small, fully controlled ledger for API tests: two counties, January to `through` of 2026.
// Every row passes core validation; figures follow one simple pattern so tests can compute
// the next month's correct values themselves (nextRaw).
import type { RawRow } from '../../../core/types';
import { validateLedger } from '../../../core/validate';
import { toPeriod } from '../../../core/periods';
import type { Store } from '../../../server/store/store';

export const FIXTURE_YEAR = 2026;
const MONTH_INVEST = 500;
const CUM_BEFORE_YEAR = 5000;

interface FixtureProject { code: string; name: string; county: string; leader: string; sector: string; list: '在建' | '拟新开工' }

export const FIXTURE_PROJECTS: FixtureProject[] = [
  { code: '2025-131102-04-01-000101', name: '桃城区老旧小区改造工程', county: '桃城区', leader: '赵志刚', sector: '市政公用', list: '在建' },
  { code: '2025-131102-04-01-000102', name: '衡水湖生态修复工程', county: '桃城区', leader: '赵志刚', sector: '生态环保', list: '在建' },
  { code: '2025-131102-04-01-000103', name: '桃城区智慧物流园', county: '桃城区', leader: '王建国', sector: '服务业', list: '在建' },
  { code: '2025-131103-04-01-000201', name: '冀州区智能制造产业园', county: '冀州区', leader: '李明华', sector: '工业', list: '在建' },
  { code: '2025-131103-04-01-000202', name: '冀州区污水处理厂扩建', county: '冀州区', leader: '赵志刚', sector: '水利', list: '在建' },
];

/** The raw ledger row of a fixture project for month m of FIXTURE_YEAR (figures on the pattern). */
export function fixtureRaw(p: FixtureProject, month: number, over: RawRow = {}): RawRow {
  return {
    code: p.code, name: p.name, county: p.county, list: p.list, level: '市重点', sector: p.sector,
    owner: `${p.county}城市建设投资有限公司`, total: 20000, annualPlan: 6000,
    plannedStart: '2025-03', plannedEnd: '2027-12', leader: p.leader, unit: `${p.county}人民政府`,
    monthInvest: MONTH_INVEST, ytdInvest: MONTH_INVEST * month, cumInvest: CUM_BEFORE_YEAR + MONTH_INVEST * month,
    actualStart: '2025-04', stage: '在建', progress: 28 + month, registered: '是',
    ...over,
  };
}

/** Rows of a county (or all) for month m, numbered from sheet row 2. */
export function fixtureRows(month: number, county?: string, over: RawRow = {}): { row: number; raw: RawRow }[] {
  return FIXTURE_PROJECTS.filter((p) => county === undefined || p.county === county)
    .map((p, i) => ({ row: i + 2, raw: fixtureRaw(p, month, over) }));
}

/** Stores January..through through the store's own import (audited as 'fixture'). */
export function seedFixture(store: Store, through = 3): void {
  for (let m = 1; m <= through; m++) {
    const period = toPeriod(FIXTURE_YEAR, m);
    const v = validateLedger({ rows: fixtureRows(m), period, config: store.config, history: store.historyFor(FIXTURE_PROJECTS.map((p) => p.code), period) });
    if (v.errors) throw new Error(`fixture ${period} does not validate: ${JSON.stringify(v.findings)}`);
    store.importLedger(v.rows.map((r) => r.values), period, 'fixture', { at: `${toPeriod(FIXTURE_YEAR, m + 1)}-03T02:00:00.000Z` });
  }
}
