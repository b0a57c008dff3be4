// Projects: the list with filters and colours, and one project with its reports, problems and score.
import { toSimplified } from '../../../core/parse';
import { lastCompletePeriod, yearOf } from '../../../core/periods';
import { scoreAll } from '../../../core/score';
import { LISTS, STAGES, type Colour, type Project, type ProjectState } from '../../../core/types';
import { merged } from '../../store/columns';
import { asMonthly, type StoredReport } from '../../store/reports';
import { badField, HttpError } from '../errors';
import type { Ctx, RouteDef } from '../router';
import { assertCounty, countyFilter, periodParam, queryParam } from '../scope';

const COLOURS: Record<string, Colour> = {
  green: 'green', white: 'white', yellow: 'yellow', red: 'red', none: 'none',
  绿: 'green', 白: 'white', 黄: 'yellow', 红: 'red', 无: 'none',
};

function oneOf<T extends string>(field: string, v: string | undefined, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  const s = toSimplified(v.trim()) as T;
  if (!allowed.includes(s)) throw badField(field, { 'zh-CN': `应为 ${allowed.join(' / ')} 之一`, en: `must be one of ${allowed.join(' / ')}` });
  return s;
}

/** The month reads default to: the last complete month. */
export function readPeriod(ctx: Ctx, v: string | undefined): string {
  return v === undefined ? lastCompletePeriod(new Date(), ctx.deps.config.timezone) : periodParam(v);
}

export const projectRoutes: RouteDef[] = [
  {
    method: 'GET', path: '/projects',
    handle: (req, _res, ctx) => {
      const { store, config } = ctx.deps;
      const county = countyFilter(ctx, queryParam(req, 'county'));
      const list = oneOf('list', queryParam(req, 'list'), LISTS);
      const stage = oneOf('stage', queryParam(req, 'stage'), STAGES);
      const colourText = queryParam(req, 'colour');
      const colour = colourText === undefined ? undefined : COLOURS[colourText.trim().toLowerCase()];
      if (colourText !== undefined && !colour) throw badField('colour', { 'zh-CN': '应为 green / white / yellow / red / none（或 绿 / 白 / 黄 / 红）', en: 'must be green / white / yellow / red / none' });
      const leader = queryParam(req, 'leader');
      const q = queryParam(req, 'q');
      const needle = q === undefined ? undefined : toSimplified(q.trim()).toLowerCase();
      const period = readPeriod(ctx, queryParam(req, 'period'));

      const states = (store.projectStates(period, county) as ProjectState[]).filter(({ project: p }) =>
        (list === undefined || p.list === list) &&
        (stage === undefined || p.stage === stage) &&
        (leader === undefined || p.leader === leader) &&
        (needle === undefined || p.name.toLowerCase().includes(needle) || p.code.toLowerCase().includes(needle)));
      const scores = new Map(scoreAll(states, period, config, ctx.locale).map((s) => [s.projectCode, s]));
      const projects = states.map(({ project, reports }) => {
        const s = scores.get(project.code);
        // merged(): a spread of the project's 26 fields is copied one property at a time.
        return merged<Project & { colour: string }>(project, {
          colour: s?.colour ?? 'none', reason: s?.reason ?? '',
          investmentRate: s?.investmentRate ?? null, scheduleRate: s?.scheduleRate ?? null,
          report: reports.find((r) => r.period === period) ?? null,
        });
      }).filter((p) => colour === undefined || p.colour === colour);
      return { period, count: projects.length, projects };
    },
  },
  {
    method: 'GET', path: '/projects/:code',
    handle: (req, _res, ctx) => {
      const { store, config } = ctx.deps;
      const code = String(req.params.code);
      const project = store.projects.get(code);
      if (!project) throw new HttpError(404, 'project_not_found', { code: code.slice(0, 100) });
      assertCounty(ctx, project.county);
      const period = readPeriod(ctx, queryParam(req, 'period'));
      const reports = store.reports.between([code], `${yearOf(period) - 1}-01`, period);
      const thisYear = (reports as StoredReport[]).filter((r) => yearOf(r.period) === yearOf(period)).map(asMonthly);
      const [score] = scoreAll([{ project, reports: thisYear }], period, config, ctx.locale);
      const problems = store.problems.list({ projectCode: code });
      return { period, project, reports, problems, score: score ?? null };
    },
  },
];
