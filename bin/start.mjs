#!/usr/bin/env node
// `npm start`: the service. It runs the prebuilt bundle dist/service.mjs (scripts/build-service.mjs),
// rebuilt here first when it is missing or older than any of its sources; plain JavaScript needs
// about 40 MB less memory than the TypeScript run through tsx. If the bundle cannot be built,
// or KEYPROJ_TSX=1, the sources run through tsx as before.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deferTeamsAiExtras } from './lazy-teams-ai.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = join(ROOT, 'dist', 'service.mjs');
const INPUTS = join(ROOT, 'dist', 'service.inputs.json');
const ON = /^(1|true|yes|on|是)$/i;

function fresh() {
  if (!existsSync(BUNDLE) || !existsSync(INPUTS)) return false;
  try {
    const built = statSync(BUNDLE).mtimeMs;
    const inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
    return inputs.every((f) => statSync(join(ROOT, f)).mtimeMs <= built);
  } catch {
    return false; // a source was removed or renamed: rebuild
  }
}

function bundle() {
  if (fresh()) return BUNDLE;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-service.mjs')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (r.status === 0 && fresh()) return BUNDLE;
  process.stderr.write(`无法生成服务的预编译文件，改为直接运行源码（tsx）：${(r.stderr || r.error?.message || '').trim()}\n`);
  return undefined;
}

deferTeamsAiExtras();
const built = ON.test(process.env.KEYPROJ_TSX?.trim() ?? '') ? undefined : bundle();
if (built) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../server/main.ts');
}
