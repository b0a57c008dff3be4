// The single definition of the standard ledger (SPEC §2). The template, import, export,
// validation, the add-in and the API all read this table.
import type { Config } from './config';
import { APPROVALS, LEVELS, LISTS, NATURES, STAGES } from './types';
import type { LedgerKey, LedgerValues, ListKind, MonthlyReport, Project } from './types';
import type { Text } from './i18n';

export type ColumnType =
  | 'code' | 'text' | 'enum' | 'amount' | 'month' | 'monthOrDate' | 'percent' | 'phone' | 'yesno' | 'approvals';

/**
 * When a cell must be filled:
 * - always: every row
 * - unlessReserve: every row except the 储备 list (a new reserve project may lack its code)
 * - underConstruction: rows on the 在建 list
 * - never: optional
 */
export type Requirement = 'always' | 'unlessReserve' | 'underConstruction' | 'never';

export interface ColumnDef {
  key: LedgerKey;
  /** Chinese header as the ledger shows it (with unit). */
  header: string;
  /** Header without the bracketed unit. */
  label: string;
  headerEn: string;
  type: ColumnType;
  required: Requirement;
  maxLength?: number;
  /** Fixed options for enum columns; `county` and `sector` come from configuration. */
  options?: readonly string[];
  /** Excel number format for the column. */
  numFmt?: string;
  /** Column width in characters. */
  width: number;
  /** Input hint shown in Excel's data validation prompt. */
  hint: Text;
  /** Part of the project's master data (true) or of the month's report (false). */
  master: boolean;
}

const AMOUNT_FMT = '#,##0.00';

function col(
  key: LedgerKey, header: string, headerEn: string, type: ColumnType, required: Requirement,
  extra: Partial<ColumnDef> & { hint: Text; width: number; master: boolean },
): ColumnDef {
  const label = header.replace(/[（(].*?[）)]\s*$/, '');
  return { key, header, label, headerEn, type, required, ...extra };
}

export const LEDGER: readonly ColumnDef[] = [
  col('code', '项目代码', 'Project code', 'code', 'unlessReserve', { width: 28, master: true, hint: { 'zh-CN': '投资项目统一代码，如 2024-131102-04-01-000123；储备项目可暂缺', en: 'National project code, e.g. 2024-131102-04-01-000123; may be empty for reserve projects' } }),
  col('name', '项目名称', 'Project name', 'text', 'always', { maxLength: 100, width: 30, master: true, hint: { 'zh-CN': '不超过 100 字', en: 'At most 100 characters' } }),
  col('county', '县市区', 'County', 'enum', 'always', { width: 12, master: true, hint: { 'zh-CN': '从下拉列表选择', en: 'Choose from the list' } }),
  col('list', '清单类别', 'List', 'enum', 'always', { options: LISTS, width: 10, master: true, hint: { 'zh-CN': '在建 / 拟新开工 / 储备', en: 'Under construction / To start / Reserve' } }),
  col('level', '项目级别', 'Level', 'enum', 'always', { options: LEVELS, width: 10, master: true, hint: { 'zh-CN': '省重点 / 市重点', en: 'Provincial / City key project' } }),
  col('sector', '行业领域', 'Sector', 'enum', 'always', { width: 12, master: true, hint: { 'zh-CN': '从下拉列表选择', en: 'Choose from the list' } }),
  col('owner', '建设单位', 'Owner', 'text', 'always', { maxLength: 100, width: 24, master: true, hint: { 'zh-CN': '项目建设单位全称', en: 'Full name of the owner' } }),
  col('nature', '建设性质', 'Nature', 'enum', 'never', { options: NATURES, width: 10, master: true, hint: { 'zh-CN': '新建 / 扩建 / 改建 / 迁建', en: 'New / Expansion / Renovation / Relocation' } }),
  col('scope', '建设规模及内容', 'Scope', 'text', 'never', { maxLength: 500, width: 40, master: true, hint: { 'zh-CN': '不超过 500 字', en: 'At most 500 characters' } }),
  col('total', '总投资（万元）', 'Total investment (10k yuan)', 'amount', 'always', { numFmt: AMOUNT_FMT, width: 14, master: true, hint: { 'zh-CN': '单位万元，可写 1.2亿', en: 'In 10,000 yuan; 1.2亿 is accepted' } }),
  col('annualPlan', '年度计划投资（万元）', 'Annual plan (10k yuan)', 'amount', 'always', { numFmt: AMOUNT_FMT, width: 14, master: true, hint: { 'zh-CN': '本年度计划完成投资，万元', en: 'Investment planned this year, 10,000 yuan' } }),
  col('plannedStart', '计划开工时间', 'Planned start', 'month', 'always', { numFmt: 'yyyy-mm', width: 12, master: true, hint: { 'zh-CN': '年月，如 2026-03', en: 'Month, e.g. 2026-03' } }),
  col('plannedEnd', '计划竣工时间', 'Planned completion', 'month', 'always', { numFmt: 'yyyy-mm', width: 12, master: true, hint: { 'zh-CN': '年月，如 2027-12', en: 'Month, e.g. 2027-12' } }),
  col('leader', '包联领导', 'Responsible leader', 'text', 'always', { maxLength: 50, width: 10, master: true, hint: { 'zh-CN': '包联领导姓名', en: 'Name of the responsible leader' } }),
  col('unit', '责任单位', 'Responsible unit', 'text', 'always', { maxLength: 100, width: 20, master: true, hint: { 'zh-CN': '责任单位全称', en: 'Responsible unit' } }),
  col('contact', '联系人', 'Contact', 'text', 'never', { maxLength: 50, width: 10, master: true, hint: { 'zh-CN': '联系人姓名', en: 'Contact person' } }),
  col('phone', '联系电话', 'Phone', 'phone', 'never', { width: 14, master: true, hint: { 'zh-CN': '手机 11 位或 区号-号码', en: 'Mobile (11 digits) or area code + number' } }),
  col('monthInvest', '本月完成投资（万元）', 'Investment this month (10k yuan)', 'amount', 'underConstruction', { numFmt: AMOUNT_FMT, width: 14, master: false, hint: { 'zh-CN': '本月完成投资，万元', en: 'Investment done this month' } }),
  col('ytdInvest', '本年累计完成投资（万元）', 'Year to date (10k yuan)', 'amount', 'underConstruction', { numFmt: AMOUNT_FMT, width: 14, master: false, hint: { 'zh-CN': '= 上月累计 + 本月完成', en: "= last month's year-to-date + this month" } }),
  col('cumInvest', '开工累计完成投资（万元）', 'Since start (10k yuan)', 'amount', 'underConstruction', { numFmt: AMOUNT_FMT, width: 14, master: false, hint: { 'zh-CN': '自开工以来累计，不小于本年累计', en: 'Since the start; at least the year-to-date' } }),
  col('actualStart', '实际开工时间', 'Actual start', 'monthOrDate', 'never', { numFmt: 'yyyy-mm', width: 12, master: false, hint: { 'zh-CN': '已开工项目填写，如 2026-03', en: 'When started, e.g. 2026-03' } }),
  col('actualEnd', '实际竣工时间', 'Actual completion', 'monthOrDate', 'never', { numFmt: 'yyyy-mm', width: 12, master: false, hint: { 'zh-CN': '已竣工项目填写', en: 'When completed' } }),
  col('stage', '建设阶段', 'Stage', 'enum', 'always', { options: STAGES, width: 10, master: false, hint: { 'zh-CN': '前期 / 在建 / 竣工 / 投产', en: 'Preparation / Construction / Completed / In operation' } }),
  col('approvals', '前期手续', 'Approvals', 'approvals', 'never', { width: 20, master: false, hint: { 'zh-CN': '已办结的手续，如 立项、用地', en: 'Approvals done, e.g. 立项、用地' } }),
  col('progress', '形象进度（%）', 'Physical progress (%)', 'percent', 'underConstruction', { numFmt: '0', width: 10, master: false, hint: { 'zh-CN': '0 到 100', en: '0 to 100' } }),
  col('progressNote', '形象进度描述', 'Progress description', 'text', 'never', { maxLength: 500, width: 30, master: false, hint: { 'zh-CN': '不超过 500 字', en: 'At most 500 characters' } }),
  col('spent', '累计财务支出（万元）', 'Spending to date (10k yuan)', 'amount', 'never', { numFmt: AMOUNT_FMT, width: 14, master: false, hint: { 'zh-CN': '累计财务支出，万元', en: 'Financial spending to date' } }),
  col('registered', '是否入统', 'Registered in statistics', 'yesno', 'never', { width: 8, master: false, hint: { 'zh-CN': '是 / 否', en: 'Yes / No' } }),
  col('problems', '存在问题', 'Problems', 'text', 'never', { maxLength: 500, width: 30, master: false, hint: { 'zh-CN': '影响推进的问题', en: 'Problems blocking the project' } }),
  col('needs', '需协调事项', 'Needs coordination', 'text', 'never', { maxLength: 500, width: 30, master: false, hint: { 'zh-CN': '需要市里协调的事项', en: 'Matters the city should coordinate' } }),
];

export const LEDGER_KEYS: LedgerKey[] = LEDGER.map((c) => c.key);

const BY_KEY = new Map(LEDGER.map((c) => [c.key, c]));
export function column(key: LedgerKey): ColumnDef {
  return BY_KEY.get(key)!;
}

/** Options of an enum column, from the column or from configuration. */
export function optionsOf(c: ColumnDef, config: Config): readonly string[] {
  if (c.key === 'county') return config.counties.map((k) => k.name);
  if (c.key === 'sector') return config.sectors;
  if (c.key === 'registered') return ['是', '否'];
  if (c.type === 'approvals') return APPROVALS;
  return c.options ?? [];
}

/** Whether a cell of this column must be filled on a row of the given list. */
export function isRequired(c: ColumnDef, list: ListKind | undefined): boolean {
  switch (c.required) {
    case 'always': return true;
    case 'unlessReserve': return list !== '储备';
    case 'underConstruction': return list === '在建';
    default: return false;
  }
}

/** Prefix of temporary ids given to reserve projects without a national code yet. */
export const TEMP_CODE_PREFIX = 'TMP-';
export function isTemporaryCode(code: string): boolean {
  return code.startsWith(TEMP_CODE_PREFIX);
}

/** Splits a parsed ledger row into master data and the month's report. */
export function splitRow(v: LedgerValues, period: string): { project: Partial<Project>; report: Partial<MonthlyReport> } {
  const project: Record<string, unknown> = {};
  const report: Record<string, unknown> = { period, projectCode: v.code };
  for (const c of LEDGER) {
    const val = v[c.key];
    if (val === undefined) continue;
    (c.master ? project : report)[c.key] = val;
  }
  // The project's current stage, dates, approvals and registration follow its latest report.
  for (const k of ['stage', 'actualStart', 'actualEnd', 'approvals', 'registered'] as const) {
    if (v[k] !== undefined) project[k] = v[k];
  }
  return { project: project as Partial<Project>, report: report as Partial<MonthlyReport> };
}
