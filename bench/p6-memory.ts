// P6: resident memory of the real service (`npm start`: bin/start.mjs with the start script's
// node flags, in a child process) on a database of 20,000 projects × 24 months, once loaded and
// after 1,000 queries (REST API and bot questions, mixed). RSS read from /proc/<pid>/status (VmRSS). Goal: ≤ 200 MB.
// The baseline is the same service on an empty database, so the ratio shows what the data costs.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DEFAULT_CONFIG } from '../core/config';
import { Store } from '../server/store/store';
import { Users } from '../server/store/users';
import { ask } from './activity';
import { buildProvince } from './province';
import { result, type BenchResult } from './stats';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const LIMIT_MB = 200;

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`P6: no VmRSS for process ${pid}`);
  return Number(m[1]) / 1024;
}

interface Service {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

/** The node options and script of package.json's start script (`node [flags] bin/start.mjs`), as npm would run them. */
export function startCommand(): string[] {
  const script: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start;
  const [node, ...args] = script.trim().split(/\s+/);
  if (node !== 'node' || !args.at(-1)?.endsWith('start.mjs')) throw new Error(`P6: unexpected start script: ${script}`);
  return args;
}

/** The service as `npm start` runs it, on the file and a free port; resolves once it prints its bot endpoint. */
async function startService(dbFile: string): Promise<Service> {
  const child = spawn(process.execPath, startCommand(), {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', KEYPROJ_DB: dbFile, KEYPROJ_DEMO: '0', KEYPROJ_REMINDERS: '0', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`P6: the service did not start in 60 s:\n${out}`)), 60_000);
    const onData = (b: Buffer) => {
      out += b.toString('utf8');
      const m = /(http:\/\/localhost:\d+)\/api\/messages/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`P6: the service exited (${code}):\n${out}`)));
  });
  return {
    child, url,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

async function get(url: string, token: string): Promise<void> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`P6: GET ${url} answered ${res.status}`);
}

export async function p6(n = 20_000, queries = 1_000): Promise<BenchResult> {
  const province = buildProvince(n, 24);
  const empty = mkdtempSync(join(tmpdir(), 'keyproj-bench-empty-'));
  // A leader to ask the API as: tokens are made by the store, as `keyproj user add` does.
  const store = Store.open(province.file, { config: DEFAULT_CONFIG });
  const token = new Users(store.db).add({ name: '基准测试', role: 'leader', leaderName: '领导1' }, { actor: 'bench' }).token;
  store.close();
  let svc: Service | undefined;
  try {
    // Baseline: the same service with nothing in its database.
    svc = await startService(join(empty, 'empty.db'));
    await get(`${svc.url}/healthz`, '');
    const baseMb = rssMb(svc.child.pid!);
    await svc.stop();

    svc = await startService(province.file);
    // Loaded: the first question builds the name index of all projects.
    const first = await ask(svc.url, `${province.names[0]}进展怎么样`);
    if (first.status !== 200) throw new Error(`P6: the first question got ${first.status}`);
    const loadedMb = rssMb(svc.child.pid!);
    const counties = DEFAULT_CONFIG.counties.map((c) => c.name);
    const kinds = [
      (i: number) => ask(svc!.url, `${province.names[(i * 7919) % n]}进展怎么样`).then((r) => { if (r.status !== 200) throw new Error(`P6: question ${r.status}`); }),
      (i: number) => get(`${svc!.url}/api/v1/projects/${encodeURIComponent(`2024-${DEFAULT_CONFIG.counties[i % 13].code}-04-01-${String(i % n).padStart(6, '0')}`)}`, token),
      (i: number) => get(`${svc!.url}/api/v1/projects?county=${encodeURIComponent(counties[i % counties.length])}&period=2026-10`, token),
      (i: number) => get(`${svc!.url}/api/v1/scores?period=2026-10&county=${encodeURIComponent(counties[i % counties.length])}`, token),
    ];
    let peakMb = loadedMb;
    for (let i = 0; i < queries; i++) {
      await kinds[i % kinds.length](i);
      if (i % 50 === 0) peakMb = Math.max(peakMb, rssMb(svc.child.pid!));
    }
    const afterMb = rssMb(svc.child.pid!);
    peakMb = Math.max(peakMb, afterMb);
    const ratio = afterMb / baseMb;
    return result({
      id: 'P6', name: `service RSS, ${n} projects × 24 months`,
      measured: `loaded ${Math.round(loadedMb)} MB, after ${queries} queries ${Math.round(afterMb)} MB (peak ${Math.round(peakMb)} MB)`,
      baseline: `${Math.round(baseMb)} MB (same service, empty database)`,
      ratio, goal: `<= ${LIMIT_MB} MB`, ok: peakMb <= LIMIT_MB,
      note: 'queries: bot status questions, GET /api/v1/projects/:code, /projects?county, /scores?county in turn',
    });
  } finally {
    await svc?.stop();
    rmSync(dirname(province.file), { recursive: true, force: true });
    rmSync(empty, { recursive: true, force: true });
  }
}
