import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../../core/config';
import { LEDGER, column } from '../../core/ledger';
import { cellText, matchHeader, parseByKey, parseCell, parseRow, readDate, toSimplified } from '../../core/parse';
import type { LedgerKey } from '../../core/types';

const cfg = DEFAULT_CONFIG;
const parse = (key: LedgerKey, raw: unknown) => parseCell(column(key), raw, cfg);
const value = (key: LedgerKey, raw: unknown) => {
  const r = parse(key, raw);
  return r.status === 'ok' ? r.value : r.status === 'bad' ? `${r.rule}:${r.reason}` : 'empty';
};

describe('amounts', () => {
  it.each([
    [12000, 12000], ['12000', 12000], ['12,000', 12000], ['１２０００', 12000], ['1.2亿', 12000], ['1.2亿元', 12000],
    ['12000万元', 12000], ['12000万', 12000], ['  12000 ', 12000], ['12000.5', 12000.5], ['１２，０００．５', 12000.5],
    ['1.15億', 11500], ['1,234,567.89', 1234567.89], ['-5', -5], [-5, -5], ['50000元', 5], ['.5', 0.5], [0, 0], ['0', 0],
  ])('%j → %d 万元', (raw, want) => {
    expect(value('total', raw)).toBe(want);
  });

  it.each(['约一万', 'abc', '1.2.3', 'NaN', 'Infinity', '-Infinity', '12,00', '1e5', '12 000 000 abc', '一亿', '亿', '--5', '5-'])('%j is a TYPE error, not a number', (raw) => {
    expect(value('total', raw)).toBe('TYPE:amount');
  });

  it.each([NaN, Infinity, true, new Date('2026-03-01T00:00:00Z'), {}, []])('non-numeric value %j is a TYPE error', (raw) => {
    const r = parse('monthInvest', raw);
    expect(r.status).toBe('bad');
  });

  it.each([null, undefined, '', '   ', '\u3000'])('%j is empty', (raw) => {
    expect(parse('total', raw).status).toBe('empty');
  });
});

describe('months and dates', () => {
  it.each([
    ['2026-03', '2026-03'], ['2026/3', '2026-03'], ['2026年3月', '2026-03'], ['202603', '2026-03'], [202603, '2026-03'],
    ['2026.3', '2026-03'], ['2026.10', '2026-10'], [2026.3, '2026-03'], [2026.12, '2026-12'], ['２０２６年３月', '2026-03'],
    [46082, '2026-03'], [46096.5, '2026-03'], ['46082', '2026-03'], [new Date('2026-03-15T00:00:00Z'), '2026-03'],
    ['2026-03-15', '2026-03'], ['2026-03-15T10:00:00', '2026-03'], ['2026年3月份', '2026-03'], ['2026 年 12 月', '2026-12'],
  ])('month %j → %s', (raw, want) => {
    expect(value('plannedStart', raw)).toBe(want);
  });

  it.each([
    ['2026-03-15', '2026-03-15'], ['2026年3月15日', '2026-03-15'], ['2026/3/15', '2026-03-15'], ['20260315', '2026-03-15'],
    [46096, '2026-03-15'], [new Date('2026-03-15T00:00:00Z'), '2026-03-15'], ['2026-03', '2026-03'],
    // An instant is read in Asia/Shanghai: 16:30 UTC on the 14th is the 15th there.
    ['2026-03-14T16:30:00Z', '2026-03-15'], [new Date('2026-03-14T16:30:00Z'), '2026-03-15'],
  ])('month-or-date %j → %s', (raw, want) => {
    expect(value('actualStart', raw)).toBe(want);
  });

  it.each(['2026-13', '2026-00', '2026年13月', '2026-02-30', '明年三月', 'abc', '1799-01', 2026.1, 12, 2026, '2026', 3, -46082, NaN, '2026.1.1.1', true])('%j is not a month', (raw) => {
    const r = parse('plannedEnd', raw);
    expect(r.status).toBe('bad');
    if (r.status === 'bad') expect(r.rule).toBe('TYPE');
  });

  it('readDate of an invalid Date is undefined', () => {
    expect(readDate(new Date('nope'))).toBeUndefined();
  });
});

describe('percent', () => {
  it.each([[85, 85], ['85', 85], ['85%', 85], ['８５％', 85], [' 85 % ', 85], [0, 0], ['100', 100], ['0.85', 0.85], [0.85, 0.85], ['12.5%', 12.5]])('%j → %d', (raw, want) => {
    expect(value('progress', raw)).toBe(want);
  });
  it.each([[101, 'TYPE:percentRange'], ['120%', 'TYPE:percentRange'], [-1, 'TYPE:percentRange'], ['八成', 'TYPE:percent'], ['85%%', 'TYPE:percent'], ['abc', 'TYPE:percent']])('%j → %s', (raw, want) => {
    expect(value('progress', raw)).toBe(want);
  });
  it('names the range in its message', () => {
    const { findings } = parseRow({ progress: '120%' }, cfg, { row: 9 });
    expect(findings[0]).toMatchObject({ rule: 'TYPE', row: 9, column: 'progress', value: '120%' });
    expect(findings[0].message).toContain('0 到 100');
  });
});

describe('yes/no', () => {
  it.each([
    ['是', true], ['否', false], ['Y', true], ['N', false], ['y', true], ['n', false], ['√', true], ['×', false], ['✓', true], ['✗', false],
    ['true', true], ['false', false], ['1', true], ['0', false], [1, true], [0, false], ['Yes', true], ['No', false], [true, true], [false, false], [' 是 ', true],
  ])('%j → %s', (raw, want) => {
    expect(value('registered', raw)).toBe(want);
  });
  it.each(['也许', 'maybe', 2, '是否'])('%j is an ENUM error', (raw) => {
    expect(value('registered', raw)).toBe('ENUM:yesno');
  });
});

describe('enumerations', () => {
  it.each([
    ['county', '桃城區', '桃城区'], ['county', '冀州區', '冀州区'], ['county', ' 桃城区\u3000', '桃城区'], ['county', '桃 城 区', '桃城区'],
    ['county', 'Taocheng', '桃城区'], ['county', '衡水市桃城区', '桃城区'], ['county', '饒陽縣', '饶阳县'], ['county', '桃城', '桃城区'], ['county', '高新区', '衡水高新区'], ['county', '濱湖新區', '滨湖新区'],
    ['list', '擬新開工', '拟新开工'], ['list', '在建', '在建'], ['list', 'under construction', '在建'], ['list', 'Reserve', '储备'], ['list', '儲備', '储备'],
    ['level', '省重點', '省重点'], ['level', 'provincial', '省重点'], ['stage', '竣工', '竣工'], ['stage', 'Under Construction', '在建'], ['stage', '投產', '投产'],
    ['sector', '市政公用', '市政公用'], ['sector', '生態環保', '生态环保'], ['sector', 'real estate', '房地产'], ['nature', '擴建', '扩建'], ['nature', 'new', '新建'],
  ] as [LedgerKey, string, string][])('%s %j → %s', (key, raw, want) => {
    expect(value(key, raw)).toBe(want);
  });

  it('an unknown value is an ENUM error listing the valid options', () => {
    const { findings, values } = parseRow({ county: '石家庄', stage: '施工中' }, cfg, { row: 4 });
    expect(values.county).toBeUndefined();
    const county = findings.find((f) => f.column === 'county')!;
    expect(county.rule).toBe('ENUM');
    expect(county.message).toContain('石家庄');
    for (const k of cfg.counties) expect(county.message).toContain(k.name);
    expect(findings.find((f) => f.column === 'stage')!.message).toContain('前期 / 在建 / 竣工 / 投产');
  });

  it('counties and sectors come from configuration', () => {
    const other = resolveConfig({ counties: [{ name: '新华区', code: '130105' }], sectors: ['能源'] });
    expect(parseCell(column('county'), '新華區', other)).toEqual({ status: 'ok', value: '新华区' });
    expect(parseCell(column('county'), '桃城区', other).status).toBe('bad');
    expect(parseCell(column('sector'), '能源', other)).toEqual({ status: 'ok', value: '能源' });
    expect(parseCell(column('sector'), '农业', other).status).toBe('bad');
  });

  it('English messages list the options too', () => {
    const { findings } = parseRow({ list: 'maybe' }, cfg, { row: 2, locale: 'en' });
    expect(findings[0].message).toMatch(/^List: "maybe" is not one of the options; enter one of 在建 \/ 拟新开工 \/ 储备$/);
  });
});

describe('approvals', () => {
  it.each([
    ['立项、用地', ['立项', '用地']], ['立项,用地', ['立项', '用地']], ['立项，用地', ['立项', '用地']], ['立项 用地', ['立项', '用地']],
    ['立項、規劃、環評', ['立项', '规划', '环评']], ['施工許可證；立項', ['立项', '施工许可']], ['用地、立项、用地', ['立项', '用地']],
    ['land, EIA', ['用地', '环评']], ['备案、用地', ['立项', '用地']], ['construction permit', ['施工许可']], ['无', []],
  ])('%j → %j', (raw, want) => {
    expect(value('approvals', raw)).toEqual(want);
  });
  it('an unknown item is an ENUM error naming it', () => {
    const { findings } = parseRow({ approvals: '立项、土地证' }, cfg, { row: 5 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'ENUM', column: 'approvals' });
    expect(findings[0].message).toContain('土地证');
    expect(findings[0].message).toContain('立项 / 用地 / 规划 / 环评 / 施工许可');
  });
});

describe('text, phone and code', () => {
  it('phone keeps its digits and dashes', () => {
    expect(value('phone', ' 0318-2123456 ')).toBe('0318-2123456');
    expect(value('phone', 13812345678)).toBe('13812345678');
    expect(value('phone', '１３８１２３４５６７８')).toBe('13812345678');
  });
  it('code is trimmed, half-width and upper-case', () => {
    expect(value('code', ' ２０２４－１３１１０２－０４－０１－０００１２３ ')).toBe('2024-131102-04-01-000123');
    expect(value('code', 'tmp-0001')).toBe('TMP-0001');
  });
  it('text is trimmed and bounded by its maximum length', () => {
    expect(value('name', '  衡水湖生态修复  ')).toBe('衡水湖生态修复');
    expect(value('name', '项'.repeat(100))).toBe('项'.repeat(100));
    const { findings, values } = parseRow({ name: '项'.repeat(101) }, cfg, { row: 3 });
    expect(values.name).toBeUndefined();
    expect(findings[0]).toMatchObject({ rule: 'TYPE', column: 'name' });
    expect(findings[0].message).toBe('项目名称：共 101 字，超过 100 字的上限；请删减到 100 字以内');
  });
});

describe('matchHeader', () => {
  it('every ledger header, label, key and English header matches its column', () => {
    for (const c of LEDGER) {
      expect(matchHeader(c.header)).toBe(c.key);
      expect(matchHeader(c.label)).toBe(c.key);
      expect(matchHeader(c.key)).toBe(c.key);
      expect(matchHeader(c.headerEn)).toBe(c.key);
    }
  });
  it.each([
    ['总投资(万元)', 'total'], ['总投资（万元）', 'total'], [' 总投资 ', 'total'], ['總投資（萬元）', 'total'], ['本年累计\n完成投资\n（万元）', 'ytdInvest'],
    ['ytdinvest', 'ytdInvest'], ['YTDINVEST', 'ytdInvest'], ['形象进度(%)', 'progress'], ['形象进度（％）', 'progress'], ['形象进度描述', 'progressNote'],
    ['项目代码*', 'code'], ['開工累計完成投資（萬元）', 'cumInvest'], ['Year to date', 'ytdInvest'], ['总投资（亿元）', 'total'], ['联系电话', 'phone'],
  ])('%j → %s', (text, key) => {
    expect(matchHeader(text)).toBe(key);
  });
  it.each(['序号', '', '备注', 42, null])('%j matches nothing', (text) => {
    expect(matchHeader(text)).toBeUndefined();
  });
});

describe('parseRow and helpers', () => {
  it('reports every unreadable cell and keeps every readable one', () => {
    const { values, findings } = parseRow({ code: '2024-131102-04-01-000123', total: '约一万', annualPlan: '1.2亿', plannedStart: '下个月', county: '桃城區' }, cfg, { row: 7 });
    expect(values).toEqual({ code: '2024-131102-04-01-000123', annualPlan: 12000, county: '桃城区' });
    expect(findings.map((f) => [f.rule, f.column, f.value, f.row, f.projectCode])).toEqual([
      ['TYPE', 'total', '约一万', 7, '2024-131102-04-01-000123'],
      ['TYPE', 'plannedStart', '下个月', 7, '2024-131102-04-01-000123'],
    ]);
    expect(findings[0].message).toContain('总投资：“约一万”不是金额');
  });
  it('parseByKey is parseCell by key', () => {
    expect(parseByKey('total', '1.2亿', cfg)).toEqual({ status: 'ok', value: 12000 });
  });
  it('toSimplified converts Traditional and leaves Simplified and ASCII alone', () => {
    expect(toSimplified('衡水湖生態修復項目')).toBe('衡水湖生态修复项目');
    expect(toSimplified('衡水湖生态修复项目')).toBe('衡水湖生态修复项目');
    expect(toSimplified('abc 123')).toBe('abc 123');
  });
  it('cellText renders cells as typed', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(12000.5)).toBe('12000.5');
    expect(cellText(new Date('2026-03-15T00:00:00Z'))).toBe('2026-03-15');
    expect(cellText(true)).toBe('true');
  });
});
