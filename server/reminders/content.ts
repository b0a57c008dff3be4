// What each scope's reminder says, with every number taken from core:
// - missing reports: projects with core's NO_REPORT flag when scoring the reporting month
//   (reportingPeriod(now, deadlineDay): the month whose reports are due next); late reports:
//   the same flag for the month before, whose deadline has passed;
// - red and yellow projects with core's reasons, and escalations, as of the month before it:
//   the last month whose deadline has passed, so a report not yet due does not colour a project;
// - overdue problems: open problems core's isOverdue flags today.
import type { Config } from '../../core/config';
import { escalations } from '../../core/escalation';
import { localDate, deadlineOf, prevPeriod } from '../../core/periods';
import { isOverdue } from '../../core/problems';
import { scoreAll } from '../../core/score';
import type { Escalation, Locale, Period, Problem, ProjectScore, ProjectState } from '../../core/types';
import { hasNews, reminderCard, type ReminderProject, type ReminderView } from '../../bot/cards/reminder';
import type { Card } from '../../bot/cards/common';
import { rankingHistory } from '../ranking';
import { CITY_SCOPE } from '../store/subscriptions';
import { daysBetween } from './calendar';

/** What content needs from the store (Store provides it). */
export interface ReminderData {
  projectStates(period: Period, county?: string): ProjectState[];
  problems: { list(filter: { county?: string; open?: boolean }): Problem[] };
}

export interface ContentInput {
  data: ReminderData;
  config: Config;
  /** The reporting month (reportingPeriod(now, deadlineDay)). */
  period: Period;
  kind: ReminderView['kind'];
  now: Date;
}

export function isKnownScope(scope: string, config: Config): boolean {
  return scope === CITY_SCOPE || config.counties.some((c) => c.name === scope);
}

const noReport = (s: ProjectScore) => Boolean(s.flags?.some((f) => f.code === 'NO_REPORT'));

const inScope = (scope: string) => (county: string) => scope === CITY_SCOPE || county === scope;

/**
 * Builds the reminder of every scope asked for, computing the city's scores once per locale.
 * Scopes not in the configuration are left out.
 */
export class ReminderContent {
  private readonly current: ProjectState[];
  private readonly scored: Period;
  private readonly previous: ProjectState[];
  private readonly problems: Problem[];
  private readonly escalations: Escalation[];
  private readonly scores = new Map<Locale, { current: ProjectScore[]; previous: ProjectScore[] }>();
  private readonly today: string;

  constructor(private readonly input: ContentInput) {
    const { data, config, period, now } = input;
    this.today = localDate(now, config.timezone);
    this.current = data.projectStates(period);
    this.scored = prevPeriod(period);
    this.previous = data.projectStates(this.scored);
    this.problems = data.problems.list({ open: true }).filter((p) => isOverdue(p, this.today));
    // The same ranking history as the ranking API and the bulletin.
    this.escalations = escalations(rankingHistory(data, config, this.scored), config);
  }

  private scoresIn(locale: Locale) {
    let s = this.scores.get(locale);
    if (!s) {
      const { config, period } = this.input;
      s = { current: scoreAll(this.current, period, config, locale), previous: scoreAll(this.previous, this.scored, config, locale) };
      this.scores.set(locale, s);
    }
    return s;
  }

  view(scope: string, locale: Locale): ReminderView {
    const { config, period, kind } = this.input;
    const here = inScope(scope);
    const { current, previous } = this.scoresIn(locale);
    const project = (s: ProjectScore): ReminderProject => ({ code: s.projectCode, name: s.name, county: s.county, reason: s.reason });
    const names = new Map(this.current.map((s) => [s.project.code, s.project]));
    const deadline = deadlineOf(period, config.deadlineDay);
    return {
      scope,
      kind,
      period,
      deadline,
      daysLeft: daysBetween(this.today, deadline),
      missing: current.filter((s) => here(s.county) && noReport(s)).map(project),
      late: previous.filter((s) => here(s.county) && noReport(s)).map(project),
      latePeriod: this.scored,
      lateDeadline: deadlineOf(this.scored, config.deadlineDay),
      red: previous.filter((s) => here(s.county) && s.colour === 'red').map(project),
      yellow: previous.filter((s) => here(s.county) && s.colour === 'yellow').map(project),
      overdue: this.problems
        .filter((p) => names.has(p.projectCode) && here(names.get(p.projectCode)!.county))
        .map((p) => ({
          projectName: names.get(p.projectCode)!.name,
          county: names.get(p.projectCode)!.county,
          description: p.description,
          deadline: p.deadline,
          daysOverdue: daysBetween(p.deadline, this.today),
        })),
      escalations: this.escalations.filter((e) => here(e.county)),
    };
  }

  card(scope: string, locale: Locale): Card {
    return reminderCard(this.view(scope, locale), locale);
  }
}

export { hasNews };

/** The Bot Framework activity carrying a reminder card (the plain text is its fallback and preview). */
export function reminderActivity(card: Card): Record<string, unknown> {
  const first = card.text.split('\n')[0];
  return {
    type: 'message',
    summary: first,
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card.card }],
  };
}
