// bin/lazy-teams-ai.mjs: the service does not load teams-ai's sign-in support (botbuilder-dialogs,
// the text recognizers) or its AI module until something touches them. Checked in a child process
// (the deferral patches the module loader of the process it runs in): a bot turn runs without
// them, and an Application configured for sign-in still gets the real AuthenticationManager.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs module without type declarations
import { lazyExports } from '../../bin/lazy-teams-ai.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

it('a stand-in loads the real exports on first touch, once, and then behaves like them', () => {
  let loads = 0;
  const real = { a: 1, B: class B {} };
  const m = lazyExports(() => { loads++; return real; });
  expect(loads).toBe(0);
  expect(m.a).toBe(1);
  expect(m.B).toBe(real.B);
  expect('a' in m).toBe(true);
  expect('c' in m).toBe(false);
  expect(Object.keys(m)).toEqual(['a', 'B']);
  expect({ ...m }).toEqual(real);
  expect(loads).toBe(1);
});

const SCRIPT = `
import { createRequire } from 'node:module';
import { deferTeamsAiExtras, isLoaded } from './bin/lazy-teams-ai.mjs';
const first = deferTeamsAiExtras();
const again = deferTeamsAiExtras();
const require = createRequire(import.meta.url + '/');
const { Application } = require('@microsoft/teams-ai/lib/Application');
const { TeamsAdapter } = require('@microsoft/teams-ai/lib/TeamsAdapter');
const { TestAdapter, MemoryStorage } = require('botbuilder');
const out = { first, again };
const app = new Application({ storage: new MemoryStorage() });
app.message(/进展/, async (ctx) => { await ctx.sendActivity('答：' + ctx.activity.text); });
const adapter = new TestAdapter(async (ctx) => { await app.run(ctx); });
await adapter.send('项目进展怎么样').assertReply('答：项目进展怎么样');
out.answered = true;
out.dialogsAfterTurn = isLoaded('botbuilder-dialogs');
out.recognizersAfterTurn = isLoaded('recognizers-text');
const withAuth = new Application({
  storage: new MemoryStorage(),
  adapter: new TeamsAdapter({}, undefined, undefined, {}),
  authentication: { settings: { graph: { connectionName: 'graph', title: '登录' } } },
});
out.auth = withAuth.authentication.constructor.name;
out.dialogsAfterAuth = isLoaded('botbuilder-dialogs');
console.log(JSON.stringify(out));
`;

it('a bot turn runs without botbuilder-dialogs; configuring sign-in loads it', () => {
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').at(-1)!);
  expect(out).toEqual({
    first: true, again: false, answered: true,
    dialogsAfterTurn: false, recognizersAfterTurn: false,
    auth: 'AuthenticationManager', dialogsAfterAuth: true,
  });
}, 60_000);
