// Every intent asked in Traditional Chinese gets the same answer as in Simplified, and names work
// partially, in Traditional, in pinyin initials — one match, several, none — through TestAdapter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, makeFixture, PROJECTS, readable, say, type Fixture } from './fixture';

let f: Fixture;
beforeAll(() => {
  f = makeFixture();
});
afterAll(() => f.close());

const answer = async (text: string) => (await say(f, text, 'admin')).map(readable).join('\n---\n');

describe('Traditional Chinese, intent by intent', () => {
  it.each([
    ['county', '桃城区本月排名', '桃城區本月排名', '桃城区'],
    ['colour', '哪些项目是红色的', '哪些項目是紅色的', '冀州区智能制造产业基地'],
    ['colour of a county', '滨湖新区的黄色项目', '濱湖新區的黃色項目', '衡水湖湿地公园提升工程'],
    ['leader', '赵志刚包联的项目', '趙志剛包聯的項目', '冀州区智能制造产业基地'],
    ['missing', '本月还有哪些没报', '本月還有哪些沒報', '桃城区老白干酒厂片区更新'],
    ['problems', '问题清单', '問題清單', '湖区征地补偿未落实'],
    ['overdue problems', '逾期问题', '逾期問題', '管线迁改滞后'],
    ['a project’s problems', '衡水湖生态修复工程有什么问题', '衡水湖生態修復工程有什麼問題', '环评批复待取得'],
    ['overview', '全市总体情况', '全市總體情況', '衡水市'],
    ['help', '帮助', '幫助', '我能回答这些问题'],
    ['project', '冀州区智能制造基地进展怎么样', '冀州區智能製造基地進展怎麼樣', '冀州区智能制造产业基地'],
  ])('%s: %s = %s', async (_what, simplified, traditional, expected) => {
    const a = await answer(simplified);
    expect(a).toContain(expected);
    expect(await answer(traditional)).toBe(a);
  });
});

describe('project names', () => {
  it.each([
    ['partial', '湿地公园', PROJECTS[1].name],
    ['partial, Traditional', '濕地公園', PROJECTS[1].name],
    ['pinyin initials of the whole name', 'jzqznzzcyjd', PROJECTS[2].name],
    ['pinyin initials, upper case with spaces', 'HSH SD GY', PROJECTS[1].name],
  ])('%s (%s) → that project’s card', async (_what, q, name) => {
    const [r] = await say(f, q);
    expect(cardOf(r)!.body[0].text).toBe(name);
  });

  it.each([
    ['a shared part of two names', '衡水湖'],
    ['the same in Traditional', '衡水湖工程'],
    ['shared pinyin initials', 'hsh'],
  ])('%s (%s) → a choice card with both lake projects', async (_what, q) => {
    const [r] = await say(f, q);
    const codes = (cardOf(r)!.actions as any[]).map((a) => a.data.code);
    expect(codes).toEqual(expect.arrayContaining([PROJECTS[0].code, PROJECTS[1].code]));
    expect(readable(r)).toMatch(/有 \d+ 个项目与/);
  });

  it.each([
    ['a misspelt name', '衡水胡生太修复', PROJECTS[0]],
    ['pinyin initials with a slip', 'tcqzhdjgzgcx', PROJECTS[3]],
    ['pinyin initials with a slip, upper case', 'JZQZNZZCYJX', PROJECTS[2]],
  ])('%s (%s) → no match, the closest name offered first', async (_what, q, closest) => {
    const [r] = await say(f, q);
    expect(readable(r)).toContain(`没有找到与“${q}”相符的项目。您是不是要找：\n1. ${closest.name}（${closest.county}）`);
    expect(cardOf(r)!.actions[0].data).toEqual({ verb: 'project', code: closest.code, lang: 'zh-CN' });
  });
});
