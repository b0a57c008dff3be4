// Queues the standard ledger on a worksheet: header from core's LEDGER, all rows in one range
// write, number formats, drop-downs with input hints, widths, frozen header, an Excel table.
import type { Config } from '../../../core/config';
import { tr } from '../../../core/i18n';
import { LEDGER, optionsOf } from '../../../core/ledger';
import type { Locale } from '../../../core/types';
import type { Capabilities } from './host';
import { FILLS, LEDGER_WIDTH, SPARE_ROWS, TABLE_NAME, areaAddress } from './sheet';

export type CellValue = string | number | boolean;

/** Text columns Excel must not turn into numbers or dates (codes, phone numbers). */
const TEXT_FORMAT_KEYS = new Set(['code', 'phone']);

/** Data validation 1.8 limits a list source to 255 characters. */
const LIST_SOURCE_MAX = 255;

/** Header row plus data rows; a table needs at least one data row. */
export function queueLedger(
  sheet: Excel.Worksheet, rows: CellValue[][], caps: Capabilities, config: Config, locale: Locale,
): Excel.Table {
  const body = rows.length ? rows : [LEDGER.map(() => '')];
  const n = body.length;
  const extent = n + SPARE_ROWS;

  const header = sheet.getRange(areaAddress(0, 1, LEDGER_WIDTH, 1));
  header.format.font.bold = true;
  header.format.fill.color = FILLS.header;
  header.format.wrapText = true;

  LEDGER.forEach((c, i) => {
    const col = sheet.getRange(areaAddress(i, 2, 1, extent));
    const fmt = TEXT_FORMAT_KEYS.has(c.key) ? '@' : c.numFmt;
    if (fmt) col.numberFormat = Array.from({ length: extent }, () => [fmt]);
    // Excel column width is in points; a Chinese character is about 2 character widths of 7 pt.
    sheet.getRange(areaAddress(i, 1, 1, 1)).format.columnWidth = c.width * 7;
    if (!caps.dataValidation) return;
    const options = optionsOf(c, config);
    const dropDown = (c.type === 'enum' || c.type === 'yesno') && options.length > 0 && options.join(',').length <= LIST_SOURCE_MAX;
    if (dropDown) {
      col.dataValidation.rule = { list: { inCellDropDown: true, source: options.join(',') } };
      // A warning, not a stop: core also reads Traditional characters and common aliases.
      col.dataValidation.errorAlert = {
        showAlert: true, style: 'Warning', title: tr(locale, { 'zh-CN': '不在可选范围内', en: 'Not an option' }),
        message: tr(locale, { 'zh-CN': '请从下拉列表选择：{o}', en: 'Choose from the list: {o}' }, { o: options.join(' / ') }),
      };
    } else {
      // Any value: the rule only carries the input hint; core validates the content.
      col.dataValidation.rule = { custom: { formula: '=TRUE' } };
    }
    col.dataValidation.prompt = { showPrompt: true, title: c.label, message: tr(locale, c.hint).slice(0, 255) };
  });

  // Values after the formats, so codes and phone numbers land in text cells and stay text.
  sheet.getRange(areaAddress(0, 1, LEDGER_WIDTH, n + 1)).values = [LEDGER.map((c) => c.header), ...body];
  sheet.freezePanes.freezeRows(1);
  const table = sheet.tables.add(sheet.getRange(areaAddress(0, 1, LEDGER_WIDTH, n + 1)), true);
  table.name = TABLE_NAME;
  return table;
}
