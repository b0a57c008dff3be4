// The pane puts text into the DOM as text only: no HTML parsing APIs anywhere in its source.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../addin/src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

describe('task pane source', () => {
  it('never parses strings as HTML', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(10);
    const bad = files.filter((f) => /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment|\beval\(/.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
});
