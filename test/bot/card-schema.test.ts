// Every card the bot sends, for every kind of question and button, in both languages, on the small
// fixture and on the demo city (long lists, many problems), read against Adaptive Card 1.5.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import { createBot, type Bot } from '../../bot/index';
import { seedDemo } from '../../server/demo/seed';
import { Store } from '../../server/store/store';
import { Users } from '../../server/store/users';
import { checkCard } from './card-schema';
import { AAD, makeFixture, NOW, PROJECTS, type Fixture } from './fixture';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

describe('the checker itself', () => {
  const ok = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x' }], fallbackText: 'x' };

  it('passes a well-formed card', () => {
    expect(checkCard(ok)).toEqual([]);
  });

  it('names each fault with its path', () => {
    const bad = checkCard({
      type: 'AdaptiveCard',
      version: '1.4',
      body: [
        { type: 'TextBlock', text: '  ' },
        { type: 'Textblock', text: 'typo' },
        { type: 'TextBlock', text: 'x', size: 'Huge' },
        { type: 'Container', items: [] },
        { type: 'Input.Text', id: 'a' },
        { type: 'ActionSet', actions: [{ type: 'Action.ShowCard', title: 'more', card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Date', id: 'a', isRequired: true }] } }] },
      ],
      actions: [{ type: 'Action.Submit', title: 'go', data: 'verb=x' }, { type: 'Action.Submit', title: '', data: { verb: 'y' } }],
    });
    expect(bad).toEqual([
      '$.version: version 1.4, expected 1.5',
      '$.body[0].text: empty TextBlock',
      '$.body[1]: unknown element type "Textblock"',
      '$.body[2].size: “Huge” is not one of Small/Default/Medium/Large/ExtraLarge',
      '$.body[3]: empty Container',
      '$.body[5].actions[0].card.body[0].id: id “a” also used at $.body[4]',
      '$.body[5].actions[0].card.body[0]: a required input needs an errorMessage',
      '$.actions[0].data: Submit data must be an object',
      '$.actions[1].title: an action needs a title',
      '$.fallbackText: no plain-text fallback',
    ]);
  });

  it('refuses a card over Teams’ size limit', () => {
    const big = { ...ok, body: Array.from({ length: 400 }, (_, i) => ({ type: 'TextBlock', text: `第 ${i} 行 ${'长'.repeat(40)}` })) };
    expect(checkCard(big).join()).toMatch(/bytes, over Teams/);
  });
});

/** Sends activities through TestAdapter and returns every Adaptive Card the bot sent, with what produced it. */
async function cardsFrom(bot: Bot, inputs: Array<Partial<Activity>>, aad: string): Promise<Array<[string, any]>> {
  const out: Array<[string, any]> = [];
  for (const input of inputs) {
    const adapter = new TestAdapter(async (ctx) => {
      await bot.app.run(ctx);
    });
    await adapter.receiveActivity({
      type: 'message', channelId: 'msteams', locale: 'zh-CN',
      from: { id: 'u', name: 'u', aadObjectId: aad },
      conversation: { id: 'schema-conv', isGroup: false, conversationType: 'personal', name: 't' },
      recipient: { id: 'bot-1', name: 'bot' }, serviceUrl: 'https://smba.example/',
      ...input,
    } as Activity);
    const label = JSON.stringify(input.text ?? input.value ?? input.name ?? input.type);
    for (const a of adapter.activeQueue.splice(0)) {
      for (const att of a.attachments ?? []) if (att.contentType === ADAPTIVE) out.push([label, att.content]);
    }
  }
  return out;
}

const QUESTIONS = [
  '帮助', 'help', '全市总体情况', 'overview', '桃城区本月排名', 'Taocheng ranking', '哪些项目是红色的', 'red projects', '黄色项目',
  '绿色项目', '我包联的项目', 'my projects', '赵志刚包联的项目', '本月还有哪些没报', 'missing reports', '问题清单', '逾期问题',
  'overdue problems', '衡水湖', '衡水湖生态修复工程进展怎么样', 'hshstxf', '衡水胡生太修复', '订阅提醒 桃城区', '提醒设置',
];

function inputsFor(codes: string[]): Array<Partial<Activity>> {
  const buttons = codes.flatMap((code) => ['project', 'history', 'problems'].flatMap((verb) => [{ verb, code }, { verb, code, lang: 'en' }]));
  return [
    ...QUESTIONS.map((text) => ({ text })),
    ...buttons.map((value) => ({ text: undefined, value })),
    ...['missing', 'colour'].map((kind) => ({ text: undefined, value: { verb: 'page', kind, colour: 'red', page: 1 } })),
    { text: undefined, value: { verb: 'problems' } },
    { type: 'conversationUpdate', membersAdded: [{ id: 'bot-1', name: 'bot' }] },
  ];
}

describe('every card the bot sends is a sound Adaptive Card 1.5', () => {
  let f: Fixture;
  beforeAll(() => {
    f = makeFixture();
  });
  afterAll(() => f.close());

  it.each(['admin', 'leader', 'staff', 'viewer'] as const)('fixture, as %s', async (who) => {
    const cards = await cardsFrom(f.bot, inputsFor(PROJECTS.map((p) => p.code)), AAD[who]);
    expect(cards.length).toBeGreaterThan(QUESTIONS.length);
    const faults = cards.flatMap(([label, card]) => checkCard(card).map((p) => `${label} ${p}`));
    expect(faults).toEqual([]);
  });

  describe('demo city', () => {
    let dir: string;
    let store: Store;
    let bot: Bot;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'keyproj-cards-'));
      store = Store.open(join(dir, 'demo.db'), { config: DEFAULT_CONFIG });
      seedDemo(store, NOW);
      new Users(store.db).add({ name: '市重点办', role: 'admin', aadObjectId: AAD.admin });
      bot = createBot({ store, config: DEFAULT_CONFIG, logger: pino({ level: 'silent' }), env: { KEYPROJ_BOT_OPEN: '0' }, now: () => NOW });
    }, 120_000);
    afterAll(() => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('as an administrator (every edit button shown), on the projects with the most problems', async () => {
      const perProject = new Map<string, number>();
      for (const p of store.problems.list()) perProject.set(p.projectCode, (perProject.get(p.projectCode) ?? 0) + 1);
      const busiest = [...perProject.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([code]) => code);
      expect(busiest.length).toBeGreaterThan(0);
      const cards = await cardsFrom(bot, inputsFor(busiest), AAD.admin);
      const faults = cards.flatMap(([label, card]) => checkCard(card).map((p) => `${label} ${p}`));
      expect(faults).toEqual([]);
      // The city's problem list really carried edit buttons (the size check saw them).
      const cityProblems = cards.find(([label, card]) => label === '"问题清单"' && card)![1];
      expect(JSON.stringify(cityProblems)).toContain('"verb":"problemStatus"');
    }, 60_000);
  });
});
