// Suqian's monthly cross-check (SPEC §4): statistics bureau vs development commission figures.
//
// Two figures differ when |stats − ndrc| > max(reconcileRatio × max(|stats|, |ndrc|), reconcileAbs):
// the 5% is taken of the larger of the two figures, so the check is symmetric (swapping the
// sources gives the same list) and a figure of 0 on one side is still judged against the other.
// Exactly at the threshold is not a difference. Comparisons allow 1e-9 for float noise.
import type { Config } from './config';

export interface Difference {
  projectCode: string;
  stats: number;
  ndrc: number;
  /** stats − ndrc, 万元 */
  diff: number;
  /** |diff| ÷ max(|stats|, |ndrc|) */
  ratio: number;
  /** The allowed difference for this pair, 万元. */
  threshold: number;
}

export interface Reconciliation {
  /** Largest absolute difference first. */
  differences: Difference[];
  onlyInStats: string[];
  onlyInNdrc: string[];
  /** Codes whose figure is not a finite number in either source (cannot be compared). */
  invalid: string[];
}

const EPS = 1e-9;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function reconcile(stats: Map<string, number>, ndrc: Map<string, number>, config: Config): Reconciliation {
  const { reconcileRatio, reconcileAbs } = config.thresholds;
  const out: Reconciliation = { differences: [], onlyInStats: [], onlyInNdrc: [], invalid: [] };
  for (const [code, a] of stats) {
    if (!ndrc.has(code)) {
      out.onlyInStats.push(code);
      continue;
    }
    const b = ndrc.get(code)!;
    if (!Number.isFinite(a) || !Number.isFinite(b)) {
      out.invalid.push(code);
      continue;
    }
    const base = Math.max(Math.abs(a), Math.abs(b));
    const threshold = Math.max(reconcileRatio * base, reconcileAbs);
    const diff = a - b;
    if (Math.abs(diff) > threshold + EPS) {
      out.differences.push({ projectCode: code, stats: a, ndrc: b, diff: round(diff, 2), ratio: base > 0 ? round(Math.abs(diff) / base, 6) : 0, threshold: round(threshold, 2) });
    }
  }
  for (const code of ndrc.keys()) if (!stats.has(code)) out.onlyInNdrc.push(code);
  out.differences.sort((x, y) => Math.abs(y.diff) - Math.abs(x.diff) || x.projectCode.localeCompare(y.projectCode));
  out.onlyInStats.sort();
  out.onlyInNdrc.sort();
  out.invalid.sort();
  return out;
}
