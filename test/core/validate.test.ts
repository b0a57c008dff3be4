import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../../core/config';
import { RULES } from '../../core/rules';
import { findingsJson, summarize, validateLedger } from '../../core/validate';
import type { ValidateInput } from '../../core/validate';
import type { MonthlyReport, RawRow, RuleCode } from '../../core/types';

const CODE = '2024-131102-04-01-000123';
const cfg = DEFAULT_CONFIG;

/** A clean 在建 row for March 2026: cum/total = 8000/20000 = 40 % = progress; spent within 20 %. */
function goodRow(over: RawRow = {}): RawRow {
  return {
    code: CODE, name: '衡水湖生态修复工程', county: '桃城区', list: '在建', level: '市重点', sector: '生态环保',
    owner: '衡水市城建投资有限公司', nature: '新建', total: 20000, annualPlan: 6000, plannedStart: '2025-06', plannedEnd: '2027-12',
    leader: '张三', unit: '桃城区发改局', contact: '李四', phone: '13812345678', monthInvest: 500, ytdInvest: 1500, cumInvest: 8000,
    actualStart: '2025-06', stage: '在建', approvals: '立项、用地、规划、环评、施工许可', progress: 40, spent: 7800, registered: '是',
    ...over,
  };
}

function report(period: string, monthInvest: number, ytdInvest: number, cumInvest: number): MonthlyReport {
  return { projectCode: CODE, period, monthInvest, ytdInvest, cumInvest };
}

/** January and February 2026 at 500 a month, after a year of 400 a month. */
const HISTORY: MonthlyReport[] = [
  report('2026-02', 500, 1000, 7500), report('2026-01', 500, 500, 7000), report('2025-12', 400, 4800, 6500), report('2025-11', 400, 4400, 6100),
];

function run(over: RawRow = {}, extra: Partial<ValidateInput> = {}) {
  return validateLedger({
    rows: [{ row: 5, raw: goodRow(over) }], period: '2026-03', config: cfg,
    now: new Date('2026-04-03T02:00:00Z'), submittedAt: new Date('2026-04-03T02:00:00Z'),
    history: new Map([[CODE, HISTORY]]), ...extra,
  });
}
const only = (res: ReturnType<typeof run>, rule: RuleCode) => res.findings.filter((f) => f.rule === rule);

describe('the clean row', () => {
  it('has no findings at all', () => {
    const res = run();
    expect(res.findings).toEqual([]);
    expect(res.errors).toBe(0);
    expect(res.warnings).toBe(0);
    expect(res.rows[0].values.total).toBe(20000);
  });
});

describe('each rule fires and stays quiet', () => {
  it('REQUIRED', () => {
    const res = run({ name: '', total: null, progress: '  ' });
    expect(only(res, 'REQUIRED').map((f) => [f.column, f.severity, f.row])).toEqual([['name', 'error', 5], ['total', 'error', 5], ['progress', 'error', 5]]);
    expect(only(res, 'REQUIRED')[2].message).toBe('在建项目的形象进度为必填项，不能为空；请填写（0 到 100）');
    // A reserve project may lack its code and this month's figures.
    const reserve = run({ list: '储备', code: '', monthInvest: null, ytdInvest: null, cumInvest: null, progress: null, stage: '前期', actualStart: null });
    expect(only(reserve, 'REQUIRED')).toEqual([]);
    expect(only(run({ code: '' }), 'REQUIRED').map((f) => f.column)).toEqual(['code']);
  });

  it('TYPE', () => {
    const res = run({ total: '约两亿' });
    expect(only(res, 'TYPE')).toEqual([{ rule: 'TYPE', severity: 'error', row: 5, column: 'total', projectCode: CODE, value: '约两亿', message: '总投资：“约两亿”不是金额；请填写以万元为单位的数字，如 12000、12,000 或 1.2亿' }]);
    expect(only(run({ total: '2亿' }), 'TYPE')).toEqual([]);
  });

  it('ENUM', () => {
    const res = run({ county: '石家庄市' });
    expect(only(res, 'ENUM')).toHaveLength(1);
    expect(only(res, 'ENUM')[0]).toMatchObject({ column: 'county', value: '石家庄市', severity: 'error' });
    expect(only(run({ county: '桃城區' }), 'ENUM')).toEqual([]);
  });

  it('CODE_FORMAT', () => {
    const res = run({ code: '2024-131102-04-01-00012' });
    expect(only(res, 'CODE_FORMAT')[0].message).toBe('项目代码“2024-131102-04-01-00012”格式不对；应为 24 位的 YYYY-AAAAAA-BB-TT-NNNNNN，如 2024-131102-04-01-000123');
    expect(only(run({ code: 'TMP-0007' }), 'CODE_FORMAT')[0].message).toContain('临时编号“TMP-0007”只能用于储备项目');
    expect(only(run({ code: '1980-131102-04-01-000123' }), 'CODE_FORMAT')[0].message).toContain('年份 1980 不合理；应在 1990 到 2100 之间');
    expect(only(run({ code: 'TMP-0007', list: '储备', stage: '前期', monthInvest: 0 }), 'CODE_FORMAT')).toEqual([]);
    expect(only(run({ code: '２０２４－１３１１０２－０４－０１－０００１２３' }), 'CODE_FORMAT')).toEqual([]);
  });

  it('CODE_REGION', () => {
    const res = run({ code: '2024-131181-04-01-000123' });
    expect(only(res, 'CODE_REGION')[0]).toMatchObject({ column: 'code', severity: 'error' });
    expect(only(res, 'CODE_REGION')[0].message).toBe('项目代码中的行政区划代码 131181 不属于桃城区；应为桃城区的 131102，或市级 131100、省级 130000');
    expect(only(run({ code: '2019-131181-04-01-000123', county: '冀州区' }), 'CODE_REGION')).toEqual([]);
  });

  it('DUPLICATE', () => {
    const res = validateLedger({
      rows: [{ row: 3, raw: goodRow() }, { row: 4, raw: goodRow({ code: '2024-131102-04-01-000999' }) }, { row: 9, raw: goodRow({ code: ' 2024-131102-04-01-000123' }) }],
      period: '2026-03', config: cfg, now: new Date('2026-04-01T00:00:00Z'),
    });
    const dup = only(res, 'DUPLICATE');
    expect(dup.map((f) => f.row)).toEqual([3, 9]);
    expect(dup[0].message).toBe(`项目代码 ${CODE} 在本次填报中重复出现（第 3、9 行）；每个项目只能填一行，请删除或合并重复的行`);
    expect(only(run(), 'DUPLICATE')).toEqual([]);
  });

  it('NEGATIVE', () => {
    const res = run({ monthInvest: '-5', spent: -1 });
    const neg = only(res, 'NEGATIVE');
    expect(neg.map((f) => f.column)).toEqual(['monthInvest', 'spent']);
    expect(neg[0].message).toBe('本月完成投资为 -5.00 万元，不能为负数；请填写 0 或正数');
    expect(only(res, 'TYPE')).toEqual([]);
    expect(only(run({ monthInvest: 0, ytdInvest: 1000 }), 'NEGATIVE')).toEqual([]);
  });

  it('YTD_MISMATCH', () => {
    const res = run({ monthInvest: 200, ytdInvest: 1250 });
    expect(only(res, 'YTD_MISMATCH')).toEqual([{
      rule: 'YTD_MISMATCH', severity: 'error', row: 5, column: 'ytdInvest', projectCode: CODE, value: '1250',
      message: '本年累计完成投资 1,250.00 万元 ≠ 上月（2026-02）累计 1,000.00 + 本月 200.00 = 1,200.00 万元；请改为 1,200.00 或核对本月完成投资',
    }]);
    // Within the 0.5 tolerance.
    expect(only(run({ monthInvest: 200, ytdInvest: 1200.4 }), 'YTD_MISMATCH')).toEqual([]);
    // Without the previous month's report there is nothing to compare with.
    expect(only(run({ monthInvest: 200, ytdInvest: 1250 }, { history: undefined }), 'YTD_MISMATCH')).toEqual([]);
    expect(only(run({ monthInvest: 200, ytdInvest: 1250 }, { history: new Map([[CODE, [HISTORY[1]]]]) }), 'YTD_MISMATCH')).toEqual([]);
  });

  it('YTD_MISMATCH in January: year-to-date equals the month', () => {
    const jan = run({ monthInvest: 300, ytdInvest: 5100 }, { period: '2026-01', history: new Map([[CODE, HISTORY.slice(2)]]), now: new Date('2026-02-02T00:00:00Z') });
    expect(only(jan, 'YTD_MISMATCH')[0].message).toBe('1 月的本年累计完成投资 5,100.00 万元应等于本月完成投资 300.00 万元；请改为 300.00');
    // No history needed for January.
    expect(only(run({ monthInvest: 300, ytdInvest: 5100 }, { period: '2026-01', history: undefined }), 'YTD_MISMATCH')).toHaveLength(1);
    expect(only(run({ monthInvest: 300, ytdInvest: 300, cumInvest: 6800, spent: 6800, progress: 34 }, { period: '2026-01' }), 'YTD_MISMATCH')).toEqual([]);
  });

  it('YTD_DECREASE', () => {
    const res = run({ monthInvest: 0, ytdInvest: 900 });
    expect(only(res, 'YTD_DECREASE')[0].message).toBe('本年累计完成投资 900.00 万元低于 2026-02 已报的 1,000.00 万元；本年累计只增不减，应不少于 1,000.00 万元');
    // The latest earlier report of the year counts even when a month is missing.
    const gap = run({ monthInvest: 0, ytdInvest: 400 }, { history: new Map([[CODE, [HISTORY[1]]]]) });
    expect(only(gap, 'YTD_DECREASE')[0].message).toContain('低于 2026-01 已报的 500.00 万元');
    expect(only(run({ monthInvest: 0, ytdInvest: 1000 }), 'YTD_DECREASE')).toEqual([]);
    // Last year's figures do not count.
    expect(only(run({ monthInvest: 100, ytdInvest: 100 }, { history: new Map([[CODE, HISTORY.slice(2)]]) }), 'YTD_DECREASE')).toEqual([]);
  });

  it('CUM_LT_YTD', () => {
    const res = run({ cumInvest: 1400, spent: 1400, progress: 7 });
    expect(only(res, 'CUM_LT_YTD')[0].message).toBe('开工累计完成投资 1,400.00 万元小于本年累计完成投资 1,500.00 万元；开工累计应不少于 1,500.00 万元');
    expect(only(run({ cumInvest: 1500, spent: 1500, progress: 7.5 }), 'CUM_LT_YTD')).toEqual([]);
  });

  it('CUM_GT_TOTAL: a warning above 100 %, an error above 150 %', () => {
    const warn = only(run({ total: 7000, progress: 100, registered: '否' }), 'CUM_GT_TOTAL');
    expect(warn).toHaveLength(1);
    expect(warn[0].severity).toBe('warning');
    expect(warn[0].message).toBe('开工累计完成投资 8,000.00 万元为总投资 7,000.00 万元的 114.3%，超过 100%；请核对开工累计，或先调整总投资');
    const err = only(run({ total: 5000, progress: 100 }), 'CUM_GT_TOTAL');
    expect(err[0].severity).toBe('error');
    expect(err[0].message).toContain('为总投资 5,000.00 万元的 160.0%，超过 150%');
    expect(only(run({ total: 8000, progress: 100 }), 'CUM_GT_TOTAL')).toEqual([]);
  });

  it('DATE_ORDER', () => {
    const res = run({ plannedStart: '2026-06', plannedEnd: '2026年5月', actualEnd: '2025-05-01', stage: '竣工', actualStart: '2026-04-02' });
    expect(only(res, 'DATE_ORDER').map((f) => [f.column, f.message])).toEqual([
      ['plannedEnd', '计划竣工时间 2026-05 早于计划开工时间 2026-06；计划竣工应不早于 2026-06'],
      ['actualStart', '实际开工时间 2026-04-02 晚于报告月份 2026-03；已发生的时间不能晚于 2026-03，请核对'],
      ['actualEnd', '实际竣工时间 2025-05-01 早于实际开工时间 2026-04-02；实际竣工应不早于 2026-04-02'],
    ]);
    // The same month with and without a day is not out of order.
    expect(only(run({ actualStart: '2025-06-20', actualEnd: '2025-06', stage: '竣工' }), 'DATE_ORDER')).toEqual([]);
    expect(only(run(), 'DATE_ORDER')).toEqual([]);
  });

  it('STAGE', () => {
    expect(only(run({ stage: '竣工' }), 'STAGE')[0].message).toBe('建设阶段为竣工，但未填写实际竣工时间；请填写实际竣工时间，或将建设阶段改为在建');
    expect(only(run({ actualStart: null }), 'STAGE')[0].message).toBe('建设阶段为在建，但未填写实际开工时间；请填写实际开工时间，或将建设阶段改为前期');
    expect(only(run({ stage: '前期', monthInvest: 500 }), 'STAGE')[0].message).toContain('建设阶段为前期，但本月完成投资 500.00 万元');
    expect(only(run({ stage: '投产', actualEnd: '2026-03-10' }), 'STAGE')).toEqual([]);
    expect(only(run({ stage: '前期', monthInvest: 0, ytdInvest: 1000 }), 'STAGE')).toEqual([]);
  });

  it('PERIOD_FUTURE', () => {
    // 2026-03-31 16:30 UTC is already April in Shanghai, still March in UTC.
    expect(only(run({}, { period: '2026-04', now: new Date('2026-03-31T16:30:00Z'), history: undefined }), 'PERIOD_FUTURE')).toEqual([]);
    const res = run({}, { period: '2026-04', now: new Date('2026-03-31T16:30:00Z'), config: resolveConfig({ timezone: 'UTC' }), history: undefined });
    expect(only(res, 'PERIOD_FUTURE')).toEqual([{ rule: 'PERIOD_FUTURE', severity: 'error', row: 0, column: null, projectCode: null, value: '2026-04', message: '报告月份 2026-04 晚于当前月份 2026-03；只能填报 2026-03 及以前的月份' }]);
  });

  it('BELOW_THRESHOLD', () => {
    const res = run({ total: 450, annualPlan: 450, monthInvest: 10, ytdInvest: 30, cumInvest: 300, spent: 300, progress: 66 }, { history: undefined });
    expect(only(res, 'BELOW_THRESHOLD').map((f) => [f.column, f.severity, f.message])).toEqual([
      ['total', 'warning', '总投资 450.00 万元低于重点项目标准 5,000.00 万元；请核对总投资（是否误按元或亿元填写），不足 5,000.00 万元的项目不宜列入重点项目'],
      ['registered', 'warning', '总投资 450.00 万元低于入统标准 500.00 万元，不能入统；请将是否入统改为否，或核对总投资'],
    ]);
    expect(only(run({ total: 4999, cumInvest: 2000, spent: 2000, progress: 40, registered: '否' }), 'BELOW_THRESHOLD').map((f) => f.column)).toEqual(['total']);
    expect(only(run(), 'BELOW_THRESHOLD')).toEqual([]);
    // Thresholds are configuration.
    expect(only(run({}, { config: resolveConfig({ thresholds: { keyListMinTotal: 30000 } }) }), 'BELOW_THRESHOLD')).toHaveLength(1);
  });

  it('PROGRESS_GAP', () => {
    const res = run({ progress: 75 });
    expect(only(res, 'PROGRESS_GAP')[0]).toMatchObject({ severity: 'warning', column: 'progress', value: '75' });
    expect(only(res, 'PROGRESS_GAP')[0].message).toBe('形象进度 75% 与投资进度 40.0%（开工累计 8,000.00 ÷ 总投资 20,000.00）相差 35.0 个百分点，超过 30 个百分点；请核对形象进度或开工累计完成投资');
    expect(only(run({ progress: 70 }), 'PROGRESS_GAP')).toEqual([]);
  });

  it('SPEND_GAP', () => {
    const res = run({ spent: 5000 });
    expect(only(res, 'SPEND_GAP')[0].message).toBe('累计财务支出 5,000.00 万元与开工累计完成投资 8,000.00 万元相差 3,000.00 万元（37.5%），超过 20%；差额一般应在 1,600.00 万元以内，请核对');
    expect(only(run({ spent: 6400 }), 'SPEND_GAP')).toEqual([]);
    expect(only(run({ spent: 9600 }), 'SPEND_GAP')).toEqual([]);
  });

  it('SPIKE', () => {
    // Average of the four earlier months: (500 + 500 + 400 + 400) / 4 = 450; 3 × 450 = 1350; 10 % of 20000 = 2000.
    const res = run({ monthInvest: 2500, ytdInvest: 3500, cumInvest: 10000, spent: 10000, progress: 50 });
    expect(only(res, 'SPIKE')[0].message).toBe('本月完成投资 2,500.00 万元是以往 4 个月月均 450.00 万元的 5.6 倍，且超过总投资 20,000.00 万元的 10%；请核对是否多填（如把累计数填成了本月数）');
    // Over 3× the average but not over 10 % of the total.
    expect(only(run({ monthInvest: 1900, ytdInvest: 2900, cumInvest: 9400, spent: 9400, progress: 47 }), 'SPIKE')).toEqual([]);
    expect(only(run({ monthInvest: 2500, ytdInvest: 3500, cumInvest: 10000, spent: 10000, progress: 50 }, { history: undefined }), 'SPIKE')).toEqual([]);
  });

  it('STALLED', () => {
    const stalledHistory = [report('2026-02', 0, 1000, 7500), report('2026-01', 0, 1000, 7500), report('2025-12', 400, 1000, 7500)];
    const res = run({ monthInvest: 0, ytdInvest: 1000, cumInvest: 7500, spent: 7500, progress: 37.5 }, { history: new Map([[CODE, stalledHistory]]) });
    expect(only(res, 'STALLED')[0].message).toBe('在建项目已连续 3 个月（2026-01 至 2026-03）没有完成投资；请在“存在问题”中说明原因，或核对本月完成投资');
    // A completed project has no investment to report.
    const done = run({ monthInvest: 0, ytdInvest: 1000, cumInvest: 7500, spent: 7500, progress: 100, stage: '竣工', actualEnd: '2026-01-20', total: 7500 }, { history: new Map([[CODE, stalledHistory]]) });
    expect(only(done, 'STALLED')).toEqual([]);
    const one = run({ monthInvest: 0, ytdInvest: 1000, cumInvest: 7500, spent: 7500, progress: 37.5 });
    expect(only(one, 'STALLED')).toEqual([]);
    expect(only(run({ monthInvest: 0, ytdInvest: 1000, cumInvest: 7500, spent: 7500, progress: 37.5 }, { history: undefined }), 'STALLED')).toEqual([]);
  });

  it('PHONE', () => {
    const res = run({ phone: '1381234567' });
    expect(only(res, 'PHONE')[0]).toMatchObject({ severity: 'warning', column: 'phone', value: '1381234567' });
    expect(only(res, 'PHONE')[0].message).toContain('联系电话“1381234567”不是有效的手机号');
    for (const ok of ['0318-2123456', '(0318)2123456', '0318 2123456', '138-1234-5678', '+86 138 1234 5678', '13812345678、0318-2123456', '010-12345678', '0318-2123456-801']) {
      expect(only(run({ phone: ok }), 'PHONE')).toEqual([]);
    }
    for (const bad of ['12812345678', '2123456', 'abc', '0318-212']) expect(only(run({ phone: bad }), 'PHONE')).toHaveLength(1);
  });

  it('LATE: after the deadline day, end of day in Asia/Shanghai', () => {
    // Deadline 2026-04-05; 2026-04-05 15:59 UTC is 23:59 in Shanghai, still on time; 16:00 UTC is the 6th.
    expect(only(run({}, { submittedAt: new Date('2026-04-05T15:59:00Z') }), 'LATE')).toEqual([]);
    const late = only(run({}, { submittedAt: new Date('2026-04-05T16:00:00Z') }), 'LATE');
    expect(late).toEqual([{ rule: 'LATE', severity: 'warning', row: 0, column: null, projectCode: null, value: '2026-04-05T16:00:00.000Z', message: '2026-03 的报告于 2026-04-06 提交，晚于截止日期 2026-04-05；请按时报送' }]);
    expect(only(run({}, { submittedAt: undefined }), 'LATE')).toEqual([]);
  });

  it('every rule of the table was exercised above', () => {
    const codes: RuleCode[] = ['REQUIRED', 'TYPE', 'ENUM', 'CODE_FORMAT', 'CODE_REGION', 'DUPLICATE', 'NEGATIVE', 'YTD_MISMATCH', 'YTD_DECREASE', 'CUM_LT_YTD', 'CUM_GT_TOTAL', 'DATE_ORDER', 'STAGE', 'PERIOD_FUTURE', 'BELOW_THRESHOLD', 'PROGRESS_GAP', 'SPEND_GAP', 'SPIKE', 'STALLED', 'PHONE', 'LATE'];
    expect(RULES.map((r) => r.code)).toEqual(codes);
    for (const r of RULES) {
      expect(r.title['zh-CN'] && r.title.en && r.description['zh-CN'] && r.description.en && r.message['zh-CN'] && r.message.en).toBeTruthy();
      for (const v of Object.values(r.variants ?? {})) expect(v['zh-CN'] && v.en).toBeTruthy();
    }
  });
});

describe('no cascade, all findings, order', () => {
  it('an unreadable amount silences the rules that need it', () => {
    const res = run({ ytdInvest: '一千五', monthInvest: 'abc' });
    expect(res.findings.map((f) => [f.rule, f.column])).toEqual([['TYPE', 'monthInvest'], ['TYPE', 'ytdInvest']]);
  });
  it('an unreadable list does not invent list-dependent requirements', () => {
    const res = run({ list: '重点', code: '', monthInvest: null });
    expect(res.findings.map((f) => [f.rule, f.column])).toEqual([['ENUM', 'list']]);
    // A temporary id cannot be judged without the list; a malformed code still can.
    expect(run({ list: '重点', code: 'TMP-1' }).findings.map((f) => f.rule)).toEqual(['ENUM']);
    expect(run({ list: '重点', code: '2024-1311' }).findings.map((f) => f.rule)).toEqual(['CODE_FORMAT', 'ENUM']);
  });
  it('reports every finding of every row, sorted by row then ledger column', () => {
    const res = validateLedger({
      rows: [
        { row: 8, raw: goodRow({ code: '2024-131102-04-01-000888', phone: '123', total: 'x' }) },
        { row: 6, raw: goodRow({ progress: 90, name: '' }) },
      ],
      period: '2026-03', config: cfg, now: new Date('2026-04-01T00:00:00Z'), submittedAt: new Date('2026-05-01T00:00:00Z'),
    });
    expect(res.findings.map((f) => [f.row, f.column, f.rule])).toEqual([
      [0, null, 'LATE'], [6, 'name', 'REQUIRED'], [6, 'progress', 'PROGRESS_GAP'], [8, 'total', 'TYPE'], [8, 'phone', 'PHONE'],
    ]);
    expect(res.errors).toBe(2);
    expect(res.warnings).toBe(3);
    expect(res.rows.map((r) => r.row)).toEqual([8, 6]);
  });
  it('a malformed report month is one clear finding, not a crash', () => {
    const res = run({}, { period: '2026-3' });
    expect(res.findings).toEqual([{ rule: 'TYPE', severity: 'error', row: 0, column: null, projectCode: null, value: '2026-3', message: '报告月份：“2026-3”不是年月；请填写如 2026-03、2026年3月 或 202603' }]);
  });
  it('messages follow the locale', () => {
    const res = run({ monthInvest: 200, ytdInvest: 1250 }, { locale: 'en' });
    expect(only(res, 'YTD_MISMATCH')[0].message).toBe("Year-to-date 1,250.00 ≠ last month's (2026-02) 1,000.00 + this month 200.00 = 1,200.00 (10k yuan); change it to 1,200.00 or check this month's investment");
    const en = run({ name: '', total: 'x' }, { locale: 'en' });
    expect(en.findings.map((f) => f.message)).toEqual([
      'Project name is required; please fill it in (At most 100 characters)',
      'Total investment: "x" is not an amount; enter a number in 10,000 yuan, e.g. 12000, 12,000 or 1.2亿',
    ]);
  });
});

describe('a ledger typed the way people type', () => {
  it('validates with zero errors', () => {
    const rows = [
      { row: 3, raw: goodRow({ total: '2亿', annualPlan: '6,000', monthInvest: '５００', ytdInvest: '1,500万元', cumInvest: '0.8亿元', plannedStart: '2025年6月', plannedEnd: 47088, actualStart: new Date('2025-06-18T00:00:00Z'), county: '桃城區', sector: '生態環保', registered: '√', progress: '40%', approvals: '立項，用地 規劃', phone: '0318-2123456' }) },
      { row: 4, raw: goodRow({ code: '２０２４－１３１１８１－０４－０１－０００４５６', county: '冀州區', list: '擬新開工', stage: '前期', monthInvest: 0, ytdInvest: '0', cumInvest: 0, actualStart: null, progress: '0', spent: null, registered: 'N', plannedStart: '2026/5', plannedEnd: '202712', nature: '擴建', level: '省重點', total: ' 12,000 ' }) },
      { row: 5, raw: goodRow({ code: '', list: '儲備', stage: '前期', monthInvest: null, ytdInvest: null, cumInvest: null, progress: null, spent: null, actualStart: null, registered: '×', plannedStart: '2027.3', plannedEnd: '2028-12-31', county: 'Jingxian' }) },
    ];
    const res = validateLedger({ rows, period: '2026-03', config: cfg, now: new Date('2026-04-02T01:00:00Z'), submittedAt: new Date('2026-04-02T01:00:00Z'), history: new Map([[CODE, HISTORY]]) });
    expect(res.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(res.errors).toBe(0);
    const [a, b, c] = res.rows.map((r) => r.values);
    expect([a.total, a.ytdInvest, a.cumInvest, a.plannedEnd, a.actualStart, a.county, a.registered, a.approvals]).toEqual([20000, 1500, 8000, '2028-12', '2025-06-18', '桃城区', true, ['立项', '用地', '规划']]);
    expect([b.code, b.county, b.list, b.plannedStart, b.plannedEnd, b.total]).toEqual(['2024-131181-04-01-000456', '冀州区', '拟新开工', '2026-05', '2027-12', 12000]);
    expect([c.list, c.county, c.plannedStart, c.plannedEnd, c.registered]).toEqual(['储备', '景县', '2027-03', '2028-12', false]);
  });
});

describe('summaries and the §6 JSON shape', () => {
  it('summarize counts errors and warnings', () => {
    const res = run({ total: 'x', phone: '1' });
    expect(summarize(res.findings)).toEqual({ errors: 1, warnings: 1 });
  });
  it('findingsJson has exactly the §6 keys', () => {
    const json = findingsJson(run({ monthInvest: 200, ytdInvest: 1250 }));
    expect(Object.keys(json)).toEqual(['findings', 'errors', 'warnings']);
    expect(Object.keys(json.findings[0])).toEqual(['rule', 'severity', 'row', 'column', 'projectCode', 'value', 'message']);
    expect(json).toMatchObject({ errors: 1, warnings: 0 });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
