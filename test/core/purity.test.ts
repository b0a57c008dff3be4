// core/ runs in the add-in (browser), the bot and the server alike: it may import nothing from
// Node and touch neither Node's globals nor the DOM's. Checked on the syntax tree, so comments and
// message strings that mention "process" or "window" do not count.
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CORE = fileURLToPath(new URL('../../core/', import.meta.url));
const FORBIDDEN_GLOBALS = new Set(['Buffer', 'process', 'document', 'window', 'require', 'module', '__dirname', '__filename', 'global', 'navigator', 'localStorage', 'setImmediate']);
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function isForbiddenModule(spec: string): boolean {
  return spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]);
}

/** Every import of a Node module and every use of a forbidden global in a source text. */
function impurities(source: string, file = 'x.ts'): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const at = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      if (isForbiddenModule(n.moduleSpecifier.text)) found.push(`${at(n)} imports ${n.moduleSpecifier.text}`);
    }
    if (ts.isCallExpression(n) && n.arguments.length && ts.isStringLiteral(n.arguments[0])
      && (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require'))
      && isForbiddenModule(n.arguments[0].text)) {
      found.push(`${at(n)} loads ${n.arguments[0].text}`);
    }
    if (ts.isIdentifier(n) && FORBIDDEN_GLOBALS.has(n.text)) {
      const p = n.parent;
      // `x.process`, `{ process: … }`, a declared name or a type member are not the global.
      const isMemberName = (ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isPropertyAssignment(p) && p.name === n)
        || ((ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isParameter(p) || ts.isVariableDeclaration(p) || ts.isBindingElement(p)) && p.name === n);
      if (!isMemberName) found.push(`${at(n)} uses ${n.text}`);
    }
    if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'globalThis' && FORBIDDEN_GLOBALS.has(n.name.text)) {
      found.push(`${at(n)} uses globalThis.${n.name.text}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(ts|tsx|js|mjs)$/.test(e.name) ? [p] : [];
  });
}

describe('core stays isomorphic', () => {
  it('the scanner catches every kind of impurity (and ignores mentions in text)', () => {
    const bad = [
      "import fs from 'fs';", "import { join } from 'node:path';", "export * from 'os';", "const cp = require('child_process');",
      "const c = await import('crypto');", 'const b = Buffer.from("x");', 'const e = process.env.X;', 'document.title = "x";',
      'const w = window;', 'const p = globalThis.process;',
    ];
    for (const line of bad) expect(impurities(line).length, line).toBeGreaterThan(0);
    const fine = [
      "import { Converter } from 'opencc-js/t2cn';", "import type { Config } from './config';", '// process.env and window in a comment',
      "const s = 'the process window';", 'const o = { process: 1 }; o.process = 2;', 'interface X { window: number }', 'function f(document: string) { return 1; }',
    ];
    for (const line of fine) expect(impurities(line), line).toEqual([]);
  });

  it('no file under core/ imports Node or uses Node/DOM globals', () => {
    const files = sources(CORE);
    expect(files.length).toBeGreaterThanOrEqual(8);
    const found = files.flatMap((f) => impurities(readFileSync(f, 'utf8'), relative(CORE, f)));
    expect(found).toEqual([]);
  });
});
