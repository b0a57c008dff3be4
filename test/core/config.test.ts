import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, checkConfig, provinceCode, resolveConfig } from '../../core/config';

describe('configuration', () => {
  it('defaults to Hengshui and its 13 counties with real division codes', () => {
    expect(DEFAULT_CONFIG.city).toMatchObject({ name: '衡水市', code: '131100' });
    expect(DEFAULT_CONFIG.counties).toHaveLength(13);
    const jizhou = DEFAULT_CONFIG.counties.find((c) => c.name === '冀州区');
    expect(jizhou).toMatchObject({ code: '131103', legacyCodes: ['131181'] });
    expect(DEFAULT_CONFIG.counties.map((c) => c.code)).toContain('131171');
    expect(provinceCode(DEFAULT_CONFIG)).toBe('130000');
    expect(checkConfig(DEFAULT_CONFIG)).toEqual([]);
  });

  it('overlays a partial file on the defaults without losing siblings', () => {
    const c = resolveConfig({ thresholds: { ytdTolerance: 1 }, scoring: { ruleSet: 'ratio' }, deadlineDay: 10 });
    expect(c.thresholds.ytdTolerance).toBe(1);
    expect(c.thresholds.keyListMinTotal).toBe(5000);
    expect(c.scoring.ruleSet).toBe('ratio');
    expect(c.scoring.difference.greenAhead).toBe(5);
    expect(c.deadlineDay).toBe(10);
    expect(DEFAULT_CONFIG.thresholds.ytdTolerance).toBe(0.5);
  });

  it('replaces arrays instead of merging them', () => {
    const c = resolveConfig({ counties: [{ name: '甲县', code: '139901' }] });
    expect(c.counties).toEqual([{ name: '甲县', code: '139901' }]);
  });

  it('names every bad value in Chinese', () => {
    const c = resolveConfig({
      city: { code: '1311' },
      counties: [{ name: '甲县', code: 'abc' }, { name: '甲县', code: '139902' }],
      thresholds: { spikeAvgMultiple: -1 },
      scoring: { ruleSet: 'colours' as never },
      deadlineDay: 40,
      locale: 'fr' as never,
    });
    const bad = checkConfig(c);
    expect(bad.some((m) => m.startsWith('city.code') && m.includes('1311'))).toBe(true);
    expect(bad.some((m) => m.startsWith('counties[0].code') && m.includes('abc'))).toBe(true);
    expect(bad.some((m) => m.startsWith('counties[1].name') && m.includes('重复'))).toBe(true);
    expect(bad.some((m) => m.startsWith('thresholds.spikeAvgMultiple'))).toBe(true);
    expect(bad.some((m) => m.startsWith('scoring.ruleSet'))).toBe(true);
    expect(bad.some((m) => m.startsWith('deadlineDay'))).toBe(true);
    expect(bad.some((m) => m.startsWith('locale'))).toBe(true);
  });
});
