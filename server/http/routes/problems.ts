// 问题清单: list (with overdue flags and the Zhoukou-style summary), create, change status.
import { canTransition, isOverdue, problemSummary, transitionError } from '../../../core/problems';
import { toSimplified } from '../../../core/parse';
import { localDate } from '../../../core/periods';
import { PROBLEM_STATUSES, type ProblemStatus, type Project } from '../../../core/types';
import { actorOf } from '../actor';
import type { StoredProblem } from '../../store/problems';
import type { Store } from '../../store/store';
import { badField, HttpError } from '../errors';
import type { RouteDef } from '../router';
import { assertCounty, countyFilter, queryParam } from '../scope';
import { readBody } from '../submission';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const T = {
  status: { 'zh-CN': `应为 ${PROBLEM_STATUSES.join(' / ')} 之一`, en: `must be one of ${PROBLEM_STATUSES.join(' / ')}` },
  date: { 'zh-CN': '应为日期，格式 YYYY-MM-DD，例如 2026-04-30', en: 'must be a date, YYYY-MM-DD' },
  text: (max: number) => ({ 'zh-CN': `应为 1 到 ${max} 个字的文本`, en: `must be text of 1 to ${max} characters` }),
  code: { 'zh-CN': '应为已登记项目的项目代码', en: 'must be the code of a registered project' },
  id: { 'zh-CN': '应为问题编号（正整数）', en: 'must be a problem id (a positive integer)' },
};

function text(v: unknown, field: string, max: number, required: boolean): string | undefined {
  if (v === undefined || v === null || v === '') {
    if (required) throw badField(field, T.text(max));
    return undefined;
  }
  if (typeof v !== 'string' || !v.trim() || [...v.trim()].length > max) throw badField(field, T.text(max));
  return v.trim();
}

function status(v: unknown): ProblemStatus {
  const s = typeof v === 'string' ? toSimplified(v.trim()) : '';
  if (!(PROBLEM_STATUSES as readonly string[]).includes(s)) throw badField('status', T.status);
  return s as ProblemStatus;
}

export const problemRoutes: RouteDef[] = [
  {
    method: 'GET', path: '/problems',
    handle: (req, _res, ctx) => {
      const store = ctx.deps.store as Store;
      const county = countyFilter(ctx, queryParam(req, 'county'));
      const st = queryParam(req, 'status');
      const open = queryParam(req, 'open');
      const problems = store.problems.list({
        county, projectCode: queryParam(req, 'project'), status: st === undefined ? undefined : status(st),
        open: open === '1' || open === 'true',
      });
      const today = localDate(new Date(), ctx.deps.config.timezone);
      return {
        today,
        summary: problemSummary(problems, today, ctx.locale),
        problems: problems.map((p) => ({ ...p, overdue: isOverdue(p, today) })),
      };
    },
  },
  {
    method: 'POST', path: '/problems',
    handle: (req, res, ctx) => {
      const store = ctx.deps.store as Store;
      const b = readBody(req.body);
      const code = text(b.projectCode, 'projectCode', 40, true)!;
      const project = store.projects.get(code) as Project | undefined;
      if (!project) throw badField('projectCode', T.code);
      assertCounty(ctx, project.county);
      const today = localDate(new Date(), ctx.deps.config.timezone);
      const deadline = b.deadline;
      if (typeof deadline !== 'string' || !DATE.test(deadline)) throw badField('deadline', T.date);
      const foundOn = b.foundOn === undefined ? today : b.foundOn;
      if (typeof foundOn !== 'string' || !DATE.test(foundOn)) throw badField('foundOn', T.date);
      const created = store.problems.create({
        projectCode: code,
        description: text(b.description, 'description', 500, true)!,
        unit: text(b.unit, 'unit', 100, false) ?? project.unit,
        foundOn, deadline,
      }, { actor: actorOf(ctx.user) });
      res.status(201);
      return { problem: created };
    },
  },
  {
    method: 'PATCH', path: '/problems/:id',
    handle: (req, _res, ctx) => {
      const store = ctx.deps.store as Store;
      const id = String(req.params.id);
      if (!/^\d{1,12}$/.test(id)) throw badField('id', T.id);
      const problem = store.problems.get(Number(id)) as StoredProblem | undefined;
      if (!problem) throw new HttpError(404, 'problem_not_found', { id });
      const project = store.projects.get(problem.projectCode) as Project | undefined;
      assertCounty(ctx, project?.county ?? '');
      const b = readBody(req.body);
      const to = status(b.status);
      const note = text(b.note, 'note', 500, false);
      if (!canTransition(problem.status, to)) {
        throw new HttpError(422, 'bad_transition', { detail: transitionError(problem.status, to, ctx.locale) ?? '' });
      }
      const updated = store.problems.setStatus(problem.id, to, { actor: actorOf(ctx.user) }, note);
      return { problem: updated, history: store.problems.history(problem.id) };
    },
  },
];
