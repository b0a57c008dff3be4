// The template and an exported ledger opened by a real spreadsheet program: LibreOffice, headless.
// It reads our drop-downs and hidden options sheet, and a ledger it saves again (as staff using
// LibreOffice or WPS would) still reads and validates. Needs soffice (apt-get install -y
// libreoffice-calc, or SOFFICE_PATH); without it this file says it was skipped and why.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../../core/config';
import { validateLedger } from '../../core/validate';
import { Store } from '../../server/store/store';
import { exportLedger } from '../../server/xlsx/export';
import { readLedgerFile } from '../../server/xlsx/read';
import { writeTemplate } from '../../server/xlsx/template';
import { reserve, tempDir, underConstruction } from '../fixtures/ledger';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const HAVE_SOFFICE = existsSync(SOFFICE);
if (!HAVE_SOFFICE) console.warn(`test/server/xlsx-libreoffice.test.ts skipped: no LibreOffice at ${SOFFICE} (apt-get install -y libreoffice-calc, or set SOFFICE_PATH)`);

const dir = tempDir('keyproj-lo-');
// A profile of its own, so parallel runs do not fight over the user's LibreOffice profile.
const profile = pathToFileURL(join(dir, 'profile')).href;

function convert(file: string, to: string, outdir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', outdir, file], { timeout: 120_000 }, (err, _out, stderr) => {
      if (err) reject(new Error(`soffice failed: ${stderr || err.message}`));
      else resolve(outdir);
    });
  });
}

async function odsContent(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return zip.file('content.xml')!.async('string');
}

describe.skipIf(!HAVE_SOFFICE)('LibreOffice', () => {
  it('opens the template with its sheets and drop-down lists, inline and on the hidden options sheet', async () => {
    await writeTemplate(join(dir, 'tpl.xlsx'), DEFAULT_CONFIG, 'zh-CN');
    const many = resolveConfig({ counties: Array.from({ length: 60 }, (_, i) => ({ name: `测试县市区${i + 1}`, code: String(131000 + i + 1) })) });
    await writeTemplate(join(dir, 'many.xlsx'), many, 'zh-CN');
    await convert(join(dir, 'tpl.xlsx'), 'ods', join(dir, 'ods'));
    await convert(join(dir, 'many.xlsx'), 'ods', join(dir, 'ods'));
    const tpl = await odsContent(join(dir, 'ods', 'tpl.ods'));
    expect(tpl).toContain('table:name="台账"');
    expect(tpl).toContain('table:name="填表说明"');
    expect(tpl).toContain('cell-content-is-in-list(&quot;在建&quot;;&quot;拟新开工&quot;;&quot;储备&quot;)');
    expect(tpl).toContain('&quot;桃城区&quot;;&quot;冀州区&quot;');
    const big = await odsContent(join(dir, 'ods', 'many.ods'));
    expect(big).toContain('cell-content-is-in-list([$选项.$A$2:.$A$61])');
  });

  describe('a ledger saved again by LibreOffice', () => {
    let store: Store;
    beforeAll(() => {
      store = Store.open(join(dir, 'lo.db'));
      store.importLedger([underConstruction(1, 1), underConstruction(2, 1), reserve(1)], '2026-01', 'a');
      store.importLedger([underConstruction(1, 2), underConstruction(2, 2), reserve(1)], '2026-02', 'a');
    });
    afterAll(() => store.close());

    it('reads and validates as before (xlsx and csv)', async () => {
      await exportLedger(store, '2026-02', undefined, join(dir, 'feb.xlsx'));
      await convert(join(dir, 'feb.xlsx'), 'xlsx:Calc MS Excel 2007 XML', join(dir, 'lo-xlsx'));
      await convert(join(dir, 'feb.xlsx'), 'csv:Text - txt - csv (StarCalc):44,34,76', join(dir, 'lo-csv'));
      for (const file of [join(dir, 'lo-xlsx', 'feb.xlsx'), join(dir, 'lo-csv', 'feb.csv')]) {
        const r = await readLedgerFile(file);
        expect(r.rows).toHaveLength(3);
        const v = validateLedger({
          rows: r.rows, period: '2026-02', config: DEFAULT_CONFIG, now: new Date('2026-03-02T00:00:00Z'),
          history: store.historyFor(r.rows.map((x) => String(x.raw.code ?? '')), '2026-02'),
        });
        expect(v.errors, file).toBe(0);
        expect(v.rows.find((x) => x.values.name === '桃城区测试项目1')!.values).toMatchObject({ ytdInvest: 1000, plannedStart: '2025-03', approvals: ['立项', '用地', '规划', '环评', '施工许可'] });
      }
    });
  });
});
