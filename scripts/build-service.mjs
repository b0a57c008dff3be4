#!/usr/bin/env node
// `npm run build:service` (run by `prestart`): bundles the service (server/main.ts with the bot
// and core) into dist/service.mjs, so `npm start` runs plain JavaScript. Running the TypeScript
// through tsx costs about 60 MB of memory more (its loader thread and in-process transpiling).
// Packages stay external (node_modules is loaded as usual). esbuild is tsx's own dependency.
import { createRequire } from 'node:module';
import { readFile, rename, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SERVICE_BUNDLE = join(ROOT, 'dist', 'service.mjs');
/** The sources the bundle was built from (paths relative to the repository), for bin/start.mjs's freshness check. */
export const SERVICE_INPUTS = join(ROOT, 'dist', 'service.inputs.json');

const esbuild = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'))('esbuild');

/**
 * Sources find their files next to themselves (migrations, the add-in build, the default
 * configuration) through import.meta.url. In one bundle that would be the bundle's own URL, so
 * each source's import.meta.url is rewritten to its original file, relative to the bundle.
 */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = relative(dirname(SERVICE_BUNDLE), args.path).split('\\').join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

export async function buildService() {
  const out = await esbuild.build({
    entryPoints: [join(ROOT, 'server', 'main.ts')],
    outfile: SERVICE_BUNDLE,
    absWorkingDir: ROOT,
    write: false,
    metafile: true,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [ownUrl],
  });
  // Written beside and renamed into place, so a service starting meanwhile never reads half a file.
  await mkdir(dirname(SERVICE_BUNDLE), { recursive: true });
  const inputs = Object.keys(out.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  const files = [...out.outputFiles.map((f) => [f.path, f.contents]), [SERVICE_INPUTS, JSON.stringify(inputs)]];
  // The bundle last: its presence with fresh inputs is what bin/start.mjs checks.
  files.sort(([a], [b]) => Number(a === SERVICE_BUNDLE) - Number(b === SERVICE_BUNDLE));
  for (const [path, contents] of files) {
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, contents);
    await rename(tmp, path);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildService();
