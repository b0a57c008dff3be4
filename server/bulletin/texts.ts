// Every text of the monthly bulletin, in Simplified Chinese and English.
import type { Text } from '../../core/i18n';

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

export const T = {
  title: t('{city}重点项目建设情况月度通报', '{city} key projects: monthly bulletin'),
  subtitle: t('{year}年{month}月　统计截至{period}　金额单位：{unit}', '{period} · amounts in {unit}'),
  unitYi: t('亿元', '100m yuan'),
  unitWan: t('万元', '10k yuan'),
  headline: t(
    '截至{year}年{month}月底，全市{projects}个重点项目（在建{building}个、拟新开工{toStart}个、储备{reserve}个）本年累计完成投资{investment}亿元，完成年度计划{plan}亿元的{rate}，{versus}；新开工{starts}个，开工率{startRate}；竣工{completions}个，竣工率{completionRate}。绿色项目{green}个、白色{white}个、黄色{yellow}个、红色{red}个。{problems}',
    'By the end of {period}, the city\'s {projects} key projects ({building} under construction, {toStart} to start, {reserve} in reserve) had invested {investment} (100m yuan) this year, {rate} of the annual plan of {plan}; {versus}. {starts} started (start rate {startRate}); {completions} completed (completion rate {completionRate}). Green {green}, white {white}, yellow {yellow}, red {red}. {problems}',
  ),
  ahead: t('超序时进度{points}个百分点', '{points} points ahead of schedule'),
  behind: t('低于序时进度{points}个百分点', '{points} points behind schedule'),
  onSchedule: t('与序时进度持平', 'on schedule'),
  notApplicable: t('不适用', 'n/a'),

  // Sheet names (≤ 31 characters).
  sheetSummary: t('全市概况', 'Summary'),
  sheetRanking: t('县市区排名', 'County ranking'),
  sheetColours: t('四色统计', 'Colours'),
  sheetRedYellow: t('红黄项目', 'Red and yellow'),
  sheetEscalations: t('约谈预警', 'Escalations'),
  sheetProblems: t('问题清单', 'Problems'),

  // Summary table.
  item: t('指标', 'Indicator'),
  value: t('数值', 'Value'),
  note: t('说明', 'Note'),
  projects: t('重点项目（个）', 'Key projects'),
  listBuilding: t('　其中：在建（个）', '  under construction'),
  listToStart: t('　　　　拟新开工（个）', '  to start this year'),
  listReserve: t('　　　　储备（个）', '  reserve'),
  annualPlan: t('年度计划投资（亿元）', 'Annual plan (100m yuan)'),
  ytd: t('本年累计完成投资（亿元）', 'Invested this year (100m yuan)'),
  rate: t('投资完成率', 'Completion rate'),
  schedule: t('序时进度', 'Time elapsed (序时)'),
  versus: t('完成率较序时进度（百分点）', 'Rate vs time elapsed (points)'),
  starts: t('新开工项目（个）', 'Projects started'),
  startRate: t('开工率', 'Start rate'),
  completions: t('竣工项目（个）', 'Projects completed'),
  completionRate: t('竣工率', 'Completion (built) rate'),
  noteRate: t('本年累计完成投资 ÷ 年度计划投资', 'Invested this year ÷ annual plan'),
  noteSchedule: t('{month} ÷ 12', '{month} ÷ 12'),
  noteStartRate: t('新开工 ÷ 计划本年截至本月开工', 'Started ÷ planned to start by this month'),
  noteCompletionRate: t('竣工 ÷ 计划本年截至本月竣工', 'Completed ÷ planned to complete by this month'),
  colourRow: t('{colour}色项目（个）', '{colour} projects'),

  // Ranking.
  seq: t('序号', 'No.'),
  county: t('县市区', 'County'),
  score: t('综合得分', 'Score'),
  rank: t('综合排名', 'Rank'),
  indRank: t('排名', 'Rank'),
  investment: t('本年累计完成投资（万元）', 'Invested this year (10k yuan)'),
  investmentRate: t('投资完成率', 'Investment rate'),
  startsShort: t('新开工（个）', 'Started'),
  completionsShort: t('竣工（个）', 'Completed'),
  remark: t('备注', 'Remark'),
  commended: t('通报表扬', 'Commended'),
  talks: t('约谈', 'Called in for talks'),
  chartCaption: t(
    '图：综合得分排名（满分 100；柱下数字为上表序号；绿色为前 {top} 名，红色为后 {bottom} 名）',
    'Chart: composite score (out of 100; the number under each bar is the row number above; green: top {top}, red: bottom {bottom})',
  ),
  rankingNote: t(
    '说明：六项指标分别排名（并列同名次）；综合得分为各项指标按最高值折算为 100 分后的加权平均；比率类指标无计划数的县市区不参与该项排名，记“—”。',
    'Each indicator is ranked separately (ties share a rank); the score is the weighted mean of the indicators scaled to 100 for the best county; a rate with nothing planned is not ranked (—).',
  ),
  halfYearNote: t('半年和年底排名：前 {top} 名通报表扬，后 {bottom} 名约谈。', 'Half-year and year-end ranking: the top {top} are commended, the bottom {bottom} called in for talks.'),

  // Colours.
  total: t('合计', 'Total'),
  cityTotal: t('全市', 'City'),

  // Red and yellow.
  colour: t('颜色', 'Colour'),
  code: t('项目代码', 'Project code'),
  name: t('项目名称', 'Project'),
  leader: t('包联领导', 'Leader'),
  unit: t('责任单位', 'Responsible unit'),
  planWan: t('年度计划投资（万元）', 'Annual plan (10k yuan)'),
  ytdWan: t('本年累计完成投资（万元）', 'Invested this year (10k yuan)'),
  reason: t('原因', 'Reason'),
  noRedYellow: t('本月无红色、黄色项目。', 'No red or yellow projects this month.'),

  // Escalations.
  level: t('级别', 'Level'),
  meaning: t('要求', 'Consequence'),
  lastOn: t('排名末位的指标', 'Last on'),
  months: t('连续末位月数', 'Months in a row'),
  level1: t('一级', 'Level 1'),
  level2: t('二级', 'Level 2'),
  level1Meaning: t('在市政府常务会议上作说明', 'Explains at the city government executive meeting'),
  level2Meaning: t('在市委常委会上作说明', 'Explains at the party standing committee'),
  noEscalations: t('本月无县市区触发约谈预警。', 'No county is due to explain this month.'),
  escalationRule: t(
    '规则：某项指标连续 {l1} 个月排名末位，在市政府常务会议上作说明；连续 {l2} 个月末位，或 {n} 项指标同时连续 {l1} 个月末位，在市委常委会上作说明。',
    'Rule: last on one indicator for {l1} months in a row → explain at the city government executive meeting; {l2} months, or {n} indicators for {l1} months → at the party standing committee.',
  ),

  // Problems.
  found: t('发现问题（处）', 'Found'),
  solved: t('整改完毕（处）', 'Solved'),
  inProgress: t('正在处理（处）', 'In progress'),
  overdue: t('超期未办结（处）', 'Overdue'),
  description: t('问题描述', 'Problem'),
  foundOn: t('发现日期', 'Found on'),
  deadline: t('限时办结', 'Deadline'),
  status: t('状态', 'Status'),
  isOverdue: t('超期', 'Overdue'),
  yes: t('是', 'yes'),
  no: t('否', 'no'),
  openProblems: t('尚未解决的问题', 'Open problems'),
  problemsAsOf: t('（截至{date}）', '(as of {date})'),
} satisfies Record<string, Text>;

