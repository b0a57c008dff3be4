// Domain types shared by every surface. Pure data: no Node, no DOM.

export type Locale = 'zh-CN' | 'en';
export type Severity = 'error' | 'warning';
/** A month, `YYYY-MM`. */
export type Period = string;

export const LISTS = ['在建', '拟新开工', '储备'] as const;
export type ListKind = (typeof LISTS)[number];
export const LEVELS = ['省重点', '市重点'] as const;
export type Level = (typeof LEVELS)[number];
export const STAGES = ['前期', '在建', '竣工', '投产'] as const;
export type Stage = (typeof STAGES)[number];
export const NATURES = ['新建', '扩建', '改建', '迁建'] as const;
export type Nature = (typeof NATURES)[number];
export const APPROVALS = ['立项', '用地', '规划', '环评', '施工许可'] as const;
export type Approval = (typeof APPROVALS)[number];

export type Colour = 'green' | 'white' | 'yellow' | 'red' | 'none';

/** Every column of the standard ledger (SPEC §2), by key. */
export type LedgerKey =
  | 'code' | 'name' | 'county' | 'list' | 'level' | 'sector' | 'owner' | 'nature' | 'scope'
  | 'total' | 'annualPlan' | 'plannedStart' | 'plannedEnd' | 'leader' | 'unit' | 'contact' | 'phone'
  | 'monthInvest' | 'ytdInvest' | 'cumInvest' | 'actualStart' | 'actualEnd' | 'stage' | 'approvals'
  | 'progress' | 'progressNote' | 'spent' | 'registered' | 'problems' | 'needs';

/** A ledger row as typed: whatever the cell held (string, number, Date, null). */
export type RawRow = Partial<Record<LedgerKey, unknown>>;

/** A ledger row after parsing: every readable cell normalised, unreadable ones absent. */
export interface LedgerValues {
  code?: string;
  name?: string;
  county?: string;
  list?: ListKind;
  level?: Level;
  sector?: string;
  owner?: string;
  nature?: Nature;
  scope?: string;
  total?: number;
  annualPlan?: number;
  plannedStart?: Period;
  plannedEnd?: Period;
  leader?: string;
  unit?: string;
  contact?: string;
  phone?: string;
  monthInvest?: number;
  ytdInvest?: number;
  cumInvest?: number;
  /** `YYYY-MM` or `YYYY-MM-DD` */
  actualStart?: string;
  actualEnd?: string;
  stage?: Stage;
  approvals?: Approval[];
  progress?: number;
  progressNote?: string;
  spent?: number;
  registered?: boolean;
  problems?: string;
  needs?: string;
}

/** One row of a submission: its spreadsheet row number (as the sheet shows it) and its cells. */
export interface InputRow {
  row: number;
  raw: RawRow;
}

export type RuleCode =
  | 'REQUIRED' | 'TYPE' | 'ENUM' | 'CODE_FORMAT' | 'CODE_REGION' | 'DUPLICATE' | 'NEGATIVE'
  | 'YTD_MISMATCH' | 'YTD_DECREASE' | 'CUM_LT_YTD' | 'CUM_GT_TOTAL' | 'DATE_ORDER' | 'STAGE'
  | 'PERIOD_FUTURE' | 'BELOW_THRESHOLD' | 'PROGRESS_GAP' | 'SPEND_GAP' | 'SPIKE' | 'STALLED'
  | 'PHONE' | 'LATE';

/** SPEC §3 / §6: one finding of validation. */
export interface Finding {
  rule: RuleCode;
  severity: Severity;
  /** Row number as the spreadsheet shows it (0 for findings about the whole submission). */
  row: number;
  /** Ledger key of the column; null only for whole-submission findings such as PERIOD_FUTURE. */
  column: LedgerKey | null;
  projectCode: string | null;
  value: string;
  message: string;
}

export interface ValidationResult {
  findings: Finding[];
  errors: number;
  warnings: number;
}

/** Master data of a project (the ledger's stable columns). */
export interface Project {
  /** National project code, or a temporary id (`TMP-…`) for a reserve project without one. */
  code: string;
  name: string;
  county: string;
  list: ListKind;
  level: Level;
  sector: string;
  owner: string;
  nature?: Nature;
  scope?: string;
  total: number;
  annualPlan: number;
  plannedStart: Period;
  plannedEnd: Period;
  leader: string;
  unit: string;
  contact?: string;
  phone?: string;
  actualStart?: string;
  actualEnd?: string;
  stage: Stage;
  approvals: Approval[];
  registered?: boolean;
  /** Optional month-by-month plan: cumulative share (0–1) of the annual plan due by the end of each month. */
  monthlyPlan?: Record<Period, number>;
}

/** One month's report of a project. Amounts in 万元. */
export interface MonthlyReport {
  projectCode: string;
  period: Period;
  monthInvest: number;
  ytdInvest: number;
  cumInvest: number;
  progress?: number;
  progressNote?: string;
  spent?: number;
  stage?: Stage;
  actualStart?: string;
  actualEnd?: string;
  registered?: boolean;
  problems?: string;
  needs?: string;
  /** ISO timestamp of submission. */
  submittedAt?: string;
}

/** A project with its reports of the year (any order), as scoring needs it. */
export interface ProjectState {
  project: Project;
  reports: MonthlyReport[];
}

/** SPEC §6 score shape. */
export interface ProjectScore {
  projectCode: string;
  name: string;
  county: string;
  colour: Colour;
  reason: string;
  investmentRate: number | null;
  scheduleRate: number | null;
  /** Extra flags (e.g. not registered one/two months after start). */
  flags?: ScoreFlag[];
}

export interface ScoreFlag {
  code: 'NOT_REGISTERED' | 'NOT_REGISTERED_RED' | 'NO_REPORT';
  message: string;
}

export type IndicatorKey = 'investment' | 'investmentRate' | 'starts' | 'startRate' | 'completions' | 'completionRate';
export const INDICATORS: IndicatorKey[] = ['investment', 'investmentRate', 'starts', 'startRate', 'completions', 'completionRate'];

export interface CountyRanking {
  county: string;
  rank: number;
  score: number;
  indicators: Record<IndicatorKey, number>;
  /** Rank on each indicator (ties share a rank). */
  ranks?: Record<IndicatorKey, number>;
}

export interface Escalation {
  county: string;
  level: 1 | 2;
  indicators: IndicatorKey[];
  months: number;
}

export const PROBLEM_STATUSES = ['待解决', '解决中', '已解决', '已销号'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export interface Problem {
  id: number;
  projectCode: string;
  description: string;
  unit: string;
  foundOn: string; // YYYY-MM-DD
  deadline: string; // YYYY-MM-DD
  status: ProblemStatus;
}
