// Cell marks: a fill plus a note (ExcelApi 1.18 notes, else 1.10 comments) starting with our
// marker; without either, the explanations go to a 校验结果 sheet. Old marks of the same kind
// are removed first, in the same batch.
import type { Capabilities } from './host';
import { MARKERS, RESULTS_SHEET, areaAddress } from './sheet';
import type { CellValue } from './template';

export interface Mark {
  address: string;
  fill: string;
  text: string;
}

export type MarkKind = keyof typeof MARKERS;

/** Loads queued in the read sync so the write sync can remove old marks. */
export interface PendingMarks {
  notes?: Excel.NoteCollection | Excel.CommentCollection;
  results?: Excel.Worksheet;
}

export function queueLoadMarks(ctx: Excel.RequestContext, caps: Capabilities, kind: MarkKind): PendingMarks {
  if (caps.notes) return { notes: ctx.workbook.notes.load('items/content') };
  if (caps.comments) return { notes: ctx.workbook.comments.load('items/content') };
  return kind === 'validate' ? { results: ctx.workbook.worksheets.getItemOrNullObject(RESULTS_SHEET).load('isNullObject') } : {};
}

/** One note per cell: several marks on a cell are joined; an error's fill wins over a warning's. */
export function mergeMarks(marks: Mark[], priority: readonly string[]): Mark[] {
  const by = new Map<string, Mark>();
  for (const m of marks) {
    const cur = by.get(m.address);
    if (!cur) by.set(m.address, { ...m });
    else {
      cur.text = `${cur.text}\n${m.text}`;
      if (priority.indexOf(m.fill) < priority.indexOf(cur.fill)) cur.fill = m.fill;
    }
  }
  return [...by.values()];
}

export interface MarkPlan {
  kind: MarkKind;
  /** Ranges whose fill is cleared first (this kind's cells from the last run). */
  clear: Excel.Range[];
  marks: Mark[];
  /** Rows for the results sheet when there are no notes or comments (header first). */
  results?: CellValue[][];
}

export function queueMarks(ctx: Excel.RequestContext, pending: PendingMarks, plan: MarkPlan): void {
  const marker = MARKERS[plan.kind];
  for (const r of plan.clear) r.format.fill.clear();
  for (const n of pending.notes?.items ?? []) if (n.content.startsWith(marker)) n.delete();
  const notes = pending.notes;
  for (const m of plan.marks) {
    const cell = rangeAt(ctx, m.address);
    cell.format.fill.color = m.fill;
    if (notes) notes.add(m.address, `${marker}${m.text}`);
  }
  if (pending.results && plan.results) {
    if (!pending.results.isNullObject) pending.results.delete();
    if (plan.marks.length) {
      const sheet = ctx.workbook.worksheets.add(RESULTS_SHEET);
      sheet.getRange(areaAddress(0, 1, plan.results[0].length, plan.results.length)).values = plan.results;
      sheet.getRange(areaAddress(0, 1, plan.results[0].length, 1)).format.font.bold = true;
    }
  }
}

export function rangeAt(ctx: Excel.RequestContext, address: string): Excel.Range {
  const bang = address.lastIndexOf('!');
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return ctx.workbook.worksheets.getItem(sheet).getRange(address.slice(bang + 1));
}
