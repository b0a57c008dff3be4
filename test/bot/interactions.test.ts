// Buttons, identity and scope, subscriptions, install, message extension, errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { AAD, cardOf, makeFixture, PROJECTS, readable, say, send, subscriptionsOf, type Fixture } from './fixture';

let f: Fixture;
beforeAll(() => {
  f = makeFixture();
});
afterAll(() => f.close());

const press = (data: Record<string, unknown>, who: keyof typeof AAD = 'leader') => send(f, { text: undefined, value: data }, who);

describe('card buttons', () => {
  it('a choice button opens the exact project', async () => {
    const [r] = await press({ verb: 'project', code: PROJECTS[1].code });
    expect(readable(r)).toContain('衡水湖湿地公园提升工程');
    expect(readable(r)).toContain('黄');
  });

  it('查看历史 shows the monthly figures of the year', async () => {
    const [r] = await press({ verb: 'history', code: PROJECTS[0].code });
    const text = readable(r);
    expect(text).toContain('衡水湖生态修复工程 · 月度投资');
    expect(text).toMatch(/2026-01 \| 1,200\.00 \| 1,200\.00/);
    expect(text).toMatch(/2026-03 \| 1,200\.00 \| 3,600\.00/);
  });

  it('查看问题 shows the project’s problems, overdue first', async () => {
    const [r] = await press({ verb: 'problems', code: PROJECTS[0].code });
    const text = readable(r);
    expect(text.indexOf('湖区征地补偿未落实')).toBeLessThan(text.indexOf('环评批复待取得'));
    expect(text).toContain('发现问题 2 处');
  });

  it('a button answers in the language of its card, whatever the client locale', async () => {
    const [en] = await send(f, { value: { verb: 'history', code: PROJECTS[0].code, lang: 'en' } }, 'leader');
    expect(readable(en)).toContain('monthly investment');
    const [zh] = await send(f, { locale: 'en-US', value: { verb: 'history', code: PROJECTS[0].code, lang: 'zh-CN' } }, 'leader');
    expect(readable(zh)).toContain('月度投资');
  });

  it('下一页 repeats the list query', async () => {
    const [r] = await press({ verb: 'page', kind: 'missing', page: 0 });
    expect(readable(r)).toContain('月报未报项目');
    const [bad] = await press({ verb: 'page', kind: 'bogus', page: 1 });
    expect(bad.text).toContain('这个按钮已失效');
  });

  it('催报 by a leader: posts the reminder text and records an audit row', async () => {
    const before = f.store.audit.list({ entity: 'nudge' }).length;
    const [r] = await press({ verb: 'nudge', county: '桃城区' }, 'leader');
    expect(r.text).toContain('【催报】桃城区还有 1 个重点项目未报送 2026-04 月度进展：桃城区老白干酒厂片区更新');
    expect(r.text).toContain('2026-05-05');
    expect(r.textFormat).toBe('plain');
    const rows = f.store.audit.list({ entity: 'nudge' });
    expect(rows.length).toBe(before + 1);
    expect(rows[0]).toMatchObject({ actor: '赵志刚', key: '桃城区@2026-04' });
  });

  it('the project card offers 催报 only to those who may', async () => {
    const verbs = async (who: 'admin' | 'leader' | 'staff' | 'viewer', code: string) => (cardOf((await press({ verb: 'project', code }, who))[0])!.actions as any[]).map((a) => a.data.verb);
    expect(await verbs('admin', PROJECTS[3].code)).toEqual(['problems', 'history', 'nudge']);
    expect(await verbs('leader', PROJECTS[3].code)).toEqual(['problems', 'history', 'nudge']);
    expect(await verbs('staff', PROJECTS[3].code)).toEqual(['problems', 'history']);
    expect(await verbs('viewer', PROJECTS[3].code)).toEqual(['problems', 'history']);
  });

  it('催报 by staff or a viewer is politely refused and records nothing', async () => {
    const before = f.store.audit.list({ entity: 'nudge' }).length;
    for (const who of ['staff', 'viewer'] as const) {
      const [r] = await press({ verb: 'nudge', county: '桃城区' }, who);
      expect(r.text).toContain('只有管理员和领导可以催报');
    }
    expect(f.store.audit.list({ entity: 'nudge' }).length).toBe(before);
  });

  it('催报 of a county whose reports are all in says so', async () => {
    const [r] = await press({ verb: 'nudge', county: '景县' }, 'admin');
    expect(r.text).toContain('景县2026-04 的月报已全部报送');
  });
});

describe('identity and scope', () => {
  it('an unknown caller is told how to be added, with their id', async () => {
    const [r] = await say(f, '全市总体情况', 'stranger');
    expect(r.text).toContain('keyproj user add');
    expect(r.text).toContain(AAD.stranger);
    expect(r.attachments ?? []).toHaveLength(0);
  });

  it('staff see only their county', async () => {
    const [other] = await say(f, '衡水湖生态修复工程', 'staff');
    expect(readable(other)).toContain('没有找到'); // not even its name leaks
    expect(readable(other)).not.toContain('滨湖新区');
    const [own] = await say(f, '中华大街改造', 'staff');
    expect(readable(own)).toContain('桃城区中华大街改造工程');
    const [county] = await say(f, '冀州区情况', 'staff');
    expect(county.text).toContain('您只能查看桃城区');
    const [red] = await say(f, '哪些项目是红色的', 'staff');
    expect(readable(red)).toContain('桃城区红色项目');
    expect(readable(red)).not.toContain('冀州区智能制造产业基地');
    const [overview] = await say(f, '全市总体情况', 'staff');
    expect(readable(overview)).toContain('桃城区 · 2026-03 排名');
    const [byButton] = await press({ verb: 'project', code: PROJECTS[0].code }, 'staff');
    expect(byButton.text).toContain('您只能查看桃城区');
  });

  it('open mode (no BOT_ID): unknown callers read the whole city as viewers, but cannot nudge', async () => {
    const open = makeFixture({ KEYPROJ_BOT_OPEN: undefined });
    try {
      const [r] = await say(open, '全市总体情况', 'stranger');
      expect(readable(r)).toContain('衡水市 重点项目总体情况');
      const [n] = await send(open, { value: { verb: 'nudge', county: '桃城区' } }, 'stranger');
      expect(n.text).toContain('只有管理员和领导可以催报');
    } finally {
      open.close();
    }
  });
});

describe('subscriptions (SPEC §6 commands)', () => {
  const conv = (id: string): Partial<Activity> => ({ conversation: { id, isGroup: true, conversationType: 'channel', name: 'ch' } as any });

  it('订阅提醒 桃城区 → confirmation card and a stored subscription', async () => {
    const [r] = await say(f, '订阅提醒 桃城区', 'leader', conv('c-sub-1'));
    expect(readable(r)).toContain('已订阅每周提醒');
    expect(readable(r)).toContain('每周一 09:00');
    expect(subscriptionsOf(f).get('c-sub-1')).toMatchObject({ scope: '桃城区' });
    expect(subscriptionsOf(f).get('c-sub-1')!.reference.serviceUrl).toBe('https://smba.example/');
  });

  it('订阅提醒 全市, 提醒设置, 取消订阅', async () => {
    await say(f, '訂閱提醒 全市', 'admin', conv('c-sub-2'));
    expect(subscriptionsOf(f).get('c-sub-2')!.scope).toBe('全市');
    const [s] = await say(f, '提醒设置', 'admin', conv('c-sub-2'));
    expect(readable(s)).toContain('范围：全市');
    const [u] = await say(f, '取消订阅', 'admin', conv('c-sub-2'));
    expect(u.text).toContain('已取消');
    expect(subscriptionsOf(f).get('c-sub-2')).toBeUndefined();
    const [again] = await say(f, '取消订阅', 'admin', conv('c-sub-2'));
    expect(again.text).toContain('没有订阅');
  });

  it('an unknown county or a staff member subscribing elsewhere is refused', async () => {
    const [bad] = await say(f, '订阅提醒 北京市', 'admin', conv('c-sub-3'));
    expect(bad.text).toContain('“北京市”不是已配置的县市区');
    const [staff] = await say(f, '订阅提醒 冀州区', 'staff', conv('c-sub-3'));
    expect(staff.text).toContain('只能订阅本县市区（桃城区）');
    expect(subscriptionsOf(f).get('c-sub-3')).toBeUndefined();
  });

  it('every message saves the conversation reference', async () => {
    await say(f, '帮助', 'viewer', conv('c-ref-1'));
    expect(subscriptionsOf(f).reference('c-ref-1')).toMatchObject({ conversation: { id: 'c-ref-1' }, serviceUrl: 'https://smba.example/' });
  });
});

describe('install, message extension, errors', () => {
  it('the bot joining a conversation → welcome card', async () => {
    const r = await send(f, { type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'bot-1', name: 'bot' }], conversation: { id: 'c-install' } as any });
    expect(readable(r[0])).toContain('重点项目台账助手');
    expect(subscriptionsOf(f).reference('c-install')).toBeDefined();
    const other = await send(f, { type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'someone-else', name: 'x' }] });
    expect(other).toHaveLength(0);
  });

  it('searchProject query returns project cards with thumbnail previews', async () => {
    const r = await send(f, { type: 'invoke', name: 'composeExtension/query', text: undefined, value: { commandId: 'searchProject', parameters: [{ name: 'query', value: '衡水湖' }], queryOptions: { skip: 0, count: 10 } } });
    const body = (r.find((a) => a.type === 'invokeResponse')!.value as any).body.composeExtension;
    expect(body.type).toBe('result');
    expect(body.attachments.map((a: any) => a.preview.content.title)).toEqual(['衡水湖生态修复工程', '衡水湖湿地公园提升工程']);
    expect(body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.attachments[0].preview.content.text).toContain('绿');
  });

  it('a failing turn is logged and answered with a short apology, never the error', async () => {
    const broken = makeFixture();
    broken.store.close(); // every query now throws
    try {
      const adapterErrors: string[] = [];
      const r = await (async () => {
        const { TestAdapter } = await import('botbuilder');
        const adapter = new TestAdapter(async (ctx) => broken.bot.app.run(ctx).then(() => undefined));
        adapter.onTurnError = async (ctx, err) => {
          adapterErrors.push(String(err));
          await broken.bot.adapter.onTurnError!(ctx, err);
        };
        await adapter.receiveActivity({ type: 'message', text: '全市总体情况', from: { id: 'u', aadObjectId: AAD.admin }, conversation: { id: 'c-err' } } as any);
        return adapter.activeQueue;
      })();
      expect(adapterErrors.length).toBe(1);
      expect(r).toHaveLength(1);
      expect(r[0].text).toContain('抱歉，处理您的请求时出了点问题');
      expect(r[0].text).not.toMatch(/database|Error|TypeError/i);
    } finally {
      broken.close();
    }
  });
});
