import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import { LEDGER, column, isRequired, optionsOf, splitRow } from '../../core/ledger';

describe('ledger definition', () => {
  it('has the 30 columns of SPEC §2 in order, with unique keys and headers', () => {
    expect(LEDGER).toHaveLength(30);
    expect(LEDGER[0]).toMatchObject({ key: 'code', header: '项目代码' });
    expect(column('ytdInvest').header).toBe('本年累计完成投资（万元）');
    expect(column('ytdInvest').label).toBe('本年累计完成投资');
    expect(column('progress').label).toBe('形象进度');
    expect(new Set(LEDGER.map((c) => c.key)).size).toBe(30);
    expect(new Set(LEDGER.map((c) => c.header)).size).toBe(30);
  });

  it('knows when a cell is required', () => {
    expect(isRequired(column('code'), '在建')).toBe(true);
    expect(isRequired(column('code'), '储备')).toBe(false);
    expect(isRequired(column('monthInvest'), '在建')).toBe(true);
    expect(isRequired(column('monthInvest'), '拟新开工')).toBe(false);
    expect(isRequired(column('scope'), '在建')).toBe(false);
  });

  it('takes county and sector options from configuration', () => {
    expect(optionsOf(column('county'), DEFAULT_CONFIG)).toContain('滨湖新区');
    expect(optionsOf(column('sector'), DEFAULT_CONFIG)).toContain('市政公用');
    expect(optionsOf(column('stage'), DEFAULT_CONFIG)).toEqual(['前期', '在建', '竣工', '投产']);
  });

  it('splits a row into master data and the month report', () => {
    const { project, report } = splitRow({ code: 'X', name: '甲', total: 9000, monthInvest: 100, stage: '在建', actualStart: '2026-02' }, '2026-03');
    expect(project).toEqual({ code: 'X', name: '甲', total: 9000, stage: '在建', actualStart: '2026-02' });
    expect(report).toEqual({ period: '2026-03', projectCode: 'X', monthInvest: 100, stage: '在建', actualStart: '2026-02' });
  });
});
