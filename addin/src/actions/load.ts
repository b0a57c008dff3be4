// 加载本县项目: the clerk's county rows for the month from the API, last month's cumulative
// figures filled in, written to a fresh 台账 sheet in one range write.
import { LEDGER } from '../../../core/ledger';
import type { MonthlyReport } from '../../../core/types';
import type { LedgerRow } from '../api';
import { t } from '../i18n';
import { SHEET_NAME, TABLE_NAME } from '../office/sheet';
import { queueLedger, type CellValue } from '../office/template';
import type { ActionResult, Progress, Session } from '../session';

/** A stored value as the cell shows it: lists joined with 、, yes/no as 是/否, nothing as ''. */
export function toCell(v: unknown): CellValue {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join('、');
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number' || typeof v === 'string') return v;
  return String(v);
}

/**
 * One ledger row as the server gives it: master data and this month's figures when already
 * reported, else last month's year-to-date and since-start totals carried forward (this month's
 * investment left empty to fill).
 */
export function rowCells(r: LedgerRow): CellValue[] {
  const prev = r.previous ?? undefined;
  return LEDGER.map((c) => {
    if (c.key === 'ytdInvest') return toCell(r.ytdInvest ?? prev?.ytdInvest);
    if (c.key === 'cumInvest') return toCell(r.cumInvest ?? prev?.cumInvest);
    return toCell(r[c.key]);
  });
}

/**
 * Last month's figures as history for the offline checks. GET /api/v1/ledger's `previous` carries
 * year-to-date and since-start totals but no monthInvest (nor earlier months), so offline the pane
 * cannot judge STALLED (months without investment) or SPIKE (a jump over the monthly average):
 * NaN makes last month count neither way. The server judges both on submit with the stored
 * history, and its findings are marked like local ones. A monthInvest sent in `previous` is used.
 */
export function historyOf(rows: LedgerRow[]): Map<string, MonthlyReport[]> {
  const h = new Map<string, MonthlyReport[]>();
  for (const r of rows) {
    const p = r.previous;
    if (!p || typeof r.code !== 'string' || typeof p.ytdInvest !== 'number') continue;
    h.set(r.code, [{
      projectCode: r.code, period: p.period, ytdInvest: p.ytdInvest, cumInvest: p.cumInvest ?? p.ytdInvest,
      monthInvest: typeof p.monthInvest === 'number' ? p.monthInvest : Number.NaN,
    }]);
  }
  return h;
}

/** `MMDD_HHmmss`: sorts by time, fits Excel's 31-character sheet names. */
export function backupStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getMonth() + 1)}${p(d.getDate())}_${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export async function load(s: Session, progress?: Progress): Promise<ActionResult> {
  if (!s.api || !s.me) return { level: 'error', message: t(s.locale, 'needSignIn') };
  const county = s.me.county;
  if (!county) return { level: 'error', message: t(s.locale, 'needCounty') };
  await progress?.('phaseRead', 0.1);
  const data = await s.api.ledger(county, s.period);
  await progress?.('phaseMark', 0.6);
  const cells = data.rows.map(rowCells);
  let kept: string | undefined;
  await Excel.run(async (ctx) => {
    const old = ctx.workbook.worksheets.getItemOrNullObject(SHEET_NAME).load('isNullObject');
    const oldTable = ctx.workbook.tables.getItemOrNullObject(TABLE_NAME).load('isNullObject');
    await ctx.sync();
    // The old sheet is kept under a dated name: whatever the clerk typed there is not lost.
    const stamp = backupStamp(new Date());
    if (!old.isNullObject) old.name = kept = `${SHEET_NAME}_备份${stamp}`;
    if (!oldTable.isNullObject) oldTable.name = `${TABLE_NAME}_${stamp}`;
    const sheet = ctx.workbook.worksheets.add(SHEET_NAME);
    queueLedger(sheet, cells, s.caps, s.config, s.locale);
    sheet.activate();
    await ctx.sync();
  });
  s.loaded = { county: data.county, period: data.period, version: data.version };
  s.history = historyOf(data.rows);
  await progress?.('phaseDone', 1);
  const n = data.rows.length;
  const message = t(s.locale, n ? 'loaded' : 'loadedNone', { county: data.county, period: data.period, n });
  return { level: n ? 'ok' : 'warn', message: kept ? `${message} ${t(s.locale, 'keptOld', { sheet: kept })}` : message };
}
