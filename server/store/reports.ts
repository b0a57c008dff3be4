// Monthly reports, one per project and month. Every write is audited (entity 'report',
// key = `<code>@<period>`).
import type { MonthlyReport, Period } from '../../core/types';
import { AuditLog, nowIso, type WriteCtx } from './audit';
import { assignList, columnList, field, fromRow, paramList, toParams, type Field } from './columns';
import type { Db } from './db';
import { readAll } from './statements';

const FIELDS = [
  field('projectCode', 'project_code'), field('period', 'period'),
  field('monthInvest', 'month_invest', 'real'), field('ytdInvest', 'ytd_invest', 'real'),
  field('cumInvest', 'cum_invest', 'real'), field('progress', 'progress', 'real'),
  field('progressNote', 'progress_note'), field('spent', 'spent', 'real'), field('stage', 'stage'),
  field('actualStart', 'actual_start'), field('actualEnd', 'actual_end'),
  field('approvals', 'approvals', 'json'), field('registered', 'registered', 'bool'),
  field('problems', 'problems'), field('needs', 'needs'), field('submittedAt', 'submitted_at'),
] as const;

/** What a read returns: the fields and who submitted it. */
const READ_FIELDS = [...FIELDS, field('submittedBy', 'submitted_by')] as const;

/** What scoring and validation read (asMonthly without the intermediate object): no submitter, no investment figure absent. */
const MONTHLY_FIELDS = FIELDS.map((f) => (f.conv === 'real' && /Invest$/.test(f.key) ? field(f.key, f.column, 'zero') : f));

/** The month-range reads, for one column list: of one project, of several, of all, of a county's. */
function rangeSql(fields: readonly Field<string>[]) {
  const cols = columnList(fields);
  return {
    one: `SELECT ${cols} FROM reports WHERE project_code = ? AND period BETWEEN ? AND ? ORDER BY period`,
    // json_each keeps one prepared statement whatever the number of codes (no IN-list building).
    codes: `SELECT ${cols} FROM reports WHERE project_code IN (SELECT value FROM json_each(?)) AND period BETWEEN ? AND ?
      ORDER BY project_code, period`,
    all: `SELECT ${cols} FROM reports WHERE period BETWEEN ? AND ? ORDER BY project_code, period`,
    county: `SELECT ${fields.map((f) => `r.${f.column}`).join(', ')} FROM projects p JOIN reports r ON r.project_code = p.code
      WHERE p.county = ? AND r.period BETWEEN ? AND ? ORDER BY r.project_code, r.period`,
  };
}
type RangeSql = ReturnType<typeof rangeSql>;
const STORED_RANGE = rangeSql(READ_FIELDS);
const MONTHLY_RANGE = rangeSql(MONTHLY_FIELDS);

/** A stored report: investment figures are absent when the row reported none (拟新开工/储备). */
export type StoredReport = Partial<MonthlyReport> & { projectCode: string; period: Period; submittedAt: string; submittedBy?: string };

/** Reports as scoring and validation take them: a month without figures counts as no investment. */
export function asMonthly(r: StoredReport): MonthlyReport {
  const { submittedBy: _by, ...rest } = r;
  return { ...rest, monthInvest: r.monthInvest ?? 0, ytdInvest: r.ytdInvest ?? 0, cumInvest: r.cumInvest ?? 0 };
}

function read(row: Record<string, unknown>): StoredReport {
  return fromRow<StoredReport>(READ_FIELDS, row);
}

export class ReportRepo {
  private readonly getStmt;
  private readonly insertStmt;
  private readonly updateStmt;

  constructor(private readonly db: Db, private readonly audit: AuditLog) {
    this.getStmt = db.prepare('SELECT * FROM reports WHERE project_code = ? AND period = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO reports (${columnList(FIELDS)}, submitted_by) VALUES (${paramList(FIELDS)}, @submitted_by)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE reports SET ${assignList(FIELDS)}, submitted_by = @submitted_by WHERE project_code = @project_code AND period = @period`,
    );
  }

  get(code: string, period: Period): StoredReport | undefined {
    const row = this.getStmt.get(code, period) as Record<string, unknown> | undefined;
    return row && read(row);
  }

  /** Reports of a month, optionally of one county's projects. */
  forPeriod(period: Period, county?: string): StoredReport[] {
    return county === undefined
      ? readAll<StoredReport>(this.db, READ_FIELDS, 'SELECT * FROM reports WHERE period = ? ORDER BY project_code', [period])
      : readAll<StoredReport>(this.db, READ_FIELDS,
        'SELECT r.* FROM reports r JOIN projects p ON p.code = r.project_code WHERE r.period = ? AND p.county = ? ORDER BY r.project_code',
        [period, county]);
  }

  /** Reports of the given projects (all when null) with from ≤ period ≤ to, in period order. */
  between(codes: readonly string[] | null, from: Period, to: Period): StoredReport[] {
    return this.range(READ_FIELDS, STORED_RANGE, codes === null ? {} : { codes }, from, to);
  }

  /**
   * Reports as scoring and validation take them (what asMonthly gives), from ≤ period ≤ to, per
   * project oldest first: of the given projects, of a county's, or of all. Read straight into
   * that shape: a county's 15,000 reports built twice (stored, then monthly) were most of what
   * a county's list allocated.
   */
  monthlyBetween(scope: { codes: readonly string[] } | { county?: string }, from: Period, to: Period): MonthlyReport[] {
    return this.range(MONTHLY_FIELDS, MONTHLY_RANGE, scope, from, to);
  }

  private range<T>(fields: readonly Field<string>[], sql: RangeSql, scope: { codes: readonly string[] } | { county?: string }, from: Period, to: Period): T[] {
    if ('codes' in scope) {
      if (scope.codes.length === 0) return [];
      // One project (the bot's project card): a plain primary-key range.
      if (scope.codes.length === 1) return readAll(this.db, fields, sql.one, [scope.codes[0], from, to]);
      return readAll(this.db, fields, sql.codes, [JSON.stringify(scope.codes), from, to]);
    }
    if (scope.county === undefined) return readAll(this.db, fields, sql.all, [from, to]);
    return readAll(this.db, fields, sql.county, [scope.county, from, to]);
  }

  /** Stores a project's report for a month (replacing an earlier one of the same month). */
  save(r: StoredReport, ctx: WriteCtx): 'create' | 'update' {
    const before = this.get(r.projectCode, r.period!);
    const at = nowIso(ctx);
    const rec: StoredReport = { ...r, submittedAt: r.submittedAt ?? at };
    const params = { ...toParams(FIELDS, rec), submitted_by: ctx.actor };
    const key = `${r.projectCode}@${r.period}`;
    if (!before) {
      this.insertStmt.run(params);
      this.audit.record(ctx, 'report', key, 'create', null, { ...rec, submittedBy: ctx.actor });
      return 'create';
    }
    this.updateStmt.run(params);
    this.audit.record(ctx, 'report', key, 'update', before, { ...rec, submittedBy: ctx.actor });
    return 'update';
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;
  }
}
