// 催报 reaches the county's staff: the bot posts the reminder, proactively through the real
// TeamsAdapter, into every conversation subscribed to that county. The Bot Connector is a local
// HTTP server that records what it receives (one of them refuses with 500).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixture, send, subscriptionsOf, type Fixture } from './fixture';

interface Post {
  path: string;
  body: any;
}

async function connector(status: number): Promise<{ url: string; posts: Post[]; server: Server }> {
  const posts: Post[] = [];
  const read = (req: IncomingMessage) => new Promise<string>((r) => {
    let s = '';
    req.on('data', (c) => (s += c));
    req.on('end', () => r(s));
  });
  const server = createServer(async (req, res) => {
    const body = await read(req);
    posts.push({ path: req.url ?? '', body: body ? JSON.parse(body) : null });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(status < 300 ? JSON.stringify({ id: `sent-${posts.length}` }) : JSON.stringify({ error: { code: 'ServiceError', message: 'down' } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, posts, server };
}

let f: Fixture;
let ok: Awaited<ReturnType<typeof connector>>;
let down: Awaited<ReturnType<typeof connector>>;

function subscribe(conversationId: string, scope: string, serviceUrl: string) {
  const subs = subscriptionsOf(f);
  subs.saveReference({
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: conversationId, isGroup: true, conversationType: 'channel', name: conversationId },
    bot: { id: 'bot-1', name: 'bot' },
  });
  subs.subscribe(conversationId, scope, { actor: 'test' });
}

beforeAll(async () => {
  f = makeFixture();
  ok = await connector(200);
  down = await connector(500);
  subscribe('19:taocheng-staff@thread.tacv2', '桃城区', ok.url);
  subscribe('19:taocheng-office@thread.tacv2', '桃城区', down.url);
  subscribe('19:jingxian@thread.tacv2', '景县', ok.url);
  subscribe('19:city@thread.tacv2', '全市', ok.url);
});
afterAll(async () => {
  for (const c of [ok, down]) await new Promise((r) => c?.server.close(r));
  f.close();
});

// Messages only: teams-ai shows "typing" while the posts are under way.
const press = async (county: string, who: 'leader' | 'admin' | 'viewer' = 'leader') =>
  (await send(f, { text: undefined, value: { verb: 'nudge', county } }, who)).filter((a) => a.type === 'message');

describe('催报 to the county’s subscribed conversations', () => {
  it('posts the reminder to each conversation subscribed to the county, says where it went, audits it', async () => {
    const replies = await press('桃城区');
    expect(replies[0].text).toContain('【催报】桃城区还有 1 个重点项目未报送 2026-04 月度进展：桃城区老白干酒厂片区更新');
    expect(replies[1].text).toBe('已同时发送到 1 个订阅了桃城区提醒的会话。另有 1 个会话发送失败，请稍后再试。');

    // Exactly one post reached the working connector: to the 桃城区 staff channel, with the same text.
    expect(ok.posts).toHaveLength(1);
    expect(decodeURIComponent(ok.posts[0].path)).toMatch(/^\/v3\/conversations\/19:taocheng-staff@thread\.tacv2\/activities/);
    expect(ok.posts[0].body).toMatchObject({ type: 'message', text: replies[0].text, textFormat: 'plain' });
    expect(down.posts.length).toBeGreaterThan(0);

    const [row] = f.store.audit.list({ entity: 'nudge' });
    expect(row).toMatchObject({ actor: '赵志刚', key: '桃城区@2026-04' });
    expect(row.after).toMatchObject({ sentTo: ['19:taocheng-staff@thread.tacv2'], failed: ['19:taocheng-office@thread.tacv2'] });
  });

  it('a county without subscribed conversations: the text stays here, with how to subscribe', async () => {
    ok.posts.length = 0;
    const replies = await press('冀州区', 'admin');
    expect(replies[0].text).toContain('【催报】冀州区');
    expect(replies[1].text).toContain('冀州区还没有订阅提醒的会话');
    expect(replies[1].text).toContain('订阅提醒 冀州区');
    expect(ok.posts).toHaveLength(0);
  });

  it('a viewer’s press sends nothing anywhere', async () => {
    ok.posts.length = 0;
    const before = f.store.audit.list({ entity: 'nudge' }).length;
    const [r] = await press('桃城区', 'viewer');
    expect(r.text).toContain('只有管理员和领导可以催报');
    expect(ok.posts).toHaveLength(0);
    expect(f.store.audit.list({ entity: 'nudge' })).toHaveLength(before);
  });
});
