// exceljs is loaded the first time a workbook is made or read (server/xlsx/exceljs.ts), not when
// the service starts: most of a service's life is bot questions and API reads (about 25 MB).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const SCRIPT = `
import { createRequire } from 'node:module';
const cache = createRequire(import.meta.url + '/').cache;
const loaded = () => Object.keys(cache).some((f) => f.includes('node_modules/exceljs/'));
await import('./server/app.ts');
const { DEFAULT_CONFIG } = await import('./core/config.ts');
const { ledgerWorkbook } = await import('./server/xlsx/template.ts');
const atStart = loaded();
const { ws } = ledgerWorkbook(DEFAULT_CONFIG);
console.log(JSON.stringify({ atStart, afterTemplate: loaded(), header: ws.getCell('A1').value !== null }));
`;

it('the service modules load without exceljs; the first workbook loads it', () => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], { cwd: ROOT, encoding: 'utf8' });
  expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual({ atStart: false, afterTemplate: true, header: true });
}, 60_000);
