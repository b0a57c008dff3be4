// The store: one SQLite database and the repositories on it, plus the few operations the
// API, the bot, the reminders and the CLI share (see docs/CONTRACTS.md, "Store").
import { isTemporaryCode, splitRow, TEMP_CODE_PREFIX } from '../../core/ledger';
import { addMonths, localDate, prevPeriod, toPeriod, yearOf } from '../../core/periods';
import type { LedgerValues, ListKind, MonthlyReport, Period, Project, ProjectState } from '../../core/types';
import type { Config } from '../../core/config';
import { countyByName, DEFAULT_CONFIG } from '../../core/config';
import { nextList } from '../../core/lists';
import { isOpen } from '../../core/problems';
import { AuditLog, nowIso, type WriteCtx } from './audit';
import type { Statement } from 'better-sqlite3';
import { merged } from './columns';
import { openDb, type Db } from './db';
import { ProblemRepo } from './problems';
import { ProjectRepo } from './projects';
import { ReportRepo, type StoredReport } from './reports';

export interface StoreOptions {
  config?: Config;
  /** Deadline given to a problem created from a ledger's 存在问题 text: days after it was found. */
  problemDeadlineDays?: number;
}

export interface ImportOptions {
  /** Time of the submission (ISO); now when absent. */
  at?: string;
  /** Optimistic concurrency: the version of this county's ledger the submitter started from. */
  county?: string;
  baseVersion?: number;
  /** Called after each row is stored (for progress bars): rows done, rows in all. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportResult {
  /** The stored code of each row, in row order (temporary ids included). */
  codes: string[];
  created: number;
  updated: number;
  reports: number;
  problemsCreated: number;
  moves: { projectCode: string; from: ListKind | null; to: ListKind; reason: string }[];
  /** New ledger version of each county the import touched. */
  versions: Record<string, number>;
}

/** The county's ledger changed since the submitter loaded it (HTTP 409). */
export class VersionConflictError extends Error {
  constructor(readonly county: string, readonly period: Period, readonly expected: number, readonly actual: number) {
    super(`${county} ${period} 的台账已被他人更新（版本 ${actual}，提交基于版本 ${expected}），请重新加载后再提交`);
    this.name = 'VersionConflictError';
  }
}

const MASTER_DEFAULTS: Partial<Project> = { approvals: [] };

export class Store {
  readonly audit: AuditLog;
  readonly projects: ProjectRepo;
  readonly reports: ReportRepo;
  readonly problems: ProblemRepo;
  readonly config: Config;
  private readonly problemDeadlineDays: number;
  private foundOnCache?: { at: string; day: string };
  private readonly sql: Record<'tempByName' | 'nextTemp' | 'insertMove' | 'bumpVersion', Statement>;

  constructor(readonly db: Db, opts: StoreOptions = {}) {
    this.config = opts.config ?? DEFAULT_CONFIG;
    this.problemDeadlineDays = opts.problemDeadlineDays ?? 30;
    this.audit = new AuditLog(db);
    this.projects = new ProjectRepo(db, this.audit);
    this.reports = new ReportRepo(db, this.audit);
    this.problems = new ProblemRepo(db, this.audit);
    this.sql = {
      tempByName: db.prepare("SELECT code FROM projects WHERE county = ? AND name = ? AND code LIKE 'TMP-%' LIMIT 1"),
      nextTemp: db.prepare(
        `INSERT INTO temp_code_seq (county_code, last) VALUES (?, 1)
         ON CONFLICT (county_code) DO UPDATE SET last = last + 1 RETURNING last`,
      ),
      insertMove: db.prepare('INSERT INTO list_moves (project_code, from_list, to_list, period, at, reason) VALUES (?, ?, ?, ?, ?, ?)'),
      bumpVersion: db.prepare(
        `INSERT INTO ledger_versions (county, period, version, updated_at, updated_by) VALUES (?, ?, 1, ?, ?)
         ON CONFLICT (county, period) DO UPDATE SET version = version + 1, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by RETURNING version`,
      ),
    };
  }

  static open(file: string, opts: StoreOptions = {}): Store {
    return new Store(openDb(file), opts);
  }

  close(): void {
    this.db.close();
  }

  /** Runs fn in one transaction (nested calls become savepoints): all its writes or none. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Every project (of a county) with its reports from January of period's year through period. */
  projectStates(period: Period, county?: string): ProjectState[] {
    const projects = this.projects.list(county === undefined ? {} : { county });
    const byCode = groupReports(this.reports.monthlyBetween({ county }, toPeriod(yearOf(period), 1), period));
    return projects.map((project) => ({ project, reports: byCode.get(project.code) ?? [] }));
  }

  /** Reports of the twelve months before period, per project, for validation's cross-month rules. */
  historyFor(codes: readonly string[], period: Period): Map<string, MonthlyReport[]> {
    const byCode = groupReports(this.reports.monthlyBetween({ codes }, addMonths(period, -12), prevPeriod(period)));
    for (const c of codes) if (!byCode.has(c)) byCode.set(c, []);
    return byCode;
  }

  // Prepared on first use: the bot asks these on every question.
  private latestStmt: Statement | undefined;
  private revisionStmt: Statement | undefined;

  /** The latest month with any report in from..to (undefined when none): one index lookup. */
  latestReportPeriod(from: Period, to: Period): Period | undefined {
    this.latestStmt ??= this.db.prepare('SELECT MAX(period) AS p FROM reports WHERE period BETWEEN ? AND ?');
    const row = this.latestStmt.get(from, to) as { p: Period | null };
    return row.p ?? undefined;
  }

  /** Moves whenever a project is added, removed, renamed or moved to another county (migration 009). */
  projectRevision(): number {
    this.revisionStmt ??= this.db.prepare('SELECT n FROM project_revision WHERE id = 1');
    return (this.revisionStmt.get() as { n: number }).n;
  }

  /** Current version of a county's ledger for a month (0 before the first import). */
  ledgerVersion(county: string, period: Period): number {
    const row = this.db.prepare('SELECT version FROM ledger_versions WHERE county = ? AND period = ?').get(county, period) as
      { version: number } | undefined;
    return row?.version ?? 0;
  }

  /** List moves recorded for a month (or all, when period is absent). */
  listMoves(period?: Period): { projectCode: string; from: ListKind | null; to: ListKind; period: Period; reason: string | null }[] {
    const rows = this.db.prepare(
      `SELECT project_code, from_list, to_list, period, reason FROM list_moves ${period ? 'WHERE period = ?' : ''} ORDER BY id`,
    ).all(...(period ? [period] : [])) as { project_code: string; from_list: ListKind | null; to_list: ListKind; period: Period; reason: string | null }[];
    return rows.map((r) => ({ projectCode: r.project_code, from: r.from_list, to: r.to_list, period: r.period, reason: r.reason }));
  }

  /**
   * Stores validated ledger rows of a month — master data and reports — in ONE transaction.
   * Records list moves, creates a problem from a new 存在问题 text, and bumps the ledger
   * version of each county touched. Rows must have passed validateLedger without errors.
   */
  importLedger(rows: readonly LedgerValues[], period: Period, actor: string, opts: ImportOptions = {}): ImportResult {
    const ctx: WriteCtx = { actor, at: opts.at ?? new Date().toISOString() };
    const run = () => {
      if (opts.county !== undefined && opts.baseVersion !== undefined) {
        const actual = this.ledgerVersion(opts.county, period);
        if (actual !== opts.baseVersion) throw new VersionConflictError(opts.county, period, opts.baseVersion, actual);
      }
      const result: ImportResult = { codes: [], created: 0, updated: 0, reports: 0, problemsCreated: 0, moves: [], versions: {} };
      const counties = new Set<string>();
      for (const v of rows) {
        const code = this.resolveCode(v, ctx);
        result.codes.push(code);
        const { project: master, report } = splitRow(v.code === code ? v : { ...v, code }, period);
        const before = this.projects.get(code);
        const project = merged<Project>(MASTER_DEFAULTS, before, master, { code });
        // Rolling lists: a ready reserve project joins 拟新开工, a started new start joins 在建.
        const auto = nextList(project, report, period, this.config.locale);
        if (auto) project.list = auto.to;
        const saved = this.projects.save(project, ctx, { before });
        if (saved.action === 'create') result.created++;
        if (saved.action === 'update') result.updated++;
        if (before?.list !== project.list) {
          const reason = auto?.reason ?? (before ? `台账填报为“${project.list}”` : `首次填报，列入“${project.list}”清单`);
          this.recordMove(code, before?.list ?? null, project.list, period, reason, ctx);
          result.moves.push({ projectCode: code, from: before?.list ?? null, to: project.list, reason });
        }
        this.reports.save({ ...report, projectCode: code, period, submittedAt: ctx.at! } as StoredReport, ctx);
        result.reports++;
        if (this.problemFromText(project, v.problems, period, ctx)) result.problemsCreated++;
        counties.add(project.county);
        opts.onProgress?.(result.codes.length, rows.length);
      }
      for (const county of counties) result.versions[county] = this.bumpVersion(county, period, ctx);
      return result;
    };
    return this.db.transaction(run).immediate();
  }

  /** The code a row is stored under: its own, a reserve project's existing temporary id, or a new one. */
  private resolveCode(v: LedgerValues, ctx: WriteCtx): string {
    const temp = v.name && v.county ? this.sql.tempByName.get(v.county, v.name) as { code: string } | undefined : undefined;
    if (v.code) {
      // A reserve project got its national code: keep its history under the new code.
      if (temp && !isTemporaryCode(v.code) && !this.projects.get(v.code)) this.projects.rename(temp.code, v.code, ctx);
      return v.code;
    }
    if (temp) return temp.code;
    return this.newTempCode(v.county ?? '', ctx);
  }

  private newTempCode(countyName: string, ctx: WriteCtx): string {
    const countyCode = countyByName(this.config, countyName)?.code ?? this.config.city.code;
    const row = this.sql.nextTemp.get(countyCode) as { last: number };
    const code = `${TEMP_CODE_PREFIX}${countyCode}-${String(row.last).padStart(6, '0')}`;
    this.audit.record(ctx, 'temp_code', code, 'create', null, { county: countyName, code });
    return code;
  }

  private recordMove(code: string, from: ListKind | null, to: ListKind, period: Period, reason: string, ctx: WriteCtx): void {
    this.sql.insertMove.run(code, from, to, period, nowIso(ctx), reason);
    this.audit.record(ctx, 'list_move', code, 'create', from === null ? null : { list: from }, { list: to, period, reason });
  }

  /** A new 存在问题 text becomes a problem; the same text month after month does not. */
  private problemFromText(project: Project, text: string | undefined, period: Period, ctx: WriteCtx): boolean {
    const description = text?.trim();
    if (!description) return false;
    const existing = this.problems.latestWithText(project.code, description);
    if (existing) {
      const stillOpen = isOpen(existing);
      const carriedOver = this.reports.get(project.code, prevPeriod(period))?.problems?.trim() === description;
      if (stillOpen || carriedOver) return false;
    }
    // One date per submission: formatting in the city's time zone is costly per row.
    const foundOn = this.foundOnCache?.at === nowIso(ctx) ? this.foundOnCache.day : localDate(new Date(nowIso(ctx)), this.config.timezone);
    this.foundOnCache = { at: nowIso(ctx), day: foundOn };
    const deadline = localDate(new Date(Date.parse(foundOn) + this.problemDeadlineDays * 86_400_000), 'UTC');
    this.problems.create({ projectCode: project.code, description, unit: project.unit, foundOn, deadline }, ctx);
    return true;
  }

  private bumpVersion(county: string, period: Period, ctx: WriteCtx): number {
    const row = this.sql.bumpVersion.get(county, period, nowIso(ctx), ctx.actor) as { version: number };
    this.audit.record(ctx, 'ledger_version', `${county}@${period}`, 'bump', { version: row.version - 1 }, { version: row.version });
    return row.version;
  }
}

/** Reports by project; they come sorted by project, so each project's run is one slice. */
function groupReports(reports: MonthlyReport[]): Map<string, MonthlyReport[]> {
  const out = new Map<string, MonthlyReport[]>();
  let start = 0;
  for (let i = 1; i <= reports.length; i++) {
    if (i < reports.length && reports[i].projectCode === reports[start].projectCode) continue;
    if (start < reports.length) {
      const code = reports[start].projectCode;
      const run = reports.slice(start, i);
      const before = out.get(code);
      out.set(code, before ? before.concat(run) : run);
    }
    start = i;
  }
  return out;
}
