// `npm run playground`: the service (`npm start`, unless one already answers on PORT) plus the
// Microsoft 365 Agents Playground pointed at its bot endpoint, for trying the bot without Teams.
// Prints the URL to open. Ctrl-C stops both.
//
// Environment: PORT (service, default 3978), PLAYGROUND_PORT (default 56150), and everything
// `npm start` reads (KEYPROJ_DB, KEYPROJ_CONFIG …). BOT_ID stays unset: the Playground talks to an
// anonymous bot, and callers who are not users read the whole city as viewers (KEYPROJ_BOT_OPEN).
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'agentsplayground.cmd' : 'agentsplayground');
const port = Number(process.env.PORT ?? 3978);
const pgPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
const base = `http://localhost:${port}`;
const children: ChildProcess[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`${base}/healthz`)).ok;
  } catch {
    return false;
  }
}

function stopAll(code: number): never {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  process.exit(code);
}

async function main(): Promise<void> {
  if (await healthy()) {
    console.log(`使用已在运行的服务：${base}`);
  } else {
    if (process.env.BOT_ID) {
      console.error('BOT_ID 已设置：Agents Playground 只能连接匿名机器人。请在未设置 BOT_ID 的环境中运行 npm run playground。');
      process.exit(1);
    }
    console.log(`正在启动服务（端口 ${port}）……`);
    const service = spawn(process.execPath, [join(ROOT, 'bin', 'start.mjs')], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, stdio: 'inherit' });
    children.push(service);
    service.once('exit', (code) => {
      console.error(`服务已退出（代码 ${code}）`);
      stopAll(code ?? 1);
    });
    const deadline = Date.now() + 120_000;
    while (!(await healthy())) {
      if (Date.now() > deadline) {
        console.error(`服务在 2 分钟内没有在 ${base} 上就绪`);
        stopAll(1);
      }
      await sleep(500);
    }
  }

  const endpoint = `${base}/api/messages`;
  const pg = spawn(BIN, ['-e', endpoint, '-c', 'msteams', '--dt', '-p', String(pgPort)], { cwd: ROOT, stdio: 'inherit', env: process.env });
  children.push(pg);
  pg.once('error', (err) => {
    console.error(`无法启动 Agents Playground（${BIN}）：${err.message}。请先运行 npm install。`);
    stopAll(1);
  });
  pg.once('exit', (code) => stopAll(code ?? 0));
  console.log('');
  console.log(`机器人端点：${endpoint}`);
  console.log(`请在浏览器中打开 Agents Playground：http://localhost:${pgPort}`);
  console.log('试试：“帮助”“全市总体情况”“衡水湖生态修复工程进展怎么样”“哪些项目是红色的”。按 Ctrl-C 结束。');
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => stopAll(0));
await main();
