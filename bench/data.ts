// Synthetic province-scale ledgers for benchmarks: deterministic, valid, varied.
import { DEFAULT_CONFIG } from '../core/config';
import type { InputRow, MonthlyReport, Project, ProjectState } from '../core/types';
import { prevPeriod, monthOf } from '../core/periods';

const SECTORS = DEFAULT_CONFIG.sectors;
const COUNTIES = DEFAULT_CONFIG.counties;

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export interface BenchLedger {
  rows: InputRow[];
  history: Map<string, MonthlyReport[]>;
  states: ProjectState[];
}

/** `n` 在建 projects reporting `period`, each with its previous month stored. */
export function makeLedger(n: number, period: string, seed = 7): BenchLedger {
  const rnd = lcg(seed);
  const prev = prevPeriod(period);
  const m = monthOf(period);
  const rows: InputRow[] = [];
  const history = new Map<string, MonthlyReport[]>();
  const states: ProjectState[] = [];
  for (let i = 0; i < n; i++) {
    const county = COUNTIES[i % COUNTIES.length];
    const code = `2025-${county.code}-04-01-${String(i).padStart(6, '0')}`;
    const total = 5000 + Math.round(rnd() * 200000);
    const annualPlan = Math.round(total * (0.2 + rnd() * 0.3));
    const pace = 0.4 + rnd() * 0.9;
    const prevYtd = m === 1 ? 0 : Math.round(((annualPlan * (m - 1)) / 12) * pace * 100) / 100;
    const monthInvest = Math.round((annualPlan / 12) * pace * 100) / 100;
    const ytd = Math.round((prevYtd + monthInvest) * 100) / 100;
    const cum = Math.round((ytd + total * 0.1) * 100) / 100;
    const raw = {
      code, name: `${county.name}重点项目${i}号`, county: county.name, list: '在建', level: i % 5 ? '市重点' : '省重点',
      sector: SECTORS[i % SECTORS.length], owner: `${county.name}建设投资有限公司`, nature: '新建', scope: '建设厂房及配套设施',
      total, annualPlan, plannedStart: '2025-03', plannedEnd: '2027-12', leader: `领导${i % 97}`, unit: `${county.name}发改局`,
      contact: '张明', phone: '13800138000', monthInvest, ytdInvest: ytd, cumInvest: cum, actualStart: '2025-04',
      stage: '在建', approvals: '立项、用地、规划、环评、施工许可', progress: Math.min(100, Math.round((cum / total) * 100)),
      progressNote: '主体施工', spent: Math.round(cum * 0.95 * 100) / 100, registered: '是', problems: '', needs: '',
    };
    rows.push({ row: i + 2, raw });
    const prevReport: MonthlyReport = { projectCode: code, period: prev, monthInvest, ytdInvest: prevYtd, cumInvest: Math.round((cum - monthInvest) * 100) / 100 };
    history.set(code, [prevReport]);
    const project: Project = {
      code, name: raw.name, county: county.name, list: '在建', level: raw.level as Project['level'], sector: raw.sector, owner: raw.owner,
      total, annualPlan, plannedStart: '2025-03', plannedEnd: '2027-12', leader: raw.leader, unit: raw.unit, stage: '在建',
      approvals: ['立项', '用地', '规划', '环评', '施工许可'], actualStart: '2025-04', registered: true,
    };
    states.push({ project, reports: [prevReport, { projectCode: code, period, monthInvest, ytdInvest: ytd, cumInvest: cum }] });
  }
  return { rows, history, states };
}
