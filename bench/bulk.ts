// Bulk writes for building benchmark databases: straight into the store's tables (projects,
// reports) with two prepared statements, to be run inside one transaction by the caller. The
// store's own importLedger audits every row and re-reads each project, which is right for
// submissions and far too slow for building 480,000 reports.
import type { MonthlyReport, Project } from '../core/types';
import type { Db } from '../server/store/db';

export interface BulkWriter {
  project(p: Project, at: string): void;
  report(r: MonthlyReport, at: string): void;
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
const bool = (v: boolean | undefined) => (v === undefined ? null : v ? 1 : 0);

export function bulkWriter(db: Db): BulkWriter {
  const project = db.prepare(`INSERT INTO projects (code, name, county, list, level, sector, owner, nature, scope, total, annual_plan,
    planned_start, planned_end, leader, unit, contact, phone, actual_start, actual_end, stage, approvals, registered, monthly_plan, created_at, updated_at)
    VALUES (@code, @name, @county, @list, @level, @sector, @owner, @nature, @scope, @total, @annualPlan, @plannedStart, @plannedEnd, @leader,
    @unit, @contact, @phone, @actualStart, @actualEnd, @stage, @approvals, @registered, @monthlyPlan, @at, @at)`);
  const report = db.prepare(`INSERT INTO reports (project_code, period, month_invest, ytd_invest, cum_invest, progress, progress_note, spent,
    stage, actual_start, actual_end, approvals, registered, problems, needs, submitted_at, submitted_by)
    VALUES (@projectCode, @period, @monthInvest, @ytdInvest, @cumInvest, @progress, @progressNote, @spent, @stage, @actualStart, @actualEnd,
    @approvals, @registered, @problems, @needs, @at, 'bench')`);
  const OPTIONAL_PROJECT = ['nature', 'scope', 'contact', 'phone', 'actualStart', 'actualEnd'] as const;
  const OPTIONAL_REPORT = ['progress', 'progressNote', 'spent', 'stage', 'actualStart', 'actualEnd', 'problems', 'needs'] as const;
  return {
    project: (p, at) => {
      const o: Record<string, unknown> = { ...p, approvals: json(p.approvals ?? []), registered: bool(p.registered), monthlyPlan: json(p.monthlyPlan), at };
      for (const k of OPTIONAL_PROJECT) o[k] ??= null;
      project.run(o);
    },
    report: (r, at) => {
      const o: Record<string, unknown> = { ...r, approvals: null, registered: bool(r.registered), at };
      for (const k of OPTIONAL_REPORT) o[k] ??= null;
      report.run(o);
    },
  };
}
