// P1: validate and score one month of 20,000 projects (with the previous month for the
// cross-month rules), against JSON.parse of the same rows as JSON.
import { DEFAULT_CONFIG } from '../core/config';
import { scoreAll } from '../core/score';
import { validateLedger } from '../core/validate';
import { makeLedger } from './data';
import { median, ms, result, timeRuns, type BenchResult } from './stats';

export async function p1(n = 20_000, runs = 7): Promise<BenchResult> {
  const period = '2026-06';
  const { rows, history, states } = makeLedger(n, period);
  const json = JSON.stringify(rows);
  const now = new Date(Date.UTC(2026, 6, 2));
  let errors = -1;
  const work = await timeRuns(() => {
    const v = validateLedger({ rows, period, config: DEFAULT_CONFIG, history, now, submittedAt: now });
    errors = v.errors;
    scoreAll(states, period, DEFAULT_CONFIG);
  }, runs);
  const base = await timeRuns(() => JSON.parse(json), runs);
  if (errors !== 0) throw new Error(`P1 data should validate cleanly, got ${errors} errors`);
  const ratio = median(work) / median(base);
  return result({ id: 'P1', name: `validate+score ${n} rows`, measured: `median ${ms(median(work))}`, baseline: `${ms(median(base))} (JSON.parse)`, ratio, goal: '<= 3', ok: ratio <= 3 });
}
