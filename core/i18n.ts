// Tiny message helpers: each module keeps its own table of {zh-CN, en} templates.
import type { Locale } from './types';

export interface Text {
  'zh-CN': string;
  en: string;
}

/** Fills `{name}` placeholders; unknown placeholders stay as they are. */
export function format(template: string, params: Record<string, string | number | undefined> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined ? m : String(params[k])));
}

export function tr(locale: Locale, text: Text, params?: Record<string, string | number | undefined>): string {
  return format(text[locale] ?? text['zh-CN'], params);
}

/** Reads a locale setting leniently ('en', 'en-US', 'zh', 'zh-CN' …); default zh-CN. */
export function toLocale(v: unknown): Locale {
  return typeof v === 'string' && /^en\b/i.test(v.trim()) ? 'en' : 'zh-CN';
}
