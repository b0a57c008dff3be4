// What an answer produces: cards and plain texts, in order. app.ts turns them into activities.
import type { Locale } from '../../core/types';
import type { Card } from '../cards/common';
import type { Caller } from './caller';
import type { BotData } from './data';

export type Reply = { card: Card } | { text: string };

export interface Ask {
  data: BotData;
  caller: Caller;
  locale: Locale;
  /** The conversation the question came from (subscriptions, nudges). */
  conversationId: string;
}

export const text = (t: string): Reply => ({ text: t });
export const card = (c: Card): Reply => ({ card: c });
