// Cell marks: a fill plus a note (ExcelApi 1.18 notes, else 1.10 comments) starting with our
// marker; without either, the explanations go to a 校验结果 sheet. Old marks of the same kind
// are removed first, in the same batch. A cell holds one note or one comment, so a cell that
// already carries someone else's keeps it untouched: it gets the fill, and its explanation goes
// to the pane and the 校验结果 sheet instead.
import type { Capabilities } from './host';
import { MARKERS, RESULTS_SHEET, areaAddress } from './sheet';
import type { CellValue } from './template';

export interface Mark {
  address: string;
  fill: string;
  text: string;
}

export type MarkKind = keyof typeof MARKERS;

type Notes = Excel.NoteCollection | Excel.CommentCollection;

/** Loads queued in the read sync so the write sync can remove old marks and spare others' notes. */
export interface PendingMarks {
  /** Where our marks go: notes (1.18), else comments (1.10); none below 1.10. */
  notes?: Notes;
  /** Every note and comment collection the host has (a note and a comment exclude each other). */
  existing: Notes[];
  /** The 校验结果 sheet of an earlier run (validate only). */
  results?: Excel.Worksheet;
  /** Cells (see cellKey) that carry a note or comment that is not ours; filled by locateForeign. */
  taken: Set<string>;
}

export function queueLoadMarks(ctx: Excel.RequestContext, caps: Capabilities, kind: MarkKind): PendingMarks {
  const existing: Notes[] = [];
  if (caps.notes) existing.push(ctx.workbook.notes.load('items/content'));
  if (caps.comments) existing.push(ctx.workbook.comments.load('items/content'));
  const results = kind === 'validate' ? ctx.workbook.worksheets.getItemOrNullObject(RESULTS_SHEET).load('isNullObject') : undefined;
  return { notes: existing[0], existing, results, taken: new Set() };
}

const isOurs = (content: string) => Object.values(MARKERS).some((m) => content.startsWith(m));

/**
 * After the read sync: where the notes and comments that are not ours sit. Only when the workbook
 * has such notes does this cost one more sync (their cells can only be asked for once they are
 * known); the number of syncs never depends on the number of rows.
 */
export async function locateForeign(ctx: Excel.RequestContext, pending: PendingMarks): Promise<void> {
  const places: Excel.Range[] = [];
  for (const c of pending.existing) {
    for (const item of c.items) if (!isOurs(item.content)) places.push(item.getLocation().load('address'));
  }
  if (!places.length) return;
  await ctx.sync();
  for (const p of places) pending.taken.add(cellKey(p.address));
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

/** The 校验结果 sheet: a header and one row per finding, with the finding's cell when it has one. */
export interface ResultsTable {
  head: CellValue[];
  rows: { address?: string; cells: CellValue[] }[];
}

export interface MarkPlan {
  kind: MarkKind;
  /** Ranges whose fill is cleared first (this kind's cells from the last run). */
  clear: Excel.Range[];
  marks: Mark[];
  /** All findings for the results sheet: every row without notes, else those of taken cells. */
  results?: ResultsTable;
}

/** Queues the marks; returns how many cells kept someone else's note (their text went elsewhere). */
export function queueMarks(ctx: Excel.RequestContext, pending: PendingMarks, plan: MarkPlan): number {
  const marker = MARKERS[plan.kind];
  for (const r of plan.clear) r.format.fill.clear();
  for (const c of pending.existing) for (const n of c.items) if (n.content.startsWith(marker)) n.delete();
  const notes = pending.notes;
  const skipped = new Set<string>();
  for (const m of plan.marks) {
    rangeAt(ctx, m.address).format.fill.color = m.fill;
    if (!notes) continue;
    if (pending.taken.has(cellKey(m.address))) skipped.add(cellKey(m.address));
    else notes.add(m.address, `${marker}${m.text}`);
  }
  if (pending.results && plan.results) {
    if (!pending.results.isNullObject) pending.results.delete();
    const rows = notes ? plan.results.rows.filter((r) => r.address && skipped.has(cellKey(r.address))) : plan.results.rows;
    if (rows.length && plan.marks.length) {
      const table = [plan.results.head, ...rows.map((r) => r.cells)];
      const sheet = ctx.workbook.worksheets.add(RESULTS_SHEET);
      sheet.getRange(areaAddress(0, 1, table[0].length, table.length)).values = table;
      sheet.getRange(areaAddress(0, 1, table[0].length, 1)).format.font.bold = true;
    }
  }
  return skipped.size;
}

/** Sheet (unquoted) and cell of an address such as `'My sheet'!$C$7`. */
export function splitAddress(address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf('!');
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cell: address.slice(bang + 1) };
}

/** The same cell compares equal however Excel wrote its address (quotes, $, case). */
export function cellKey(address: string): string {
  const { sheet, cell } = splitAddress(address);
  return `${sheet.toLowerCase()}!${cell.replace(/\$/g, '').toUpperCase()}`;
}

export function rangeAt(ctx: Excel.RequestContext, address: string): Excel.Range {
  const { sheet, cell } = splitAddress(address);
  return ctx.workbook.worksheets.getItem(sheet).getRange(cell);
}
