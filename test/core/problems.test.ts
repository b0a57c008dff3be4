import { describe, expect, it } from 'vitest';
import { canTransition, isOverdue, toProblemStatus, problemSummary, TRANSITIONS, transitionError } from '../../core/problems';
import { PROBLEM_STATUSES } from '../../core/types';
import type { Problem, ProblemStatus } from '../../core/types';

let id = 0;
const p = (status: ProblemStatus, deadline = '2026-06-30'): Problem => ({
  id: ++id, projectCode: '2026-131102-04-01-000001', description: '征地拆迁未完成', unit: '桃城区政府', foundOn: '2026-05-01', deadline, status,
});

describe('problemSummary', () => {
  it('writes Zhoukou’s sentence: 36 found, 33 resolved, 3 in progress', () => {
    const list = [
      ...Array.from({ length: 20 }, () => p('已销号')), ...Array.from({ length: 13 }, () => p('已解决')),
      p('待解决', '2026-07-31'), p('解决中', '2026-07-31'), p('解决中', '2026-08-01'),
    ];
    const s = problemSummary(list, '2026-07-15');
    expect(s).toEqual({ found: 36, resolved: 33, open: 3, overdue: 0, text: '发现问题 36 处，整改完毕 33 处，正在处理 3 处' });
  });
  it('adds the overdue count when any', () => {
    const list = [p('已解决', '2026-01-01'), p('待解决', '2026-07-14'), p('解决中', '2026-07-15'), p('解决中', '2026-06-01')];
    const s = problemSummary(list, '2026-07-15');
    expect(s.overdue).toBe(2); // 07-14 and 06-01; the deadline day itself is in time; resolved ones never overdue
    expect(s.text).toBe('发现问题 4 处，整改完毕 1 处，正在处理 3 处，其中逾期 2 处');
    expect(problemSummary(list, '2026-07-15', 'en').text).toBe('4 problems found, 1 resolved, 3 in progress, 2 of them overdue');
  });
  it('handles an empty list', () => {
    expect(problemSummary([], '2026-07-15').text).toBe('发现问题 0 处，整改完毕 0 处，正在处理 0 处');
  });
});

describe('isOverdue', () => {
  it('is open and after the deadline', () => {
    expect(isOverdue(p('待解决', '2026-07-14'), '2026-07-15')).toBe(true);
    expect(isOverdue(p('解决中', '2026-07-15'), '2026-07-15')).toBe(false);
    expect(isOverdue(p('已解决', '2026-01-01'), '2026-07-15')).toBe(false);
    expect(isOverdue(p('已销号', '2026-01-01'), '2026-07-15')).toBe(false);
  });
});

describe('status transitions', () => {
  it('allows exactly the table’s moves', () => {
    const allowed = PROBLEM_STATUSES.flatMap((a) => PROBLEM_STATUSES.filter((b) => canTransition(a, b)).map((b) => `${a}→${b}`));
    expect(allowed.sort()).toEqual(['待解决→解决中', '待解决→已解决', '解决中→已解决', '已解决→解决中', '已解决→已销号'].sort());
    expect(TRANSITIONS.已销号).toEqual([]);
  });
  it('returns null for an allowed move', () => {
    expect(transitionError('待解决', '解决中')).toBeNull();
    expect(transitionError('已解决', '解决中')).toBeNull(); // reopen
  });
  it('explains in Chinese why a move is refused', () => {
    expect(transitionError('解决中', '已销号')).toBe('只有“已解决”的问题才能销号，当前状态为“解决中”，请先改为“已解决”');
    expect(transitionError('待解决', '已销号')).toContain('只有“已解决”的问题才能销号');
    expect(transitionError('已销号', '解决中')).toBe('问题已销号，不能再改为“解决中”；如问题复现，请新建一条问题');
    expect(transitionError('解决中', '待解决')).toBe('不能从“解决中”改回“待解决”；允许的下一步：已解决');
    expect(transitionError('已解决', '已解决')).toBe('问题状态已是“已解决”，无需更改');
    expect(transitionError('解决中', '已完成')).toBe('“已完成”不是有效的问题状态，应为 待解决 / 解决中 / 已解决 / 已销号 之一');
  });
  it('explains in English too', () => {
    expect(transitionError('解决中', '已销号', 'en')).toBe('Only a resolved problem can be closed out; it is "in progress" now: mark it resolved first');
    expect(transitionError('解决中', '待解决', 'en')).toBe('Cannot go from "in progress" back to "open"; allowed next: resolved');
  });
});

describe('toProblemStatus', () => {
  it('reads Simplified, Traditional and English', () => {
    expect(toProblemStatus(' 已销号 ')).toBe('已销号');
    expect(toProblemStatus('解決中')).toBe('解决中');
    expect(toProblemStatus('已銷號')).toBe('已销号');
    expect(toProblemStatus('In_Progress')).toBe('解决中');
    expect(toProblemStatus('closed out')).toBe('已销号');
    expect(toProblemStatus('done')).toBeUndefined();
    expect(toProblemStatus(3)).toBeUndefined();
  });
});
