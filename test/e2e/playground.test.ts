// End to end through the real Microsoft 365 Agents Playground: the service (createApp + createBot
// on a temp SQLite file seeded with the demo city) on 127.0.0.1, the Playground as a child
// process pointed at it; install, a status question, a card button, a message-extension query,
// and a leader (mapped by aadObjectId) recording a problem and moving its status from the card.
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
import { Users } from '../../server/store/users';
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

  // Last: it makes the Playground's user a leader. The Playground sends its mock user's
  // aadObjectId, which the bot maps to that user of the service.
  it('a leader records a problem from the problems card and moves it to 解决中; both are stored with who', async () => {
    const me = pg.config.currentUser;
    new Users(store.db).add({ name: '测试市领导', role: 'leader', aadObjectId: me.aadObjectId });
    const target = store.projects.list().find((p) => p.name === '衡水湖生态修复工程')!;
    const [status] = await pg.ask('衡水湖生态修复工程进展怎么样');
    const show = cardOf(status).actions.find((a: any) => a.data?.verb === 'problems');
    const [list] = await pg.submit(status, show.data);
    const form = cardOf(list).actions.find((a: any) => a.type === 'Action.ShowCard');
    expect(form.title).toBe('新增问题');
    const save = form.card.actions[0];
    expect(save.data).toMatchObject({ verb: 'addProblem', code: target.code });
    // What Teams sends when the form is filled: the submit's data plus the inputs by id.
    const description = 'E2E：施工便道占用林地手续未办';
    const deadline = form.card.body.find((b: any) => b.id === 'deadline').value;
    const [done, refreshed] = await pg.submit(list, { ...save.data, description, unit: '', deadline });
    expect(done.text).toMatch(/^已登记问题 #\d+：/);
    expect(done.text).toContain(`：${description}（衡水湖生态修复工程；责任单位 ${target.unit}；限 ${deadline} 前办结）。登记人：测试市领导`);
    const created = store.problems.list({ projectCode: target.code }).find((p) => p.description === description)!;
    expect(created).toMatchObject({ status: '待解决', createdBy: '测试市领导', deadline });

    const buttons: any[] = [];
    const walk = (v: any) => (Array.isArray(v) ? v.forEach(walk) : v && typeof v === 'object' && (v.data?.verb === 'problemStatus' && v.data.id === created.id && buttons.push(v), Object.values(v).forEach(walk)));
    walk(cardOf(refreshed));
    expect(buttons.map((b) => b.data.to)).toEqual(['解决中', '已解决']);
    const [moved] = await pg.submit(refreshed, { ...buttons[0].data, [`note-${created.id}`]: '已约林业局现场办公' });
    expect(moved.text).toContain(`问题 #${created.id}（${description}）已由“待解决”改为“解决中”`);
    expect(store.problems.history(created.id).at(-1)).toMatchObject({ actor: '测试市领导', from: '待解决', to: '解决中', note: '已约林业局现场办公' });
  });
});
