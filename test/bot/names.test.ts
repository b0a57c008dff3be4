import { describe, expect, it } from 'vitest';
import { NameIndex, editDistance, normalise } from '../../bot/names';
import { DEFAULT_CONFIG } from '../../core/config';

const PLACES = [...DEFAULT_CONFIG.counties.map((c) => c.name), DEFAULT_CONFIG.city.name];
const ENTRIES = [
  { code: 'A', name: '衡水湖生态修复工程', county: '滨湖新区' },
  { code: 'B', name: '衡水湖湿地公园提升工程', county: '滨湖新区' },
  { code: 'C', name: '冀州区智能制造产业基地', county: '冀州区' },
  { code: 'D', name: '冀州区新能源产业园', county: '冀州区' },
  { code: 'E', name: '安平县丝网产业园二期', county: '安平县' },
  { code: 'F', name: '桃城区中华大街改造工程', county: '桃城区' },
];
const index = new NameIndex(ENTRIES, PLACES);

describe('name index', () => {
  it('finds a project from a question that contains its full name', () => {
    expect(index.search('衡水湖生态修复工程进展怎么样')).toEqual({ kind: 'one', entry: ENTRIES[0] });
  });

  it('finds a project from a partial name and from Traditional characters', () => {
    expect(index.search('衡水湖生态修复')).toMatchObject({ kind: 'one', entry: { code: 'A' } });
    expect(index.search('衡水湖生態修復進展')).toMatchObject({ kind: 'one', entry: { code: 'A' } });
    expect(index.search('智能制造基地')).toMatchObject({ kind: 'one', entry: { code: 'C' } });
  });

  it('does not let the county name decide: 冀州区智能制造 picks the manufacturing base, not every 冀州区 project', () => {
    expect(index.search('冀州区智能制造基地')).toMatchObject({ kind: 'one', entry: { code: 'C' } });
    expect(index.match('冀州区').length).toBe(0);
  });

  it('matches pinyin initials', () => {
    expect(index.search('hshstxf')).toMatchObject({ kind: 'one', entry: { code: 'A' } });
    expect(index.search('HSHSTXF')).toMatchObject({ kind: 'one', entry: { code: 'A' } });
    expect(index.search('swcy')).toMatchObject({ kind: 'one', entry: { code: 'E' } });
  });

  it('reports several equally good matches as ambiguous', () => {
    const r = index.search('衡水湖');
    expect(r.kind).toBe('many');
    if (r.kind === 'many') expect(r.matches.map((m) => m.code).sort()).toEqual(['A', 'B']);
  });

  it('offers the closest names when nothing matches', () => {
    const r = index.search('衡水胡生太修复');
    expect(r.kind).toBe('none');
    if (r.kind === 'none') expect(r.closest[0].code).toBe('A');
    expect(index.search('天气怎么样')).toEqual({ kind: 'none', closest: [] });
  });

  it('offers the closest names for pinyin initials with a slip, by their initials', () => {
    const r = index.search('hshstxfgx');
    expect(r.kind).toBe('none');
    if (r.kind === 'none') expect(r.closest[0].code).toBe('A');
  });

  it('ignores generic words shared by many names', () => {
    expect(index.match('工程').length).toBe(0);
    expect(index.match('项目进展').length).toBe(0);
  });

  it('normalises full-width letters, spaces and punctuation', () => {
    expect(normalise(' 衡水湖，生態 ＡＢ ')).toBe('衡水湖生态ab');
    expect(editDistance('衡水湖', '衡水胡')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
