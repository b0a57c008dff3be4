// A clerk types "85%" into 形象进度: Excel stores 0.85 and formats the cell 0%. The reader must hand
// on what the clerk saw (85 points), never a silent 0.85.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import { LEDGER } from '../../core/ledger';
import { shownPercent } from '../../core/parse';
import { validateLedger } from '../../core/validate';
import { readLedgerFile } from '../../server/xlsx/read';
import { tempDir, toRaw, underConstruction, writeLedgerXlsx } from '../fixtures/ledger';

const dir = tempDir();
const col = (key: string) => LEDGER.findIndex((c) => c.key === key) + 1;

describe('percent-formatted cells', () => {
  it('shownPercent turns a %-formatted fraction into the percentage shown, and leaves the rest', () => {
    expect(shownPercent(0.85, '0%')).toBe('85%');
    expect(shownPercent(0.075, '0.0%')).toBe('7.5%');
    expect(shownPercent(1, '0%')).toBe('100%');
    expect(shownPercent(85, '0')).toBe(85);
    expect(shownPercent(85, undefined)).toBe(85);
    expect(shownPercent('85%', '0%')).toBe('85%');
    // A literal % in quotes or escaped is not the percent format.
    expect(shownPercent(85, '0"%"')).toBe(85);
    expect(shownPercent(85, '0\\%')).toBe(85);
  });

  it('reads a 0.85 shown as 85% as 85 points of physical progress', async () => {
    const v = underConstruction(1, 3);
    const file = await writeLedgerXlsx(join(dir, 'pct.xlsx'), [toRaw(v)]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cell = wb.getWorksheet('台账')!.getRow(2).getCell(col('progress'));
    cell.value = 0.85;
    cell.numFmt = '0%';
    await wb.xlsx.writeFile(file);

    const { rows } = await readLedgerFile(file);
    expect(rows[0].raw.progress).toBe('85%');
    const result = validateLedger({ rows, period: '2026-03', config: DEFAULT_CONFIG, now: new Date(Date.UTC(2026, 3, 2)) });
    expect(result.rows[0].values.progress).toBe(85);
    expect(result.findings.filter((f) => f.column === 'progress' && f.severity === 'error')).toEqual([]);
  });
});
