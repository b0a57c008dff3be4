import { describe, expect, it } from 'vitest';
import { checkCode, codeFormatIssue, countyCodes, divisionCodesOf, parseCode } from '../../core/code';
import { DEFAULT_CONFIG, resolveConfig } from '../../core/config';

const cfg = DEFAULT_CONFIG;

describe('project code format (GB/T 40058-2021)', () => {
  it('splits a well-formed code into its parts', () => {
    expect(parseCode('2024-131102-04-01-000123')).toEqual({ year: 2024, division: '131102', department: '04', type: '01', serial: '000123' });
  });
  it.each([
    '2024-131102-04-01-00012', '2024-131102-04-01-0001234', '2024131102-04-01-000123', '2024-13110A-04-01-000123',
    '24-131102-04-01-000123', '2024-131102-4-01-000123', '', 'abc', '1989-131102-04-01-000123', '2101-131102-04-01-000123',
  ])('%j is CODE_FORMAT', (code) => {
    expect(checkCode(code, '桃城区', cfg)).toBe('CODE_FORMAT');
  });
  it('an implausible year is told apart from a wrong shape', () => {
    expect(codeFormatIssue('1989-131102-04-01-000123')).toBe('year');
    expect(codeFormatIssue('2024-131102-04-01')).toBe('shape');
    expect(codeFormatIssue('TMP-0001')).toBe('temporary');
  });
  it('accepts the years 1990 to 2100', () => {
    expect(checkCode('1990-131102-04-01-000123', '桃城区', cfg)).toBeNull();
    expect(checkCode('2100-131102-04-01-000123', '桃城区', cfg)).toBeNull();
  });
});

describe('project code region', () => {
  it.each([
    ['2024-131102-04-01-000123', '桃城区', null],
    ['2024-131103-04-01-000123', '冀州区', null],
    ['2019-131181-04-01-000123', '冀州区', null], // legacy code of 冀州市
    ['2024-131100-04-01-000123', '景县', null], // issued by the city
    ['2024-130000-04-01-000123', '景县', null], // issued by the province
    ['2024-131181-04-01-000123', '桃城区', 'CODE_REGION'], // 冀州's legacy code is not 桃城's
    ['2024-131102-04-01-000123', '冀州区', 'CODE_REGION'],
    ['2024-130100-04-01-000123', '桃城区', 'CODE_REGION'], // 石家庄市
    ['2024-110000-04-01-000123', '桃城区', 'CODE_REGION'], // another province
  ] as const)('%s in %s → %s', (code, county, want) => {
    expect(checkCode(code, county, cfg)).toBe(want);
  });
  it('cannot judge the region of an unknown county', () => {
    expect(checkCode('2024-110000-04-01-000123', '不存在区', cfg)).toBeNull();
    expect(checkCode('2024-110000-04-01-000123', undefined, cfg)).toBeNull();
  });
  it('lists the valid division codes from configuration', () => {
    expect(countyCodes('冀州区', cfg)).toEqual(['131103', '131181']);
    expect(divisionCodesOf('冀州区', cfg)).toEqual(['131103', '131181', '131100', '130000']);
    const other = resolveConfig({ city: { name: '邯郸市', code: '130400' }, counties: [{ name: '丛台区', code: '130403' }] });
    expect(divisionCodesOf('丛台区', other)).toEqual(['130403', '130400', '130000']);
    expect(checkCode('2024-131102-04-01-000123', '丛台区', other)).toBe('CODE_REGION');
  });
});

describe('temporary ids', () => {
  it('are valid only on the 储备 list', () => {
    expect(checkCode('TMP-000001', '桃城区', cfg, '储备')).toBeNull();
    expect(checkCode('tmp-000001', '桃城区', cfg, '储备')).toBeNull();
    expect(checkCode('TMP-000001', '桃城区', cfg, '在建')).toBe('CODE_FORMAT');
    expect(checkCode('TMP-000001', '桃城区', cfg)).toBe('CODE_FORMAT');
    expect(checkCode('TMP-', '桃城区', cfg, '储备')).toBe('CODE_FORMAT');
  });
});
