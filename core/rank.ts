// Monthly county ranking (SPEC §4, Handan's 月度排名) and Handan's commendation rule.
//
// Decisions, precisely (year Y = the year of `period`, counting months up to `period`):
// - investment: Σ ytdInvest of the county's projects, each from its latest report of Y up to period
//   (rounded to 0.01 万元).
// - investmentRate: investment ÷ Σ annualPlan of its 在建 and 拟新开工 projects.
// - starts: non-储备 projects whose actual start falls in Y up to period; startRate: starts ÷
//   projects whose planned start falls in Y up to period. An early start (planned later) counts in
//   the numerator, so the rate can exceed 100% — as bulletins report 超额.
// - completions / completionRate: the same with actual and planned ends.
// - A rate whose denominator is 0 (nothing planned) does not apply: its value is 0 and the key is
//   listed in `na`. It is not ranked among the others (its rank is one past the applicable
//   counties, shared), leaves the composite (the other weights are rescaled), and never makes a
//   county "last" for escalation. Rates are rounded to 1e-6 so float noise cannot break a tie.
// - Each indicator is ranked high-to-low with competition ranking: ties share (1, 2, 2, 4).
// - Normalisation: value ÷ best value among the counties × 100 (0 when the best is 0), so the best
//   county scores 100 and the others keep their proportion to it.
// - Composite: Σ weight × normalised ÷ Σ weight over the indicators that apply, rounded to 0.1;
//   ranked with ties sharing; ties are listed in configuration order.
import type { Config } from './config';
import { isPeriod, yearOf } from './periods';
import { factsAsOf } from './score';
import { INDICATORS } from './types';
import type { CountyRanking, IndicatorKey, Period, ProjectState } from './types';

export interface CountyRankingDetail extends CountyRanking {
  ranks: Record<IndicatorKey, number>;
  /** Indicators that do not apply to this county this month (a rate with nothing planned). */
  na: IndicatorKey[];
  /** Each indicator normalised to 0–100 (0 where it does not apply). */
  normalised: Record<IndicatorKey, number>;
}

const RATES: Partial<Record<IndicatorKey, true>> = { investmentRate: true, startRate: true, completionRate: true };

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const inYearUpTo = (p: string | undefined, year: number, period: Period) => isPeriod(p) && yearOf(p) === year && p <= period;

/** The six indicators of one county's projects, and which rates do not apply. */
export function countyIndicators(states: ProjectState[], period: Period): { indicators: Record<IndicatorKey, number>; na: IndicatorKey[] } {
  const year = yearOf(period);
  let investment = 0, plan = 0, starts = 0, plannedStarts = 0, completions = 0, plannedEnds = 0;
  for (const s of states) {
    const p = s.project;
    if (p.list === '储备') continue;
    const facts = factsAsOf(s, period);
    investment += facts.ytd;
    if (Number.isFinite(p.annualPlan)) plan += p.annualPlan;
    if (inYearUpTo(facts.actualStart, year, period)) starts++;
    if (inYearUpTo(p.plannedStart, year, period)) plannedStarts++;
    if (inYearUpTo(facts.actualEnd, year, period)) completions++;
    if (inYearUpTo(p.plannedEnd, year, period)) plannedEnds++;
  }
  const na: IndicatorKey[] = [];
  const rate = (key: IndicatorKey, n: number, d: number) => {
    if (d > 0) return round(n / d, 6);
    na.push(key);
    return 0;
  };
  investment = round(investment, 2);
  const indicators = {
    investment,
    investmentRate: rate('investmentRate', investment, plan),
    starts,
    startRate: rate('startRate', starts, plannedStarts),
    completions,
    completionRate: rate('completionRate', completions, plannedEnds),
  };
  return { indicators, na };
}

/** Competition ranks, high to low (1, 2, 2, 4); entries not applicable share the rank after the rest. */
export function competitionRanks(values: number[], applicable: boolean[] = values.map(() => true)): number[] {
  const counted = values.filter((_, i) => applicable[i]);
  return values.map((v, i) => (applicable[i] ? 1 + counted.filter((w) => w > v).length : counted.length + 1));
}

/** Ranking of every configured county (also those without projects), sorted by rank. */
export function rankCounties(states: ProjectState[], period: Period, config: Config): CountyRankingDetail[] {
  const byCounty = new Map<string, ProjectState[]>(config.counties.map((c) => [c.name, []]));
  for (const s of states) byCounty.get(s.project.county)?.push(s);
  const rows = config.counties.map((c) => ({ county: c.name, ...countyIndicators(byCounty.get(c.name)!, period) }));

  const ranks = rows.map(() => ({}) as Record<IndicatorKey, number>);
  const normalised = rows.map(() => ({}) as Record<IndicatorKey, number>);
  for (const key of INDICATORS) {
    const values = rows.map((r) => r.indicators[key]);
    const applies = rows.map((r) => !r.na.includes(key));
    const best = Math.max(0, ...values.filter((_, i) => applies[i]));
    competitionRanks(values, applies).forEach((rk, i) => {
      ranks[i][key] = rk;
      normalised[i][key] = applies[i] && best > 0 ? (values[i] / best) * 100 : 0;
    });
  }

  const weights = config.ranking.weights;
  const scores = rows.map((r, i) => {
    let sum = 0, total = 0;
    for (const key of INDICATORS) {
      const w = weights[key] ?? 0;
      if (!(w > 0) || r.na.includes(key)) continue;
      sum += w * normalised[i][key];
      total += w;
    }
    return total > 0 ? round(sum / total, 1) : 0;
  });
  const overall = competitionRanks(scores);
  const out: CountyRankingDetail[] = rows.map((r, i) => ({
    county: r.county,
    rank: overall[i],
    score: scores[i],
    indicators: r.indicators,
    ranks: ranks[i],
    na: r.na,
    normalised: Object.fromEntries(INDICATORS.map((k) => [k, round(normalised[i][k], 1)])) as Record<IndicatorKey, number>,
  }));
  // Array.prototype.sort is stable: equal ranks keep configuration order.
  return out.sort((a, b) => a.rank - b.rank);
}

/**
 * Counties last on an indicator: the worst rank among the counties it applies to, ties included.
 * When every such county shares one rank (e.g. nobody has completed anything in January) nobody
 * is behind anybody, so nobody is last.
 */
export function lastOnIndicator(ranking: CountyRanking[], key: IndicatorKey): string[] {
  const applies = ranking.filter((r) => !(r as Partial<CountyRankingDetail>).na?.includes(key));
  if (applies.length < 2) return [];
  const computed = competitionRanks(applies.map((r) => r.indicators[key]));
  const rk = applies.map((r, i) => r.ranks?.[key] ?? computed[i]);
  const worst = Math.max(...rk);
  if (worst === Math.min(...rk)) return [];
  return applies.filter((_, i) => rk[i] === worst).map((r) => r.county);
}

/**
 * Handan's rule: the top `commendTop` counties are commended, the bottom `talkBottom` are called
 * in for talks. Ties at a boundary are all included; a county is never in both lists.
 */
export function commendations(ranking: CountyRanking[], config: Config): { commended: string[]; talks: string[] } {
  const sorted = [...ranking].sort((a, b) => a.rank - b.rank);
  const { commendTop, talkBottom } = config.ranking;
  const commended = commendTop > 0 ? sorted.filter((r) => r.rank <= commendTop).map((r) => r.county) : [];
  const n = Math.min(talkBottom, sorted.length);
  const cut = n > 0 ? sorted[sorted.length - n].rank : Infinity;
  const talks = sorted.filter((r) => r.rank >= cut && !commended.includes(r.county)).map((r) => r.county);
  return { commended, talks };
}
