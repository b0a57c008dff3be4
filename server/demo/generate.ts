// A deterministic demo city: a realistic Hengshui year of key projects, reported month by month.
// Seeded PRNG only (same seed and asOf → the same data). The ledgers it produces pass core
// validation without errors; the story in them — most projects on plan, some slow, a few stalled,
// late starters, spikes, counties that stay behind, problems opened and closed — gives every
// colour, rankings with escalations, and reminders something to say.
import type { Config } from '../../core/config';
import { DEFAULT_CONFIG } from '../../core/config';
import { splitRow, TEMP_CODE_PREFIX } from '../../core/ledger';
import { deadlineOf, lastCompletePeriod, toPeriod, yearOf, monthOf } from '../../core/periods';
import type { Approval, Level, LedgerValues, ListKind, MonthlyReport, Nature, Period, ProblemStatus, Project } from '../../core/types';
import { APPROVALS } from '../../core/types';
import {
  COMPANY_SUFFIX, COMPANY_WORDS, CONTACT_GIVEN, CONTACT_SURNAMES, COUNTY_FLAVOURS, DEPARTMENT_CODES, LEADERS,
  NAME_PATTERNS, PROBLEM_TEXTS, PROGRESS_NOTES, PUBLIC_OWNERS, SECTOR_WEIGHTS, SIGNATURE_PROJECTS, TYPE_CODES, UNITS,
} from './names';

export interface DemoOptions {
  /** The demo's "today": reports run from January to the last complete month before it. */
  asOf: Date;
  seed?: number;
  config?: Config;
}

/** One county's ledger for one month, as its staff submitted it. */
export interface DemoSubmission {
  county: string;
  period: Period;
  /** ISO timestamp. */
  submittedAt: string;
  /** Parsed rows; a reserve project without a national code has no `code`. */
  rows: LedgerValues[];
}

/** A problem told in the ledgers' 存在问题 column, and where it stands now. */
export interface DemoProblem {
  projectCode: string;
  description: string;
  firstPeriod: Period;
  lastPeriod: Period;
  status: ProblemStatus;
}

export interface DemoData {
  year: number;
  periods: Period[];
  /** Master data as of the latest report (temporary ids as the store assigns them in import order). */
  projects: Project[];
  reports: MonthlyReport[];
  problems: DemoProblem[];
  /** In the order they are to be imported. */
  submissions: DemoSubmission[];
}

export const DEFAULT_DEMO_SEED = 20260131;

/** Share of the annual plan usually done in each month: little in winter and at Spring Festival. */
const SEASON = [0.04, 0.04, 0.08, 0.09, 0.1, 0.1, 0.09, 0.09, 0.1, 0.1, 0.09, 0.08];

type Behaviour = 'ahead' | 'onplan' | 'slow' | 'stalled' | 'spike';
const BEHAVIOURS: Record<Behaviour, { weight: number; pace: [number, number] }> = {
  ahead: { weight: 12, pace: [1.2, 1.4] },
  onplan: { weight: 52, pace: [0.95, 1.1] },
  slow: { weight: 22, pace: [0.62, 0.82] },
  stalled: { weight: 8, pace: [0.9, 1.05] },
  spike: { weight: 6, pace: [0.95, 1.05] },
};

/** mulberry32: small, fast, good enough for demo data, and reproducible everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (lo: number, hi: number) => lo + (hi - lo) * next(),
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    weighted: <K extends string>(w: Record<K, number>): K => {
      const entries = Object.entries(w) as [K, number][];
      let r = next() * entries.reduce((s, [, x]) => s + x, 0);
      for (const [k, x] of entries) if ((r -= x) < 0) return k;
      return entries[entries.length - 1][0];
    },
  };
}
type Rng = ReturnType<typeof prng>;

const r2 = (x: number) => Math.round(x * 100) / 100;
const r10 = (x: number) => Math.round(x / 10) * 10;
const fill = (t: string, p: Record<string, string | number>) => t.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k] ?? ''));
const ym = (year: number, month: number) => toPeriod(year, month);

/** The life of one project over the demo year, decided up front. */
interface Plan {
  master: Omit<Project, 'code' | 'stage' | 'approvals' | 'actualStart' | 'actualEnd' | 'registered'>;
  code?: string;
  kind: ListKind;
  behaviour: Behaviour;
  pace: number;
  /** 在建: cumulative investment before this year. */
  priorCum: number;
  actualStart?: string;
  /** 拟新开工: month of the year it starts (undefined: not within the demo). */
  startMonth?: number;
  /** 在建: month of the year it is completed. */
  completeMonth?: number;
  stallFrom?: number;
  spikeMonth?: number;
  registerLagMonths: number;
  approvalsBefore: Approval[];
  problem?: { text: string; need: string; from: number; to: number; status: ProblemStatus };
  progressJitter: number;
  spentShare: number;
  note: string;
}

// Development zones are not shortened by dropping the last character (滨湖新区 → 滨湖新 reads wrong).
const SHORT_NAMES: Record<string, string> = { 衡水高新区: '高新区', 滨湖新区: '滨湖' };

function shortName(county: string): string {
  return SHORT_NAMES[county] ?? (county.length > 2 ? county.replace(/(县|区|市)$/, '') : county);
}

function contact(rng: Rng): string {
  return rng.pick(CONTACT_SURNAMES) + rng.pick(CONTACT_GIVEN) + (rng.chance(0.6) ? rng.pick(CONTACT_GIVEN) : '');
}

function phone(rng: Rng): string {
  if (rng.chance(0.3)) return `0318-${rng.int(2, 8)}${String(rng.int(0, 999999)).padStart(6, '0')}`;
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999999999)).padStart(9, '0')}`;
}

function owner(rng: Rng, county: string, sector: string): string {
  const pub = PUBLIC_OWNERS[sector];
  if (pub && rng.chance(0.8)) return fill(rng.pick(pub), { county });
  return `衡水${rng.pick(COMPANY_WORDS)}${rng.pick(['实业', '科技', '建设', '投资', '新材料', '发展', '农业'])}${rng.pick(COMPANY_SUFFIX)}`;
}

function projectName(rng: Rng, county: string, sector: string, used: Set<string>): string {
  const f = COUNTY_FLAVOURS[county];
  const params = {
    county, short: shortName(county), industry: rng.pick(f.industries), place: rng.pick(f.places),
    place2: rng.pick(f.places.length > 1 ? f.places : ['市区']), produce: rng.pick(f.produce), n: rng.pick([5, 10, 20, 30, 50, 100]),
  };
  if (params.place2 === params.place) params.place2 = `${shortName(county)}城区`;
  let name = fill(rng.pick(NAME_PATTERNS[sector]), params);
  if (!name.startsWith(params.short) && !name.startsWith(county) && rng.chance(0.5)) name = params.short + name;
  for (const suffix of ['', '二期', '三期', '（续建）', '（新建）']) {
    if (!used.has(name + suffix)) { used.add(name + suffix); return name + suffix; }
  }
  const n = `${name}${used.size}`;
  used.add(n);
  return n;
}

const SCOPES: Record<string, string> = {
  工业: '新建标准化厂房{n}万平方米，购置生产设备{m}台（套）',
  交通运输: '改造道路{n}公里及附属设施',
  市政公用: '改造管网{n}公里，配套建设附属设施',
  生态环保: '综合治理面积{n}平方公里',
  社会事业: '总建筑面积{n}万平方米',
  服务业: '总建筑面积{n}万平方米，建设配套服务设施',
  农业: '建设示范基地{n}千亩及冷库、分拣中心',
  水利: '新建输水管线{n}公里',
  林业: '造林{n}千亩',
  房地产: '建设住房{m}套',
  其他: '建设业务用房及信息化系统',
};

/** Decides every project's story. */
function plan(rng: Rng, config: Config, year: number, lastMonth: number): Plan[] {
  const plans: Plan[] = [];
  const used = new Set<string>();
  let serial = rng.int(100, 900) * 100;
  for (const county of config.counties) {
    const f = COUNTY_FLAVOURS[county.name] ?? { projects: 20, industries: ['装备制造'], places: [county.name], produce: ['果蔬'], pace: 1 };
    const leaders = Array.from({ length: 5 }, () => rng.pick(LEADERS));
    const signatures = SIGNATURE_PROJECTS.filter((s) => s.county === county.name);
    for (let i = 0; i < f.projects; i++) {
      const share = i / f.projects;
      const kind: ListKind = share < 0.6 ? '在建' : share < 0.85 ? '拟新开工' : '储备';
      const sig = kind === '在建' ? signatures[i] : undefined;
      const sector = sig?.sector ?? rng.weighted(SECTOR_WEIGHTS);
      const name = sig ? (used.add(sig.name), sig.name) : projectName(rng, county.name, sector, used);
      const level: Level = sig?.level ?? (rng.chance(0.2) ? '省重点' : '市重点');
      const total = r10(Math.exp(rng.between(Math.log(level === '省重点' ? 30000 : 6000), Math.log(level === '省重点' ? 600000 : 150000))));
      const behaviour: Behaviour = kind === '在建' ? rng.weighted(Object.fromEntries(Object.entries(BEHAVIOURS).map(([k, v]) => [k, v.weight])) as Record<Behaviour, number>) : 'onplan';
      const pace = rng.between(...BEHAVIOURS[behaviour].pace) * f.pace;
      const nature: Nature = rng.weighted({ 新建: 70, 扩建: 15, 改建: 12, 迁建: 3 });
      // The code's year: when the project was approved.
      const codeYear = kind === '在建' ? rng.int(year - 4, year - 1) : kind === '拟新开工' ? rng.int(year - 1, year) : year;
      const division = county.legacyCodes?.length && codeYear <= year - 3 && rng.chance(0.5) ? county.legacyCodes[0]
        : rng.chance(0.05) ? config.city.code : county.code;
      const hasCode = kind !== '储备' || rng.chance(0.5);
      const code = hasCode
        ? `${codeYear}-${division}-${rng.pick(DEPARTMENT_CODES)}-${rng.pick(TYPE_CODES)}-${String(++serial).padStart(6, '0')}`
        : undefined;

      let plannedStart: Period, plannedEnd: Period, annualPlan: number, priorCum = 0;
      let actualStart: string | undefined, startMonth: number | undefined, completeMonth: number | undefined;
      if (kind === '在建') {
        const started = ym(rng.int(Math.max(codeYear, year - 3), year - 1), rng.int(1, 12));
        plannedStart = started;
        actualStart = started;
        completeMonth = rng.chance(0.1) && lastMonth >= 4 ? rng.int(3, lastMonth) : undefined;
        plannedEnd = completeMonth ? ym(year, completeMonth) : ym(rng.int(year, year + 2), rng.int(1, 12));
        if (plannedEnd < ym(year, 1)) plannedEnd = ym(year, 12);
        annualPlan = r10(total * rng.between(0.15, 0.35));
        priorCum = r2(completeMonth ? total - annualPlan * rng.between(0.95, 1.0) : total * rng.between(0.1, 0.5));
      } else if (kind === '拟新开工') {
        const ps = rng.chance(0.8) ? rng.int(2, 6) : rng.int(7, 9);
        plannedStart = ym(year, ps);
        plannedEnd = ym(year + rng.int(1, 2), rng.int(1, 12));
        annualPlan = r10(total * rng.between(0.1, 0.3));
        // Most start on time or early, some 1–2 months late, some not yet.
        const r = rng.next();
        const s = r < 0.12 ? ps - 1 : r < 0.65 ? ps : r < 0.88 ? ps + rng.int(1, 2) : undefined;
        startMonth = s !== undefined && s <= lastMonth ? s : undefined;
        actualStart = startMonth ? ym(year, startMonth) : undefined;
      } else {
        plannedStart = ym(year + 1, rng.int(1, 12));
        plannedEnd = ym(year + rng.int(2, 3), rng.int(1, 12));
        annualPlan = 0;
      }
      const stallFrom = behaviour === 'stalled' ? rng.int(Math.max(2, lastMonth - 4), Math.max(2, lastMonth - 1)) : undefined;
      const spikeMonth = behaviour === 'spike' ? rng.int(Math.min(3, lastMonth), lastMonth) : undefined;
      const prob = PROBLEM_TEXTS[rng.int(0, PROBLEM_TEXTS.length - 1)];
      const probFrom = rng.int(1, lastMonth);
      const probTo = Math.min(lastMonth, probFrom + rng.int(0, 3));
      const hasProblem = kind !== '储备' && (behaviour === 'stalled' || behaviour === 'slow' ? rng.chance(0.45) : rng.chance(0.08));
      const problemStatus: ProblemStatus = probTo < lastMonth
        ? (rng.chance(0.6) ? '已销号' : '已解决')
        : (rng.chance(0.5) ? '解决中' : '待解决');
      const nApprovals = kind === '储备' ? rng.int(0, 3) : kind === '拟新开工' ? rng.int(2, 4) : 5;
      const cnt = contact(rng);
      plans.push({
        master: {
          name, county: county.name, list: kind, level, sector, owner: owner(rng, county.name, sector), nature,
          scope: fill(SCOPES[sector] ?? SCOPES.其他, { n: rng.int(2, 30), m: rng.int(20, 400) }),
          total, annualPlan, plannedStart, plannedEnd, leader: rng.pick(leaders), unit: fill(UNITS[sector] ?? UNITS.其他, { county: county.name }),
          contact: cnt, phone: phone(rng),
        },
        code, kind, behaviour, pace, priorCum, actualStart, startMonth, completeMonth, stallFrom, spikeMonth,
        registerLagMonths: rng.chance(0.85) ? 1 : rng.chance(0.5) ? 2 : 99,
        approvalsBefore: APPROVALS.slice(0, nApprovals),
        problem: hasProblem ? { text: prob.problem, need: prob.need, from: probFrom, to: probTo, status: problemStatus } : undefined,
        progressJitter: rng.between(-8, 8),
        spentShare: rng.between(0.86, 0.99),
        note: rng.pick(PROGRESS_NOTES.在建),
      });
    }
  }
  return plans;
}

/** Investment of a started project in month m (before capping at the total). */
function monthly(p: Plan, m: number, rng: Rng): number {
  if (p.stallFrom && m >= p.stallFrom) return 0;
  if (p.completeMonth && m > p.completeMonth) return 0;
  // A new start spreads its annual plan over the months from its planned start; a project
  // finishing this year over the months up to its completion.
  const from = p.startMonth ? monthOf(p.master.plannedStart) : 1;
  const to = p.completeMonth ?? 12;
  const season = SEASON[m - 1] / SEASON.slice(from - 1, to).reduce((s, x) => s + x, 0);
  let x = p.master.annualPlan * season * p.pace * rng.between(0.85, 1.15);
  if (p.spikeMonth === m) x = Math.max(x * 4, p.master.total * 0.12);
  return r2(x);
}

/** The rows of every month, project by project. */
function ledgers(plans: Plan[], year: number, lastMonth: number, rng: Rng): Map<number, LedgerValues[]> {
  const out = new Map<number, LedgerValues[]>();
  for (let m = 1; m <= lastMonth; m++) out.set(m, []);
  for (const p of plans) {
    let ytd = 0;
    for (let m = 1; m <= lastMonth; m++) {
      const period = ym(year, m);
      const started = p.kind === '在建' || (p.startMonth !== undefined && m >= p.startMonth);
      const completed = p.completeMonth !== undefined && m >= p.completeMonth;
      const row: LedgerValues = { ...p.master, ...(p.code ? { code: p.code } : {}) };
      if (started) {
        const room = p.master.total - p.priorCum - ytd;
        const inv = r2(Math.max(0, Math.min(monthly(p, m, rng), room)));
        ytd = r2(ytd + inv);
        const cum = r2(p.priorCum + ytd);
        const ratio = (cum / p.master.total) * 100;
        // A new start moves to the 在建 list with the month its actual start is reported.
        Object.assign(row, {
          list: '在建',
          monthInvest: inv, ytdInvest: ytd, cumInvest: cum,
          actualStart: p.actualStart,
          stage: completed ? (m >= p.completeMonth! + 2 ? '投产' : '竣工') : '在建',
          approvals: [...APPROVALS],
          progress: completed ? 100 : Math.max(1, Math.min(99, Math.round(ratio + p.progressJitter))),
          progressNote: completed ? (m >= p.completeMonth! + 2 ? PROGRESS_NOTES.投产[0] : PROGRESS_NOTES.竣工[0]) : p.note,
          spent: r2(cum * p.spentShare),
          registered: p.kind === '在建' || m - p.startMonth! >= p.registerLagMonths,
        } satisfies Partial<LedgerValues>);
        if (completed) row.actualEnd = ym(year, p.completeMonth!);
      } else {
        Object.assign(row, { stage: '前期', approvals: p.approvalsBefore, progressNote: PROGRESS_NOTES.前期[m % PROGRESS_NOTES.前期.length] });
      }
      if (p.problem && m >= p.problem.from && m <= p.problem.to) {
        row.problems = p.problem.text;
        row.needs = p.problem.need;
      }
      out.get(m)!.push(row);
    }
  }
  return out;
}

/** When a county submitted month m: a few days before the deadline, now and then a little late. */
function submittedAt(rng: Rng, period: Period, deadlineDay: number): string {
  const day = rng.chance(0.06) ? deadlineDay + rng.int(1, 3) : Math.max(1, deadlineDay - rng.int(0, 4));
  const next = deadlineOf(period, deadlineDay).slice(0, 7);
  const hour = rng.int(9, 17); // Asia/Shanghai office hours
  return new Date(`${next}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+08:00`).toISOString();
}

export function generateDemo(opts: DemoOptions): DemoData {
  const config = opts.config ?? DEFAULT_CONFIG;
  const rng = prng(opts.seed ?? DEFAULT_DEMO_SEED);
  const last = lastCompletePeriod(opts.asOf, config.timezone);
  const year = yearOf(last);
  const lastMonth = monthOf(last);
  const plans = plan(rng, config, year, lastMonth);
  const rows = ledgers(plans, year, lastMonth, rng);

  const submissions: DemoSubmission[] = [];
  for (let m = 1; m <= lastMonth; m++) {
    const period = ym(year, m);
    for (const county of config.counties) {
      const at = submittedAt(rng, period, config.deadlineDay);
      // Counties that have not reported yet on asOf simply have no submission for that month.
      if (Date.parse(at) > opts.asOf.getTime()) continue;
      submissions.push({ county: county.name, period, submittedAt: at, rows: rows.get(m)!.filter((r) => r.county === county.name) });
    }
  }

  // Temporary ids as the store gives them: per county, in order of first import.
  const tempIds = new Map<string, string>();
  const seq = new Map<string, number>();
  const codeOf = (v: LedgerValues): string => {
    if (v.code) return v.code;
    const key = `${v.county}|${v.name}`;
    if (!tempIds.has(key)) {
      const cc = config.counties.find((k) => k.name === v.county)!.code;
      const n = (seq.get(cc) ?? 0) + 1;
      seq.set(cc, n);
      tempIds.set(key, `${TEMP_CODE_PREFIX}${cc}-${String(n).padStart(6, '0')}`);
    }
    return tempIds.get(key)!;
  };

  const projects = new Map<string, Project>();
  const reports: MonthlyReport[] = [];
  for (const s of submissions) {
    for (const v of s.rows) {
      const code = codeOf(v);
      const { project, report } = splitRow({ ...v, code }, s.period);
      projects.set(code, { approvals: [], ...projects.get(code), ...project, code } as Project);
      reports.push({ ...report, projectCode: code, monthInvest: v.monthInvest ?? 0, ytdInvest: v.ytdInvest ?? 0, cumInvest: v.cumInvest ?? 0, submittedAt: s.submittedAt } as MonthlyReport);
    }
  }
  const problems: DemoProblem[] = plans
    .filter((p) => p.problem)
    .map((p) => ({
      projectCode: p.code ?? codeOf({ county: p.master.county, name: p.master.name }),
      description: p.problem!.text,
      firstPeriod: ym(year, p.problem!.from),
      lastPeriod: ym(year, p.problem!.to),
      status: p.problem!.status,
    }))
    .filter((p) => reports.some((r) => r.projectCode === p.projectCode && r.period === p.firstPeriod));

  return {
    year,
    periods: Array.from({ length: lastMonth }, (_, i) => ym(year, i + 1)),
    projects: [...projects.values()],
    reports,
    problems,
    submissions,
  };
}
