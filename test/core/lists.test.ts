import { describe, expect, it } from 'vitest';
import { nextList, readinessOf } from '../../core/lists';
import type { Project } from '../../core/types';

const reserve = (over: Partial<Project> = {}): Project => ({
  code: '2026-131102-04-01-000777', name: '滨湖新区污水处理厂', county: '滨湖新区', list: '储备', level: '市重点', sector: '市政公用',
  owner: '滨湖水务', total: 30000, annualPlan: 5000, plannedStart: '2026-09', plannedEnd: '2028-06', leader: '王五', unit: '滨湖新区管委会',
  stage: '前期', approvals: ['立项', '用地', '规划', '环评'], ...over,
});

describe('储备 → 拟新开工', () => {
  it('moves a reserve project with its code and the four approvals, planned to start this year', () => {
    expect(nextList(reserve(), undefined, '2026-04')).toEqual({
      projectCode: '2026-131102-04-01-000777', from: '储备', to: '拟新开工', period: '2026-04',
      reason: '已赋项目代码，立项、用地、规划、环评手续齐全，计划 2026-09 开工，年内具备开工条件：转入拟新开工清单',
    });
    expect(nextList(reserve(), undefined, '2026-04', 'en')?.reason).toBe('Has its project code and approvals (立项, 用地, 规划, 环评), planned to start in 2026-09: moves to the to-start list');
  });
  it('does not move without a real code', () => {
    expect(nextList(reserve({ code: 'TMP-0001' }), undefined, '2026-04')).toBeNull();
    expect(readinessOf(reserve({ code: 'TMP-0001' }), '2026-04')).toMatchObject({ ready: false, hasCode: false });
  });
  it('does not move while an approval is missing, and says which', () => {
    const p = reserve({ approvals: ['立项', '规划'] });
    expect(nextList(p, undefined, '2026-04')).toBeNull();
    expect(readinessOf(p, '2026-04').missing).toEqual(['用地', '环评']);
  });
  it('does not need 施工许可', () => {
    expect(readinessOf(reserve(), '2026-04').missing).toEqual([]);
  });
  it('waits for the year of the planned start', () => {
    expect(nextList(reserve({ plannedStart: '2027-03' }), undefined, '2026-11')).toBeNull();
    expect(nextList(reserve({ plannedStart: '2027-03' }), undefined, '2027-01')?.to).toBe('拟新开工');
  });
});

describe('拟新开工 → 在建', () => {
  const ns = reserve({ list: '拟新开工', plannedStart: '2026-05' });
  it('moves when the month’s report gives an actual start', () => {
    expect(nextList(ns, { actualStart: '2026-05-12' }, '2026-05')).toEqual({
      projectCode: ns.code, from: '拟新开工', to: '在建', period: '2026-05', reason: '已于 2026-05 开工：转入在建清单',
    });
  });
  it('moves on the master data’s actual start too', () => {
    expect(nextList({ ...ns, actualStart: '2026-04' }, undefined, '2026-05')?.to).toBe('在建');
  });
  it('does not move before the start, nor on a start dated after the month', () => {
    expect(nextList(ns, { monthInvest: 0 }, '2026-05')).toBeNull();
    expect(nextList(ns, { actualStart: '2026-06-01' }, '2026-05')).toBeNull();
  });
});

describe('在建', () => {
  it('is the last list: completion changes the stage, not the list', () => {
    const p = reserve({ list: '在建', actualStart: '2025-03', stage: '在建' });
    expect(nextList(p, { actualEnd: '2026-05-30', stage: '竣工' }, '2026-05')).toBeNull();
  });
});
