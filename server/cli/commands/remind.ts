// `keyproj remind` — the weekly reminder by hand, and its subscriptions, for administrators:
//   remind [--dry-run]             what each subscribed conversation would receive now (Chinese text)
//   remind --now [--slot ID]       send it now (service stopped or not: the send log and lease keep it once)
//   remind subscriptions           every subscription, retired ones too
//   remind unsubscribe <会话ID>     end a conversation's subscription
//   remind log [--slot ID]         recent reminder slots and what happened to each conversation
// Common: --db PATH (default KEYPROJ_DB), --json. The bot identity comes from BOT_ID/BOT_PASSWORD.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../../../core/config';
import { localDate, zonedParts } from '../../../core/periods';
import { createAdapter } from '../../../bot/index';
import { loadConfig, DEFAULT_DB_PATH } from '../../config';
import { Store } from '../../store/store';
import { Fanout, type Logger } from '../../reminders/fanout';
import { holderName } from '../../reminders/scheduler';
import { manualSlot } from '../../reminders/slots';
import { reminderActivity } from '../../reminders/content';
import type { ProactiveAdapter } from '../../reminders/sender';
import type { SendState } from '../../reminders/sendlog';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
}

export interface RemindDeps {
  /** Defaults to the adapter the bot uses, built from BOT_ID / BOT_PASSWORD / BOT_TENANT_ID. */
  adapter?: ProactiveAdapter;
  now?: () => Date;
  config?: Config;
}

export const REMIND_USAGE = `用法：
  keyproj remind [--dry-run]            预览：每个订阅会话现在会收到的提醒
  keyproj remind --now [--slot ID]      立即发送（每个会话每期只发一次；同一天再次发送需指定新的 --slot）
  keyproj remind subscriptions          列出订阅（含已停用的会话）
  keyproj remind unsubscribe <会话ID>    取消某个会话的订阅
  keyproj remind log [--slot ID]        最近的提醒批次及每个会话的发送结果
选项：--db 数据库文件（默认 KEYPROJ_DB 或 ${DEFAULT_DB_PATH}）  --json 输出 JSON`;

const STATE_NAMES: Record<SendState, string> = {
  pending: '待发送', sending: '发送中', sent: '已发送', failed: '失败', retired: '会话已停用', skipped: '跳过',
};

class UsageError extends Error {}

/** `YYYY-MM-DD HH:mm` in the city's time zone. */
function stamp(iso: string | undefined, tz: string): string {
  if (!iso) return '';
  const z = zonedParts(new Date(iso), tz);
  return `${localDate(new Date(iso), tz)} ${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`;
}

function silentLogger(io: CliIo): Logger {
  // Progress goes to stderr as short Chinese lines; details stay in the send log (`remind log`).
  const line = (obj: object | string, msg?: string) => {
    const o = typeof obj === 'string' ? {} : (obj as Record<string, unknown>);
    if (msg && (o.error || o.conversationId)) io.err(`${msg}${o.conversationId ? `：${String(o.conversationId)}` : ''}${o.error ? `（${String(o.error)}）` : ''}`);
  };
  return { info: () => undefined, warn: line, error: line };
}

function table(rows: string[][]): string {
  const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const cols = rows[0]?.map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? '')))) ?? [];
  return rows.map((r) => r.map((c, i) => c + ' '.repeat(cols[i] - width(c))).join('  ').trimEnd()).join('\n');
}

export async function runRemind(argv: string[], io: CliIo, deps: RemindDeps = {}): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        now: { type: 'boolean', default: false },
        slot: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    io.err(`参数有误：${(e as Error).message}\n${REMIND_USAGE}`);
    return 2;
  }
  const { values: o, positionals } = args;
  if (o.help) {
    io.out(REMIND_USAGE);
    return 0;
  }
  const [sub, ...rest] = positionals;
  try {
    if (o.now && o['dry-run']) throw new UsageError('--now 与 --dry-run 不能同时使用');
    if (sub && !['subscriptions', 'unsubscribe', 'log'].includes(sub)) throw new UsageError(`未知的子命令“${sub}”`);
    if (sub === 'unsubscribe' && rest.length !== 1) throw new UsageError('请给出一个会话 ID，例如 keyproj remind unsubscribe 19:abc@thread.tacv2');
    const file = o.db ?? io.env.KEYPROJ_DB ?? DEFAULT_DB_PATH;
    if (!existsSync(file)) {
      io.err(`找不到数据库文件 ${file}：请用 --db 指定，或先运行 npm start 创建`);
      return 2;
    }
    const config = deps.config ?? loadConfig({ ...io.env, KEYPROJ_DB: file }).config;
    const store = Store.open(file, { config });
    try {
      const now = deps.now ?? (() => new Date());
      const fanout = new Fanout({
        db: store.db, data: store, config, logger: silentLogger(io),
        adapter: deps.adapter ?? createAdapter(io.env), botId: io.env.BOT_ID ?? '', holder: `cli:${holderName()}`, now,
      });
      if (sub === 'subscriptions') return listSubscriptions(fanout, config, o.json, io);
      if (sub === 'unsubscribe') return unsubscribe(fanout, rest[0], io);
      if (sub === 'log') return showLog(fanout, config, o.slot, o.json, io);
      if (o.now) return await sendNow(fanout, config, now(), o.slot, o.json, io);
      return preview(fanout, config, now(), o.json, io);
    } finally {
      store.close();
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${REMIND_USAGE}`);
      return 2;
    }
    io.err(`提醒命令出错：${(e as Error).message}`);
    return 1;
  }
}

function preview(fanout: Fanout, config: Config, now: Date, json: boolean, io: CliIo): number {
  const slot = manualSlot(config, now);
  const content = fanout.content(slot);
  const recipients = fanout.recipients(slot, content).map((r) => {
    const locale = r.subscription.locale ?? config.locale;
    const card = content.card(r.scope, locale);
    return { ...r, locale, card };
  });
  if (json) {
    io.out(JSON.stringify({
      period: slot.period,
      recipients: recipients.map((r) => ({
        conversationId: r.conversationId, name: r.subscription.name ?? null, scope: r.scope, quiet: r.subscription.quiet,
        action: r.state === 'pending' ? 'send' : 'skip', reason: r.reason ?? null, text: r.card.text,
        activity: r.state === 'pending' ? reminderActivity(r.card) : null,
      })),
    }, null, 2));
    return 0;
  }
  const sending = recipients.filter((r) => r.state === 'pending').length;
  io.out(`提醒预览（${localDate(now, config.timezone)}，报送月份 ${slot.period}）：${recipients.length} 个订阅会话，将发送 ${sending} 个，跳过 ${recipients.length - sending} 个。`);
  if (!recipients.length) io.out('还没有会话订阅提醒：在 Teams 中对机器人说“订阅提醒 桃城区”或“订阅提醒 全市”。');
  for (const r of recipients) {
    io.out('');
    io.out(`── 会话 ${r.conversationId}${r.subscription.name ? `（${r.subscription.name}）` : ''} · 范围：${r.scope}${r.subscription.quiet ? ' · 无事不提醒' : ''}`);
    io.out(r.state === 'pending' ? r.card.text : `（不发送：${r.reason}）`);
  }
  return 0;
}

async function sendNow(fanout: Fanout, config: Config, now: Date, slotId: string | undefined, json: boolean, io: CliIo): Promise<number> {
  const slot = manualSlot(config, now, slotId);
  const res = await fanout.run(slot);
  const c = res.counts;
  if (json) {
    io.out(JSON.stringify({ slot: slot.id, status: res.status, counts: c, rows: fanout.log.rows(slot.id) }, null, 2));
  } else if (res.status === 'already') {
    io.out(`本批次（${slot.id}）已经发送过：已发送 ${c.sent}，跳过 ${c.skipped}，失败 ${c.failed}。如需再发一次，请加 --slot 指定新的批次 ID。`);
  } else if (res.status === 'busy') {
    io.out(`另一个实例正在发送本批次（${slot.id}），请稍后用 keyproj remind log --slot ${slot.id} 查看结果。`);
  } else {
    io.out(`提醒已发送（${slot.id}）：已发送 ${c.sent}，跳过 ${c.skipped}，失败 ${c.failed}，会话已停用 ${c.retired}。`);
    for (const r of fanout.log.rows(slot.id).filter((x) => x.state === 'failed' || x.state === 'retired')) {
      io.out(`  ${STATE_NAMES[r.state]}：${r.conversationId}（${r.lastError ?? ''}）`);
    }
  }
  if (res.status === 'busy') return 1;
  return c.failed > 0 ? 1 : 0;
}

function listSubscriptions(fanout: Fanout, config: Config, json: boolean, io: CliIo): number {
  const subs = fanout.subscriptions.list();
  if (json) {
    io.out(JSON.stringify({
      subscriptions: subs.map((s) => ({
        conversationId: s.conversationId, name: s.name ?? null, scope: s.scope, quiet: s.quiet, locale: s.locale ?? null,
        subscribedAt: s.subscribedAt, retiredAt: s.retiredAt ?? null, retiredReason: s.retiredReason ?? null,
      })),
    }, null, 2));
    return 0;
  }
  if (!subs.length) {
    io.out('还没有会话订阅提醒。');
    return 0;
  }
  io.out(table([
    ['会话ID', '名称', '范围', '无事不提醒', '订阅时间', '状态'],
    ...subs.map((s) => [
      s.conversationId, s.name ?? '', s.scope, s.quiet ? '是' : '否', stamp(s.subscribedAt, config.timezone),
      s.retiredAt ? `已停用：${s.retiredReason ?? ''}` : '正常',
    ]),
  ]));
  io.out(`共 ${subs.length} 个订阅，其中 ${subs.filter((s) => s.retiredAt).length} 个已停用（机器人已不在会话中）。`);
  return 0;
}

function unsubscribe(fanout: Fanout, id: string, io: CliIo): number {
  if (fanout.subscriptions.unsubscribe(id, 'cli')) {
    io.out(`已取消会话 ${id} 的提醒订阅。`);
    return 0;
  }
  io.err(`会话 ${id} 没有订阅提醒：用 keyproj remind subscriptions 查看已订阅的会话 ID`);
  return 1;
}

function showLog(fanout: Fanout, config: Config, slotId: string | undefined, json: boolean, io: CliIo): number {
  if (slotId) {
    const slot = fanout.log.slot(slotId);
    if (!slot) {
      io.err(`没有批次 ${slotId}：用 keyproj remind log 查看最近的批次`);
      return 1;
    }
    const rows = fanout.log.rows(slotId);
    if (json) {
      io.out(JSON.stringify({ slot, rows }, null, 2));
      return 0;
    }
    io.out(`批次 ${slot.slot}（报送月份 ${slot.period}，计划 ${stamp(slot.dueAt, config.timezone)}）${slot.completedAt ? '已完成' : '未完成'}`);
    io.out(table([['会话ID', '范围', '状态', '尝试次数', '说明'], ...rows.map((r) => [r.conversationId, r.scope, STATE_NAMES[r.state], String(r.attempts), r.lastError ?? ''])]));
    return 0;
  }
  const slots = fanout.log.recentSlots();
  if (json) {
    io.out(JSON.stringify({ slots: slots.map((s) => ({ ...s, counts: fanout.log.counts(s.slot) })) }, null, 2));
    return 0;
  }
  if (!slots.length) {
    io.out('还没有发送过提醒。');
    return 0;
  }
  io.out(table([
    ['批次', '报送月份', '计划时间', '已发送', '跳过', '失败', '停用', '待发送', '完成'],
    ...slots.map((s) => {
      const c = fanout.log.counts(s.slot);
      return [s.slot, s.period, stamp(s.dueAt, config.timezone), String(c.sent), String(c.skipped), String(c.failed), String(c.retired), String(c.pending + c.sending), s.completedAt ? '是' : '否'];
    }),
  ]));
  return 0;
}
