import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../../core/config';
import { commendations, competitionRanks, lastOnIndicator, rankCounties } from '../../core/rank';
import type { CountyRanking, MonthlyReport, Project, ProjectState } from '../../core/types';

const counties = [
  { name: '桃城区', code: '131102' }, { name: '冀州区', code: '131103' }, { name: '枣强县', code: '131121' }, { name: '武邑县', code: '131122' },
];
const cfg = resolveConfig({ counties });

let seq = 0;
function st(county: string, over: Partial<Project>, reports: Partial<MonthlyReport>[] = []): ProjectState {
  const code = `2026-131102-04-01-${String(++seq).padStart(6, '0')}`;
  return {
    project: {
      code, name: `项目${seq}`, county, list: '在建', level: '市重点', sector: '工业', owner: '某公司', total: 20000,
      annualPlan: 0, plannedStart: '2025-03', plannedEnd: '2027-12', leader: '李四', unit: '某单位', stage: '在建', approvals: [],
      ...over,
    },
    reports: reports.map((r) => ({ projectCode: code, period: '2026-06', monthInvest: 10, ytdInvest: 0, cumInvest: 0, ...r })),
  };
}

// Period 2026-06. Hand-computed indicators in the comments.
const states: ProjectState[] = [
  // 桃城区: investment 300 + 100 = 400; plan 600 + 400 = 1000 → 0.4; starts 1 of 1 planned; no planned completion (na).
  st('桃城区', { annualPlan: 600, actualStart: '2025-03' }, [{ period: '2026-05', ytdInvest: 250 }, { period: '2026-06', ytdInvest: 300 }, { period: '2026-07', ytdInvest: 999 }]),
  st('桃城区', { list: '拟新开工', annualPlan: 400, plannedStart: '2026-04', actualStart: '2026-04-10' }, [{ ytdInvest: 100 }]),
  st('桃城区', { list: '储备', annualPlan: 5000, plannedStart: '2026-06', stage: '前期' }), // ignored
  // 冀州区: investment 200; plan 500 + 300 = 800 → 0.25; starts 0 of 1; completions 1 of 1.
  st('冀州区', { annualPlan: 500, plannedEnd: '2026-05', actualStart: '2024-05' }, [{ period: '2026-05', ytdInvest: 200, actualEnd: '2026-05-28', stage: '竣工' }]),
  st('冀州区', { list: '拟新开工', annualPlan: 300, plannedStart: '2026-03', stage: '前期' }),
  // 枣强县: investment 200 (last year's 800 does not count); plan 1000 → 0.2; starts 1 of 1; completions 0 of 1.
  st('枣强县', { annualPlan: 1000, plannedEnd: '2026-06', actualStart: '2024-01' }, [{ period: '2025-12', ytdInvest: 800 }, { ytdInvest: 200 }]),
  st('枣强县', { list: '拟新开工', annualPlan: 0, plannedStart: '2026-02', actualStart: '2026-05' }),
  // 武邑县: no projects at all.
];

describe('rankCounties', () => {
  const ranking = rankCounties(states, '2026-06', cfg);
  const by = Object.fromEntries(ranking.map((r) => [r.county, r]));

  it('lists every configured county, also those without projects, sorted by rank', () => {
    expect(ranking.map((r) => r.county)).toEqual(['桃城区', '冀州区', '枣强县', '武邑县']);
    expect(ranking.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
  });

  it('computes the indicators of the year up to the period', () => {
    expect(by['桃城区'].indicators).toEqual({ investment: 400, investmentRate: 0.4, starts: 1, startRate: 1, completions: 0, completionRate: 0 });
    expect(by['冀州区'].indicators).toEqual({ investment: 200, investmentRate: 0.25, starts: 0, startRate: 0, completions: 1, completionRate: 1 });
    expect(by['枣强县'].indicators).toEqual({ investment: 200, investmentRate: 0.2, starts: 1, startRate: 1, completions: 0, completionRate: 0 });
  });

  it('marks rates with a zero denominator as not applicable instead of inventing a rate', () => {
    expect(by['桃城区'].na).toEqual(['completionRate']);
    expect(by['武邑县'].indicators).toEqual({ investment: 0, investmentRate: 0, starts: 0, startRate: 0, completions: 0, completionRate: 0 });
    expect(by['武邑县'].na).toEqual(['investmentRate', 'startRate', 'completionRate']);
  });

  it('ranks each indicator with ties sharing (1, 2, 2, 4)', () => {
    expect(ranking.map((r) => r.ranks.investment)).toEqual([1, 2, 2, 4]);
    expect(ranking.map((r) => r.ranks.starts)).toEqual([1, 3, 1, 3]);
    // not applicable: ranked after the applicable counties
    expect(ranking.map((r) => r.ranks.investmentRate)).toEqual([1, 2, 3, 4]);
    expect(ranking.map((r) => r.ranks.startRate)).toEqual([1, 3, 1, 4]);
    expect(ranking.map((r) => r.ranks.completionRate)).toEqual([3, 1, 2, 3]);
  });

  it('normalises to value ÷ best × 100', () => {
    expect(ranking.map((r) => r.normalised.investment)).toEqual([100, 50, 50, 0]);
    expect(ranking.map((r) => r.normalised.investmentRate)).toEqual([100, 62.5, 50, 0]);
  });

  it('scores the composite as the weighted mean of the applicable normalised indicators', () => {
    // 桃城区 (100+100+100+100+0)/5; 冀州区 (50+62.5+0+0+100+100)/6 = 52.083; 枣强县 (50+50+100+100+0+0)/6; 武邑县 0/3
    expect(ranking.map((r) => r.score)).toEqual([80, 52.1, 50, 0]);
  });

  it('lets the weights change the order, ties sharing the rank', () => {
    const w = resolveConfig({ counties, ranking: { weights: { investment: 0, investmentRate: 0, starts: 0, startRate: 0, completions: 1, completionRate: 1 } } });
    const r = rankCounties(states, '2026-06', w);
    expect(r.map((x) => [x.county, x.rank, x.score])).toEqual([['冀州区', 1, 100], ['桃城区', 2, 0], ['枣强县', 2, 0], ['武邑县', 2, 0]]);
    const inv = resolveConfig({ counties, ranking: { weights: { investment: 1, investmentRate: 0, starts: 0, startRate: 0, completions: 0, completionRate: 0 } } });
    expect(rankCounties(states, '2026-06', inv).map((x) => [x.county, x.rank])).toEqual([['桃城区', 1], ['冀州区', 2], ['枣强县', 2], ['武邑县', 4]]);
  });

  it('ranks all 13 default counties even with no data, all tied', () => {
    const r = rankCounties([], '2026-03', DEFAULT_CONFIG);
    expect(r).toHaveLength(13);
    expect(new Set(r.map((x) => x.rank))).toEqual(new Set([1]));
  });

  it('counts an early start in the year, so the start rate may exceed 100%', () => {
    const s = [st('桃城区', { list: '拟新开工', plannedStart: '2026-04', actualStart: '2026-03' }), st('桃城区', { list: '拟新开工', plannedStart: '2026-09', actualStart: '2026-05' })];
    expect(rankCounties(s, '2026-06', cfg)[0].indicators.startRate).toBe(2);
  });
});

describe('competitionRanks', () => {
  it('gives 1, 2, 2, 4', () => {
    expect(competitionRanks([9, 5, 5, 1])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([0, 0, 0])).toEqual([1, 1, 1]);
  });
});

describe('lastOnIndicator', () => {
  const ranking = rankCounties(states, '2026-06', cfg);
  it('finds the worst applicable rank, ties included', () => {
    expect(lastOnIndicator(ranking, 'investment')).toEqual(['武邑县']);
    expect(lastOnIndicator(ranking, 'startRate')).toEqual(['冀州区']); // 武邑县 has nothing planned
    expect(lastOnIndicator(ranking, 'completionRate')).toEqual(['枣强县']);
    expect(lastOnIndicator(ranking, 'completions')).toEqual(['桃城区', '枣强县', '武邑县']);
  });
  it('finds nobody last when everybody ties', () => {
    expect(lastOnIndicator(rankCounties([], '2026-01', cfg), 'investment')).toEqual([]);
  });
  it('works on rankings without ranks (e.g. read back from JSON)', () => {
    const plain: CountyRanking[] = [
      { county: '甲', rank: 1, score: 0, indicators: { investment: 5, investmentRate: 0, starts: 0, startRate: 0, completions: 0, completionRate: 0 } },
      { county: '乙', rank: 1, score: 0, indicators: { investment: 2, investmentRate: 0, starts: 0, startRate: 0, completions: 0, completionRate: 0 } },
    ];
    expect(lastOnIndicator(plain, 'investment')).toEqual(['乙']);
  });
});

describe('commendations (Handan)', () => {
  const mk = (ranks: number[]): CountyRanking[] => ranks.map((rank, i) => ({
    county: DEFAULT_CONFIG.counties[i].name, rank, score: 100 - rank,
    indicators: { investment: 0, investmentRate: 0, starts: 0, startRate: 0, completions: 0, completionRate: 0 },
  }));
  it('commends the top 7 and calls in the bottom 3 of 13', () => {
    const { commended, talks } = commendations(mk([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]), DEFAULT_CONFIG);
    expect(commended).toEqual(DEFAULT_CONFIG.counties.slice(0, 7).map((c) => c.name));
    expect(talks).toEqual(DEFAULT_CONFIG.counties.slice(10).map((c) => c.name));
  });
  it('includes ties at the boundary and takes N from configuration', () => {
    const c = resolveConfig({ ranking: { commendTop: 2, talkBottom: 1 } });
    const { commended, talks } = commendations(mk([1, 2, 2, 4, 5, 5]), c);
    expect(commended).toEqual(['桃城区', '冀州区', '枣强县']);
    expect(talks).toEqual(['武强县', '饶阳县']); // both at rank 5
  });
  it('never puts a county in both lists', () => {
    const r = rankCounties(states, '2026-06', resolveConfig({ counties, ranking: { commendTop: 3, talkBottom: 3 } }));
    const { commended, talks } = commendations(r, resolveConfig({ counties, ranking: { commendTop: 3, talkBottom: 3 } }));
    expect(commended).toEqual(['桃城区', '冀州区', '枣强县']);
    expect(talks).toEqual(['武邑县']);
  });
});

describe('ranking properties', () => {
  it('ranks are 1 + the number of strictly better values', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 15 }), (vs) => {
      const r = competitionRanks(vs);
      return vs.every((v, i) => r[i] === 1 + vs.filter((w) => w > v).length);
    }));
  });
  it('composite scores stay within 0–100 and the order follows them', () => {
    const arbState = fc.record({
      county: fc.constantFrom('桃城区', '冀州区', '枣强县', '武邑县'),
      list: fc.constantFrom('在建', '拟新开工', '储备'),
      plan: fc.nat({ max: 5000 }), ytd: fc.nat({ max: 5000 }),
      ps: fc.integer({ min: 1, max: 12 }), started: fc.option(fc.integer({ min: 1, max: 12 })),
    });
    fc.assert(fc.property(fc.array(arbState, { maxLength: 25 }), (xs) => {
      const ss = xs.map((x) => st(x.county, {
        list: x.list as Project['list'], annualPlan: x.plan, plannedStart: `2026-${String(x.ps).padStart(2, '0')}`,
        actualStart: x.started ? `2026-${String(x.started).padStart(2, '0')}` : undefined,
      }, [{ ytdInvest: x.ytd }]));
      const r = rankCounties(ss, '2026-06', cfg);
      return r.length === 4 && r.every((c) => c.score >= 0 && c.score <= 100)
        && r.every((c, i) => i === 0 || (r[i - 1].score >= c.score && r[i - 1].rank <= c.rank));
    }));
  });
});
