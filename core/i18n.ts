// Tiny message helpers: each module keeps its own table of {zh-CN, en} templates.
import type { Locale } from './types';

export interface Text {
  'zh-CN': string;
  en: string;
}

// Templates split once into [text, name, text, name, …, text]: reasons and messages are filled
// for every project of a province. Bounded, as format also takes templates it was not built with.
let pieces = new Map<string, string[]>();
function piecesOf(template: string): string[] {
  let p = pieces.get(template);
  if (!p) {
    p = template.split(/\{(\w+)\}/);
    if (pieces.size >= 2_000) pieces = new Map();
    pieces.set(template, p);
  }
  return p;
}

/** Fills `{name}` placeholders; unknown placeholders stay as they are. */
export function format(template: string, params: Record<string, string | number | undefined> = {}): string {
  const p = piecesOf(template);
  let out = p[0];
  for (let i = 1; i < p.length; i += 2) {
    const v = params[p[i]];
    out += (v === undefined ? `{${p[i]}}` : String(v)) + p[i + 1];
  }
  return out;
}

export function tr(locale: Locale, text: Text, params?: Record<string, string | number | undefined>): string {
  return format(text[locale] ?? text['zh-CN'], params);
}

/** Reads a locale setting leniently ('en', 'en-US', 'zh', 'zh-CN' …); default zh-CN. */
export function toLocale(v: unknown): Locale {
  return typeof v === 'string' && /^en\b/i.test(v.trim()) ? 'en' : 'zh-CN';
}
