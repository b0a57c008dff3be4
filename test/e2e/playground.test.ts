// End to end through the real Microsoft 365 Agents Playground: the service (createApp + createBot
// on a temp SQLite file seeded with the demo city) on 127.0.0.1, the Playground as a child
// process pointed at it; install, a status question, a card button, a message-extension query.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import { formatAmount, formatPercent } from '../../core/format';
import { prevPeriod, reportingPeriod } from '../../core/periods';
import { scoreProject } from '../../core/score';
import { createBot } from '../../bot/index';
import { createApp } from '../../server/app';
import { seedDemo } from '../../server/demo/seed';
import { Store } from '../../server/store/store';
import { startPlayground, type Playground, type PlaygroundMessage } from './helpers/playground';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const cardOf = (m: PlaygroundMessage) => m.attachments.find((a) => a.contentType === ADAPTIVE)?.content;
const factsOf = (card: any): Record<string, string> => Object.fromEntries((card.body as any[]).filter((b) => b.type === 'FactSet').flatMap((b) => b.facts.map((f: any) => [f.title, f.value])));

let dir: string;
let store: Store;
let server: Server;
let pg: Playground;
const now = new Date();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'keyproj-pg-'));
  store = Store.open(join(dir, 'demo.db'), { config: DEFAULT_CONFIG });
  seedDemo(store, now);
  const logger = pino({ level: 'silent' });
  const env = {}; // BOT_ID unset: anonymous, open mode — as the Playground expects
  const bot = createBot({ store, config: DEFAULT_CONFIG, logger, env });
  server = createServer(createApp({ store, config: DEFAULT_CONFIG, logger, env, bot }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  pg = await startPlayground({ endpoint: `http://127.0.0.1:${port}/api/messages` });
}, 120_000);

afterAll(async () => {
  await pg?.stop();
  await new Promise((r) => server?.close(r));
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Agents Playground', () => {
  it('installing the app shows the welcome card', async () => {
    const replies = await pg.install();
    expect(replies.map((m) => cardOf(m)?.fallbackText ?? m.text).join('\n')).toContain('重点项目台账助手');
  });

  it('a status question → the project card with core’s figures; 查看历史 → the monthly figures', async () => {
    const period = prevPeriod(reportingPeriod(now, DEFAULT_CONFIG.deadlineDay));
    const target = store.projects.list().find((p) => p.name === '衡水湖生态修复工程')!;
    expect(target).toBeDefined();
    const [reply] = await pg.ask('衡水湖生态修复工程进展怎么样');
    const card = cardOf(reply);
    expect(card.fallbackText).toContain('衡水湖生态修复工程');
    const state = store.projectStates(period).find((s) => s.project.code === target.code)!;
    const score = scoreProject({ project: state.project, reports: state.reports.filter((r) => r.period <= period) }, period, DEFAULT_CONFIG);
    const facts = factsOf(card);
    expect(facts['完成率 / 序时进度']).toBe(`${formatPercent(score.investmentRate)} / ${formatPercent(score.scheduleRate)}`);
    expect(facts['年度计划投资']).toBe(formatAmount(target.annualPlan));

    const history = card.actions.find((a: any) => a.data?.verb === 'history');
    expect(history.title).toBe('查看历史');
    const [after] = await pg.submit(reply, history.data);
    const text = cardOf(after).fallbackText as string;
    expect(text).toContain('衡水湖生态修复工程 · 月度投资');
    expect(text).toContain(`${period} |`);
  });

  it('an ambiguous name → a choice card; pressing a choice opens that project', async () => {
    const [choice] = await pg.ask('衡水湖');
    const card = cardOf(choice);
    expect(card.fallbackText).toMatch(/有 \d+ 个项目与“衡水湖”相符/);
    const first = card.actions[0];
    const [project] = await pg.submit(choice, first.data);
    expect(cardOf(project).fallbackText).toContain(store.projects.get(first.data.code)!.name);
  });

  it('the searchProject message extension returns project cards', async () => {
    const res = await pg.invoke('composeExtension/query', { commandId: 'searchProject', parameters: [{ name: 'query', value: '衡水湖' }], queryOptions: { skip: 0, count: 10 } });
    const titles = res.composeExtension.attachments.map((a: any) => a.preview.content.title);
    expect(titles.length).toBeGreaterThan(1);
    for (const t of titles) expect(t).toContain('衡水湖');
    expect(res.composeExtension.attachments[0].contentType).toBe(ADAPTIVE);
  });
});
