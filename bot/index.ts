// The Teams bot: createBot(deps) → { app, adapter, process(req, res) }; the service mounts
// `process` on POST /api/messages (server/app.ts).
//
// Environment: BOT_ID / BOT_PASSWORD / BOT_TENANT_ID — the bot's Entra app registration. With
// BOT_ID unset the adapter runs anonymously (local use, Agents Playground); with it set,
// requests without a valid Bot Framework token get 401. KEYPROJ_BOT_OPEN (default: on when
// BOT_ID is unset) lets callers who are not users read the whole city as viewers.
import { ActivityTypes, ConfigurationServiceClientCredentialFactory, type ConversationReference, type Request, type Response } from 'botbuilder';
// teams-ai's modules one by one (.js: Node's ESM resolver needs the file name): its index also loads the AI, planner, model and tokenizer modules (about 20 MB).
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import type { Application } from '@microsoft/teams-ai/lib/Application.js';
import type { TurnState } from '@microsoft/teams-ai/lib/TurnState.js';
import { tr, toLocale } from '../core/i18n';
import { createApplication } from './app';
import { isOpenMode } from './answers/caller';
import { BotData, type BotDeps } from './answers/data';
import { M } from './messages';

export type { BotDeps };

export interface Bot {
  app: Application<TurnState>;
  adapter: TeamsAdapter;
  process(req: Request, res: Response): Promise<void>;
}

export function createAdapter(env: Record<string, string | undefined>): TeamsAdapter {
  const id = env.BOT_ID?.trim();
  if (!id) return new TeamsAdapter({});
  const tenant = env.BOT_TENANT_ID?.trim();
  const auth = {
    MicrosoftAppId: id,
    MicrosoftAppPassword: env.BOT_PASSWORD ?? '',
    MicrosoftAppType: tenant ? 'SingleTenant' : 'MultiTenant',
    ...(tenant ? { MicrosoftAppTenantId: tenant } : {}),
  };
  return new TeamsAdapter(auth, new ConfigurationServiceClientCredentialFactory(auth));
}

export function createBot(deps: BotDeps): Bot {
  const { logger, env } = deps;
  const adapter = createAdapter(env);
  const data = new BotData(deps);
  const botId = env.BOT_ID?.trim() ?? '';
  data.deliver = async (ref, text) => {
    // Caught inside the turn: a failed proactive post must reach the caller, not onTurnError.
    let failure: unknown;
    await adapter.continueConversationAsync(botId, ref as ConversationReference, async (ctx) => {
      try {
        await ctx.sendActivity({ type: ActivityTypes.Message, text, textFormat: 'plain' });
      } catch (err) {
        failure = err;
      }
    });
    if (failure) throw failure;
  };
  const app = createApplication({ adapter, data, logger, open: isOpenMode(env) });

  adapter.onTurnError = async (ctx, err) => {
    const a = ctx.activity;
    logger.error({ err, activity: { type: a?.type, name: a?.name, conversation: a?.conversation?.id } }, 'bot turn failed');
    // Only a user's message gets an apology: proactive turns (reminders) and invokes have nobody to answer.
    if (a?.type !== ActivityTypes.Message) return;
    try {
      await ctx.sendActivity({ type: ActivityTypes.Message, text: tr(toLocale(a.locale ?? deps.config.locale), M.apology), textFormat: 'plain' });
    } catch (sendErr) {
      logger.warn({ err: sendErr }, 'could not send the apology');
    }
  };

  return {
    app,
    adapter,
    process: (req, res) => adapter.process(req, res, (ctx) => app.run(ctx).then(() => undefined)),
  };
}
