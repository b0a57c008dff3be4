// P5: `keyproj import` of a 20,000-row xlsx (read, validate against the stored previous month,
// store in one transaction) against a bare exceljs read of the same file. Goal: ratio ≤ 2.
// Each timed import starts from a fresh copy of the same database (the copy is not timed).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DEFAULT_CONFIG } from '../core/config';
import { splitRow } from '../core/ledger';
import { parseRow } from '../core/parse';
import type { Project } from '../core/types';
import { run as importCommand } from '../server/cli/commands/import';
import { Store } from '../server/store/store';
import { writeLedgerXlsx } from '../test/fixtures/ledger';
import { bulkWriter } from './bulk';
import { makeLedger } from './data';
import { median, ms, result, type BenchResult } from './stats';

export async function p5(n = 20_000, runs = 3): Promise<BenchResult> {
  const period = '2026-06';
  const dir = mkdtempSync(join(tmpdir(), 'keyproj-bench-import-'));
  try {
    const { rows, history } = makeLedger(n, period);
    // The database as it stands before the import: every project with the master data the file
    // repeats (as last month's import left it) and its previous month's report.
    const seedFile = join(dir, 'seed.db');
    const seed = Store.open(seedFile);
    const w = bulkWriter(seed.db);
    const at = '2026-06-03T02:00:00.000Z';
    seed.transaction(() => {
      for (const r of rows) {
        const { values } = parseRow(r.raw, DEFAULT_CONFIG);
        w.project(splitRow(values, period).project as Project, at);
        for (const h of history.get(values.code!) ?? []) w.report(h, at);
      }
    });
    seed.db.pragma('wal_checkpoint(TRUNCATE)');
    seed.close();
    const xlsx = await writeLedgerXlsx(join(dir, 'ledger.xlsx'), rows.map((r) => r.raw));

    const out: string[] = [];
    const io = { out: (s: string) => void out.push(s), err: (s: string) => void out.push(s), env: { KEYPROJ_ACTOR: 'bench' } };
    const work: number[] = [];
    const base: number[] = [];
    let cells = 0;
    for (let i = 0; i < runs; i++) {
      const db = join(dir, `run-${i}.db`);
      copyFileSync(seedFile, db);
      out.length = 0;
      let t = performance.now();
      const code = await importCommand([xlsx, '--period', period, '--db', db, '--json'], io);
      work.push(performance.now() - t);
      if (code !== 0) throw new Error(`P5: import exited ${code}: ${out.join('\n').slice(0, 500)}`);
      const check = Store.open(db);
      const stored = check.reports.forPeriod(period).length;
      check.close();
      if (stored !== n) throw new Error(`P5: ${stored} reports of ${period} stored, expected ${n}`);

      t = performance.now();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(xlsx);
      cells = 0;
      wb.worksheets[0].eachRow((row) => row.eachCell(() => void cells++));
      base.push(performance.now() - t);
    }
    const ratio = median(work) / median(base);
    return result({
      id: 'P5', name: `import of a ${n}-row xlsx`,
      measured: `median ${ms(median(work))}`, baseline: `${ms(median(base))} (bare exceljs read)`,
      ratio, goal: '<= 2', ok: ratio <= 2,
      note: `parse + validate against the stored previous month + store in one transaction; ${runs} runs each; ${cells} cells read`,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
