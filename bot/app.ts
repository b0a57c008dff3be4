// The teams-ai Application: routes for messages, card buttons, install and the message extension.
import { ActivityTypes, TurnContext, type Activity, type Attachment } from 'botbuilder';
// teams-ai's modules one by one, not its index (see index.ts).
import { Application } from '@microsoft/teams-ai/lib/Application.js';
import { TurnState } from '@microsoft/teams-ai/lib/TurnState.js';
import type { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import type { Logger } from 'pino';
import { tr, toLocale } from '../core/i18n';
import type { Locale } from '../core/types';
import { understand } from './intents';
import { M } from './messages';
import { welcomeCard } from './cards/help';
import { resolveCaller, type Caller } from './answers/caller';
import type { BotData } from './answers/data';
import { answerQuestion, VERBS } from './answers/dispatch';
import type { Ask, Reply } from './answers/reply';
import { ADAPTIVE, SEARCH_COMMAND_ID, SEARCH_PARAMETER, searchResult } from './extension';

export interface AppOptions {
  adapter?: TeamsAdapter;
  data: BotData;
  logger: Logger;
  /** Unknown callers are city-wide viewers (see answers/caller.ts). */
  open: boolean;
}

/**
 * The reply's language: what the user wrote decides (Chinese characters → Chinese, English
 * words → English); otherwise (buttons, pinyin initials, installs) the activity's locale, else
 * the configured default. A Chinese question from an English-language Teams client is answered
 * in Chinese.
 */
export function localeOf(activity: Partial<Activity>, written?: { english: boolean; chinese: boolean }, fallback: Locale = 'zh-CN'): Locale {
  if (written?.english) return 'en';
  if (written?.chinese) return 'zh-CN';
  return activity.locale ? toLocale(activity.locale) : fallback;
}

/** Marks every Action.Submit of a card with the card's language, so a button answers in it too. */
function tagLanguage(node: unknown, locale: Locale): unknown {
  if (Array.isArray(node)) {
    const copy = new Array<unknown>(node.length);
    for (let i = 0; i < node.length; i++) copy[i] = tagLanguage(node[i], locale);
    return copy;
  }
  if (!node || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // Plain loops: a card has a few hundred nodes, walked on every answer.
  const keys = Object.keys(o);
  for (let i = 0; i < keys.length; i++) out[keys[i]] = tagLanguage(o[keys[i]], locale);
  const data = o.data as Record<string, unknown> | undefined;
  if (o.type === 'Action.Submit' && data && typeof data === 'object' && !('msteams' in data)) out.data = { ...data, lang: locale };
  return out;
}

/** Replies as activities: cards as Adaptive Card attachments (with their plain-text fallback), texts as plain text. */
export function toActivities(replies: Reply[], locale?: Locale): Partial<Activity>[] {
  return replies.map((r) => {
    if ('text' in r) return { type: ActivityTypes.Message, text: r.text, textFormat: 'plain' };
    const attachment: Attachment = { contentType: ADAPTIVE, content: locale ? tagLanguage(r.card.card, locale) : r.card.card };
    return { type: ActivityTypes.Message, attachments: [attachment], summary: r.card.text.split('\n')[0], text: undefined };
  });
}

export function createApplication(o: AppOptions): Application<TurnState> {
  const app = new Application<TurnState>({
    ...(o.adapter ? { adapter: o.adapter } : {}),
    // No storage: the bot keeps nothing in turn state between turns (everything lives in the
    // store), and a MemoryStorage would read and write two state objects per turn and keep one
    // per conversation and user for the life of the process.
    startTypingTimer: false,
    longRunningMessages: false,
    removeRecipientMention: true,
  });
  const { data, logger } = o;

  /** Resolves the caller; unknown callers (closed mode) are told how to be added and get nothing else. */
  async function withCaller(ctx: TurnContext, written: { english: boolean; chinese: boolean } | undefined, run: (a: Ask) => Reply[] | Promise<Reply[]>, lang?: Locale): Promise<void> {
    const locale = lang ?? localeOf(ctx.activity, written, data.config.locale);
    const who = resolveCaller(ctx.activity, data, o.open);
    if (!who.ok) {
      await ctx.sendActivity({ type: ActivityTypes.Message, text: tr(locale, who.id ? M.unknownUser : M.noUserId, { id: who.id }), textFormat: 'plain' });
      return;
    }
    const a: Ask = { data, caller: who.caller, locale, conversationId: ctx.activity.conversation?.id ?? '' };
    const replies = await run(a);
    await ctx.sendActivities(toActivities(replies, locale));
    logCall(ctx, who.caller);
  }

  function logCall(ctx: TurnContext, caller: Caller): void {
    logger.debug({ conversation: ctx.activity.conversation?.id, role: caller.role, county: caller.county }, 'bot answered');
  }

  // Every incoming message or install: remember where the conversation is (for reminders).
  app.turn('beforeTurn', async (ctx) => {
    const t = ctx.activity.type;
    if ((t === ActivityTypes.Message || t === ActivityTypes.ConversationUpdate) && ctx.activity.conversation?.id) {
      try {
        data.subscriptions.saveReference(TurnContext.getConversationReference(ctx.activity));
      } catch (err) {
        logger.warn({ err, conversation: ctx.activity.conversation.id }, 'could not save the conversation reference');
      }
    }
    return true;
  });

  app.conversationUpdate('membersAdded', async (ctx) => {
    const botId = ctx.activity.recipient?.id;
    const added = ctx.activity.membersAdded ?? [];
    // Greet once, when the bot itself joins (personal install, team or group chat).
    if (!added.some((m) => m.id === botId)) return;
    const locale = localeOf(ctx.activity, undefined, data.config.locale);
    await ctx.sendActivities(toActivities([{ card: welcomeCard(locale) }], locale));
  });

  for (const [verb, handle] of Object.entries(VERBS)) {
    app.adaptiveCards.actionSubmit(verb, async (ctx, _state, d: Record<string, unknown>) => {
      const lang = d.lang === 'en' || d.lang === 'zh-CN' ? d.lang : undefined;
      await withCaller(ctx, undefined, async (a) => (await handle(a, d)) ?? [{ text: tr(a.locale, M.badButton) }], lang);
    });
  }

  app.messageExtensions.query(SEARCH_COMMAND_ID, async (ctx, _state, query) => {
    const locale = localeOf(ctx.activity, undefined, data.config.locale);
    const who = resolveCaller(ctx.activity, data, o.open);
    if (!who.ok) return { type: 'message', text: tr(locale, who.id ? M.unknownUser : M.noUserId, { id: who.id }) };
    const text = String(query.parameters?.[SEARCH_PARAMETER] ?? '');
    return searchResult({ data, caller: who.caller, locale, conversationId: ctx.activity.conversation?.id ?? '' }, text, Math.min(query.count || 10, 25));
  });

  // Catch-all, last: every other text is a question.
  app.activity(ActivityTypes.Message, async (ctx) => {
    const raw = ctx.activity.text ?? '';
    if (!raw.trim()) return;
    const u = understand(raw, data.config);
    await withCaller(ctx, u, (a) => answerQuestion(a, u));
  });

  return app;
}
