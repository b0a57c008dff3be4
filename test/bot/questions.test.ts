// Every kind of question through botbuilder's TestAdapter into app.run, on a real SQLite store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import { formatAmount, formatPercent } from '../../core/format';
import { scoreProject } from '../../core/score';
import { rankCounties } from '../../core/rank';
import { cardOf, factsOf, makeFixture, PROJECTS, readable, say, type Fixture } from './fixture';

let f: Fixture;
beforeAll(() => {
  f = makeFixture();
});
afterAll(() => f.close());

const DATA_PERIOD = '2026-03';
function coreScore(code: string) {
  const state = f.store.projectStates(DATA_PERIOD).find((s) => s.project.code === code)!;
  return { state, score: scoreProject({ ...state, reports: state.reports.filter((r) => r.period <= DATA_PERIOD) }, DATA_PERIOD, DEFAULT_CONFIG) };
}

describe('project status', () => {
  it.each([
    ['full name in a question', '衡水湖生态修复工程进展怎么样'],
    ['partial name', '衡水湖生态修复'],
    ['Traditional characters', '衡水湖生態修復'],
    ['pinyin initials', 'hshstxf'],
  ])('%s → the project card with core’s figures', async (_what, question) => {
    const replies = await say(f, question);
    expect(replies).toHaveLength(1);
    const card = cardOf(replies[0])!;
    expect(card.version).toBe('1.5');
    const facts = factsOf(card);
    const { score } = coreScore(PROJECTS[0].code);
    expect(facts['原因']).toContain(score.reason.slice(0, 10));
    expect(facts['颜色']).toContain('绿');
    expect(score.colour).toBe('green');
    expect(facts['本年累计完成投资']).toBe(formatAmount(3600));
    expect(facts['年度计划投资']).toBe(formatAmount(PROJECTS[0].plan));
    expect(facts['完成率 / 序时进度']).toBe(`${formatPercent(score.investmentRate)} / ${formatPercent(score.scheduleRate)}`);
    expect(facts['包联领导']).toBe('赵志刚');
    expect(facts['未解决问题']).toBe('2 个（逾期 1 个）');
    expect(readable(replies[0])).toContain('衡水湖生态修复工程');
    expect(card.actions.map((a: any) => a.data.verb)).toEqual(['problems', 'history', 'nudge']);
    expect(card.actions.map((a: any) => a.data.lang)).toEqual(['zh-CN', 'zh-CN', 'zh-CN']);
  });

  it('a name that also names a county is the project, not the county', async () => {
    const [r] = await say(f, '冀州区智能制造基地');
    expect(readable(r)).toContain('冀州区智能制造产业基地');
    const { score } = coreScore(PROJECTS[2].code);
    expect(score.colour).toBe('red');
    expect(factsOf(cardOf(r))['颜色']).toContain('红');
  });

  it('several matches → a choice card whose buttons ask for each exact project', async () => {
    const [r] = await say(f, '衡水湖');
    const card = cardOf(r)!;
    expect(readable(r)).toContain('有 2 个项目');
    expect(card.actions.map((a: any) => a.data)).toEqual([
      { verb: 'project', code: PROJECTS[0].code, lang: 'zh-CN' },
      { verb: 'project', code: PROJECTS[1].code, lang: 'zh-CN' },
    ]);
  });

  it('no match → the closest names', async () => {
    const [r] = await say(f, '衡水胡生太修复');
    expect(readable(r)).toContain('没有找到与“衡水胡生太修复”相符的项目');
    expect(cardOf(r)!.actions[0].data).toEqual({ verb: 'project', code: PROJECTS[0].code, lang: 'zh-CN' });
  });

  it('nothing close at all → says so and points to help', async () => {
    const [r] = await say(f, '今天天气怎么样');
    expect(r.text).toContain('发送“帮助”');
    expect(r.attachments ?? []).toHaveLength(0);
  });
});

describe('counties, city, lists', () => {
  it('county ranking comes from core rankCounties', async () => {
    const [r] = await say(f, '桃城区本月排名');
    const states = f.store.projectStates(DATA_PERIOD).map((s) => ({ ...s, reports: s.reports.filter((x) => x.period <= DATA_PERIOD) }));
    const rank = rankCounties(states, DATA_PERIOD, DEFAULT_CONFIG).find((x) => x.county === '桃城区')!;
    const facts = factsOf(cardOf(r));
    expect(facts['综合排名']).toBe(`第 ${rank.rank} 名 / 共 13 个`);
    expect(facts['完成投资']).toContain(formatAmount(rank.indicators.investment));
    expect(facts['2026-04 未报项目']).toBe('1');
    expect(await say(f, '桃城区情况').then((x) => readable(x[0]))).toContain('桃城区 · 2026-03 排名');
  });

  it('the city overview lists the ranking, colour counts and problems', async () => {
    const [r] = await say(f, '全市总体情况');
    const text = readable(r);
    expect(text).toContain('衡水市 重点项目总体情况 · 2026-03');
    expect(text).toContain('项目总数：8');
    expect(text).toContain('发现问题 3 处，整改完毕 0 处，正在处理 3 处，其中逾期 2 处');
    expect(text).toMatch(/1\. 滨湖新区/);
    // March: the top and bottom are shown, but commendations and talks wait for June and December.
    expect(text).toMatch(/排名前 \d+：/);
    expect(text).not.toContain('通报表扬');
    expect(JSON.stringify(cardOf(r))).toContain('"type":"Table"');
  });

  it('projects by colour, Chinese and English', async () => {
    const [red] = await say(f, '哪些项目是红色的');
    expect(readable(red)).toContain('全市红色项目');
    expect(readable(red)).toContain('冀州区智能制造产业基地');
    expect(readable(red)).not.toContain('衡水湖生态修复工程');
    const [yellow] = await say(f, '黄色项目');
    expect(readable(yellow)).toContain('衡水湖湿地公园提升工程');
    const [en] = await say(f, 'red projects');
    expect(readable(en)).toContain('Red projects');
    expect(readable(en)).toContain('stalled');
  });

  it("my projects uses the caller's leader name; a named leader's too", async () => {
    const [mine] = await say(f, '我包联的项目', 'leader');
    expect(readable(mine)).toContain('赵志刚 包联的项目');
    expect(readable(mine)).toContain('衡水湖生态修复工程');
    expect(readable(mine)).toContain('冀州区智能制造产业基地');
    expect(readable(mine)).not.toContain('桃城区');
    const [named] = await say(f, '王芳包联的项目');
    expect(readable(named)).toContain('共 2 个');
    expect(readable(named)).toContain('桃城区中华大街改造工程');
    const [none] = await say(f, '我包联的项目', 'admin');
    expect(none.text).toContain('没有登记“包联领导”姓名');
  });

  it('missing reports are for the reporting month (April), with its deadline', async () => {
    const [r] = await say(f, '本月还有哪些没报');
    const text = readable(r);
    expect(text).toContain('2026-04 月报未报项目（截止 2026-05-05）');
    expect(text).toContain('共 6 个');
    expect(text).not.toContain('桃城区中华大街改造工程'); // reported April
    expect(text).not.toContain('安平县丝网产业园二期'); // not under construction
    const [county] = await say(f, '桃城区还有哪些没报');
    expect(readable(county)).toContain('共 1 个');
    expect(readable(county)).toContain('桃城区老白干酒厂片区更新');
  });

  it('problems and overdue problems', async () => {
    const [all] = await say(f, '问题清单');
    expect(readable(all)).toContain('环评批复待取得');
    expect(readable(all)).toContain('【已逾期】');
    const [overdue] = await say(f, '逾期问题');
    expect(readable(overdue)).toContain('湖区征地补偿未落实');
    expect(readable(overdue)).toContain('管线迁改滞后');
    expect(readable(overdue)).not.toContain('环评批复待取得');
    const [project] = await say(f, '衡水湖生态修复工程有什么问题');
    expect(readable(project)).toContain('衡水湖生态修复工程问题清单');
    expect(readable(project)).not.toContain('管线迁改滞后');
  });

  it('help, in Chinese and English', async () => {
    expect(readable((await say(f, '帮助'))[0])).toContain('我能回答这些问题');
    expect(readable((await say(f, 'help'))[0])).toContain('What you can ask me');
    // An English client: Chinese questions still get Chinese; neutral input follows the locale.
    expect(readable((await say(f, '帮助', 'leader', { locale: 'en-US' }))[0])).toContain('我能回答这些问题');
    const [pinyin] = await say(f, 'hshstxf', 'leader', { locale: 'en-US' });
    expect(factsOf(cardOf(pinyin))['Why']).toContain('ahead of plan');
  });
});
