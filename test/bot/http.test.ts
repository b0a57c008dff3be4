// The bot over real HTTP: createApp (server/app.ts) on 127.0.0.1:0 with a temp SQLite file seeded
// with the demo city; activities posted with deliveryMode "expectReplies"; the figures in the
// cards checked against core's own scoreProject / rankCounties for the same data.
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
import { commendations, rankCounties } from '../../core/rank';
import { colourCounts, scoreAll, scoreProject } from '../../core/score';
import { colourLabel } from '../../bot/cards/common';
import type { ProjectState } from '../../core/types';
import { createBot } from '../../bot/index';
import { createApp } from '../../server/app';
import { seedDemo } from '../../server/demo/seed';
import { Store } from '../../server/store/store';
import { cardOf, factsOf, readable } from './fixture';

const NOW = new Date('2026-09-15T02:00:00Z');
const logger = pino({ level: 'silent' });

async function listen(app: ReturnType<typeof createApp>): Promise<{ server: Server; base: string }> {
  const server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function activity(text: string | undefined, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: `act-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    locale: 'zh-CN',
    from: { id: 'user-1', name: '测试用户' },
    recipient: { id: 'bot', name: 'bot' },
    conversation: { id: 'conv-http' },
    ...(text === undefined ? {} : { text }),
    ...extra,
  };
}

let dir: string;
let store: Store;
let server: Server;
let base: string;
let period: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'keyproj-bot-http-'));
  store = Store.open(join(dir, 'demo.db'), { config: DEFAULT_CONFIG });
  seedDemo(store, NOW);
  // Open mode (BOT_ID unset): anonymous callers are city-wide viewers.
  const bot = createBot({ store, config: DEFAULT_CONFIG, logger, env: {}, now: () => NOW });
  ({ server, base } = await listen(createApp({ store, config: DEFAULT_CONFIG, logger, env: {}, bot })));
  period = prevPeriod(reportingPeriod(NOW, DEFAULT_CONFIG.deadlineDay));
});

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function post(body: unknown): Promise<{ status: number; activities: any[] }> {
  const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, activities: text ? (JSON.parse(text).activities ?? []) : [] };
}

const asOf = (s: ProjectState): ProjectState => ({ project: s.project, reports: s.reports.filter((r) => r.period <= period) });

describe('bot over HTTP with the demo city', () => {
  it('a project question returns the card with core’s figures for that project', async () => {
    const states = store.projectStates(period).map(asOf);
    // A project under construction whose name no other project contains.
    const target = states.find((s) => s.project.list === '在建' && s.reports.length > 3 && states.filter((o) => o.project.name.includes(s.project.name)).length === 1)!;
    expect(target).toBeDefined();
    const { status, activities } = await post(activity(`${target.project.name}进展怎么样`));
    expect(status).toBe(200);
    expect(activities).toHaveLength(1);
    const card = cardOf(activities[0])!;
    const facts = factsOf(card);
    const score = scoreProject(target, period, DEFAULT_CONFIG);
    const ytd = target.reports.find((r) => r.period === period)?.ytdInvest;
    expect(readable(activities[0])).toContain(target.project.name);
    expect(facts['原因']).toBe(score.reason.replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`));
    expect(facts['本年累计完成投资']).toBe(formatAmount(ytd));
    expect(facts['年度计划投资']).toBe(formatAmount(target.project.annualPlan));
    expect(facts['完成率 / 序时进度']).toBe(`${formatPercent(score.investmentRate)} / ${formatPercent(score.scheduleRate)}`);
    expect(readable(activities[0])).toContain(`${period} 数据`);
  });

  it('a county ranking matches core’s rankCounties', async () => {
    const states = store.projectStates(period).map(asOf);
    const ranking = rankCounties(states, period, DEFAULT_CONFIG);
    const { activities } = await post(activity('桃城区本月排名'));
    const facts = factsOf(cardOf(activities[0]));
    const mine = ranking.find((r) => r.county === '桃城区')!;
    expect(facts['综合排名']).toBe(`第 ${mine.rank} 名 / 共 ${ranking.length} 个`);
    expect(facts['完成投资']).toBe(`${formatAmount(mine.indicators.investment)}（第 ${mine.ranks.investment} 名）`);
  });

  it('the city overview’s project count, colour counts and leading counties are core’s', async () => {
    const states = store.projectStates(period).map(asOf);
    const counts = colourCounts(scoreAll(states, period, DEFAULT_CONFIG));
    const ranking = rankCounties(states, period, DEFAULT_CONFIG);
    const { commended } = commendations(ranking, DEFAULT_CONFIG);
    const { activities } = await post(activity('全市总体情况'));
    const card = cardOf(activities[0])!;
    const facts = factsOf(card);
    expect(facts['项目总数']).toBe(String(states.length));
    expect(facts['四色分布']).toBe((['green', 'white', 'yellow', 'red'] as const).map((c) => `${colourLabel(c, 'zh-CN')} ${counts[c]}`).join('  '));
    const table = (card.body as any[]).find((b) => b.type === 'Table');
    const shown = table.rows.slice(1).map((r: any) => r.cells[1].items[0].text);
    expect(shown).toEqual(ranking.filter((r) => commended.includes(r.county)).sort((a, b) => a.rank - b.rank).map((r) => r.county));
  });

  it('a card button press over HTTP (history) lists the months of the year', async () => {
    const code = store.projects.list({ county: '安平县' }).find((p) => p.list === '在建')!.code;
    const { activities } = await post(activity(undefined, { value: { verb: 'history', code } }));
    const text = readable(activities[0]);
    expect(text).toContain('月度投资');
    expect(text).toContain(`${period} |`);
  });

  it('the message extension query answers as an invoke response', async () => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity(undefined), deliveryMode: undefined, type: 'invoke', name: 'composeExtension/query', value: { commandId: 'searchProject', parameters: [{ name: 'query', value: '衡水湖' }], queryOptions: { skip: 0, count: 5 } } }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    const titles = body.composeExtension.attachments.map((a: any) => a.preview.content.title);
    expect(titles.length).toBeGreaterThan(1);
    for (const t of titles) expect(t).toContain('衡水湖');
  });
});

describe('authentication', () => {
  it('with BOT_ID set, an unauthenticated POST /api/messages gets 401', async () => {
    const env = { BOT_ID: '5f1b2a3c-0000-4000-8000-000000000001', BOT_PASSWORD: 'not-a-real-secret' };
    const bot = createBot({ store, config: DEFAULT_CONFIG, logger, env, now: () => NOW });
    const { server: s, base: b } = await listen(createApp({ store, config: DEFAULT_CONFIG, logger, env, bot }));
    try {
      const res = await fetch(`${b}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity('帮助')) });
      expect(res.status).toBe(401);
      const forged = await fetch(`${b}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer abc.def.ghi' }, body: JSON.stringify(activity('帮助')) });
      expect(forged.status).toBe(401);
    } finally {
      await new Promise((r) => s.close(r));
    }
  });
});
