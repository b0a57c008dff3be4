// 问题清单: problems blocking projects and their status flow. Every write is audited
// (entity 'problem', key = id) and every status change kept in problem_status_history.
import { OPEN_STATUSES, transitionError } from '../../core/problems';
import type { Locale, Problem, ProblemStatus } from '../../core/types';
import { AuditLog, nowIso, type WriteCtx } from './audit';
import { field, fromRow } from './columns';
import type { Db } from './db';
import { prepared } from './statements';

const FIELDS = [
  field('id', 'id'), field('projectCode', 'project_code'), field('description', 'description'),
  field('unit', 'unit'), field('foundOn', 'found_on'), field('deadline', 'deadline'), field('status', 'status'),
] as const;

/** A stored problem with who created and last changed it. */
export interface StoredProblem extends Problem {
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface StatusChange {
  at: string;
  actor: string;
  from: ProblemStatus | null;
  to: ProblemStatus;
  note?: string;
}

export interface ProblemFilter {
  projectCode?: string;
  county?: string;
  status?: ProblemStatus;
  /** Only problems not yet solved (待解决 / 解决中). */
  open?: boolean;
}

export type NewProblem = Omit<Problem, 'id' | 'status'> & { status?: ProblemStatus };

/** Rejected status change, with a Chinese message naming the problem and the allowed moves. */
export class ProblemTransitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProblemTransitionError';
  }
}



function read(row: Record<string, unknown>): StoredProblem {
  return {
    ...fromRow<Problem>(FIELDS, row),
    createdAt: row.created_at as string, createdBy: row.created_by as string,
    updatedAt: row.updated_at as string, updatedBy: row.updated_by as string,
  };
}

// The list's SQL for each combination of filters, built once (the same text object each time, so
// the statement cache finds it without hashing a new string).
const LIST_SQL = new Map<number, string>();
function listSql(shape: number): string {
  let sql = LIST_SQL.get(shape);
  if (sql === undefined) {
    const where: string[] = [];
    if (shape & 1) where.push('q.project_code = ?');
    if (shape & 2) where.push('p.county = ?');
    if (shape & 4) where.push('q.status = ?');
    if (shape & 8) where.push(`q.status IN (${OPEN_STATUSES.map(() => '?').join(', ')})`);
    sql = `SELECT q.* FROM problems q JOIN projects p ON p.code = q.project_code
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY q.id`;
    LIST_SQL.set(shape, sql);
  }
  return sql;
}

export class ProblemRepo {
  private readonly getStmt;
  private readonly insertStmt;
  private readonly statusStmt;
  private readonly historyStmt;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {
    this.getStmt = db.prepare('SELECT * FROM problems WHERE id = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO problems (project_code, description, unit, found_on, deadline, status, created_at, created_by, updated_at, updated_by)
       VALUES (@projectCode, @description, @unit, @foundOn, @deadline, @status, @at, @actor, @at, @actor)`,
    );
    this.statusStmt = db.prepare('UPDATE problems SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?');
    this.historyStmt = db.prepare(
      'INSERT INTO problem_status_history (problem_id, at, actor, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  get(id: number): StoredProblem | undefined {
    const row = this.getStmt.get(id) as Record<string, unknown> | undefined;
    return row && read(row);
  }

  list(filter: ProblemFilter = {}): StoredProblem[] {
    const params: unknown[] = [];
    let shape = 0;
    if (filter.projectCode !== undefined) { shape |= 1; params.push(filter.projectCode); }
    if (filter.county !== undefined) { shape |= 2; params.push(filter.county); }
    if (filter.status !== undefined) { shape |= 4; params.push(filter.status); }
    if (filter.open) { shape |= 8; params.push(...OPEN_STATUSES); }
    return (prepared(this.db, listSql(shape)).all(...params) as Record<string, unknown>[]).map(read);
  }

  create(p: NewProblem, ctx: WriteCtx): StoredProblem {
    const at = nowIso(ctx);
    const status = p.status ?? '待解决';
    const info = this.insertStmt.run({ ...p, status, at, actor: ctx.actor });
    const id = Number(info.lastInsertRowid);
    this.historyStmt.run(id, at, ctx.actor, null, status, null);
    const created = this.get(id)!;
    this.audit.record(ctx, 'problem', String(id), 'create', null, created);
    return created;
  }

  /** Moves a problem to a new status; throws ProblemTransitionError when the move is not allowed. */
  setStatus(id: number, to: ProblemStatus, ctx: WriteCtx, note?: string, locale: Locale = 'zh-CN'): StoredProblem {
    const before = this.get(id);
    if (!before) throw new ProblemTransitionError(locale === 'en' ? `Problem ${id} does not exist` : `问题 ${id} 不存在`);
    const refused = transitionError(before.status, to, locale);
    if (refused) throw new ProblemTransitionError(locale === 'en' ? `Problem ${id}: ${refused}` : `问题 ${id}：${refused}`);
    const at = nowIso(ctx);
    this.statusStmt.run(to, at, ctx.actor, id);
    this.historyStmt.run(id, at, ctx.actor, before.status, to, note ?? null);
    const after = this.get(id)!;
    this.audit.record(ctx, 'problem', String(id), 'status', before, after);
    return after;
  }

  history(id: number): StatusChange[] {
    const rows = this.db.prepare(
      'SELECT at, actor, from_status, to_status, note FROM problem_status_history WHERE problem_id = ? ORDER BY id',
    ).all(id) as { at: string; actor: string; from_status: ProblemStatus | null; to_status: ProblemStatus; note: string | null }[];
    return rows.map((r) => ({ at: r.at, actor: r.actor, from: r.from_status, to: r.to_status, ...(r.note ? { note: r.note } : {}) }));
  }

  /** The newest problem of a project with exactly this description (to avoid a duplicate each month). */
  latestWithText(projectCode: string, description: string): StoredProblem | undefined {
    const row = this.db.prepare(
      'SELECT * FROM problems WHERE project_code = ? AND description = ? ORDER BY id DESC LIMIT 1',
    ).get(projectCode, description) as Record<string, unknown> | undefined;
    return row && read(row);
  }
}
