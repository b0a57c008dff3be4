// Hengshui's escalation rule (SPEC §4), evaluated for the latest month of a ranking history.
//
// - "Last on an indicator" is `lastOnIndicator` (core/rank): the worst rank among the counties the
//   indicator applies to, ties at last included; nobody is last when all tie.
// - A run is the number of consecutive months, ending at the latest month, in which the county was
//   last on that indicator. A month missing from the history breaks the run (we do not guess).
// - Level 2: a run ≥ level2Months on one indicator, or runs ≥ level1Months on level2Indicators or
//   more indicators. Level 1: a run ≥ level1Months on one indicator.
// - `indicators` lists every indicator with a run ≥ level1Months; `months` is the longest run.
import type { Config } from './config';
import { addMonths } from './periods';
import { lastOnIndicator } from './rank';
import { INDICATORS } from './types';
import type { CountyRanking, Escalation, IndicatorKey, Period } from './types';

export interface RankingMonth {
  period: Period;
  ranking: CountyRanking[];
}

/** For each indicator, how many consecutive months up to the latest the county was last. */
export function lastRuns(history: RankingMonth[], county: string): Record<IndicatorKey, number> {
  const byPeriod = new Map(history.map((h) => [h.period, h.ranking]));
  const latest = [...byPeriod.keys()].sort().at(-1);
  const runs = Object.fromEntries(INDICATORS.map((k) => [k, 0])) as Record<IndicatorKey, number>;
  if (!latest) return runs;
  for (const key of INDICATORS) {
    for (let p = latest; ; p = addMonths(p, -1)) {
      const ranking = byPeriod.get(p);
      if (!ranking || !lastOnIndicator(ranking, key).includes(county)) break;
      runs[key]++;
    }
  }
  return runs;
}

/** Escalations due in the latest month of `history`, level 2 first. */
export function escalations(history: RankingMonth[], config: Config): Escalation[] {
  if (history.length === 0) return [];
  const latest = history.reduce((a, b) => (b.period >= a.period ? b : a));
  const { level1Months, level2Months, level2Indicators } = config.escalation;
  const order = new Map(config.counties.map((c, i) => [c.name, i]));
  const out: Escalation[] = [];
  for (const { county } of latest.ranking) {
    const runs = lastRuns(history, county);
    const indicators = INDICATORS.filter((k) => runs[k] >= level1Months);
    if (indicators.length === 0) continue;
    const months = Math.max(...indicators.map((k) => runs[k]));
    const level: 1 | 2 = months >= level2Months || indicators.length >= level2Indicators ? 2 : 1;
    out.push({ county, level, indicators, months });
  }
  const pos = (c: string) => order.get(c) ?? Number.MAX_SAFE_INTEGER;
  return out.sort((a, b) => b.level - a.level || pos(a.county) - pos(b.county));
}
