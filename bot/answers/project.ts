// Project questions: find the project by name, show its card, its history or its problems.
import { tr } from '../../core/i18n';
import { factsAsOf, scoreProject } from '../../core/score';
import { isOverdue } from '../../core/problems';
import { localDate } from '../../core/periods';
import type { ProjectState } from '../../core/types';
import { M } from '../messages';
import { projectCard } from '../cards/project';
import { choiceCard, closestCard } from '../cards/choice';
import { historyCard } from '../cards/history';
import type { NameEntry, NameSearch } from '../names';
import { canNudge, canSee } from './caller';
import { card, text, type Ask, type Reply } from './reply';

/** Projects the caller may see among the entries. */
function visible(a: Ask, entries: NameEntry[]): NameEntry[] {
  return entries.filter((e) => canSee(a.caller, e.county));
}

/** The name search, restricted to what the caller may see. */
export function searchProjects(a: Ask, question: string): NameSearch {
  const index = a.data.nameIndex();
  const top = index.best(question, (e) => canSee(a.caller, e.county)).map((m) => m.entry);
  if (!top.length) return { kind: 'none', closest: visible(a, index.closest(question, 10)).slice(0, 3) };
  return top.length === 1 ? { kind: 'one', entry: top[0] } : { kind: 'many', matches: top };
}

/** Answers a search: the one project, a choice, or the closest names. */
export function answerSearch(a: Ask, question: string, s: NameSearch, then: (a: Ask, code: string) => Reply[] = projectAnswer): Reply[] {
  if (s.kind === 'one') return then(a, s.entry.code);
  if (s.kind === 'many') return [card(choiceCard(question, s.matches, a.locale))];
  if (s.closest.length) return [card(closestCard(question, s.closest, a.locale))];
  return [text(tr(a.locale, M.notUnderstood, { q: question }))];
}

/** States already loaded for this turn (the message extension builds many cards at once). */
export interface Loaded {
  period: string;
  states: ProjectState[];
}

function load(a: Ask, code: string, loaded?: Loaded) {
  const project = a.data.store.projects.get(code);
  if (!project) return { error: [text(tr(a.locale, M.projectGone, { code }))] };
  if (!canSee(a.caller, project.county)) return { error: [text(tr(a.locale, M.outOfScope, { county: a.caller.county ?? '' }))] };
  // One project: its own reports, not its whole county's.
  if (!loaded) return { project, ...a.data.stateOf(project) };
  const state = loaded.states.find((s) => s.project.code === code) ?? { project, reports: [] };
  return { project, period: loaded.period, state };
}

export function projectAnswer(a: Ask, code: string, loaded?: Loaded): Reply[] {
  const l = load(a, code, loaded);
  if ('error' in l) return l.error!;
  const { project, period, state } = l;
  const score = scoreProject(state, period, a.data.config, a.locale);
  const facts = factsAsOf(state, period);
  const today = localDate(a.data.now(), a.data.config.timezone);
  const open = a.data.store.problems.list({ projectCode: code, open: true });
  const last = [...state.reports].sort((x, y) => y.period.localeCompare(x.period))[0];
  return [
    card(
      projectCard(
        {
          project,
          score,
          period,
          ytdInvest: facts.report ? facts.ytd : undefined,
          progress: facts.report?.progress,
          lastReport: last?.period,
          openProblems: open.length,
          overdueProblems: open.filter((p) => isOverdue(p, today)).length,
          nudge: canNudge(a.caller),
        },
        a.locale,
      ),
    ),
  ];
}

export function historyAnswer(a: Ask, code: string): Reply[] {
  const l = load(a, code);
  if ('error' in l) return l.error!;
  return [card(historyCard({ name: l.project.name, county: l.project.county, annualPlan: l.project.annualPlan, reports: l.state.reports }, a.locale))];
}
