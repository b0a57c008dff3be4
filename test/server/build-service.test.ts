// `npm run build:service`: the bundle bin/start.mjs runs. Every source that finds its files
// through import.meta.url (migrations, the add-in build, the default configuration) must still
// point at the real file from inside dist/, and the input list must name the sources, so a
// newer source makes bin/start.mjs rebuild.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { buildService, SERVICE_BUNDLE, SERVICE_INPUTS } from '../../scripts/build-service.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let bundle = '';
let inputs: string[] = [];

beforeAll(async () => {
  await buildService();
  bundle = readFileSync(SERVICE_BUNDLE, 'utf8');
  inputs = JSON.parse(readFileSync(SERVICE_INPUTS, 'utf8'));
}, 60_000);

it('lists the sources it was built from, not packages', () => {
  for (const f of ['server/main.ts', 'server/app.ts', 'bot/index.ts', 'bot/names.ts', 'core/score.ts', 'server/store/db.ts']) expect(inputs).toContain(f);
  expect(inputs.some((f) => f.includes('node_modules'))).toBe(false);
  for (const f of inputs) expect(existsSync(join(ROOT, f)), f).toBe(true);
  // Packages are loaded from node_modules, not copied in.
  expect(bundle).toMatch(/from "better-sqlite3"/);
});

it("points each source's import.meta.url at its own file, relative to the bundle", () => {
  const rewritten = [...bundle.matchAll(/new URL\("([^"]+\.ts)", import\.meta\.url\)/g)].map((m) => m[1]);
  expect(rewritten).toEqual(expect.arrayContaining(['../server/store/db.ts', '../server/app.ts', '../manifest/config.ts']));
  for (const rel of rewritten) expect(existsSync(join(dirname(SERVICE_BUNDLE), rel)), rel).toBe(true);
  // No source is left reading the bundle's own URL.
  const bare = bundle.replace(/new URL\("[^"]+\.ts", import\.meta\.url\)/g, '').match(/import\.meta\.url/g) ?? [];
  expect(bare).toHaveLength(0);
});
