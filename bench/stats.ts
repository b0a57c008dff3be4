// Medians, percentiles and the one-line report format of `npm run bench`.

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i];
}

export const median = (xs: number[]): number => percentile(xs, 50);

/** Runs fn `runs` times after `warmup` runs; returns each run's milliseconds. */
export async function timeRuns(fn: () => unknown, runs: number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export interface BenchLine {
  id: string;
  name: string;
  /** What was measured and its unit, e.g. "median 180 ms". */
  measured: string;
  baseline: string;
  ratio: number;
  goal: string;
  ok: boolean;
  /** Context printed to stderr under the line (how the data was built, what was counted). */
  note?: string;
}

/** What a benchmark hands back to run.ts: its line and notes for stderr. */
export interface BenchResult {
  line: string;
  ok: boolean;
  notes: string[];
}

export function result(b: BenchLine, notes: string[] = []): BenchResult {
  return { line: formatLine(b), ok: b.ok, notes: b.note ? [b.note, ...notes] : notes };
}

export function formatLine(b: BenchLine): string {
  return `${b.id} ${b.name}: ${b.measured}, baseline ${b.baseline}, ratio ${b.ratio.toFixed(2)} (goal ${b.goal})${b.ok ? '' : '  ← MISSED'}`;
}

export const ms = (x: number): string => `${x < 10 ? x.toFixed(2) : Math.round(x)} ms`;
