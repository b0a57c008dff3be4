// Print-ready worksheet helpers for the bulletin: a title block, bordered tables with units in
// their headers, and A4 landscape page setup fitted to the page width.
import type ExcelJS from 'exceljs';
import type { Locale } from '../../core/types';

export interface Col {
  header: string;
  width: number;
  numFmt?: string;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
}

export type Value = string | number | null;

export const FMT = {
  amount: '#,##0.00',
  count: '0',
  rate: '0.0%',
  points: '+0.0;-0.0;0.0',
  score: '0.0',
} as const;

const FONT = 'SimSun';
const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE8EEF7' } };

/** Title (merged, large) and a subtitle line (period, units); returns the next free row. */
export function titleBlock(ws: ExcelJS.Worksheet, title: string, subtitle: string, ncols: number, row = 1): number {
  ws.mergeCells(row, 1, row, ncols);
  const t = ws.getCell(row, 1);
  t.value = title;
  t.font = { name: FONT, size: 16, bold: true };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(row).height = 30;
  ws.mergeCells(row + 1, 1, row + 1, ncols);
  const s = ws.getCell(row + 1, 1);
  s.value = subtitle;
  s.font = { name: FONT, size: 10 };
  s.alignment = { horizontal: 'right', vertical: 'middle' };
  return row + 2;
}

/** A paragraph across the table's width (wrapped); returns the next free row. */
export function paragraph(ws: ExcelJS.Worksheet, row: number, text: string, ncols: number, lines = 2): number {
  ws.mergeCells(row, 1, row, ncols);
  const c = ws.getCell(row, 1);
  c.value = text;
  c.font = { name: FONT, size: 11 };
  c.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(row).height = 16 * lines;
  return row + 1;
}

/** A bordered table with a shaded header row; returns the row after it. */
export function table(ws: ExcelJS.Worksheet, startRow: number, cols: Col[], rows: Value[][]): number {
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(col.width ?? 0, c.width);
  });
  const head = ws.getRow(startRow);
  head.height = 30;
  cols.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 10, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  rows.forEach((values, r) => {
    const row = ws.getRow(startRow + 1 + r);
    values.forEach((v, i) => {
      const c = cols[i];
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.font = { name: FONT, size: 10 };
      cell.border = BORDER;
      if (typeof v === 'number' && c.numFmt) cell.numFmt = c.numFmt;
      const align = c.align ?? (typeof v === 'number' ? 'right' : 'left');
      cell.alignment = { horizontal: align, vertical: 'middle', wrapText: c.wrap ?? false };
    });
  });
  return startRow + 1 + rows.length;
}

/** Fills a cell (e.g. a colour name) with a background colour. */
export function shade(cell: ExcelJS.Cell, argb: string): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

const FOOTER: Record<Locale, string> = { 'zh-CN': '&C第 &P 页，共 &N 页', en: '&CPage &P of &N' };

/** A4 landscape, fitted to one page wide, header row repeated on every page, page numbers. */
export function printSetup(ws: ExcelJS.Worksheet, headerRow: number, locale: Locale): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  ws.headerFooter = { oddFooter: FOOTER[locale] };
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
}
