// A small, hand-made city for the bot tests: a temp SQLite store with a few projects whose
// colours are easy to reason about, three users, two problems — and two projects whose names
// are attacks on the card renderer. The clock is pinned to 2026-04-20 (reporting April,
// figures of March).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { TestAdapter } from 'botbuilder';
import type { Activity } from 'botbuilder';
import { DEFAULT_CONFIG } from '../../core/config';
import type { LedgerValues } from '../../core/types';
import { Store } from '../../server/store/store';
import { Users } from '../../server/store/users';
import { Subscriptions } from '../../server/store/subscriptions';
import { createBot, type Bot } from '../../bot/index';

export const NOW = new Date('2026-04-20T02:00:00Z');
export const XSS_IMG = '<img src=x onerror=alert(1)>';
export const XSS_LINK = '**[x](http://evil)**';
export const AAD = {
  admin: '11111111-1111-1111-1111-111111111111',
  staff: '22222222-2222-2222-2222-222222222222',
  leader: '33333333-3333-3333-3333-333333333333',
  viewer: '44444444-4444-4444-4444-444444444444',
  stranger: '99999999-9999-9999-9999-999999999999',
};

interface P {
  code: string;
  name: string;
  county: string;
  list?: '在建' | '拟新开工' | '储备';
  plan: number;
  leader: string;
  /** Monthly investment Jan, Feb, Mar (, Apr); undefined = no report that month. */
  months: (number | undefined)[];
  plannedStart?: string;
}

export const PROJECTS: P[] = [
  { code: '2025-131172-48-01-000001', name: '衡水湖生态修复工程', county: '滨湖新区', plan: 12000, leader: '赵志刚', months: [1200, 1200, 1200] },
  { code: '2025-131172-48-01-000002', name: '衡水湖湿地公园提升工程', county: '滨湖新区', plan: 5000, leader: '李明', months: [200, 100, 100] },
  { code: '2025-131103-39-01-000003', name: '冀州区智能制造产业基地', county: '冀州区', plan: 20000, leader: '赵志刚', months: [1500, 0, 0] },
  { code: '2025-131102-48-01-000004', name: '桃城区中华大街改造工程', county: '桃城区', plan: 8000, leader: '王芳', months: [600, 700, 700, 800] },
  { code: '2025-131102-48-01-000005', name: '桃城区老白干酒厂片区更新', county: '桃城区', plan: 6000, leader: '王芳', months: [500, 500, undefined] },
  { code: '2025-131121-39-01-000006', name: XSS_IMG, county: '枣强县', plan: 4000, leader: XSS_LINK, months: [300, 300, 400] },
  { code: '2025-131121-39-01-000007', name: XSS_LINK, county: '枣强县', plan: 4000, leader: '钱七', months: [100, 100, 100] },
  { code: '2026-131125-39-01-000008', name: '安平县丝网产业园二期', county: '安平县', list: '拟新开工', plan: 3000, leader: '孙八', months: [], plannedStart: '2026-06' },
];

function row(p: P, period: string, idx: number): LedgerValues {
  const months = p.months.slice(0, idx + 1);
  const ytd = months.reduce((s: number, m) => s + (m ?? 0), 0);
  const started = (p.list ?? '在建') === '在建';
  return {
    code: p.code, name: p.name, county: p.county, list: p.list ?? '在建', level: '市重点', sector: '其他', owner: '建设单位',
    total: p.plan * 3, annualPlan: p.plan, plannedStart: p.plannedStart ?? '2025-03', plannedEnd: '2027-12', leader: p.leader,
    unit: `${p.county}发改局`, stage: started ? '在建' : '前期', approvals: ['立项'],
    ...(started ? { actualStart: '2025-03', monthInvest: p.months[idx] ?? 0, ytdInvest: ytd, cumInvest: ytd + 5000, progress: 10 + idx * 5 } : {}),
  };
}

export interface Fixture {
  store: Store;
  bot: Bot;
  dir: string;
  close(): void;
}

export function makeFixture(env: Record<string, string | undefined> = {}): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'keyproj-bot-'));
  const store = Store.open(join(dir, 'test.db'), { config: DEFAULT_CONFIG });
  for (const [i, period] of ['2026-01', '2026-02', '2026-03', '2026-04'].entries()) {
    const rows = PROJECTS.filter((p) => (p.list === '拟新开工' ? i === 0 : i < p.months.length && p.months[i] !== undefined)).map((p) => row(p, period, i));
    store.importLedger(rows, period, 'fixture', { at: `${period}-28T08:00:00Z` });
  }
  const ctx = { actor: 'fixture', at: '2026-02-01T00:00:00Z' };
  store.problems.create({ projectCode: PROJECTS[0].code, description: '湖区征地补偿未落实', unit: '滨湖新区管委会', foundOn: '2026-02-01', deadline: '2026-03-31' }, ctx);
  store.problems.create({ projectCode: PROJECTS[0].code, description: '环评批复待取得', unit: '市生态环境局', foundOn: '2026-04-01', deadline: '2026-05-31' }, ctx);
  store.problems.create({ projectCode: PROJECTS[3].code, description: '管线迁改滞后', unit: '桃城区住建局', foundOn: '2026-03-01', deadline: '2026-04-10' }, ctx);
  const users = new Users(store.db);
  users.add({ name: '管理员', role: 'admin', aadObjectId: AAD.admin });
  users.add({ name: '桃城填报员', role: 'staff', county: '桃城区', aadObjectId: AAD.staff });
  users.add({ name: '赵志刚', role: 'leader', leaderName: '赵志刚', aadObjectId: AAD.leader });
  users.add({ name: '查看员', role: 'viewer', aadObjectId: AAD.viewer });
  const bot = createBot({ store, config: DEFAULT_CONFIG, logger: pino({ level: 'silent' }), env: { KEYPROJ_BOT_OPEN: '0', ...env }, now: () => NOW });
  return {
    store,
    bot,
    dir,
    close() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const subscriptionsOf = (f: Fixture) => new Subscriptions(f.store.db);

/** Sends one activity through botbuilder's TestAdapter into app.run and returns what the bot sent. */
export async function send(f: Fixture, activity: Partial<Activity>, who: keyof typeof AAD = 'leader'): Promise<Partial<Activity>[]> {
  const adapter = new TestAdapter(async (ctx) => {
    await f.bot.app.run(ctx);
  });
  await adapter.receiveActivity({
    type: 'message',
    channelId: 'msteams',
    locale: 'zh-CN',
    from: { id: `user-${who}`, name: who, aadObjectId: AAD[who] },
    conversation: { id: 'conv-1', isGroup: false, conversationType: 'personal', name: 'test' },
    recipient: { id: 'bot-1', name: 'bot' },
    serviceUrl: 'https://smba.example/',
    ...activity,
  } as Activity);
  return adapter.activeQueue.splice(0);
}

export const say = (f: Fixture, text: string, who: keyof typeof AAD = 'leader', extra: Partial<Activity> = {}) => send(f, { text, ...extra }, who);

/** The Adaptive Card of a reply (or undefined). */
export function cardOf(a: Partial<Activity> | undefined): Record<string, any> | undefined {
  return a?.attachments?.find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')?.content as Record<string, any> | undefined;
}

/** Everything a user can read in a reply: its text, or its card's fallback text. */
export function readable(a: Partial<Activity> | undefined): string {
  return a?.text ?? (cardOf(a)?.fallbackText as string | undefined) ?? '';
}

/** Every string anywhere in a card (TextBlock texts, fact values, button titles). */
export function cardStrings(card: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(card);
  return out;
}

/** Facts of a card's FactSets as {title: value}. */
export function factsOf(card: Record<string, any> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (v: any) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (v.type === 'FactSet') for (const f of v.facts) out[f.title] = f.value;
      Object.values(v).forEach(walk);
    }
  };
  walk(card);
  return out;
}
