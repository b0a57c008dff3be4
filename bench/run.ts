// `npm run bench`: province-scale benchmarks, each a ratio against a baseline measured in the
// same run on the same machine. Not part of `npm test`. `npm run bench -- P1 P3` runs a subset.
import { p1 } from './p1-validate';

const BENCHES: Record<string, () => Promise<string>> = { P1: () => p1() };

const wanted = process.argv.slice(2).map((s) => s.toUpperCase());
for (const [id, run] of Object.entries(BENCHES)) {
  if (wanted.length && !wanted.includes(id)) continue;
  try {
    console.log(await run());
  } catch (e) {
    console.log(`${id} failed: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
