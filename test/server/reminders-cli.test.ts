// `keyproj remind`: preview, send now (through the real TeamsAdapter built from the environment,
// to the mock connector), subscriptions, unsubscribe, log, and bad input.
import { afterEach, describe, expect, it } from 'vitest';
import { runRemind } from '../../server/cli/commands/remind';
import type { CliIo } from '../../server/cli/args';
import { INTERRUPTED, SendLog } from '../../server/reminders/sendlog';
import { reminderBench, type Bench } from './helpers/reminder-fixture';
import { execFile, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const NOW = new Date('2026-11-02T01:00:00Z');
let bench: Bench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

async function remind(b: Bench, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s), env: {} };
  const code = await runRemind([...argv, '--db', b.file], io, { now: () => NOW });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('keyproj remind', () => {
  it('--dry-run prints what each conversation would receive, in Chinese, and sends nothing', async () => {
    const b = (bench = await reminderBench({ conversations: 3, scopes: ['桃城区', '全市', '景县'] }));
    b.subs.subscribe(b.ids[2], '景县', { quiet: true });
    const r = await remind(b, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out).toContain('提醒预览（2026-11-02，报送月份 2026-10）：3 个订阅会话');
    expect(r.out).toContain(`── 会话 ${b.ids[0]}（重点项目调度群） · 范围：桃城区`);
    expect(r.out).toContain('重点项目周提醒 · 桃城区');
    expect(r.out).toContain('重点项目周提醒 · 全市');
    expect(r.out).toContain('报送截止 2026-11-05，还剩 3 天');
    expect(b.connector.requests).toHaveLength(0);

    const plain = await remind(b); // no flag = preview
    expect(plain.out).toBe(r.out);

    const j = await remind(b, '--dry-run', '--json');
    const parsed = JSON.parse(j.out) as { period: string; recipients: { conversationId: string; action: string; text: string }[] };
    expect(parsed.period).toBe('2026-10');
    expect(parsed.recipients.map((x) => x.conversationId).sort()).toEqual(b.ids);
    expect(parsed.recipients.every((x) => x.action === 'send')).toBe(true);
    expect(parsed.recipients.find((x) => x.conversationId === b.ids[0])!.text).toContain('未报送项目');
  });

  it('--now sends once per conversation; again the same day sends nothing; a new --slot sends again', async () => {
    const b = (bench = await reminderBench({ conversations: 4 }));
    b.connector.script(b.ids[3], [{ status: 403 }]);
    const r = await remind(b, '--now');
    expect(r.code).toBe(0);
    expect(r.out).toContain('提醒已发送（manual:2026-11-02）：已发送 3，跳过 0，失败 0，会话已停用 1');
    expect(b.ids.map((id) => b.connector.delivered(id).length)).toEqual([1, 1, 1, 0]);

    const again = await remind(b, '--now');
    expect(again.out).toContain('本批次（manual:2026-11-02）已经发送过');
    expect(b.connector.delivered()).toHaveLength(3);

    const extra = await remind(b, '--now', '--slot', 'manual:2026-11-02-b');
    expect(extra.code).toBe(0);
    expect(b.ids.map((id) => b.connector.delivered(id).length)).toEqual([2, 2, 2, 0]);

    const log = await remind(b, 'log');
    expect(log.out).toMatch(/manual:2026-11-02\s+2026-10\s+2026-11-02 09:00\s+3\s+0\s+0\s+1\s+0\s+是/);
    const detail = await remind(b, 'log', '--slot', 'manual:2026-11-02');
    expect(detail.out).toContain('会话已停用');
  });

  it('subscriptions lists scopes and retired conversations; unsubscribe removes one', async () => {
    const b = (bench = await reminderBench({ conversations: 2, seedAsOf: null, scopes: ['冀州区', '全市'] }));
    b.subs.retire(b.ids[1], '403 BotNotInConversationRoster');
    const list = await remind(b, 'subscriptions');
    expect(list.out).toMatch(new RegExp(`${b.ids[0].replace(/[.@:]/g, '\\$&')}\\s+重点项目调度群\\s+冀州区\\s+否`));
    expect(list.out).toContain('已停用：403 BotNotInConversationRoster');
    expect(list.out).toContain('共 2 个订阅，其中 1 个已停用');

    const j = JSON.parse((await remind(b, 'subscriptions', '--json')).out) as { subscriptions: { scope: string }[] };
    expect(j.subscriptions.map((s) => s.scope).sort()).toEqual(['全市', '冀州区']);

    const un = await remind(b, 'unsubscribe', b.ids[0]);
    expect(un.code).toBe(0);
    expect(un.out).toContain(`已取消会话 ${b.ids[0]} 的提醒订阅`);
    expect(b.subs.get(b.ids[0])).toBeUndefined();
    const none = await remind(b, 'unsubscribe', 'no-such-conversation');
    expect(none.code).toBe(1);
    expect(none.err).toContain('会话 no-such-conversation 没有订阅提醒');
  });

  it('bad input gets a Chinese message and exit code 2', async () => {
    const b = (bench = await reminderBench({ conversations: 0, seedAsOf: null }));
    const both = await remind(b, '--now', '--dry-run');
    expect(both.code).toBe(2);
    expect(both.err).toContain('--now 与 --dry-run 不能同时使用');
    const unknown = await remind(b, '--loud');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('参数有误');
    const sub = await remind(b, 'frobnicate');
    expect(sub.err).toContain('未知的子命令“frobnicate”');

    const io: CliIo = { out: () => undefined, err: (s) => errs.push(s), env: {} };
    const errs: string[] = [];
    const missing = await runRemind(['--db', join(b.dir, 'nope.db')], io);
    expect(missing).toBe(2);
    expect(errs.join('\n')).toContain(`数据库文件 ${join(b.dir, 'nope.db')} 不存在`);
  });

  it('in English with --locale en', async () => {
    const b = (bench = await reminderBench({ conversations: 1, scopes: ['全市'] }));
    const r = await remind(b, '--dry-run', '--locale', 'en');
    expect(r.out).toContain('Reminder preview (2026-11-02, reporting month 2026-10): 1 subscribed conversations, 1 to send, 0 skipped.');
    expect(r.out).toContain('Key projects weekly reminder · 全市');
  });

  it('runs through the real entry point: npx keyproj remind subscriptions / --dry-run', async () => {
    const b = (bench = await reminderBench({ conversations: 2, seedAsOf: null, scopes: ['桃城区', '全市'] }));
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, [join(ROOT, 'bin', 'keyproj.mjs'), 'remind', ...args, '--db', b.file], {
        cwd: ROOT, env: { ...process.env, KEYPROJ_CONFIG: '', KEYPROJ_LOCALE: '', BOT_ID: '' },
      });
    const subs = await run('subscriptions', '--json');
    expect(JSON.parse(subs.stdout).subscriptions.map((s: { conversationId: string }) => s.conversationId).sort()).toEqual(b.ids);
    const dry = await run('--dry-run');
    expect(dry.stdout).toMatch(/提醒预览（\d{4}-\d{2}-\d{2}，报送月份 \d{4}-\d{2}）：2 个订阅会话，将发送 2 个，跳过 0 个。/);
    expect(dry.stdout).toContain('一切正常');
    expect(b.connector.requests).toHaveLength(0);
  });

  it('two processes sending the same batch at once: each conversation still gets exactly one', async () => {
    const b = (bench = await reminderBench({ conversations: 6, seedAsOf: null }));
    for (const id of b.ids) b.connector.script(id, [{ status: 'slow', ms: 150 }]);
    const send = () =>
      promisify(execFile)(process.execPath, [join(ROOT, 'bin', 'keyproj.mjs'), 'remind', '--now', '--slot', 'manual:two-processes', '--db', b.file], {
        cwd: ROOT, env: { ...process.env, KEYPROJ_CONFIG: '', KEYPROJ_LOCALE: '', BOT_ID: '' },
      }).then((r) => ({ code: 0, out: r.stdout }), (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }));
    const results = await Promise.all([send(), send()]);
    const outs = results.map((r) => r.out).join('\n');
    expect(outs.match(/提醒已发送（manual:two-processes）：已发送 6，/g)).toHaveLength(1);
    expect(outs).toMatch(/另一个实例正在发送本批次|本批次（manual:two-processes）已经发送过/);
    expect(b.ids.map((id) => b.connector.delivered(id).length)).toEqual(Array(6).fill(1));
    expect(b.connector.requests).toHaveLength(6);
  });

  it('a sending process killed mid fan-out: the rerun sends only the rest, nobody gets a second copy', async () => {
    const b = (bench = await reminderBench({ conversations: 16, seedAsOf: null }));
    for (const id of b.ids) b.connector.script(id, [{ status: 'slow', ms: 400 }]);
    const args = [join(ROOT, 'bin', 'keyproj.mjs'), 'remind', '--now', '--slot', 'manual:crash', '--db', b.file];
    const env = { ...process.env, KEYPROJ_CONFIG: '', KEYPROJ_LOCALE: '', BOT_ID: '' };
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'ignore' });
    await new Promise<void>((resolve, reject) => {
      const t = setInterval(() => {
        if (b.connector.delivered().length >= 3) {
          clearInterval(t);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
      child.once('exit', () => reject(new Error('the sender finished before it could be killed')));
    });
    await new Promise((r) => child.once('exit', r));
    // 60 s later its lease has expired; rather than wait, age it.
    b.store.db.prepare("UPDATE reminder_leases SET expires_at = 0 WHERE name = 'manual:crash'").run();

    const rerun = await promisify(execFile)(process.execPath, args, { cwd: ROOT, env }).then((r) => r.stdout, (e: { stdout: string }) => e.stdout);
    await new Promise((r) => setTimeout(r, 500)); // posts the killed process left in flight land now
    const posts = Object.fromEntries(b.ids.map((id) => [id, b.connector.requests.filter((r) => r.conversationId === id).length]));
    expect(Math.max(...Object.values(posts))).toBe(1);
    const rows = new SendLog(b.store.db, 'reader').rows('manual:crash');
    for (const r of rows) {
      // Sent, or left in doubt by the killed process and reported — never both sent twice nor silently lost.
      if (r.state === 'sent') expect(posts[r.conversationId]).toBe(1);
      else expect(r).toMatchObject({ state: 'failed', lastError: expect.stringContaining(INTERRUPTED) });
    }
    expect(rows.filter((r) => r.state === 'sent').length).toBeGreaterThan(0);
    expect(rerun).toMatch(/提醒已发送（manual:crash）：已发送 \d+，跳过 0，失败 \d+/);
  });
});
