import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../../core/config';
import { COLOUR_LABELS, COLOUR_LONG_LABELS, colourCounts, scoreAll, scoreProject } from '../../core/score';
import type { MonthlyReport, Project, ProjectState } from '../../core/types';

const cfg = DEFAULT_CONFIG;
const ratioCfg = resolveConfig({ scoring: { ruleSet: 'ratio' } });

function project(over: Partial<Project> = {}): Project {
  return {
    code: '2026-131102-04-01-000001', name: '衡水湖生态修复项目', county: '桃城区', list: '在建', level: '市重点',
    sector: '生态环保', owner: '衡水湖建设公司', total: 50000, annualPlan: 1000, plannedStart: '2025-03',
    plannedEnd: '2027-12', leader: '张三', unit: '桃城区政府', stage: '在建', approvals: [], actualStart: '2025-03',
    registered: true, ...over,
  };
}

function report(period: string, ytdInvest: number, monthInvest = 50, over: Partial<MonthlyReport> = {}): MonthlyReport {
  return { projectCode: '2026-131102-04-01-000001', period, monthInvest, ytdInvest, cumInvest: ytdInvest + 5000, ...over };
}

/** An 在建 project with one report in `period` of the given ytd. */
function withYtd(period: string, ytd: number, over: Partial<Project> = {}): ProjectState {
  return { project: project(over), reports: [report(period, ytd)] };
}

describe('difference rule (default): boundaries at 2026-06, 序时 50%, plan 1000 万元', () => {
  const cases: [number, string, string][] = [
    [550, 'green', '+5.0 points: 绿 includes +5'],
    [549, 'white', '+4.9 points'],
    [500.1, 'white', '+0.01 points'],
    [500, 'white', 'level'],
    [400.1, 'white', '−9.99 points'],
    [400, 'yellow', '−10 points: 黄 includes −10'],
    [200, 'yellow', '−30 points: 黄 includes −30'],
    [199.9, 'red', '−30.01 points'],
    [0, 'red', '−50 points'],
  ];
  for (const [ytd, colour, why] of cases) {
    it(`ytd ${ytd} → ${colour} (${why})`, () => {
      const s = scoreProject(withYtd('2026-06', ytd), '2026-06', cfg);
      expect(s.colour).toBe(colour);
      expect(s.investmentRate).toBeCloseTo(ytd / 1000, 12);
      expect(s.scheduleRate).toBe(0.5);
    });
  }

  it('does not let float noise move a boundary: 360 of 1200 at 2026-03 is exactly +5 points', () => {
    // 0.3 − 0.25 is 0.04999999999999999 in floating point.
    const s = scoreProject(withYtd('2026-03', 360, { annualPlan: 1200 }), '2026-03', cfg);
    expect(s.colour).toBe('green');
    expect(s.reason).toBe('本年累计完成 360.00 万元，占年度计划 30.0%，序时进度 25.0%，领先 5.0 个百分点（≥5）：超计划推进');
  });

  it('gives the reason with numbers in Chinese and English', () => {
    const st = withYtd('2026-09', 3000, { annualPlan: 10000 });
    expect(scoreProject(st, '2026-09', cfg).reason).toBe('本年累计完成 3,000.00 万元，占年度计划 30.0%，序时进度 75.0%，落后 45.0 个百分点（>30）：基本停滞');
    expect(scoreProject(st, '2026-09', cfg, 'en').reason).toBe('Year to date 3,000.00 (10k yuan), 30.0% of the annual plan; schedule 75.0%; 45.0 points behind (>30): stalled');
  });

  it('names the band in white and yellow reasons', () => {
    expect(scoreProject(withYtd('2026-06', 450), '2026-06', cfg).reason).toContain('落后 5.0 个百分点（<10）：正常推进');
    expect(scoreProject(withYtd('2026-06', 520), '2026-06', cfg).reason).toContain('领先 2.0 个百分点（<5）：正常推进');
    expect(scoreProject(withYtd('2026-06', 500), '2026-06', cfg).reason).toContain('与序时持平：正常推进');
    expect(scoreProject(withYtd('2026-06', 300), '2026-06', cfg).reason).toContain('落后 20.0 个百分点（10–30）：进度较慢');
  });

  it('takes thresholds from configuration', () => {
    const strict = resolveConfig({ scoring: { difference: { greenAhead: 10, yellowBehind: 5, redBehind: 20 } } });
    expect(scoreProject(withYtd('2026-06', 550), '2026-06', strict).colour).toBe('white');
    expect(scoreProject(withYtd('2026-06', 450), '2026-06', strict).colour).toBe('yellow');
    expect(scoreProject(withYtd('2026-06', 299), '2026-06', strict).colour).toBe('red');
  });
});

describe('ratio rule (Sanya): boundaries at 2026-06, 序时 50%, plan 1000 万元', () => {
  const cases: [number, string][] = [
    [525, 'green'], // ratio 1.05
    [524, 'white'], // 1.048
    [450, 'white'], // 0.90
    [449, 'yellow'], // 0.898
    [250, 'yellow'], // 0.50
    [249, 'red'], // 0.498
  ];
  for (const [ytd, colour] of cases) {
    it(`ytd ${ytd} (ratio ${(ytd / 500).toFixed(3)}) → ${colour}`, () => {
      expect(scoreProject(withYtd('2026-06', ytd), '2026-06', ratioCfg).colour).toBe(colour);
    });
  }
  it('explains the ratio', () => {
    expect(scoreProject(withYtd('2026-06', 200), '2026-06', ratioCfg).reason)
      .toBe('本年累计完成 200.00 万元，占年度计划 20.0%，序时进度 50.0%，完成率为序时的 0.40 倍（<0.50）：基本停滞');
    expect(scoreProject(withYtd('2026-06', 600), '2026-06', ratioCfg, 'en').reason).toContain('1.20 times the schedule (≥1.05): ahead of plan');
  });
  it('handles a monthly plan with nothing due yet', () => {
    const st = withYtd('2026-02', 10, { monthlyPlan: { '2026-02': 0 } });
    expect(scoreProject(st, '2026-02', ratioCfg).colour).toBe('green');
    const idle: ProjectState = { project: project({ monthlyPlan: { '2026-02': 0 } }), reports: [report('2026-02', 0, 0)] };
    expect(scoreProject(idle, '2026-02', ratioCfg).colour).toBe('white');
  });
});

describe('the project’s own monthly plan replaces m ÷ 12', () => {
  it('scores 35% against a planned 30% as +5 (m ÷ 12 would say −15)', () => {
    const s = scoreProject(withYtd('2026-06', 350, { monthlyPlan: { '2026-06': 0.3 } }), '2026-06', cfg);
    expect(s.colour).toBe('green');
    expect(s.scheduleRate).toBe(0.3);
    expect(s.reason).toContain('序时进度（按项目月度计划） 30.0%');
    expect(scoreProject(withYtd('2026-06', 350), '2026-06', cfg).colour).toBe('yellow');
  });
});

describe('stalled: no investment for 2+ consecutive months', () => {
  it('is red even when ahead of plan', () => {
    const st: ProjectState = { project: project(), reports: [report('2026-04', 800, 100), report('2026-05', 800, 0), report('2026-06', 800, 0)] };
    const s = scoreProject(st, '2026-06', cfg);
    expect(s.colour).toBe('red');
    expect(s.reason).toContain('连续 2 个月无新增投资（≥2）：基本停滞');
  });
  it('one idle month is not stalled', () => {
    const st: ProjectState = { project: project(), reports: [report('2026-05', 800, 100), report('2026-06', 800, 0)] };
    expect(scoreProject(st, '2026-06', cfg).colour).toBe('green');
  });
  it('a missing month breaks the run', () => {
    const st: ProjectState = { project: project(), reports: [report('2026-04', 800, 0), report('2026-06', 800, 0)] };
    expect(scoreProject(st, '2026-06', cfg).colour).toBe('green');
  });
  it('counts across the new year', () => {
    const st: ProjectState = { project: project(), reports: [report('2025-12', 900, 0), report('2026-01', 0, 0)] };
    expect(scoreProject(st, '2026-01', cfg).colour).toBe('red');
  });
  it('follows thresholds.stalledMonths', () => {
    const st: ProjectState = { project: project(), reports: [report('2026-05', 800, 0), report('2026-06', 800, 0)] };
    expect(scoreProject(st, '2026-06', resolveConfig({ thresholds: { stalledMonths: 3 } })).colour).toBe('green');
  });
});

describe('missing reports', () => {
  it('flags NO_REPORT and scores on the latest report of the year, saying so', () => {
    const st: ProjectState = { project: project(), reports: [report('2026-03', 300), report('2026-04', 400), report('2026-07', 900)] };
    const s = scoreProject(st, '2026-06', cfg);
    expect(s.flags?.map((f) => f.code)).toEqual(['NO_REPORT']);
    expect(s.investmentRate).toBe(0.4); // the April report; July is after the period
    expect(s.reason.startsWith('2026-06 未报送，按 2026-04 报告评分：本年累计完成 400.00 万元')).toBe(true);
    expect(s.colour).toBe('yellow'); // 40% vs 50%: exactly 10 points behind
  });
  it('ignores last year’s year-to-date figure', () => {
    const st: ProjectState = { project: project(), reports: [report('2025-12', 5000)] };
    const s = scoreProject(st, '2026-02', cfg);
    expect(s.investmentRate).toBe(0);
    expect(s.reason).toContain('本年尚无报告，按 0 计');
    expect(s.colour).toBe('yellow'); // 0 vs 16.7%
  });
});

describe('拟新开工 (planned start 2026-05)', () => {
  const ns = (over: Partial<Project> = {}, reports: MonthlyReport[] = []): ProjectState =>
    ({ project: project({ list: '拟新开工', stage: '前期', plannedStart: '2026-05', actualStart: undefined, ...over }), reports });
  it('before the planned month, not started → 白, 尚未到计划开工时间', () => {
    const s = scoreProject(ns(), '2026-04', cfg);
    expect(s.colour).toBe('white');
    expect(s.reason).toContain('尚未到计划开工时间');
    expect(s.investmentRate).toBeNull();
    expect(s.scheduleRate).toBeNull();
  });
  it('planned month reached without a start → 黄', () => {
    expect(scoreProject(ns(), '2026-05', cfg).colour).toBe('yellow');
  });
  it('passed by 2 months → 黄; by 3 → 红', () => {
    const two = scoreProject(ns(), '2026-07', cfg);
    expect(two.colour).toBe('yellow');
    expect(two.reason).toContain('已逾期 2 个月仍未开工');
    const three = scoreProject(ns(), '2026-08', cfg);
    expect(three.colour).toBe('red');
    expect(three.reason).toContain('已逾期 3 个月仍未开工（≥3）：基本停滞');
  });
  it('follows config.scoring.newStart', () => {
    const c = resolveConfig({ scoring: { newStart: { yellowMonthsLate: 2, redMonthsLate: 2 } } });
    expect(scoreProject(ns(), '2026-05', c).colour).toBe('white'); // due month 1 < 2
    expect(scoreProject(ns(), '2026-06', c).colour).toBe('yellow');
    expect(scoreProject(ns(), '2026-07', c).colour).toBe('red');
  });
  it('started early → 绿, on time → 白, late → 黄 (from a report or the master data)', () => {
    expect(scoreProject(ns({}, [report('2026-04', 10, 10, { actualStart: '2026-04-18' })]), '2026-06', cfg).colour).toBe('green');
    expect(scoreProject(ns({ actualStart: '2026-05' }), '2026-06', cfg).colour).toBe('white');
    const late = scoreProject(ns({ actualStart: '2026-06' }), '2026-06', cfg);
    expect(late.colour).toBe('yellow');
    expect(late.reason).toContain('晚于计划开工时间 2026-05 1 个月');
  });
  it('a start reported after the period does not count yet', () => {
    expect(scoreProject(ns({ actualStart: '2026-09' }), '2026-08', cfg).colour).toBe('red');
  });
});

describe('储备 and completed projects', () => {
  it('储备 → none', () => {
    const s = scoreProject({ project: project({ list: '储备', stage: '前期' }), reports: [] }, '2026-06', cfg);
    expect(s.colour).toBe('none');
    expect(s.reason).toBe('储备项目不评色');
    expect(s.investmentRate).toBeNull();
    expect(s.flags).toBeUndefined();
  });
  it('completed: scored on the completion rate, without stalled or NO_REPORT after completion', () => {
    const st: ProjectState = {
      project: project({ stage: '竣工', actualEnd: '2026-04' }),
      reports: [report('2026-03', 500, 100), report('2026-04', 1000, 0, { stage: '竣工', actualEnd: '2026-04-20' })],
    };
    const s = scoreProject(st, '2026-06', cfg);
    expect(s.colour).toBe('green'); // 100% vs 50%
    expect(s.flags).toBeUndefined();
    expect(s.reason.startsWith('已于 2026-04 竣工，本年累计完成 1,000.00 万元')).toBe(true);
  });
  it('an annual plan of 0 cannot be scored', () => {
    const s = scoreProject(withYtd('2026-06', 10, { annualPlan: 0 }), '2026-06', cfg);
    expect(s.colour).toBe('none');
    expect(s.reason).toContain('年度计划投资为 0.00 万元');
  });
});

describe('registration (入统) flags', () => {
  const st = (over: Partial<Project>, period: string): ProjectState =>
    ({ project: project({ actualStart: '2026-04', registered: false, ...over }), reports: [report(period, 500)] });
  const codes = (s: ReturnType<typeof scoreProject>) => (s.flags ?? []).map((f) => f.code);
  it('none in the start month, NOT_REGISTERED after 1 month, NOT_REGISTERED_RED after 2', () => {
    expect(codes(scoreProject(st({}, '2026-04'), '2026-04', cfg))).toEqual([]);
    expect(codes(scoreProject(st({}, '2026-05'), '2026-05', cfg))).toEqual(['NOT_REGISTERED']);
    const red = scoreProject(st({}, '2026-06'), '2026-06', cfg);
    expect(codes(red)).toEqual(['NOT_REGISTERED_RED']);
    expect(red.flags![0].message).toBe('已开工 2 个月仍未入统（≥2 个月，红色提示）');
  });
  it('only for projects of at least registerMinTotal, and not once registered', () => {
    expect(codes(scoreProject(st({ total: 499 }, '2026-06'), '2026-06', cfg))).toEqual([]);
    expect(codes(scoreProject(st({ total: 500 }, '2026-06'), '2026-06', cfg))).toEqual(['NOT_REGISTERED_RED']);
    const later: ProjectState = { project: project({ actualStart: '2026-04', registered: false }), reports: [report('2026-06', 500, 50, { registered: true })] };
    expect(codes(scoreProject(later, '2026-06', cfg))).toEqual([]);
  });
});

describe('labels and batches', () => {
  it('has short and long labels for every colour', () => {
    expect(COLOUR_LABELS.green['zh-CN']).toBe('绿');
    expect(COLOUR_LABELS.none.en).toBe('none');
    expect([COLOUR_LONG_LABELS.green, COLOUR_LONG_LABELS.white, COLOUR_LONG_LABELS.yellow, COLOUR_LONG_LABELS.red].map((t) => t['zh-CN']))
      .toEqual(['超计划推进', '正常推进', '进度较慢', '基本停滞']);
  });
  it('scores a batch in order and counts colours', () => {
    const scores = scoreAll([withYtd('2026-06', 550), withYtd('2026-06', 300), { project: project({ list: '储备' }), reports: [] }], '2026-06', cfg, 'en');
    expect(scores.map((s) => s.colour)).toEqual(['green', 'yellow', 'none']);
    expect(scores[2].reason).toBe('Reserve projects are not scored');
    expect(colourCounts(scores)).toEqual({ green: 1, white: 0, yellow: 1, red: 0, none: 1 });
  });
});

describe('properties', () => {
  const order = { green: 0, white: 1, yellow: 2, red: 3, none: 4 } as const;
  it('more investment never gives a worse colour (both rule sets, any month)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 100000 }), fc.nat({ max: 200000 }), fc.nat({ max: 200000 }), fc.boolean(),
      (m, plan, a, b, useRatio) => {
        const period = `2026-${String(m).padStart(2, '0')}`;
        const c = useRatio ? ratioCfg : cfg;
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const cl = scoreProject(withYtd(period, lo, { annualPlan: plan }), period, c).colour;
        const ch = scoreProject(withYtd(period, hi, { annualPlan: plan }), period, c).colour;
        return order[ch] <= order[cl];
      },
    ));
  });
  it('always gives a reason and fraction rates for 在建 projects', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 100000 }), fc.nat({ max: 200000 }), (m, plan, ytd) => {
      const period = `2026-${String(m).padStart(2, '0')}`;
      const s = scoreProject(withYtd(period, ytd, { annualPlan: plan }), period, cfg);
      return s.reason.includes('本年累计完成') && s.investmentRate === ytd / plan && s.scheduleRate === m / 12 && s.colour !== 'none';
    }));
  });
});
