// Building blocks shared by the cards: Markdown escaping, text blocks, facts, the envelope.
// Adaptive Card TextBlocks and Fact values render Markdown, so every text that came from a
// user or from the ledger goes through `md()` before it lands in one.
import type { Colour, Locale } from '../../core/types';
import { tr } from '../../core/i18n';
import { COLOUR_LABELS, COLOUR_LONG_LABELS } from '../../core/score';

export type Json = Record<string, unknown>;

export interface Card {
  /** Adaptive Card 1.5 JSON. */
  card: Json;
  /** Plain-text rendering of the same content (activity text / card fallbackText). */
  text: string;
}

// CommonMark lets any ASCII punctuation be backslash-escaped. Escape only what starts Markdown
// in Teams' renderer — emphasis, links, images, code, HTML, strike-through anywhere; headings,
// lists and quotes at the start of a line — so ordinary figures (3,600.00, 2026-03) stay clean
// on clients whose escape handling is weak.
const INLINE = /[\\`*_[\]<>~|]/g;
const LINE_START = /^(\s*)([#+-]+|\d+[.)])(?=\s|$)/gm;

/** Escapes Markdown metacharacters so the text shows literally in a TextBlock or Fact. */
export function md(text: unknown): string {
  return String(text ?? '')
    .replace(INLINE, (c) => `\\${c}`)
    // A list number is escaped at its dot (`1\.`); a backslash before a digit is not an escape.
    .replace(LINE_START, (_m, sp: string, mark: string) => (/\d/.test(mark) ? `${sp}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${sp}\\${mark}`));
}

const COLOUR_DOTS: Record<Colour, string> = { green: '🟢', white: '⚪', yellow: '🟡', red: '🔴', none: '▫️' };

/** Adaptive Card text colours that read best for each project colour. */
const COLOUR_STYLE: Record<Colour, string> = { green: 'Good', white: 'Default', yellow: 'Warning', red: 'Attention', none: 'Default' };

/** 红（基本停滞） / red (stalled), from core's labels. */
export function colourName(c: Colour, locale: Locale): string {
  const long = tr(locale, COLOUR_LONG_LABELS[c]);
  return locale === 'en' ? `${tr(locale, COLOUR_LABELS[c])} (${long})` : `${tr(locale, COLOUR_LABELS[c])}（${long}）`;
}

export function colourLabel(c: Colour, locale: Locale): string {
  return `${COLOUR_DOTS[c]} ${colourName(c, locale)}`;
}

export function colourStyle(c: Colour): string {
  return COLOUR_STYLE[c];
}

/** A TextBlock; `text` must already be escaped (use md()) where it holds data. */
export function block(text: string, extra: Json = {}): Json {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

export function title(text: string): Json {
  return block(text, { size: 'Medium', weight: 'Bolder' });
}

/** A FactSet from [label, value] pairs; values are escaped here. */
export function facts(rows: Array<[string, unknown]>): Json {
  return { type: 'FactSet', facts: rows.map(([t, v]) => ({ title: t, value: md(v) })) };
}

export function submit(title: string, data: Json): Json {
  return { type: 'Action.Submit', title, data };
}

/** The card envelope: schema, version, body, actions, and the plain-text fallback. */
export function adaptive(body: Json[], actions: Json[], text: string): Card {
  const card: Json = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    fallbackText: text,
  };
  if (actions.length) card.actions = actions;
  return { card, text };
}

/** Plain-text fact lines for the fallback. */
export function lines(rows: Array<[string, unknown]>): string {
  return rows.map(([t, v]) => `${t}：${String(v ?? '')}`).join('\n');
}
