// The standard ledger as an .xlsx workbook (SPEC §2): one sheet 台账 with the headers of
// core/ledger.ts in row 1 (so people's formulas and imports keep working), number formats,
// drop-down lists, input hints, a frozen header row, widths and a header fill. Export fills the
// same layout with stored data. Written with exceljs; opens in Excel, WPS and LibreOffice.
import type ExcelJS from 'exceljs';
import { excel } from './exceljs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Config } from '../../core/config';
import { tr } from '../../core/i18n';
import { isRequired, LEDGER, optionsOf, type ColumnDef } from '../../core/ledger';
import type { Locale } from '../../core/types';
import type { Text } from '../../core/i18n';

export const LEDGER_SHEET = '台账';
/** Hidden sheet holding drop-down options too long for an inline list. */
export const OPTIONS_SHEET = '选项';
/** Visible sheet explaining each column. */
export const GUIDE_SHEET = '填表说明';
/** Rows (after the header) that carry drop-downs and hints in a fresh template. */
export const TEMPLATE_ROWS = 2000;
/** Excel refuses inline list formulas longer than this (characters between the quotes). */
const INLINE_LIST_MAX = 255;

const ENUM_TYPES = new Set(['enum', 'yesno']);
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const TEXT = {
  title: { 'zh-CN': '{city}重点建设项目台账', en: '{city} key construction projects ledger' },
  subject: { 'zh-CN': '标准台账：表头勿改动，每个项目一行；金额单位万元', en: 'Standard ledger: keep the headers, one project per row; amounts in 10,000 yuan' },
  listError: { 'zh-CN': '请从下拉列表中选择：{options}', en: 'Choose from the list: {options}' },
  listErrorTitle: { 'zh-CN': '输入值无效', en: 'Invalid value' },
};

/** exceljs keeps a sheet's data validations by cell or range; its typings omit the collection. */
export interface SheetValidations {
  model: Record<string, ExcelJS.DataValidation & { type: string }>;
  add(range: string, v: Omit<ExcelJS.DataValidation, 'type'> & { type: ExcelJS.DataValidation['type'] | 'any' }): void;
}
export function validationsOf(ws: ExcelJS.Worksheet): SheetValidations {
  return (ws as unknown as { dataValidations: SheetValidations }).dataValidations;
}

/** Column letter of the ledger's n-th column (0-based): A, B, … Z, AA … */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The list formula of an enum column: inline when short, else a range of the hidden options sheet. */
function listFormula(wb: ExcelJS.Workbook, c: ColumnDef, options: readonly string[]): string {
  const inline = options.join(',');
  if (inline.length <= INLINE_LIST_MAX && !options.some((o) => o.includes(','))) return `"${inline}"`;
  const sheet = wb.getWorksheet(OPTIONS_SHEET) ?? Object.assign(wb.addWorksheet(OPTIONS_SHEET), { state: 'hidden' as const });
  const col = sheet.actualColumnCount + 1;
  sheet.getCell(1, col).value = c.label;
  options.forEach((o, i) => (sheet.getCell(i + 2, col).value = o));
  const letter = columnLetter(col - 1);
  return `'${OPTIONS_SHEET}'!$${letter}$2:$${letter}$${options.length + 1}`;
}

const REQUIREMENT: Record<ColumnDef['required'], Text> = {
  always: { 'zh-CN': '必填', en: 'required' },
  unlessReserve: { 'zh-CN': '必填（储备项目可暂缺）', en: 'required (reserve projects may leave it empty)' },
  underConstruction: { 'zh-CN': '在建项目必填', en: 'required for projects under construction' },
  never: { 'zh-CN': '选填', en: 'optional' },
};
const GUIDE_HEAD: Text = { 'zh-CN': '列|表头|是否必填|填写说明|可选值', en: 'Column|Header|Required|How to fill|Options' };

/** A sheet explaining every column: letter, header, whether required, hint and options. */
function addGuide(wb: ExcelJS.Workbook, config: Config, locale: Locale): void {
  const guide = wb.addWorksheet(GUIDE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  guide.columns = [{ width: 6 }, { width: 26 }, { width: 22 }, { width: 44 }, { width: 60 }];
  guide.addRow(tr(locale, GUIDE_HEAD).split('|')).eachCell((c) => { c.font = { bold: true }; c.fill = HEADER_FILL; });
  LEDGER.forEach((c, i) => {
    const options = ENUM_TYPES.has(c.type) || c.type === 'approvals' ? optionsOf(c, config).join('、') : '';
    guide.addRow([columnLetter(i), c.header, tr(locale, REQUIREMENT[c.required]), tr(locale, c.hint), options]);
  });
}

/**
 * A workbook with the ledger sheet: headers, formats, widths, frozen header, and data
 * validation (drop-downs and input hints) on rows 2 … `rows + 1`.
 */
export function ledgerWorkbook(config: Config, locale: Locale = config.locale, rows = TEMPLATE_ROWS): { wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet } {
  const wb = new (excel().Workbook)();
  wb.creator = '重点项目台账 Key Project Ledger';
  wb.title = tr(locale, TEXT.title, { city: locale === 'en' ? config.city.nameEn ?? config.city.name : config.city.name });
  wb.subject = tr(locale, TEXT.subject);
  wb.created = new Date();
  wb.modified = wb.created;
  const ws = wb.addWorksheet(LEDGER_SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  // Chinese headers in both locales: they are the standard (SPEC §2) and what import expects.
  ws.columns = LEDGER.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  const header = ws.getRow(1);
  header.height = 32;
  LEDGER.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = HEADER_FILL;
    // Always-required columns in dark red, so staff see at a glance what must be filled.
    cell.font = { bold: true, color: { argb: isRequired(c, '在建') && c.required !== 'underConstruction' ? 'FFC00000' : 'FF000000' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.numFmt = '@';
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } };
  });
  LEDGER.forEach((c, i) => {
    const letter = columnLetter(i);
    const range = `${letter}2:${letter}${rows + 1}`;
    const prompt = { showInputMessage: true, promptTitle: c.label.slice(0, 32), prompt: tr(locale, c.hint).slice(0, 255) };
    if (ENUM_TYPES.has(c.type)) {
      const options = optionsOf(c, config);
      validationsOf(ws).add(range, {
        type: 'list', allowBlank: true, formulae: [listFormula(wb, c, options)], ...prompt,
        showErrorMessage: true, errorStyle: 'stop', errorTitle: tr(locale, TEXT.listErrorTitle),
        error: tr(locale, TEXT.listError, { options: options.join(' / ') }).slice(0, 255),
      });
    } else {
      // Amounts, months and percents accept what people type (1.2亿, 2026年3月, 50%): hint only.
      validationsOf(ws).add(range, { type: 'any', formulae: [], ...prompt });
    }
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER.length } };
  addGuide(wb, config, locale);
  return { wb, ws };
}

export async function saveWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
}

/** Writes an empty standard ledger. */
export async function writeTemplate(file: string, config: Config, locale: Locale = config.locale): Promise<void> {
  const { wb } = ledgerWorkbook(config, locale);
  await saveWorkbook(wb, file);
}
