// Cards are pure: data in, Adaptive Card JSON out. Text from users is escaped; long lists page.
import { describe, expect, it } from 'vitest';
import { md } from '../../bot/cards/common';
import { listCard, PAGE_SIZE } from '../../bot/cards/list';
import { projectCard } from '../../bot/cards/project';
import { choiceCard } from '../../bot/cards/choice';
import { problemsCard } from '../../bot/cards/problems';
import { helpCard, welcomeCard } from '../../bot/cards/help';
import { cityCard } from '../../bot/cards/city';
import type { Project, ProjectScore } from '../../core/types';
import { cardStrings } from './fixture';

const XSS = ['<img src=x onerror=alert(1)>', '**[x](http://evil)**'];
// CommonMark: a backslash before ASCII punctuation makes it literal.
const unescape = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
const UNESCAPED_META = /(?<!\\)(?:\\\\)*[*_[\]<>`~]/;

describe('Markdown escaping', () => {
  it.each(XSS)('%s shows literally', (s) => {
    const e = md(s);
    expect(unescape(e)).toBe(s);
    expect(e).not.toMatch(UNESCAPED_META);
  });

  it('leaves figures and dates alone, escapes list and heading marks at line start', () => {
    expect(md('3,600.00 万元 2026-03')).toBe('3,600.00 万元 2026-03');
    expect(md('- a\n1. b\n# c')).toBe('\\- a\n1\\. b\n\\# c');
  });

  it('project card with hostile name, leader and reason: no live Markdown or HTML anywhere', () => {
    const project = { code: 'X-1', name: XSS[0], county: '枣强县', leader: XSS[1], unit: '_u_', annualPlan: 100, stage: '在建', list: '在建' } as Project;
    const score: ProjectScore = { projectCode: 'X-1', name: XSS[0], county: '枣强县', colour: 'red', reason: '`code` [link](http://x)', investmentRate: 0.1, scheduleRate: 0.25 };
    const { card, text } = projectCard({ project, score, period: '2026-03', ytdInvest: 10, openProblems: 0, overdueProblems: 0 }, 'zh-CN');
    const shown = [...cardStrings(card.body)];
    expect(shown.some((s) => unescape(s).includes(XSS[0]))).toBe(true);
    expect(shown.some((s) => unescape(s).includes(XSS[1]))).toBe(true);
    for (const s of shown) expect(s).not.toMatch(/(?<!\\)<img|(?<!\\)\*\*(?!\\)|(?<!\\)\[x(?<!\\)\]|(?<!\\)`code/);
    // The plain-text fallback is not Markdown: it carries the text as typed.
    expect(text).toContain(XSS[0]);
    expect(card.fallbackText).toBe(text);
  });

  it('choice and problem cards escape names and descriptions too', () => {
    const choice = choiceCard('x', [{ code: 'a', name: XSS[1], county: '景县' }], 'zh-CN');
    expect(cardStrings(choice.card.body).join('\n')).toContain('\\*\\*\\[x\\](http://evil)\\*\\*');
    const problems = problemsCard({ title: 't', summary: 's', items: [{ id: 1, projectName: XSS[0], county: 'c', description: XSS[1], unit: 'u', deadline: '2026-01-01', status: '待解决', overdue: true }] }, 'zh-CN');
    const body = cardStrings(problems.card.body).join('\n');
    expect(body).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(body).not.toMatch(/(?<!\\)<img/);
  });
});

describe('list card paging', () => {
  const items = Array.from({ length: 23 }, (_, i) => ({ code: `c${i}`, name: `项目${i}`, county: '景县', colour: 'red' as const }));

  it('shows one page and a next-page button that repeats the query', () => {
    const { card, text } = listCard({ title: '红色项目', items, page: 0, more: { kind: 'colour', colour: 'red' } }, 'zh-CN');
    const rows = (card.body as any[]).filter((b) => b.type === 'Container');
    expect(rows).toHaveLength(PAGE_SIZE);
    expect(rows[0].selectAction.data).toEqual({ verb: 'project', code: 'c0' });
    expect(card.actions).toEqual([{ type: 'Action.Submit', title: '下一页', data: { kind: 'colour', colour: 'red', verb: 'page', page: 1 } }]);
    expect(text).toContain('共 23 个，第 1–10 个');
  });

  it('the last page has only a previous-page button; a page past the end shows the last', () => {
    const last = listCard({ title: 't', items, page: 2, more: {} }, 'en');
    expect((last.card.body as any[]).filter((b) => b.type === 'Container')).toHaveLength(3);
    expect((last.card.actions as any[]).map((a) => a.title)).toEqual(['Previous page']);
    expect(listCard({ title: 't', items, page: 99, more: {} }, 'en').text).toContain('21–23');
  });
});

describe('help and welcome', () => {
  it('help lists the questions, with buttons that send them as messages', () => {
    const { card } = helpCard('zh-CN');
    expect(cardStrings(card.body).join('\n')).toContain('订阅提醒 桃城区');
    expect((card.actions as any[])[0].data).toEqual({ msteams: { type: 'imBack', value: '衡水湖生态修复工程进展怎么样' } });
    // The card buttons (problems, 催报) are explained, in both languages.
    expect(helpCard('zh-CN').text).toContain('登记新问题、更新问题状态');
    expect(helpCard('en').text).toContain('record problems and move them along');
  });
  it('welcome has an English version', () => {
    expect(welcomeCard('en').text).toContain('Key Project Ledger assistant');
    expect(welcomeCard('zh-CN').text).toContain('重点项目台账助手');
  });
});

describe('city card', () => {
  const r = (county: string, rank: number) => ({ county, rank, score: 100 - rank, indicators: {}, ranks: {} }) as any;
  const view = { city: '衡水市', period: '2026-03', top: [r('桃城区', 1)], bottom: [r('景县', 13)], colours: { green: 1, white: 2, yellow: 3, red: 4, none: 0 }, projects: 10, problems: '发现问题 0 处', escalations: [] };

  it('says commended / called in only on the half-year and year-end rankings', () => {
    const march = cityCard({ ...view, announced: false }, 'zh-CN').text;
    expect(march).toContain('排名前 1：1. 桃城区');
    expect(march).toContain('排名后 1：13. 景县');
    expect(march).not.toMatch(/通报表扬|约谈）/);
    const june = cityCard({ ...view, period: '2026-06', announced: true }, 'zh-CN').text;
    expect(june).toContain('排名前 1（通报表扬）：1. 桃城区');
    expect(june).toContain('排名后 1（约谈）：13. 景县');
    expect(cityCard({ ...view, announced: true }, 'en').text).toContain('Top 1 (commended)');
  });
});
