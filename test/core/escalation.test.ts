import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../../core/config';
import { escalations, lastRuns, type RankingMonth } from '../../core/escalation';
import { rankCounties } from '../../core/rank';
import type { CountyRanking, IndicatorKey, ProjectState } from '../../core/types';
import { INDICATORS } from '../../core/types';

const COUNTIES = ['桃城区', '冀州区', '枣强县', '武邑县'];

/** One month's ranking: every county scores 10 on every indicator except where `low` says it scores 0. */
function month(period: string, low: Record<string, IndicatorKey[]> = {}): RankingMonth {
  const ranking: CountyRanking[] = COUNTIES.map((county) => ({
    county, rank: 1, score: 0,
    indicators: Object.fromEntries(INDICATORS.map((k) => [k, low[county]?.includes(k) ? 0 : 10])) as Record<IndicatorKey, number>,
  }));
  return { period, ranking };
}

const cfg = DEFAULT_CONFIG;

describe('escalations (Hengshui)', () => {
  it('level 1: last on one indicator for 2 consecutive months', () => {
    const h = [month('2026-05', { 武邑县: ['investment'] }), month('2026-06', { 武邑县: ['investment'] })];
    expect(escalations(h, cfg)).toEqual([{ county: '武邑县', level: 1, indicators: ['investment'], months: 2 }]);
  });

  it('nothing after a single month', () => {
    expect(escalations([month('2026-05'), month('2026-06', { 武邑县: ['investment'] })], cfg)).toEqual([]);
  });

  it('level 2: last on one indicator for 3 consecutive months', () => {
    const h = ['2026-04', '2026-05', '2026-06'].map((p) => month(p, { 枣强县: ['startRate'] }));
    expect(escalations(h, cfg)).toEqual([{ county: '枣强县', level: 2, indicators: ['startRate'], months: 3 }]);
  });

  it('level 2: last on 2 indicators for 2 consecutive months', () => {
    const h = ['2026-05', '2026-06'].map((p) => month(p, { 冀州区: ['investment', 'starts'] }));
    expect(escalations(h, cfg)).toEqual([{ county: '冀州区', level: 2, indicators: ['investment', 'starts'], months: 2 }]);
  });

  it('a good month breaks the run', () => {
    const h = [
      month('2026-03', { 武邑县: ['investment'] }), month('2026-04', { 武邑县: ['investment'] }),
      month('2026-05'), month('2026-06', { 武邑县: ['investment'] }),
    ];
    expect(escalations(h, cfg)).toEqual([]);
    expect(lastRuns(h, '武邑县').investment).toBe(1);
  });

  it('a run on the same indicator is needed: different indicators in different months do not add up', () => {
    const h = [month('2026-05', { 武邑县: ['investment'] }), month('2026-06', { 武邑县: ['starts'] })];
    expect(escalations(h, cfg)).toEqual([]);
  });

  it('ties at last count as last', () => {
    const h = ['2026-05', '2026-06'].map((p) => month(p, { 冀州区: ['completions'], 武邑县: ['completions'] }));
    expect(escalations(h, cfg)).toEqual([
      { county: '冀州区', level: 1, indicators: ['completions'], months: 2 },
      { county: '武邑县', level: 1, indicators: ['completions'], months: 2 },
    ]);
  });

  it('nobody is last when all counties tie', () => {
    const h = ['2026-05', '2026-06'].map((p) => month(p, { 桃城区: ['starts'], 冀州区: ['starts'], 枣强县: ['starts'], 武邑县: ['starts'] }));
    expect(escalations(h, cfg)).toEqual([]);
  });

  it('a month missing from the history breaks the run', () => {
    const h = [month('2026-04', { 武邑县: ['investment'] }), month('2026-06', { 武邑县: ['investment'] })];
    expect(escalations(h, cfg)).toEqual([]);
  });

  it('reads the history in any order, across the new year, and only up to its latest month', () => {
    const h = [month('2026-01', { 武邑县: ['investment'] }), month('2025-11', { 武邑县: ['investment'] }), month('2025-12', { 武邑县: ['investment'] })];
    expect(escalations(h, cfg)).toEqual([{ county: '武邑县', level: 2, indicators: ['investment'], months: 3 }]);
    expect(escalations([], cfg)).toEqual([]);
  });

  it('lists level 2 before level 1, and reports the longest run', () => {
    const h = [
      month('2026-04', { 枣强县: ['investment'] }),
      month('2026-05', { 枣强县: ['investment'], 桃城区: ['completionRate'] }),
      month('2026-06', { 枣强县: ['investment'], 桃城区: ['completionRate'] }),
    ];
    expect(escalations(h, cfg).map((e) => [e.county, e.level, e.months])).toEqual([['枣强县', 2, 3], ['桃城区', 1, 2]]);
  });

  it('takes its months from configuration', () => {
    const h = ['2026-05', '2026-06'].map((p) => month(p, { 武邑县: ['investment'] }));
    expect(escalations(h, resolveConfig({ escalation: { level1Months: 3 } }))).toEqual([]);
    expect(escalations(h, resolveConfig({ escalation: { level2Months: 2 } }))[0].level).toBe(2);
  });

  it('works on real rankings: a county with no investment two months running', () => {
    const counties = [{ name: '桃城区', code: '131102' }, { name: '冀州区', code: '131103' }];
    const c = resolveConfig({ counties });
    const project = (code: string, county: string) => ({
      code, name: code, county, list: '在建' as const, level: '市重点' as const, sector: '工业', owner: 'x', total: 10000, annualPlan: 1200,
      plannedStart: '2025-01', plannedEnd: '2027-12', leader: 'x', unit: 'x', stage: '在建' as const, approvals: [], actualStart: '2025-01',
    });
    const states: ProjectState[] = [
      { project: project('A', '桃城区'), reports: [{ projectCode: 'A', period: '2026-05', monthInvest: 100, ytdInvest: 500, cumInvest: 900 }, { projectCode: 'A', period: '2026-06', monthInvest: 100, ytdInvest: 600, cumInvest: 1000 }] },
      { project: project('B', '冀州区'), reports: [{ projectCode: 'B', period: '2026-05', monthInvest: 50, ytdInvest: 250, cumInvest: 250 }, { projectCode: 'B', period: '2026-06', monthInvest: 50, ytdInvest: 300, cumInvest: 300 }] },
    ];
    const h = ['2026-05', '2026-06'].map((period) => ({ period, ranking: rankCounties(states, period, c) }));
    // 冀州区 is last on investment and on the investment rate; nobody started or completed anything (all tie).
    expect(escalations(h, c)).toEqual([{ county: '冀州区', level: 2, indicators: ['investment', 'investmentRate'], months: 2 }]);
  });
});
