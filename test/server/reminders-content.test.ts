// The reminder's numbers are core's numbers for the scope; the card escapes project names.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import { escalations } from '../../core/escalation';
import { isOverdue } from '../../core/problems';
import { scoreAll } from '../../core/score';
import { reportingPeriod } from '../../core/periods';
import { rankingHistory } from '../../server/ranking';
import { seedDemo } from '../../server/demo/seed';
import { Store } from '../../server/store/store';
import { ReminderContent, reminderActivity } from '../../server/reminders/content';
import { hasNews, reminderCard, type ReminderView } from '../../bot/cards/reminder';
import { md } from '../../bot/cards/common';

const NOW = new Date('2026-11-02T01:00:00Z'); // Monday 09:00, reports of October due Nov 5
let dir: string;
let store: Store;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'keyproj-remind-content-'));
  store = Store.open(join(dir, 'k.db'));
  seedDemo(store, NOW);
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function expected(scope: string) {
  const cfg = DEFAULT_CONFIG;
  const here = (county: string) => scope === '全市' || county === scope;
  const current = scoreAll(store.projectStates('2026-10'), '2026-10', cfg);
  const closed = scoreAll(store.projectStates('2026-09'), '2026-09', cfg);
  const states = store.projectStates('2026-10');
  const countyOf = new Map(states.map((s) => [s.project.code, s.project.county]));
  return {
    missing: current.filter((s) => here(s.county) && s.flags?.some((f) => f.code === 'NO_REPORT')).map((s) => s.projectCode),
    late: closed.filter((s) => here(s.county) && s.flags?.some((f) => f.code === 'NO_REPORT')).map((s) => s.projectCode),
    red: closed.filter((s) => here(s.county) && s.colour === 'red').map((s) => s.projectCode),
    yellow: closed.filter((s) => here(s.county) && s.colour === 'yellow').map((s) => s.projectCode),
    redReasons: closed.filter((s) => here(s.county) && s.colour === 'red').map((s) => s.reason),
    overdue: store.problems.list({ open: true }).filter((p) => isOverdue(p, '2026-11-02') && here(countyOf.get(p.projectCode) ?? '')).map((p) => p.description),
    escalations: escalations(rankingHistory(store, cfg, '2026-09'), cfg).filter((e) => here(e.county)),
  };
}

describe('reminder content', () => {
  const content = () => new ReminderContent({ data: store, config: DEFAULT_CONFIG, period: reportingPeriod(NOW, 5), kind: 'weekly', now: NOW });

  it('the demo city has something to say in every section it covers', () => {
    const e = expected('全市');
    expect(e.missing.length).toBeGreaterThan(0);
    expect(e.red.length + e.yellow.length).toBeGreaterThan(0);
    expect(e.overdue.length).toBeGreaterThan(0);
  });

  for (const scope of ['全市', '桃城区', '冀州区', '景县', '深州市']) {
    it(`numbers match core for ${scope}`, () => {
      const v = content().view(scope, 'zh-CN');
      const e = expected(scope);
      expect(v.period).toBe('2026-10');
      expect(v.deadline).toBe('2026-11-05');
      expect(v.daysLeft).toBe(3);
      expect(v.missing.map((p) => p.code)).toEqual(e.missing);
      expect(v.late.map((p) => p.code)).toEqual(e.late);
      expect([v.latePeriod, v.lateDeadline]).toEqual(['2026-09', '2026-10-05']);
      expect(v.red.map((p) => p.code)).toEqual(e.red);
      expect(v.red.map((p) => p.reason)).toEqual(e.redReasons);
      expect(v.yellow.map((p) => p.code)).toEqual(e.yellow);
      expect(v.overdue.map((p) => p.description).sort()).toEqual([...e.overdue].sort());
      expect(v.escalations).toEqual(e.escalations);
      if (scope !== '全市') for (const p of [...v.missing, ...v.red, ...v.yellow]) expect(p.county).toBe(scope);
    });
  }

  it('the card states the counts and the days left, and its fallback text says the same', () => {
    const e = expected('桃城区');
    const card = content().card('桃城区', 'zh-CN');
    expect(card.text).toContain('重点项目周提醒 · 桃城区');
    expect(card.text).toContain('2026年10月台账报送截止 2026-11-05，还剩 3 天');
    expect(card.text).toContain(`未报送项目（${e.missing.length} 个）`);
    if (e.red.length) expect(card.text).toContain(`红色项目（${e.red.length} 个）`);
    const json = JSON.stringify(card.card);
    expect(json).toContain(`未报送项目（${e.missing.length} 个）`);
    expect((card.card as { fallbackText: string }).fallbackText).toBe(card.text);
    const activity = reminderActivity(card) as { attachments: { content: unknown }[]; summary: string };
    expect(activity.attachments[0].content).toEqual(card.card);
    expect(activity.summary).toBe('重点项目周提醒 · 桃城区');
  });

  it('English on request', () => {
    const card = content().card('全市', 'en');
    expect(card.text).toContain('Key projects weekly reminder · 全市');
    expect(card.text).toMatch(/due 2026-11-05, 3 days left/);
  });
});

describe('reminder card', () => {
  const base: ReminderView = {
    scope: '桃城区', kind: 'deadline', period: '2026-10', deadline: '2026-11-05', daysLeft: 1,
    missing: [], late: [], latePeriod: '2026-09', lateDeadline: '2026-10-05', red: [], yellow: [], overdue: [], escalations: [],
  };

  it('escapes user-typed names for Adaptive Card Markdown, keeps them raw in the fallback', () => {
    const name = '**[点我](http://evil.example)** _项目_ <b>';
    const card = reminderCard({ ...base, missing: [{ code: 'X', name, county: '桃城区' }] }, 'zh-CN');
    const texts: string[] = [];
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object') {
        const o = n as Record<string, unknown>;
        if (o.type === 'TextBlock') texts.push(String(o.text));
        Object.values(o).forEach(walk);
      }
    };
    walk((card.card as { body: unknown }).body);
    const item = texts.find((t) => t.includes('点我'))!;
    expect(item).toBe(`1\\. ${md(name)}`);
    // No Markdown metacharacter of the name is left unescaped.
    expect(item.replace(/\\./g, '')).not.toMatch(/[*_[\]<>]/);
    expect(card.text).toContain(`1. ${name}`);
    expect(card.text).toContain('台账报送截止提醒 · 桃城区');
  });

  it('all clear when nothing is due, with the days left; hasNews says so', () => {
    const card = reminderCard(base, 'zh-CN');
    expect(hasNews(base)).toBe(false);
    expect(card.text).toContain('一切正常');
    expect(card.text).toContain('还剩 1 天');
    expect(reminderCard({ ...base, daysLeft: 0 }, 'zh-CN').text).toContain('今天（2026-11-05）报送截止');
    expect(reminderCard({ ...base, daysLeft: -2 }, 'zh-CN').text).toContain('已逾期 2 天');
  });

  it('lists at most `max` per section and says how many more; city scope names the county', () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ code: `C${i}`, name: `项目${i}`, county: i % 2 ? '景县' : '桃城区', reason: '完成率低于序时 35 个百分点' }));
    const card = reminderCard({ ...base, scope: '全市', red: many, max: 5 }, 'zh-CN');
    expect(card.text).toContain('红色项目（13 个）');
    expect(card.text).toContain('5. 项目4（桃城区）：完成率低于序时 35 个百分点');
    expect(card.text).not.toContain('项目5（');
    expect(card.text).toContain('……另有 8 个未列出');
  });

  it('escalations read as the meeting the county must explain at', () => {
    const card = reminderCard({ ...base, scope: '全市', escalations: [{ county: '景县', level: 2, indicators: ['investmentRate', 'startRate'], months: 2 }] }, 'zh-CN');
    expect(card.text).toContain('景县：投资完成率、开工率 连续 2 个月排名末位，须在市委常委会上作说明');
  });

  it('reports still missing after last month’s deadline are listed as late', () => {
    const v = { ...base, late: [{ code: 'L1', name: '桃城某项目', county: '桃城区' }] };
    expect(hasNews(v)).toBe(true);
    const card = reminderCard(v, 'zh-CN');
    expect(card.text).toContain('逾期未报（2026-09 月报，2026-10-05 已截止，1 个）');
    expect(card.text).toContain('1. 桃城某项目');
  });
});
