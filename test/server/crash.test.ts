// Crash safety: a large import (thousands of rows in one transaction) in a child process is
// SIGKILLed at random moments, again and again; after each kill the database opens, passes
// integrity_check, and the batch is either entirely there or entirely absent.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { openDb } from '../../server/store/db';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./helpers/crash-import.ts', import.meta.url));
const ROWS = 3000;
const dir = mkdtempSync(join(tmpdir(), 'keyproj-crash-'));
const dbFile = join(dir, 'keyproj.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the import; kills it `killAfterMs` after it says "begin" (never, when undefined). */
function runImport(period: string, killAfterMs?: number): Promise<{ committed: boolean; ms?: number; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, dbFile, period, String(ROWS)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      const before = out;
      out += d;
      if (killAfterMs !== undefined && !before.includes('begin') && out.includes('begin')) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === null && code !== 0) return reject(new Error(`import failed (${code}): ${err}`));
      const m = /commit (\d+)/.exec(out);
      resolve({ committed: !!m, ms: m ? Number(m[1]) : undefined, signal });
    });
  });
}

function batch(period: string): { reports: number; projects: number; audit: number; integrity: unknown } {
  const db = openDb(dbFile);
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      reports: (db.prepare('SELECT count(*) AS n FROM reports WHERE period = ?').get(period) as { n: number }).n,
      projects: (db.prepare("SELECT count(*) AS n FROM projects WHERE name LIKE '桃城区压力测试项目%'").get() as { n: number }).n,
      audit: (db.prepare("SELECT count(*) AS n FROM audit WHERE actor = 'crash-test' AND entity = 'report' AND key LIKE ?").get(`%@${period}`) as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

it('a SIGKILLed import leaves the batch all there or all absent, and the file intact', async () => {
  // A complete run first: how long the transaction takes on this machine.
  const full = await runImport('2026-01');
  expect(full.committed).toBe(true);
  expect(batch('2026-01')).toEqual({ integrity: 'ok', reports: ROWS, projects: ROWS, audit: ROWS });
  const window = Math.max(50, full.ms!);

  const outcomes: boolean[] = [];
  const periods = ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'];
  for (const [i, period] of periods.entries()) {
    // Spread the kills over the transaction: early, middle, late, and one just past the end.
    const at = Math.round(window * ((i + Math.random()) / (periods.length - 1)));
    const r = await runImport(period, at);
    const b = batch(period);
    expect(b.integrity).toBe('ok');
    expect(b.projects).toBe(ROWS);
    if (r.committed) expect(b).toMatchObject({ reports: ROWS, audit: ROWS });
    else {
      expect(r.signal).toBe('SIGKILL');
      expect([0, ROWS]).toContain(b.reports);
      // The audit rows of the batch went with it (same transaction).
      expect(b.audit).toBe(b.reports);
    }
    outcomes.push(b.reports === ROWS);
  }
  // At least one kill landed inside a transaction (the test would prove nothing otherwise).
  expect(outcomes).toContain(false);
}, 180_000);
