// Dependency direction: the bot reads the store and core, never a sibling feature (the bulletin,
// the HTTP routes, the reminders' scheduler) or the manifest build; the manifest takes only the
// bot's shared names.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'dist' ? [] : sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** Repo-relative targets of a file's relative imports. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1]);
  return specs.map((s) => relative(repo, resolve(join(file, '..'), s)).split('\\').join('/'));
}

describe('import direction', () => {
  it('bot/ imports nothing from manifest/, server/bulletin, server/http or server/reminders', () => {
    const bad = sources(join(repo, 'bot')).flatMap((f) =>
      importsOf(f)
        .filter((t) => /^(manifest\/|server\/(bulletin|http|reminders)\/)/.test(t))
        .map((t) => `${relative(repo, f)} → ${t}`),
    );
    expect(bad).toEqual([]);
  });

  it('manifest/ takes from bot/ only its shared command names', () => {
    const fromBot = sources(join(repo, 'manifest')).flatMap((f) => importsOf(f).filter((t) => t.startsWith('bot/')));
    expect(fromBot.length).toBeGreaterThan(0);
    expect(new Set(fromBot)).toEqual(new Set(['bot/commands']));
  });

  it('the scanner sees relative imports (guards the test itself)', () => {
    expect(importsOf(join(repo, 'bot/extension.ts'))).toContain('bot/commands');
  });
});
