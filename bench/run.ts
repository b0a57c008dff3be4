// `npm run bench`: province-scale benchmarks, each a ratio against a baseline measured in the
// same run on the same machine. Not part of `npm test`. `npm run bench -- P1 P3` runs a subset.
// One line per benchmark on stdout; notes on stderr. Exit 1 only when a benchmark could not run
// (a missed goal is printed as missed).
import { p1 } from './p1-validate';
import { p2 } from './p2-bot';
import { p3 } from './p3-reminders';
import { p4 } from './p4-addin';
import { p5 } from './p5-import';
import { p6 } from './p6-memory';
import type { BenchResult } from './stats';

const BENCHES: Record<string, () => Promise<BenchResult>> = {
  P1: () => p1(),
  P2: () => p2(),
  P3: () => p3(),
  P4: () => p4(),
  P5: () => p5(),
  P6: () => p6(),
};

const wanted = process.argv.slice(2).map((s) => s.toUpperCase());
for (const [id, run] of Object.entries(BENCHES)) {
  if (wanted.length && !wanted.includes(id)) continue;
  try {
    const r = await run();
    console.log(r.line);
    for (const n of r.notes) console.error(`   ${n}`);
  } catch (e) {
    console.log(`${id} failed: ${(e as Error).stack ?? e}`);
    process.exitCode = 1;
  }
}
