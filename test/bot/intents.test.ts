import { describe, expect, it } from 'vitest';
import { findCounty, understand } from '../../bot/intents';
import { DEFAULT_CONFIG } from '../../core/config';

const u = (t: string) => understand(t, DEFAULT_CONFIG);

describe('intents', () => {
  it.each([
    ['帮助', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['订阅提醒 桃城区', { kind: 'subscribe', target: '桃城区' }],
    ['订阅提醒 全市', { kind: 'subscribe', target: '全市' }],
    ['订阅提醒', { kind: 'subscribe', target: '' }],
    ['取消订阅', { kind: 'unsubscribe' }],
    ['提醒设置', { kind: 'settings' }],
    ['桃城区本月排名', { kind: 'county', county: '桃城区' }],
    ['桃城区情况', { kind: 'county', county: '桃城区' }],
    ['桃城情况怎么样', { kind: 'county', county: '桃城区' }],
    ['哪些项目是红色的', { kind: 'colour', colour: 'red' }],
    ['黄色项目', { kind: 'colour', colour: 'yellow' }],
    ['桃城区的红色项目', { kind: 'colour', colour: 'red', county: '桃城区' }],
    ['red projects', { kind: 'colour', colour: 'red' }],
    ['我包联的项目', { kind: 'mine' }],
    ['赵志刚包联的项目', { kind: 'leader', leader: '赵志刚' }],
    ['赵志刚的项目', { kind: 'leader', leader: '赵志刚' }],
    ['查一下王芳同志负责的项目', { kind: 'leader', leader: '王芳' }],
    ['桃城区的项目', { kind: 'county', county: '桃城区' }],
    ['本月还有哪些没报', { kind: 'missing' }],
    ['冀州区还有哪些项目没报', { kind: 'missing', county: '冀州区' }],
    ['问题清单', { kind: 'problems', overdue: false }],
    ['逾期问题', { kind: 'problems', overdue: true }],
    ['全市总体情况', { kind: 'overview' }],
    ['衡水湖生态修复工程进展怎么样', { kind: 'project' }],
    ['hshstxf', { kind: 'project' }],
  ])('%s', (text, intent) => {
    expect(u(text).intent).toEqual(intent);
  });

  it('reads Traditional Chinese as Simplified', () => {
    expect(u('哪些項目是紅色的').intent).toEqual({ kind: 'colour', colour: 'red' });
    expect(u('取消訂閱').intent).toEqual({ kind: 'unsubscribe' });
    expect(u('衡水湖生態修復').text).toBe('衡水湖生态修复');
  });

  it('answers in English when the user writes English, not for pinyin initials', () => {
    expect(u('red projects').english).toBe(true);
    expect(u('help').english).toBe(true);
    expect(u('哪些项目是红色的').english).toBe(false);
    expect(u('hshstxf').english).toBe(false);
  });

  it('cuts very long input instead of matching all of it', () => {
    const long = '衡水湖'.repeat(5000);
    expect(u(long).text.length).toBe(200);
  });

  it('finds counties by full, short and English name', () => {
    expect(findCounty('冀州怎么样', DEFAULT_CONFIG)?.name).toBe('冀州区');
    expect(findCounty('Taocheng ranking', DEFAULT_CONFIG)?.name).toBe('桃城区');
    expect(findCounty('景县', DEFAULT_CONFIG)?.name).toBe('景县');
    expect(findCounty('衡水湖', DEFAULT_CONFIG)).toBeUndefined();
  });
});
