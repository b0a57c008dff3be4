// `keyproj remind` — the weekly reminder by hand, and its subscriptions, for administrators:
//   remind [--dry-run]             what each subscribed conversation would receive now
//   remind --now [--slot ID]       send it now (service stopped or not: the send log and lease keep it once)
//   remind subscriptions           every subscription, retired ones too
//   remind unsubscribe <会话ID>     end a conversation's subscription
//   remind log [--slot ID]         recent reminder slots and what happened to each conversation
// The bot identity for --now comes from BOT_ID / BOT_PASSWORD / BOT_TENANT_ID, as for the service.
import { tr, type Text } from '../../../core/i18n';
import { localDate, localDateTime } from '../../../core/periods';
import type { Config } from '../../../core/config';
import type { Locale } from '../../../core/types';
import { createAdapter } from '../../../bot/index';
import { Fanout, type Logger } from '../../reminders/fanout';
import { holderName } from '../../reminders/scheduler';
import { manualSlot } from '../../reminders/slots';
import { reminderActivity } from '../../reminders/content';
import type { ProactiveAdapter } from '../../reminders/sender';
import type { SendState } from '../../reminders/sendlog';
import { CliExit, context, openStore, parse, printJson, processIo, table, usageError, type CliIo } from '../args';

export interface RemindDeps {
  /** Defaults to the bot's adapter built from BOT_ID / BOT_PASSWORD / BOT_TENANT_ID. */
  adapter?: ProactiveAdapter;
  /** "Now" for the content (tests pin it). */
  now?: () => Date;
}

export const USAGE: Text = {
  'zh-CN': `用法：
  keyproj remind [--dry-run]            预览：每个订阅会话现在会收到的提醒
  keyproj remind --now [--slot ID]      立即发送（每个会话每批次只发一次；同一天再发需指定新的 --slot）
  keyproj remind subscriptions          列出订阅（含已停用的会话）
  keyproj remind unsubscribe <会话ID>    取消某个会话的订阅
  keyproj remind log [--slot ID]        最近的提醒批次及每个会话的发送结果`,
  en: `Usage:
  keyproj remind [--dry-run]            preview what each subscribed conversation would receive now
  keyproj remind --now [--slot ID]      send it now (once per conversation and batch; pass a new --slot to send again the same day)
  keyproj remind subscriptions          list subscriptions (retired conversations included)
  keyproj remind unsubscribe <ID>       end a conversation's subscription
  keyproj remind log [--slot ID]        recent reminder batches and each conversation's outcome`,
};

const M = {
  both: { 'zh-CN': '--now 与 --dry-run 不能同时使用', en: '--now and --dry-run cannot be used together' },
  badSub: { 'zh-CN': '未知的子命令“{sub}”', en: 'Unknown subcommand "{sub}"' },
  needId: { 'zh-CN': '请给出一个会话 ID，例如 keyproj remind unsubscribe 19:abc@thread.tacv2', en: 'Give one conversation id, e.g. keyproj remind unsubscribe 19:abc@thread.tacv2' },
  head: { 'zh-CN': '提醒预览（{date}，报送月份 {period}）：{n} 个订阅会话，将发送 {send} 个，跳过 {skip} 个。', en: 'Reminder preview ({date}, reporting month {period}): {n} subscribed conversations, {send} to send, {skip} skipped.' },
  nobody: { 'zh-CN': '还没有会话订阅提醒：在 Teams 中对机器人说“订阅提醒 桃城区”或“订阅提醒 全市”。', en: 'No conversation has subscribed yet: say "订阅提醒 桃城区" or "订阅提醒 全市" to the bot in Teams.' },
  conv: { 'zh-CN': '── 会话 {id}{name} · 范围：{scope}{quiet}', en: '── Conversation {id}{name} · scope: {scope}{quiet}' },
  quiet: { 'zh-CN': ' · 无事不提醒', en: ' · quiet on good weeks' },
  notSent: { 'zh-CN': '（不发送：{reason}）', en: '(not sent: {reason})' },
  already: { 'zh-CN': '本批次（{slot}）已经发送过：已发送 {sent}，跳过 {skipped}，失败 {failed}。如需再发一次，请加 --slot 指定新的批次 ID。', en: 'Batch {slot} was sent already: {sent} sent, {skipped} skipped, {failed} failed. To send again, pass a new --slot.' },
  busy: { 'zh-CN': '另一个实例正在发送本批次（{slot}），请稍后用 keyproj remind log --slot {slot} 查看结果。', en: 'Another instance is sending batch {slot}; check later with keyproj remind log --slot {slot}.' },
  done: { 'zh-CN': '提醒已发送（{slot}）：已发送 {sent}，跳过 {skipped}，失败 {failed}，会话已停用 {retired}。', en: 'Reminder sent ({slot}): {sent} sent, {skipped} skipped, {failed} failed, {retired} retired.' },
  stopped: { 'zh-CN': '发送被中断（{slot}）：已发送 {sent}，尚有 {pending} 个未发送；再次运行同一命令会只补发未发送的。', en: 'Sending was interrupted ({slot}): {sent} sent, {pending} left; run the same command again to send only those.' },
  noSubs: { 'zh-CN': '还没有会话订阅提醒。', en: 'No subscriptions yet.' },
  subsTotal: { 'zh-CN': '共 {n} 个订阅，其中 {retired} 个已停用（机器人已不在会话中）。', en: '{n} subscriptions, {retired} retired (the bot is no longer in the conversation).' },
  unsubscribed: { 'zh-CN': '已取消会话 {id} 的提醒订阅。', en: 'Conversation {id} unsubscribed.' },
  notSubscribed: { 'zh-CN': '会话 {id} 没有订阅提醒：用 keyproj remind subscriptions 查看已订阅的会话 ID', en: 'Conversation {id} has no subscription; see keyproj remind subscriptions' },
  noSlot: { 'zh-CN': '没有批次 {slot}：用 keyproj remind log 查看最近的批次', en: 'No batch {slot}; see keyproj remind log' },
  slotHead: { 'zh-CN': '批次 {slot}（报送月份 {period}，计划 {due}）{state}', en: 'Batch {slot} (reporting month {period}, due {due}) {state}' },
  complete: { 'zh-CN': '已完成', en: 'complete' },
  incomplete: { 'zh-CN': '未完成', en: 'not complete' },
  never: { 'zh-CN': '还没有发送过提醒。', en: 'No reminder has been sent yet.' },
  yes: { 'zh-CN': '是', en: 'yes' },
  no: { 'zh-CN': '否', en: 'no' },
  ok: { 'zh-CN': '正常', en: 'active' },
  retiredAs: { 'zh-CN': '已停用：{reason}', en: 'retired: {reason}' },
} satisfies Record<string, Text>;

const COLS = {
  subs: { 'zh-CN': ['会话ID', '名称', '范围', '无事不提醒', '订阅时间', '状态'], en: ['Conversation', 'Name', 'Scope', 'Quiet', 'Subscribed', 'Status'] },
  rows: { 'zh-CN': ['会话ID', '范围', '状态', '尝试次数', '说明'], en: ['Conversation', 'Scope', 'State', 'Attempts', 'Note'] },
  slots: { 'zh-CN': ['批次', '报送月份', '计划时间', '已发送', '跳过', '失败', '停用', '待发送', '完成'], en: ['Batch', 'Month', 'Due', 'Sent', 'Skipped', 'Failed', 'Retired', 'Pending', 'Done'] },
};

const STATE_NAMES: Record<SendState, Text> = {
  pending: { 'zh-CN': '待发送', en: 'pending' },
  sending: { 'zh-CN': '发送中', en: 'sending' },
  sent: { 'zh-CN': '已发送', en: 'sent' },
  failed: { 'zh-CN': '失败', en: 'failed' },
  retired: { 'zh-CN': '会话已停用', en: 'retired' },
  skipped: { 'zh-CN': '跳过', en: 'skipped' },
};

const SUBCOMMANDS = ['subscriptions', 'unsubscribe', 'log'];

/** `YYYY-MM-DD HH:mm` in the city's time zone. */
function stamp(iso: string | undefined, tz: string): string {
  return iso ? localDateTime(new Date(iso), tz) : '';
}

/** Retries and failures as short lines on stderr; the details stay in the send log (`remind log`). */
function stderrLogger(io: CliIo): Logger {
  const line = (obj: object | string, msg?: string) => {
    const o = typeof obj === 'string' ? {} : (obj as Record<string, unknown>);
    if (msg && o.conversationId) io.err(`${msg}：${String(o.conversationId)}${o.error ? `（${String(o.error)}）` : ''}`);
  };
  return { info: () => undefined, warn: line, error: line };
}

interface Run {
  fanout: Fanout;
  config: Config;
  locale: Locale;
  now: Date;
  io: CliIo;
  json: boolean;
}

export async function runRemind(argv: string[], io: CliIo = processIo(), deps: RemindDeps = {}): Promise<number> {
  try {
    const { values, positionals, locale } = parse(
      argv,
      { 'dry-run': { type: 'boolean' }, now: { type: 'boolean' }, slot: { type: 'string' } },
      USAGE, io, { min: 0, max: 2 },
    );
    const [sub, id] = positionals;
    if (values.now && values['dry-run']) usageError(tr(locale, M.both), USAGE, io, locale);
    if (sub !== undefined && !SUBCOMMANDS.includes(sub)) usageError(tr(locale, M.badSub, { sub }), USAGE, io, locale);
    if (sub === 'unsubscribe' ? !id : id !== undefined) usageError(tr(locale, M.needId), USAGE, io, locale);
    const ctx = context(values, io);
    const store = openStore(ctx, io, true);
    try {
      const now = (deps.now ?? (() => new Date()))();
      const fanout = new Fanout({
        db: store.db, data: store, config: ctx.config, logger: stderrLogger(io),
        adapter: deps.adapter ?? createAdapter(io.env), botId: io.env.BOT_ID?.trim() ?? '', holder: `cli:${holderName()}`, now: () => now,
      });
      const r: Run = { fanout, config: ctx.config, locale: ctx.locale, now, io, json: Boolean(values.json) };
      const slot = typeof values.slot === 'string' ? values.slot : undefined;
      if (sub === 'subscriptions') return listSubscriptions(r);
      if (sub === 'unsubscribe') return unsubscribe(r, id);
      if (sub === 'log') return showLog(r, slot);
      if (values.now) return await sendNow(r, slot);
      return preview(r);
    } finally {
      store.close();
    }
  } catch (e) {
    if (e instanceof CliExit) return e.code;
    throw e;
  }
}

function preview({ fanout, config, locale, now, io, json }: Run): number {
  const slot = manualSlot(config, now);
  const content = fanout.content(slot);
  const recipients = fanout.recipients(slot, content).map((r) => ({ ...r, card: content.card(r.scope, r.subscription.locale ?? config.locale) }));
  if (json) {
    printJson(io, {
      period: slot.period,
      recipients: recipients.map((r) => ({
        conversationId: r.conversationId, name: r.subscription.name ?? null, scope: r.scope, quiet: r.subscription.quiet,
        action: r.state === 'pending' ? 'send' : 'skip', reason: r.reason ?? null, text: r.card.text,
        activity: r.state === 'pending' ? reminderActivity(r.card) : null,
      })),
    });
    return 0;
  }
  const send = recipients.filter((r) => r.state === 'pending').length;
  io.out(tr(locale, M.head, { date: localDate(now, config.timezone), period: slot.period, n: recipients.length, send, skip: recipients.length - send }));
  if (!recipients.length) io.out(tr(locale, M.nobody));
  for (const r of recipients) {
    io.out('');
    io.out(tr(locale, M.conv, {
      id: r.conversationId, name: r.subscription.name ? `（${r.subscription.name}）` : '', scope: r.scope,
      quiet: r.subscription.quiet ? tr(locale, M.quiet) : '',
    }));
    io.out(r.state === 'pending' ? r.card.text : tr(locale, M.notSent, { reason: r.reason }));
  }
  return 0;
}

async function sendNow({ fanout, config, locale, now, io, json }: Run, slotId: string | undefined): Promise<number> {
  const slot = manualSlot(config, now, slotId);
  const res = await fanout.run(slot);
  const c = res.counts;
  const params = { slot: slot.id, ...c };
  if (json) printJson(io, { slot: slot.id, status: res.status, counts: c, rows: fanout.log.rows(slot.id) });
  else if (res.status === 'already') io.out(tr(locale, M.already, params));
  else if (res.status === 'busy') io.out(tr(locale, M.busy, params));
  else if (res.status === 'stopped') io.out(tr(locale, M.stopped, { ...params, pending: c.pending + c.sending }));
  else {
    io.out(tr(locale, M.done, params));
    for (const r of fanout.log.rows(slot.id).filter((x) => x.state === 'failed' || x.state === 'retired')) {
      io.out(`  ${tr(locale, STATE_NAMES[r.state])}：${r.conversationId}（${r.lastError ?? ''}）`);
    }
  }
  return res.status === 'busy' || res.status === 'stopped' || c.failed > 0 ? 1 : 0;
}

function listSubscriptions({ fanout, config, locale, io, json }: Run): number {
  const subs = fanout.subscriptions.list();
  if (json) {
    printJson(io, {
      subscriptions: subs.map((s) => ({
        conversationId: s.conversationId, name: s.name ?? null, scope: s.scope, quiet: s.quiet, locale: s.locale ?? null,
        subscribedAt: s.subscribedAt, retiredAt: s.retiredAt ?? null, retiredReason: s.retiredReason ?? null,
      })),
    });
    return 0;
  }
  if (!subs.length) {
    io.out(tr(locale, M.noSubs));
    return 0;
  }
  io.out(table([
    COLS.subs[locale],
    ...subs.map((s) => [
      s.conversationId, s.name ?? '', s.scope, tr(locale, s.quiet ? M.yes : M.no), stamp(s.subscribedAt, config.timezone),
      s.retiredAt ? tr(locale, M.retiredAs, { reason: s.retiredReason ?? '' }) : tr(locale, M.ok),
    ]),
  ]));
  io.out(tr(locale, M.subsTotal, { n: subs.length, retired: subs.filter((s) => s.retiredAt).length }));
  return 0;
}

function unsubscribe({ fanout, locale, io }: Run, id: string): number {
  if (fanout.subscriptions.unsubscribe(id, 'cli')) {
    io.out(tr(locale, M.unsubscribed, { id }));
    return 0;
  }
  io.err(tr(locale, M.notSubscribed, { id }));
  return 1;
}

function showLog({ fanout, config, locale, io, json }: Run, slotId: string | undefined): number {
  if (slotId) {
    const slot = fanout.log.slot(slotId);
    if (!slot) {
      io.err(tr(locale, M.noSlot, { slot: slotId }));
      return 1;
    }
    const rows = fanout.log.rows(slotId);
    if (json) {
      printJson(io, { slot, rows });
      return 0;
    }
    io.out(tr(locale, M.slotHead, {
      slot: slot.slot, period: slot.period, due: stamp(slot.dueAt, config.timezone), state: tr(locale, slot.completedAt ? M.complete : M.incomplete),
    }));
    io.out(table([COLS.rows[locale], ...rows.map((r) => [r.conversationId, r.scope, tr(locale, STATE_NAMES[r.state]), String(r.attempts), r.lastError ?? ''])]));
    return 0;
  }
  const slots = fanout.log.recentSlots();
  if (json) {
    printJson(io, { slots: slots.map((s) => ({ ...s, counts: fanout.log.counts(s.slot) })) });
    return 0;
  }
  if (!slots.length) {
    io.out(tr(locale, M.never));
    return 0;
  }
  io.out(table([
    COLS.slots[locale],
    ...slots.map((s) => {
      const c = fanout.log.counts(s.slot);
      return [s.slot, s.period, stamp(s.dueAt, config.timezone), String(c.sent), String(c.skipped), String(c.failed), String(c.retired), String(c.pending + c.sending), tr(locale, s.completedAt ? M.yes : M.no)];
    }),
  ]));
  return 0;
}
