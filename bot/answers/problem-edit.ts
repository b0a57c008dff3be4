// 新增问题 and 更新状态 from the problems card. The store does the writing: it enforces core's
// status flow (ProblemTransitionError), keeps who and when in the status history and writes an
// audit row for every change. Here: who may, and what the card's inputs hold.
import { tr } from '../../core/i18n';
import { isOpen, STATUS_LABELS, toProblemStatus } from '../../core/problems';
import { localDate, localDateTime } from '../../core/periods';
import { ProblemTransitionError } from '../../server/store/problems';
import { INPUT } from '../cards/problems';
import { M } from '../messages';
import { canEditProblems, canSee } from './caller';
import { problemsAnswer, suggestedDeadline } from './problems';
import { text, type Ask, type Reply } from './reply';

const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

/** `YYYY-MM-DD` of a real calendar date as the date picker (or a person) writes it; undefined otherwise. */
function readDate(v: unknown): string | undefined {
  const m = typeof v === 'string' ? v.trim().match(DATE) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Trimmed text of at most `max` characters (Unicode code points); undefined when longer or not text. */
function readText(v: unknown, max: number): string | undefined {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return [...s].length <= max ? s : undefined;
}

function when(a: Ask): { at: string; shown: string } {
  const now = a.data.now();
  return { at: now.toISOString(), shown: localDateTime(now, a.data.config.timezone) };
}

export function addProblemAnswer(a: Ask, d: Record<string, unknown>): Reply[] | undefined {
  if (typeof d.code !== 'string') return undefined;
  const project = a.data.store.projects.get(d.code);
  if (!project) return [text(tr(a.locale, M.projectGone, { code: d.code }))];
  if (!canSee(a.caller, project.county)) return [text(tr(a.locale, M.outOfScope, { county: a.caller.county ?? '' }))];
  if (!canEditProblems(a.caller, project.county)) return [text(tr(a.locale, M.problemRefused))];

  const description = readText(d[INPUT.description], 500);
  if (!description) return [text(tr(a.locale, M.problemBadDescription))];
  const unit = readText(d[INPUT.unit], 100);
  if (unit === undefined) return [text(tr(a.locale, M.problemBadUnit))];
  const today = localDate(a.data.now(), a.data.config.timezone);
  const deadline = readDate(d[INPUT.deadline]);
  if (!deadline || deadline < today) {
    return [text(tr(a.locale, M.problemBadDeadline, { today, example: suggestedDeadline(a), value: String(d[INPUT.deadline] ?? '') }))];
  }
  // A second press of the same form (or the same text typed again) must not make a twin.
  const same = a.data.store.problems.latestWithText(project.code, description);
  if (same && isOpen(same)) return [text(tr(a.locale, M.problemDuplicate, { id: same.id, status: tr(a.locale, STATUS_LABELS[same.status]) }))];

  const w = when(a);
  const created = a.data.store.problems.create(
    { projectCode: project.code, description, unit: unit || project.unit, foundOn: today, deadline },
    { actor: a.caller.name, at: w.at },
  );
  const done = tr(a.locale, M.problemCreated, {
    id: created.id, description, project: project.name, unit: created.unit, deadline, actor: a.caller.name, at: w.shown,
  });
  return [text(done), ...problemsAnswer(a, { code: project.code })];
}

export function problemStatusAnswer(a: Ask, d: Record<string, unknown>): Reply[] | undefined {
  const id = d.id;
  const to = toProblemStatus(d.to);
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0 || !to) return undefined;
  const problem = a.data.store.problems.get(id);
  if (!problem) return [text(tr(a.locale, M.problemMissing, { id }))];
  const project = a.data.store.projects.get(problem.projectCode);
  const county = project?.county ?? '';
  if (!canSee(a.caller, county)) return [text(tr(a.locale, M.outOfScope, { county: a.caller.county ?? '' }))];
  if (!canEditProblems(a.caller, county)) return [text(tr(a.locale, M.problemRefused))];

  const note = readText(d[INPUT.note(id)], 500) || undefined;
  const w = when(a);
  try {
    a.data.store.problems.setStatus(id, to, { actor: a.caller.name, at: w.at }, note, a.locale);
  } catch (err) {
    // Refused by core's flow (e.g. 销号 of an unresolved problem, or a card pressed twice).
    if (err instanceof ProblemTransitionError) return [text(err.message), ...problemsAnswer(a, { code: problem.projectCode })];
    throw err;
  }
  const done = tr(a.locale, M.problemMoved, {
    id, description: problem.description,
    from: tr(a.locale, STATUS_LABELS[problem.status]), to: tr(a.locale, STATUS_LABELS[to]),
    actor: a.caller.name, at: w.shown,
  });
  return [text(done), ...problemsAnswer(a, { code: problem.projectCode })];
}
