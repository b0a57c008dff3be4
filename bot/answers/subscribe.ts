// 订阅提醒 <县市区|全市> / 取消订阅 / 提醒设置 (SPEC §6), on server/store/subscriptions.
import { Cron } from 'croner';
import { tr, type Text } from '../../core/i18n';
import { localDateTime } from '../../core/periods';
import type { Config } from '../../core/config';
import type { Locale } from '../../core/types';
import { CITY_SCOPE } from '../../server/store/subscriptions';
import { findCounty } from '../intents';
import { subscriptionCard } from '../cards/subscription';
import { M } from '../messages';
import { card, text, type Ask, type Reply } from './reply';

const T = {
  weekly: { 'zh-CN': '每周{day} {time}', en: 'every {day} at {time}' },
  cron: { 'zh-CN': '按计划 {cron}', en: 'on schedule {cron}' },
  tz: { 'zh-CN': '（{tz}）', en: ' ({tz})' },
  holidays: { 'zh-CN': '，遇法定节假日顺延至下一个工作日', en: ', moved to the next working day on public holidays' },
  next: { 'zh-CN': '；下次约 {at}', en: '; next about {at}' },
} satisfies Record<string, Text>;
const DAYS: Record<Locale, string[]> = {
  'zh-CN': ['日', '一', '二', '三', '四', '五', '六'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const CITY_WORDS = /^(全市|全部|所有|city|all|whole city)$/i;

/** A reminder schedule as people read it: 每周一 09:00（Asia/Shanghai），… ；下次约 2026-11-23 09:00. */
export function describeSchedule(config: Config, locale: Locale, now: Date): string {
  const { cron, skipHolidays } = config.reminder;
  const m = cron.trim().match(/^(\d{1,2})\s+(\d{1,2})\s+\*\s+\*\s+([0-7])$/);
  const base = m
    ? tr(locale, T.weekly, { day: DAYS[locale][Number(m[3]) % 7], time: `${m[2].padStart(2, '0')}:${m[1].padStart(2, '0')}` })
    : tr(locale, T.cron, { cron });
  let next = '';
  try {
    const at = new Cron(cron, { timezone: config.timezone, paused: true }).nextRun(now);
    if (at) next = tr(locale, T.next, { at: localDateTime(at, config.timezone) });
  } catch {
    // An unreadable pattern is reported by the configuration check; here we just omit "next".
  }
  return base + tr(locale, T.tz, { tz: config.timezone }) + (skipHolidays ? tr(locale, T.holidays) : '') + next;
}

export function subscribeAnswer(a: Ask, target: string): Reply[] {
  const cfg = a.data.config;
  if (!target) return [text(tr(a.locale, M.subscribeAsk))];
  const scope = CITY_WORDS.test(target) ? CITY_SCOPE : findCounty(target, cfg)?.name;
  if (!scope) return [text(tr(a.locale, M.subscribeBadCounty, { target, options: cfg.counties.map((c) => c.name).join('、') }))];
  if (a.caller.county && scope !== a.caller.county) return [text(tr(a.locale, M.subscribeDenied, { county: a.caller.county }))];
  a.data.subscriptions.subscribe(a.conversationId, scope, { locale: a.locale, actor: a.caller.name });
  return [card(subscriptionCard({ scope, schedule: describeSchedule(cfg, a.locale, a.data.now()), deadlineDay: cfg.deadlineDay, quiet: false, mode: 'confirm' }, a.locale))];
}

export function unsubscribeAnswer(a: Ask): Reply[] {
  const had = a.data.subscriptions.unsubscribe(a.conversationId, a.caller.name);
  return [text(tr(a.locale, had ? M.unsubscribed : M.notSubscribed))];
}

export function settingsAnswer(a: Ask): Reply[] {
  const s = a.data.subscriptions.get(a.conversationId);
  if (!s) return [text(tr(a.locale, M.notSubscribed))];
  const cfg = a.data.config;
  return [
    card(
      subscriptionCard(
        { scope: s.scope, schedule: describeSchedule(cfg, a.locale, a.data.now()), deadlineDay: cfg.deadlineDay, quiet: s.quiet, since: s.subscribedAt.slice(0, 10), mode: 'settings' },
        a.locale,
      ),
    ),
  ];
}
