// The caller's locale from Accept-Language (highest q wins); the configured locale otherwise.
import type { Locale } from '../../core/types';

export function localeFromHeader(header: string | undefined, fallback: Locale = 'zh-CN'): Locale {
  if (!header) return fallback;
  const prefs = header.split(',').map((part, i) => {
    const [tag, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    return { tag: tag.trim().toLowerCase(), q: q ? Number(q[1]) : 1, i };
  }).filter((p) => p.tag && p.q > 0).sort((a, b) => b.q - a.q || a.i - b.i);
  for (const p of prefs) {
    if (p.tag.startsWith('en')) return 'en';
    if (p.tag.startsWith('zh')) return 'zh-CN';
  }
  return fallback;
}
