// Composition root of the service (`npm start`): configuration, logger, database, demo on first
// start, Teams bot, reminder scheduler, HTTP server; graceful shutdown on SIGTERM / SIGINT.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createBot } from '../bot/index';
import { createApp } from './app';
import { checkEntraSettings, entraSettingsFromEnv } from './auth/entra';
import { ConfigError, loadConfig, type ServerConfig } from './config';
import { seedDemo } from './demo/seed';
import { limitsFromEnv } from './http/limits';
import { openDb } from './store/db';
import { Idempotency } from './store/idempotency';
import { Store } from './store/store';
import { ROLE_LABELS, Users, type NewUser } from './store/users';

type Env = Record<string, string | undefined>;
const OFF = /^(0|false|no|off|否)$/i;

/** Every problem with the configuration and environment, in Chinese (empty when it can start). */
function configure(env: Env): { sc?: ServerConfig; problems: string[] } {
  const problems: string[] = [];
  let sc: ServerConfig | undefined;
  try {
    sc = loadConfig(env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    problems.push(...e.problems.map((p) => (e.file ? `${e.file}：${p}` : p)));
  }
  problems.push(...limitsFromEnv(env).problems, ...checkEntraSettings(entraSettingsFromEnv(env)));
  return { sc, problems };
}

/** Demo users for a first start: an administrator, a clerk of the first county, the busiest leader. */
function demoUsers(store: Store): NewUser[] {
  const county = store.config.counties[0].name;
  const byLeader = new Map<string, number>();
  for (const p of store.projects.list()) byLeader.set(p.leader, (byLeader.get(p.leader) ?? 0) + 1);
  const leader = [...byLeader].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '赵志刚';
  return [
    { name: '市重点办管理员', role: 'admin' },
    { name: `${county}填报员`, role: 'staff', county },
    { name: leader, role: 'leader', leaderName: leader },
  ];
}


export async function startService(env: Env = process.env, out: (line: string) => void = (l) => process.stdout.write(l + '\n')) {
  const { sc, problems } = configure(env);
  if (!sc || problems.length) {
    process.stderr.write('重点项目台账服务无法启动，配置有误：\n' + problems.map((p) => `  - ${p}\n`).join(''));
    process.exit(1);
  }
  const { config } = sc;
  const logger = pino({ level: env.LOG_LEVEL ?? 'info', base: { service: 'keyproj' } });
  const store = new Store(openDb(sc.dbPath), { config });
  const users = new Users(store.db, store.audit);

  // First start: the demo city and its users, with tokens shown this once.
  const tokens: { label: string; token: string }[] = [];
  if (store.projects.count() === 0 && users.count() === 0 && sc.demo) {
    const seeded = seedDemo(store, new Date());
    logger.info({ ...seeded }, 'seeded the demo city');
    for (const u of demoUsers(store)) {
      const { user, token } = users.add(u, { actor: 'demo' });
      tokens.push({ label: `${ROLE_LABELS[user.role]['zh-CN']} ${user.name}${user.county ? `（${user.county}）` : ''}`, token });
    }
  }

  // Clients retry within minutes; a month of idempotency keys is plenty.
  const pruned = new Idempotency(store.db).prune(30);
  if (pruned) logger.info({ pruned }, 'pruned old idempotency keys');

  const bot = createBot({ store, config, logger, env });
  const app = createApp({ store, config, logger, env, bot });
  const server: Server = createServer(app);
  const host = env.HOST?.trim() || undefined;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(sc.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://localhost:${port}`;

  // Reminders are optional: KEYPROJ_REMINDERS=0 turns them off; a scheduler that cannot load
  // is logged and the rest of the service still runs.
  let scheduler: { stop(): Promise<void> } | undefined;
  if (!OFF.test(env.KEYPROJ_REMINDERS?.trim() ?? '')) {
    try {
      const { startScheduler } = await import('./reminders/scheduler');
      scheduler = startScheduler({ store, config, logger, adapter: bot.adapter, env });
    } catch (err) {
      logger.error({ err }, 'reminder scheduler not started');
    }
  }

  out(`重点项目台账服务已启动（${config.city.name}，数据库 ${sc.dbPath}）`);
  out(`  机器人端点：${base}/api/messages`);
  out(`  REST API：  ${base}/api/v1`);
  out(`  Excel 加载项：${base}/addin/taskpane.html`);
  out(`  健康检查：  ${base}/healthz`);
  if (tokens.length) {
    out('演示账号的 API 令牌（只显示这一次，请妥善保存；用法：Authorization: Bearer <令牌>）：');
    for (const t of tokens) out(`  ${t.label}：${t.token}`);
  } else if (users.count() === 0) {
    out('尚无任何用户：请运行 npx keyproj user add --name 姓名 --role admin 创建管理员');
  }

  let closing: Promise<void> | undefined;
  const close = (signal: string) => (closing ??= (async () => {
    logger.info({ signal }, 'shutting down');
    // Stop accepting, let requests in flight finish (idle keep-alive sockets are closed now).
    const stopped = new Promise<void>((r) => server.close(() => r()));
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    force.unref();
    await stopped;
    await scheduler?.stop();
    store.close();
    logger.info('stopped');
  })());
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    process.once(sig, () => {
      close(sig).then(() => process.exit(0), (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
    });
  }
  return { port, url: base, server, store, close: () => close('close') };
}

await startService();
