// `node bin/keyproj.mjs …` as administrators run it: a child process, real files, exit codes.
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import { LEDGER, optionsOf } from '../../core/ledger';
import { Store } from '../../server/store/store';
import { columnLetter, LEDGER_SHEET, validationsOf } from '../../server/xlsx/template';
import { reserve, tempDir, toRaw, underConstruction, writeLedgerXlsx } from '../fixtures/ledger';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'keyproj.mjs');
const dir = tempDir('keyproj-e2e-');

function keyproj(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env };
  for (const k of ['KEYPROJ_DB', 'KEYPROJ_CONFIG', 'KEYPROJ_LOCALE']) delete env[k];
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, env, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('keyproj as a child process', () => {
  it('template --out t.xlsx: the §2 headers in order and drop-down lists for the enum columns', async () => {
    const r = await keyproj(['template', '--out', 't.xlsx']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已生成标准台账模板：t.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 't.xlsx'));
    const ws = wb.getWorksheet(LEDGER_SHEET)!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(LEDGER.map((c) => c.header));
    const dv = validationsOf(ws).model;
    LEDGER.forEach((c, i) => {
      if (c.type !== 'enum' && c.type !== 'yesno') return;
      expect(dv[`${columnLetter(i)}2`], c.key).toMatchObject({ type: 'list', formulae: [`"${optionsOf(c, DEFAULT_CONFIG).join(',')}"`] });
    });
  });

  it('import: one bad row → exit 1 and nothing stored; the fixed file → exit 0 and every row stored', async () => {
    const rows = [underConstruction(1, 1), underConstruction(2, 1), reserve(1)].map(toRaw);
    const bad = await writeLedgerXlsx(join(dir, 'bad.xlsx'), rows.map((r, i) => (i === 2 ? { ...r, stage: '施工中' } : r)));
    const db = join(dir, 'e2e.db');
    const refused = await keyproj(['import', bad, '--period', '2026-01', '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/第 4 行 W 列（建设阶段）：.*〔ENUM〕/);
    expect(refused.stderr).toContain('未导入任何数据');
    const good = await writeLedgerXlsx(join(dir, 'good.xlsx'), rows);
    const ok = await keyproj(['import', good, '--period', '2026-01', '--db', db]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('已导入 2026-01 台账 3 行');
    const s = Store.open(db);
    try {
      expect(s.projects.count()).toBe(3);
      expect(s.reports.count()).toBe(3);
    } finally {
      s.close();
    }
    const junk = await keyproj(['validate', join(dir, 'missing.csv'), '--period', '2026-01']);
    expect(junk.code).toBe(2);
    expect(junk.stderr).toContain('找不到文件');
  });
});
