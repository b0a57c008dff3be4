// Projects' master data. Every write is audited (entity 'project', key = project code).
import type { Project } from '../../core/types';
import { AuditLog, nowIso, type WriteCtx } from './audit';
import { assignList, columnList, field, paramList, rawReader, sameStored, toParams } from './columns';
import type { Db } from './db';
import { readAll } from './statements';

const FIELDS = [
  field('code', 'code'), field('name', 'name'), field('county', 'county'), field('list', 'list'),
  field('level', 'level'), field('sector', 'sector'), field('owner', 'owner'), field('nature', 'nature'),
  field('scope', 'scope'), field('total', 'total', 'real'), field('annualPlan', 'annual_plan', 'real'),
  field('plannedStart', 'planned_start'), field('plannedEnd', 'planned_end'), field('leader', 'leader'),
  field('unit', 'unit'), field('contact', 'contact'), field('phone', 'phone'),
  field('actualStart', 'actual_start'), field('actualEnd', 'actual_end'), field('stage', 'stage'),
  field('approvals', 'approvals', 'json'), field('registered', 'registered', 'bool'),
  field('monthlyPlan', 'monthly_plan', 'json'),
] as const;

export interface ProjectFilter {
  county?: string;
  list?: string;
  leader?: string;
}

function same(a: Project, b: Project): boolean {
  return sameStored(FIELDS, a, b);
}

/** The parameters with the write time added (not spread: spreading a record of many fields is slow). */
function withAt(params: Record<string, unknown>, at: string): Record<string, unknown> {
  params.at = at;
  return params;
}

export class ProjectRepo {
  private readonly getStmt;
  private readonly readRaw: (row: unknown[]) => Project;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly renameStmt;

  constructor(private readonly db: Db, private readonly audit: AuditLog) {
    this.getStmt = db.prepare('SELECT * FROM projects WHERE code = ?').raw(true);
    this.readRaw = rawReader<Project>(FIELDS, this.getStmt.columns().map((c) => c.name));
    this.insertStmt = db.prepare(
      `INSERT INTO projects (${columnList(FIELDS)}, created_at, updated_at) VALUES (${paramList(FIELDS)}, @at, @at)`,
    );
    this.updateStmt = db.prepare(`UPDATE projects SET ${assignList(FIELDS)}, updated_at = @at WHERE code = @code`);
    this.renameStmt = db.prepare('UPDATE projects SET code = ?, updated_at = ? WHERE code = ?');
  }

  get(code: string): Project | undefined {
    const row = this.getStmt.get(code) as unknown[] | undefined;
    return row && this.readRaw(row);
  }

  list(filter: ProjectFilter = {}): Project[] {
    const where: string[] = [];
    const params: unknown[] = [];
    for (const k of ['county', 'list', 'leader'] as const) {
      if (filter[k] !== undefined) { where.push(`${k} = ?`); params.push(filter[k]); }
    }
    const sql = `SELECT * FROM projects ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY county, code`;
    return readAll<Project>(this.db, FIELDS, sql, params);
  }

  /** Inserts or replaces a project's master data; returns what happened and the record before. */
  save(p: Project, ctx: WriteCtx, known?: { before: Project | undefined }): { action: 'create' | 'update' | 'unchanged'; before?: Project } {
    // `known`: the caller has just read the record in this transaction (an import reads every row anyway).
    const before = known ? known.before : this.get(p.code);
    const at = nowIso(ctx);
    if (!before) {
      this.insertStmt.run(withAt(toParams(FIELDS, p), at));
      this.audit.record(ctx, 'project', p.code, 'create', null, p);
      return { action: 'create' };
    }
    if (same(before, p)) return { action: 'unchanged', before };
    this.updateStmt.run(withAt(toParams(FIELDS, p), at));
    this.audit.record(ctx, 'project', p.code, 'update', before, p);
    return { action: 'update', before };
  }

  /** Gives a project a new code (a reserve project's temporary id replaced by its national code). */
  rename(from: string, to: string, ctx: WriteCtx): void {
    this.renameStmt.run(to, nowIso(ctx), from);
    this.audit.record(ctx, 'project', to, 'rename', { code: from }, { code: to });
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM projects').get() as { n: number }).n;
  }
}
