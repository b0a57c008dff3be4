// Lists of projects: by colour, by leader (mine or named), and those still missing the
// reporting month's report. Long lists page ("下一页" repeats the query with the next page).
import type { Colour, Locale, Period, ProjectState } from '../../core/types';
import { tr, type Text } from '../../core/i18n';
import type { Config } from '../../core/config';
import { deadlineOf } from '../../core/periods';
import { COLOUR_LABELS, COLOURS, scoreAll } from '../../core/score';
import { listCard, type ListItem } from '../cards/list';
import { M } from '../messages';
import { card, text, type Ask, type Reply } from './reply';

export type ListQuery =
  | { kind: 'colour'; colour: Exclude<Colour, 'none'>; county?: string }
  | { kind: 'leader'; leader: string }
  | { kind: 'mine' }
  | { kind: 'missing'; county?: string };

const T = {
  colour: { 'zh-CN': '{scope}{colour}项目 · {period}', en: '{colour} projects{scope} · {period}' },
  leader: { 'zh-CN': '{leader} 包联的项目 · {period}', en: 'Projects led by {leader} · {period}' },
  missing: { 'zh-CN': '{scope}{period} 月报未报项目（截止 {deadline}）', en: 'Missing {period} reports{scope} (due {deadline})' },
  missingDetail: { 'zh-CN': '包联领导 {leader} · 责任单位 {unit}', en: 'leader {leader} · unit {unit}' },
  city: { 'zh-CN': '全市', en: '' },
} satisfies Record<string, Text>;

/** 红色 / Red — core's colour label as a word. */
function colourWord(c: Exclude<Colour, 'none'>, locale: Locale): string {
  const label = tr(locale, COLOUR_LABELS[c]);
  return locale === 'en' ? label[0].toUpperCase() + label.slice(1) : `${label}色`;
}

/**
 * Projects still missing the report of `period`: core's NO_REPORT flag when scoring that month —
 * the same rule as the weekly reminder (server/reminders/content.ts), so both give one count.
 */
export function missingReports(states: ProjectState[], period: Period, config: Config): ProjectState[] {
  const flagged = new Set(
    scoreAll(states, period, config)
      .filter((s) => s.flags?.some((f) => f.code === 'NO_REPORT'))
      .map((s) => s.projectCode),
  );
  return states.filter((s) => flagged.has(s.project.code));
}

function scopeLabel(a: Ask, county: string | undefined): string {
  if (a.locale === 'en') return county ? ` in ${county}` : '';
  return county ?? tr(a.locale, T.city);
}

/** The county a list is limited to: the one asked for, or staff's own. */
function scopeOf(a: Ask, asked: string | undefined): { county?: string; denied?: Reply[] } {
  if (a.caller.county && asked && asked !== a.caller.county) return { denied: [text(tr(a.locale, M.outOfScope, { county: a.caller.county }))] };
  return { county: asked ?? a.caller.county ?? undefined };
}

export function listAnswer(a: Ask, q: ListQuery, page = 0): Reply[] {
  const asked = q.kind === 'colour' || q.kind === 'missing' ? q.county : undefined;
  const scope = scopeOf(a, asked);
  if (scope.denied) return scope.denied;
  const county = scope.county;

  if (q.kind === 'missing') {
    const period = a.data.reportingPeriod();
    const states = a.data.store.projectStates(period, county);
    const items: ListItem[] = missingReports(states, period, a.data.config)
      .sort((x, y) => x.project.county.localeCompare(y.project.county, 'zh-CN') || x.project.name.localeCompare(y.project.name, 'zh-CN'))
      .map((s) => ({
      code: s.project.code,
      name: s.project.name,
      county: s.project.county,
      detail: tr(a.locale, T.missingDetail, { leader: s.project.leader, unit: s.project.unit }),
    }));
    const title = tr(a.locale, T.missing, { scope: scopeLabel(a, county), period, deadline: deadlineOf(period, a.data.config.deadlineDay) });
    return [card(listCard({ title, items, page, more: { ...q, county } }, a.locale))];
  }

  let leader: string | undefined;
  if (q.kind === 'mine') {
    leader = a.caller.leaderName ?? undefined;
    if (!leader) return [text(tr(a.locale, M.noLeaderName))];
  } else if (q.kind === 'leader') leader = q.leader;

  const { period, states } = a.data.states(county);
  const chosen = leader ? states.filter((s) => s.project.leader === leader) : states;
  const scores = a.data.scores(chosen, period, a.locale);
  const wanted = q.kind === 'colour' ? scores.filter((s) => s.colour === q.colour) : scores;
  // Worst first: a leader wants the red ones on top.
  const order = (c: Colour) => -COLOURS.indexOf(c);
  const items: ListItem[] = wanted
    .map((s) => ({ code: s.projectCode, name: s.name, county: s.county, colour: s.colour, detail: s.reason }))
    .sort((x, y) => order(x.colour === 'none' ? 'green' : x.colour) - order(y.colour === 'none' ? 'green' : y.colour) || x.county.localeCompare(y.county, 'zh-CN'));
  const title =
    q.kind === 'colour'
      ? tr(a.locale, T.colour, { scope: scopeLabel(a, county), colour: colourWord(q.colour, a.locale), period })
      : tr(a.locale, T.leader, { leader: leader ?? '', period });
  if (!items.length && q.kind !== 'colour' && leader) return [text(`${title}\n${tr(a.locale, M.noProjects)}`)];
  return [card(listCard({ title, items, page, more: { ...q, ...(county ? { county } : {}) } }, a.locale))];
}
