// Custom functions: metadata generated from JSDoc matches the committed functions.json, and the
// functions agree with core (scoring, code checks).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../../core/config';
import { scoreProject } from '../../core/score';
import type { Project } from '../../core/types';
import { codecheck, colour, rate, registerFunctions, useConfig } from '../../addin/src/functions/functions';
import { functionsMetadata } from '../../addin/vite.config';
import { installFakeOffice, uninstallFakeOffice } from './fake-office/index';
import { underConstruction } from '../fixtures/ledger';

afterEach(() => {
  useConfig(DEFAULT_CONFIG, 'zh-CN');
  uninstallFakeOffice();
});

describe('functions.json', () => {
  it('is what custom-functions-metadata generates from the JSDoc, and is committed up to date', async () => {
    const generated = JSON.parse(await functionsMetadata());
    const committed = JSON.parse(readFileSync(new URL('../../addin/src/functions/functions.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(generated);
    const byId = Object.fromEntries(generated.functions.map((f: { id: string }) => [f.id, f]));
    expect(Object.keys(byId).sort()).toEqual(['CODECHECK', 'COLOUR', 'RATE']);
    expect(byId.CODECHECK.parameters[1]).toMatchObject({ name: 'county', optional: true });
    expect(byId.COLOUR.result.type).toBe('string');
    expect(byId.RATE.result.type).toBe('number');
  });
});

describe('KEYPROJ.COLOUR and RATE', () => {
  it('give the same colour as core\'s scoreProject for a 在建 project', () => {
    for (const [perMonth, m] of [[1500, 6], [1000, 6], [500, 6], [150, 6], [900, 3], [100, 11]] as const) {
      const v = underConstruction(1, m, { monthInvest: perMonth });
      const period = `2026-${String(m).padStart(2, '0')}`;
      const report = { projectCode: v.code!, period, monthInvest: perMonth, ytdInvest: v.ytdInvest!, cumInvest: v.cumInvest! };
      const core = scoreProject({ project: { ...v, approvals: [] } as unknown as Project, reports: [report] }, period, DEFAULT_CONFIG);
      const label = { green: '绿', white: '白', yellow: '黄', red: '红', none: '无' }[core.colour];
      expect(colour(v.annualPlan, v.ytdInvest, m), `${perMonth}×${m}`).toBe(label);
      expect(colour(v.annualPlan, v.ytdInvest, period)).toBe(label);
    }
  });

  it('follows the configured rule set and reads amounts as people type them', () => {
    expect(rate('3,000', '1.2亿')).toBeCloseTo(0.25);
    expect(colour('1.2亿', '4,000', '2026年6月')).toBe('黄'); // 33 % vs 50 %: 17 points behind
    useConfig(resolveConfig({ scoring: { ruleSet: 'ratio' } }), 'en');
    expect(colour(12000, 4000, 6)).toBe('yellow'); // 0.67 of the schedule: below 0.90, at least 0.50
    expect(colour(12000, 2000, 6)).toBe('red'); // 0.33 of the schedule
  });

  it('explains bad input in Chinese instead of returning a silent zero', () => {
    expect(() => rate(100, 0)).toThrow('年度计划投资应大于 0');
    expect(() => colour(12000, '很多', 3)).toThrow('“很多”不是金额');
    expect(() => colour(12000, 100, 13.5)).toThrow('不是月份');
  });
});

describe('KEYPROJ.CODECHECK', () => {
  it('says OK for a good code and what is wrong otherwise, using core\'s rules', () => {
    expect(codecheck('2024-131102-04-01-000123', '桃城区')).toBe('OK');
    expect(codecheck('2024-131102-04-01-000123')).toBe('OK');
    expect(codecheck('2024-131181-04-01-000123', '冀州区')).toBe('OK'); // legacy 冀州市 code
    expect(codecheck('2024-13110204-01-000123')).toContain('格式不对');
    const region = codecheck('2024-131121-04-01-000123', '桃城区');
    expect(region).toContain('131121');
    expect(region).toContain('桃城区');
    expect(codecheck('2024-131102-04-01-000123', '火星县')).toContain('火星县');
  });
});

describe('registration', () => {
  it('associates the three ids with the custom functions runtime', () => {
    const fake = installFakeOffice();
    expect(registerFunctions()).toBe(true);
    expect([...fake.functions.keys()].sort()).toEqual(['CODECHECK', 'COLOUR', 'RATE']);
    expect(fake.functions.get('RATE')!(50, 100)).toBe(0.5);
  });
});
