// The problems card as a place to work: recording a problem and moving its status, through
// botbuilder's TestAdapter into app.run on the real SQLite store. The store enforces core's flow;
// the bot decides who may, reads the card's inputs and shows who changed what, and when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSITIONS } from '../../core/problems';
import { localDate, localDateTime } from '../../core/periods';
import type { ProblemStatus } from '../../core/types';
import { AAD, cardOf, cardStrings, makeFixture, NOW, PROJECTS, readable, send, XSS_IMG, XSS_LINK, type Fixture } from './fixture';

let f: Fixture;
beforeAll(() => {
  f = makeFixture();
});
afterAll(() => f.close());

type Who = keyof typeof AAD;
const press = (data: Record<string, unknown>, who: Who = 'leader') => send(f, { text: undefined, value: data }, who);
const LAKE = PROJECTS[0]; // 滨湖新区, two open problems in the fixture
const STREET = PROJECTS[3]; // 桃城区, one overdue problem
const TZ = 'Asia/Shanghai';

/** Every node of a card (nested ShowCard cards included) with a given type. */
function nodes(card: unknown, type: string): any[] {
  const out: any[] = [];
  const walk = (v: any) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (v.type === type) out.push(v);
      Object.values(v).forEach(walk);
    }
  };
  walk(card);
  return out;
}

const addForm = (card: any) => (card.actions ?? []).find((a: any) => a.type === 'Action.ShowCard' && a.card.actions[0].data.verb === 'addProblem');
/** The status buttons under each problem: {id → [to…]}. */
function statusButtons(card: any): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const s of nodes(card, 'Action.Submit').filter((x) => x.data?.verb === 'problemStatus')) (out[s.data.id] ??= []).push(s.data.to);
  return out;
}

describe('the problems card offers editing to those who may', () => {
  it('a leader sees 新增问题 (description, unit, deadline → Action.Submit) and each problem’s allowed next statuses', async () => {
    const [r] = await press({ verb: 'problems', code: LAKE.code });
    const card = cardOf(r)!;
    const form = addForm(card);
    expect(form.title).toBe('新增问题');
    const inputs = form.card.body.map((b: any) => [b.type, b.id, b.isRequired ?? false]);
    expect(inputs).toEqual([['Input.Text', 'description', true], ['Input.Text', 'unit', false], ['Input.Date', 'deadline', true]]);
    expect(form.card.body[1].value).toBe(f.store.projects.get(LAKE.code)!.unit);
    expect(form.card.body[2].value).toBe(localDate(new Date(NOW.getTime() + 30 * 86_400_000), TZ));
    expect(form.card.actions[0]).toMatchObject({ type: 'Action.Submit', data: { verb: 'addProblem', code: LAKE.code, lang: 'zh-CN' } });

    const open = f.store.problems.list({ projectCode: LAKE.code, open: true });
    const buttons = statusButtons(card);
    for (const p of open) expect(buttons[p.id]).toEqual([...TRANSITIONS[p.status]]);
    // Who and when of the last change, in city time.
    expect(readable(r)).toContain(`（fixture，${localDateTime(new Date(open[0].updatedAt), TZ)}）`);
  });

  it.each<[Who, string]>([
    ['viewer', LAKE.code],
    ['staff', STREET.code],
  ])('%s: %s', async (who, code) => {
    const [r] = await press({ verb: 'problems', code }, who);
    const card = cardOf(r)!;
    if (who === 'viewer') {
      expect(addForm(card)).toBeUndefined();
      expect(nodes(card, 'Action.ShowCard')).toHaveLength(0);
      expect(statusButtons(card)).toEqual({});
      expect(readable(r)).toContain('湖区征地补偿未落实');
    } else {
      // Staff of 桃城区 on a 桃城区 project: may add and move.
      expect(addForm(card)).toBeDefined();
      const p = f.store.problems.list({ projectCode: STREET.code })[0];
      expect(statusButtons(card)[p.id]).toEqual([...TRANSITIONS[p.status]]);
    }
  });

  it('staff reading the whole city’s list get buttons only on their county’s problems', async () => {
    const [r] = await press({ verb: 'problems' }, 'admin');
    const adminButtons = Object.keys(statusButtons(cardOf(r))).length;
    expect(adminButtons).toBe(f.store.problems.list({ open: true }).length);
    const [staff] = await press({ verb: 'problems', county: '桃城区' }, 'staff');
    const ids = Object.keys(statusButtons(cardOf(staff))).map(Number);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(f.store.projects.get(f.store.problems.get(id)!.projectCode)!.county).toBe('桃城区');
  });
});

describe('recording a problem', () => {
  const form = (extra: Record<string, unknown> = {}) => ({ verb: 'addProblem', code: LAKE.code, description: '施工用电增容未批复', unit: '国网衡水供电公司', deadline: '2026-05-20', ...extra });

  it('a leader records one: stored with who and when, audited, confirmed, and listed with its buttons', async () => {
    const before = f.store.problems.list({ projectCode: LAKE.code }).length;
    const replies = await press(form());
    const created = f.store.problems.list({ projectCode: LAKE.code });
    expect(created).toHaveLength(before + 1);
    const p = created[created.length - 1];
    expect(p).toMatchObject({ description: '施工用电增容未批复', unit: '国网衡水供电公司', deadline: '2026-05-20', foundOn: '2026-04-20', status: '待解决', createdBy: '赵志刚', createdAt: NOW.toISOString() });
    expect(f.store.problems.history(p.id)).toEqual([{ at: NOW.toISOString(), actor: '赵志刚', from: null, to: '待解决' }]);
    const audit = f.store.audit.list({ entity: 'problem', key: String(p.id) });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: '赵志刚', action: 'create' });

    expect(replies[0].text).toBe(`已登记问题 #${p.id}：施工用电增容未批复（衡水湖生态修复工程；责任单位 国网衡水供电公司；限 2026-05-20 前办结）。登记人：赵志刚，${localDateTime(NOW, TZ)}。`);
    const card = cardOf(replies[1])!;
    expect(readable(replies[1])).toContain('施工用电增容未批复');
    expect(statusButtons(card)[p.id]).toEqual(['解决中', '已解决']);
  });

  it('pressing the same form again records nothing new', async () => {
    const before = f.store.problems.list().length;
    const [r] = await press(form());
    expect(r.text).toMatch(/已有相同描述的未解决问题（#\d+，待解决），未重复登记/);
    expect(f.store.problems.list()).toHaveLength(before);
  });

  it('hostile text is stored as typed, confirmed as plain text and escaped in the card', async () => {
    const description = `${XSS_IMG} ${XSS_LINK}`;
    const [done, list] = await press(form({ description, unit: '# 标题' }), 'admin');
    expect(f.store.problems.list({ projectCode: LAKE.code }).some((p) => p.description === description && p.unit === '# 标题')).toBe(true);
    expect(done.textFormat).toBe('plain');
    expect(done.text).toContain(description);
    const shown = cardStrings(cardOf(list)!.body).join('\n');
    expect(shown).toContain('\\<img src=x onerror=alert(1)\\> \\*\\*\\[x\\](http://evil)\\*\\*');
    expect(shown).not.toMatch(/(?<!\\)<img|(?<!\\)\*\*\[/);
  });

  it('the unit defaults to the project’s when left empty', async () => {
    await press(form({ description: '临时道路占用审批慢', unit: '' }), 'admin');
    const p = f.store.problems.list({ projectCode: LAKE.code }).find((x) => x.description === '临时道路占用审批慢')!;
    expect(p.unit).toBe(f.store.projects.get(LAKE.code)!.unit);
    expect(p.createdBy).toBe('管理员');
  });

  it.each([
    ['no description', { description: '   ' }, '“问题描述”不能为空'],
    ['a description too long', { description: '长'.repeat(501) }, '“问题描述”不能为空，最多 500 个字'],
    ['a deadline in the past', { deadline: '2026-04-19' }, '应为今天（2026-04-20）或以后的日期'],
    ['a date that does not exist', { deadline: '2026-02-30' }, '收到的是“2026-02-30”'],
    ['no deadline', { deadline: undefined }, '“限时办结日期”'],
    ['a unit too long', { unit: '单'.repeat(101) }, '“责任单位”最多 100 个字'],
  ])('%s → a Chinese message naming the field, nothing stored', async (_what, extra, message) => {
    const before = f.store.audit.count();
    const [r] = await press(form({ description: '新问题', ...extra }));
    expect(r.text).toContain('未登记');
    expect(r.text).toContain(message);
    expect(f.store.audit.count()).toBe(before);
  });

  it('a viewer, staff of another county, or a press for an unknown project records nothing', async () => {
    const before = f.store.audit.count();
    const [viewer] = await press(form({ description: '查看员伪造' }), 'viewer');
    expect(viewer.text).toContain('只有管理员、领导和本县市区的填报员可以登记或更新问题');
    const [staff] = await press(form({ description: '跨县登记' }), 'staff');
    expect(staff.text).toContain('您只能查看桃城区的项目和数据');
    const [gone] = await press(form({ code: '2099-000000-00-00-000000' }));
    expect(gone.text).toContain('没有找到项目代码为 2099-000000-00-00-000000 的项目');
    expect(f.store.audit.count()).toBe(before);
  });

  it('in open mode an unknown caller (a guest viewer) sees no form and cannot record', async () => {
    const open = makeFixture({ KEYPROJ_BOT_OPEN: '1' });
    try {
      const [list] = await send(open, { value: { verb: 'problems', code: LAKE.code } }, 'stranger');
      expect(nodes(cardOf(list), 'Action.ShowCard')).toHaveLength(0);
      const before = open.store.audit.count();
      const [r] = await send(open, { value: form({ description: '访客登记' }) }, 'stranger');
      expect(r.text).toContain('只有管理员、领导和本县市区的填报员可以登记或更新问题');
      expect(open.store.audit.count()).toBe(before);
    } finally {
      open.close();
    }
  });

  it('staff record a problem on their own county’s project', async () => {
    await press({ verb: 'addProblem', code: STREET.code, description: '雨污分流施工围挡审批', unit: '', deadline: '2026-06-30' }, 'staff');
    expect(f.store.problems.list({ projectCode: STREET.code }).map((p) => [p.description, p.createdBy])).toContainEqual(['雨污分流施工围挡审批', '桃城填报员']);
  });
});

describe('moving a problem along 待解决 → 解决中 → 已解决 → 已销号', () => {
  let id: number;
  beforeAll(() => {
    id = f.store.problems.create({ projectCode: STREET.code, description: '拆迁户安置房源不足', unit: '桃城区住建局', foundOn: '2026-04-01', deadline: '2026-06-30' }, { actor: 'fixture', at: '2026-04-01T00:00:00Z' }).id;
  });
  const move = (to: string, who: Who = 'staff', extra: Record<string, unknown> = {}) => press({ verb: 'problemStatus', id, to, ...extra }, who);
  const status = () => f.store.problems.get(id)!.status;

  it('closing out an unresolved problem is refused with the reason, nothing changes', async () => {
    const audit = f.store.audit.list({ entity: 'problem', key: String(id) }).length;
    const [r, card] = await move('已销号');
    expect(r.text).toBe(`问题 ${id}：只有“已解决”的问题才能销号，当前状态为“待解决”，请先改为“已解决”`);
    expect(status()).toBe('待解决');
    expect(f.store.audit.list({ entity: 'problem', key: String(id) })).toHaveLength(audit);
    // The refreshed list comes along, so the right buttons are one tap away.
    expect(statusButtons(cardOf(card))[id]).toEqual(['解决中', '已解决']);
  });

  it('a viewer cannot move it; nor can staff of another county', async () => {
    const [viewer] = await move('解决中', 'viewer');
    expect(viewer.text).toContain('只有管理员、领导和本县市区的填报员可以登记或更新问题');
    const lake = f.store.problems.list({ projectCode: LAKE.code, open: true })[0];
    const [staff] = await press({ verb: 'problemStatus', id: lake.id, to: '解决中' }, 'staff');
    expect(staff.text).toContain('您只能查看桃城区的项目和数据');
    expect(f.store.problems.get(lake.id)!.status).toBe(lake.status);
    expect(status()).toBe('待解决');
  });

  it('each allowed step is made, with who, when and the note recorded and every change audited', async () => {
    const steps: [ProblemStatus, Who, string | undefined][] = [
      ['解决中', 'staff', '已协调区住建局调剂房源'],
      ['已解决', 'leader', undefined],
      ['已销号', 'admin', '经现场核实销号'],
    ];
    for (const [to, who, note] of steps) {
      const from = status();
      const [r] = await move(to, who, note ? { [`note-${id}`]: note } : {});
      expect(r.text).toContain(`问题 #${id}（拆迁户安置房源不足）已由“${from}”改为“${to}”`);
      expect(status()).toBe(to);
    }
    const names = { staff: '桃城填报员', leader: '赵志刚', admin: '管理员' };
    expect(f.store.problems.history(id)).toEqual([
      { at: '2026-04-01T00:00:00Z', actor: 'fixture', from: null, to: '待解决' },
      ...steps.map(([to, who, note], i) => ({ at: NOW.toISOString(), actor: names[who as keyof typeof names], from: i ? steps[i - 1][0] : '待解决', to, ...(note ? { note } : {}) })),
    ]);
    const audit = f.store.audit.list({ entity: 'problem', key: String(id) }).reverse();
    expect(audit.map((x) => [x.action, x.actor, (x.before as any)?.status ?? null, (x.after as any).status])).toEqual([
      ['create', 'fixture', null, '待解决'],
      ['status', '桃城填报员', '待解决', '解决中'],
      ['status', '赵志刚', '解决中', '已解决'],
      ['status', '管理员', '已解决', '已销号'],
    ]);
  });

  it('a closed-out problem leaves the list and cannot be moved again', async () => {
    const [r] = await press({ verb: 'problems', code: STREET.code }, 'staff');
    expect(readable(r)).not.toContain('拆迁户安置房源不足');
    const [again] = await move('解决中', 'admin');
    expect(again.text).toContain('问题已销号，不能再改为“解决中”');
    expect(status()).toBe('已销号');
  });

  it('a resolved problem stays listed (待销号) with 销号 and reopen buttons; Traditional status words are read', async () => {
    const p = f.store.problems.create({ projectCode: STREET.code, description: '施工噪声投诉', unit: '桃城区城管局', foundOn: '2026-04-01', deadline: '2026-05-30' }, { actor: 'fixture' });
    await press({ verb: 'problemStatus', id: p.id, to: '已解決' }, 'staff');
    expect(f.store.problems.get(p.id)!.status).toBe('已解决');
    const [r] = await press({ verb: 'problems', code: STREET.code }, 'staff');
    expect(readable(r)).toContain(`#${p.id} · 桃城区城管局 · 限 2026-05-30 前办结 · 已解决`);
    expect(statusButtons(cardOf(r))[p.id]).toEqual(['已销号', '解决中']);
  });

  it('a button with a bad id or status is answered as a stale button', async () => {
    for (const bad of [{ id: 'x', to: '解决中' }, { id, to: '完成' }, { id: -1, to: '解决中' }]) {
      const [r] = await press({ verb: 'problemStatus', ...bad }, 'admin');
      expect(r.text).toContain('这个按钮已失效');
    }
    const [missing] = await press({ verb: 'problemStatus', id: 999999, to: '解决中' }, 'admin');
    expect(missing.text).toContain('没有找到编号为 999999 的问题');
  });
});

describe('English', () => {
  it('the form and the buttons speak English on an English card', async () => {
    const [r] = await send(f, { value: { verb: 'problems', code: LAKE.code, lang: 'en' } }, 'leader');
    const card = cardOf(r)!;
    expect(addForm(card).title).toBe('Add a problem');
    expect(nodes(card, 'Action.ShowCard').map((a) => a.title)).toContain('Update status');
    expect(readable(r)).toContain('open');
  });
});
