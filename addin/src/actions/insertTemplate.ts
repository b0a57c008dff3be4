// 插入台账模板: a new sheet 台账 with the standard ledger as an Excel table. An existing 台账 sheet
// is never overwritten: the pane switches to it instead.
import { LEDGER } from '../../../core/ledger';
import { t } from '../i18n';
import { SHEET_NAME } from '../office/sheet';
import { queueLedger } from '../office/template';
import type { ActionResult, Session } from '../session';

export async function insertTemplate(s: Session): Promise<ActionResult> {
  return Excel.run(async (ctx) => {
    const existing = ctx.workbook.worksheets.getItemOrNullObject(SHEET_NAME).load('isNullObject');
    await ctx.sync();
    if (!existing.isNullObject) {
      existing.activate();
      await ctx.sync();
      return { level: 'warn', message: t(s.locale, 'templateExists', { sheet: SHEET_NAME }) };
    }
    const sheet = ctx.workbook.worksheets.add(SHEET_NAME);
    queueLedger(sheet, [], s.caps, s.config, s.locale);
    sheet.activate();
    sheet.getRange('A2').select();
    await ctx.sync();
    const extra = s.caps.dataValidation ? '' : ` ${t(s.locale, 'noDropDowns')}`;
    return { level: 'ok', message: t(s.locale, 'templateInserted', { sheet: SHEET_NAME, cols: LEDGER.length }) + extra };
  });
}
