// In-memory workbook behind the fake office.js: sheets of cells (value, number format, fill),
// tables, data validation, comments, notes, frozen rows, selection. No DOM, no Node.

export type CellValue = string | number | boolean;

export interface Cell {
  value: CellValue;
  numberFormat: string;
  fill: string | null;
  bold?: boolean;
}

export interface Validation {
  rule: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  /** Zero-based top-left (the header row) and size, header row included. */
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

export interface CommentModel {
  id: string;
  sheet: SheetModel;
  r: number;
  c: number;
  content: string;
}

export interface SheetModel {
  id: string;
  name: string;
  cells: Map<string, Cell>;
  validations: Map<string, Validation>;
  colWidths: Map<number, number>;
  frozenRows: number;
}

export class FakeError extends Error {
  constructor(public code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

const key = (r: number, c: number) => `${r},${c}`;

export function colLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Sheet names that Excel writes without quotes: letters (any script), digits, underscore. */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export interface Area { sheet?: string; r0: number; c0: number; rows: number; cols: number }

/** Parses `A1`, `A1:B2`, `A:A`, `1:3`, with an optional `Sheet!` or `'Sheet name'!` prefix. */
export function parseAddress(address: string): Area {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^!]+))!)?(.+)$/.exec(address.trim());
  if (!m) throw new FakeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${address}`);
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const parts = m[3].split(':');
  if (parts.length > 2) throw new FakeError('InvalidArgument', `Bad address ${address}`);
  const ref = (p: string) => {
    const x = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(p);
    if (!x || (!x[1] && !x[2])) throw new FakeError('InvalidArgument', `Bad address ${address}`);
    return { c: x[1] ? colIndex(x[1]) : null, r: x[2] ? Number(x[2]) - 1 : null };
  };
  const a = ref(parts[0]);
  const b = ref(parts[1] ?? parts[0]);
  const r0 = a.r ?? 0, r1 = b.r ?? 1048575, c0 = a.c ?? 0, c1 = b.c ?? 16383;
  return { sheet, r0: Math.min(r0, r1), c0: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
}

export function formatAddress(sheet: string, a: Area): string {
  const tl = `${colLetter(a.c0)}${a.r0 + 1}`;
  const br = `${colLetter(a.c0 + a.cols - 1)}${a.r0 + a.rows}`;
  return `${quoteSheet(sheet)}!${a.rows === 1 && a.cols === 1 ? tl : `${tl}:${br}`}`;
}

let seq = 0;
const nextId = (p: string) => `${p}${++seq}`;

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  comments: CommentModel[] = [];
  notes: CommentModel[] = [];
  active: SheetModel;
  selection: { sheet: SheetModel; area: Area };
  /** Every context.sync() of every request context, for tests. */
  syncs = 0;
  /** Largest request payload (bytes of written arrays) of any sync so far. */
  maxPayload = 0;

  constructor() {
    this.active = this.addSheet('Sheet1');
    this.selection = { sheet: this.active, area: { r0: 0, c0: 0, rows: 1, cols: 1 } };
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  mustSheet(name: string): SheetModel {
    const s = this.sheet(name);
    if (!s) throw new FakeError('ItemNotFound', `The requested resource doesn't exist. (worksheet ${name})`);
    return s;
  }

  addSheet(name?: string): SheetModel {
    let n = name;
    if (!n) for (let i = this.sheets.length + 1; !n || this.sheet(n); i++) n = `Sheet${i}`;
    if (this.sheet(n)) throw new FakeError('ItemAlreadyExists', `A resource with the same name or identifier already exists. (${n})`);
    if (n.length > 31 || /[\\/?*[\]:]/.test(n)) throw new FakeError('InvalidArgument', `Invalid worksheet name ${n}`);
    const s: SheetModel = { id: nextId('sheet'), name: n, cells: new Map(), validations: new Map(), colWidths: new Map(), frozenRows: 0 };
    this.sheets.push(s);
    return s;
  }

  deleteSheet(s: SheetModel): void {
    if (this.sheets.length === 1) throw new FakeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    this.sheets = this.sheets.filter((x) => x !== s);
    this.tables = this.tables.filter((t) => t.sheet !== s);
    this.comments = this.comments.filter((c) => c.sheet !== s);
    this.notes = this.notes.filter((c) => c.sheet !== s);
    if (this.active === s) this.active = this.sheets[0];
  }

  cell(s: SheetModel, r: number, c: number): Cell {
    return s.cells.get(key(r, c)) ?? { value: '', numberFormat: 'General', fill: null };
  }

  setCell(s: SheetModel, r: number, c: number, patch: Partial<Cell>): void {
    const cur = this.cell(s, r, c);
    s.cells.set(key(r, c), { ...cur, ...patch });
  }

  /** Value of a cell by address such as `台账!B3`, for tests. */
  valueAt(address: string): CellValue {
    const a = parseAddress(address);
    return this.cell(this.mustSheet(a.sheet ?? this.active.name), a.r0, a.c0).value;
  }

  /** What a person typing into a cell does (tests only; the add-in goes through the API). */
  type(address: string, value: CellValue): void {
    const a = parseAddress(address);
    this.setCell(this.mustSheet(a.sheet ?? this.active.name), a.r0, a.c0, { value });
  }

  fillAt(address: string): string | null {
    const a = parseAddress(address);
    return this.cell(this.mustSheet(a.sheet ?? this.active.name), a.r0, a.c0).fill;
  }

  commentAt(address: string): string | undefined {
    const a = parseAddress(address);
    const s = this.mustSheet(a.sheet ?? this.active.name);
    return [...this.comments, ...this.notes].find((c) => c.sheet === s && c.r === a.r0 && c.c === a.c0)?.content;
  }

  /** The table's header names, read from its header cells as Excel does. */
  headers(t: TableModel): string[] {
    return Array.from({ length: t.cols }, (_, i) => String(this.cell(t.sheet, t.r0, t.c0 + i).value));
  }

  addTable(s: SheetModel, a: Area, hasHeaders: boolean): TableModel {
    for (const t of this.tables) {
      if (t.sheet === s && a.r0 < t.r0 + t.rows && t.r0 < a.r0 + a.rows && a.c0 < t.c0 + t.cols && t.c0 < a.c0 + a.cols) {
        throw new FakeError('InvalidOperation', 'A table can\'t overlap another table.');
      }
    }
    let area = a;
    if (!hasHeaders) {
      // Excel inserts a header row above the data, named Column1…
      area = { ...a, r0: a.r0, rows: a.rows + 1 };
      for (let r = a.r0 + a.rows - 1; r >= a.r0; r--) for (let c = a.c0; c < a.c0 + a.cols; c++) this.setCell(s, r + 1, c, this.cell(s, r, c));
      for (let c = 0; c < a.cols; c++) this.setCell(s, a.r0, a.c0 + c, { value: `Column${c + 1}` });
    }
    // A table always has at least one data row.
    if (area.rows === 1) area = { ...area, rows: 2 };
    const names = new Set<string>();
    for (let c = 0; c < area.cols; c++) {
      let h = String(this.cell(s, area.r0, area.c0 + c).value).trim() || `Column${c + 1}`;
      for (let i = 2; names.has(h); i++) h = `${h}${i}`;
      names.add(h);
      this.setCell(s, area.r0, area.c0 + c, { value: h });
    }
    let n = this.tables.length + 1;
    while (this.tables.some((t) => t.name === `Table${n}`)) n++;
    const t: TableModel = { id: nextId('table'), name: `Table${n}`, sheet: s, r0: area.r0, c0: area.c0, rows: area.rows, cols: area.cols };
    this.tables.push(t);
    return t;
  }

  table(name: string): TableModel | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  addComment(list: 'comments' | 'notes', s: SheetModel, a: Area, content: string): CommentModel {
    if (a.rows !== 1 || a.cols !== 1) throw new FakeError('InvalidArgument', 'The comment must be on a single cell.');
    const all = this[list];
    // A cell holds one note or one (threaded) comment, never both and never two.
    const there = this.notes.some((c) => c.sheet === s && c.r === a.r0 && c.c === a.c0) ? 'note'
      : this.comments.some((c) => c.sheet === s && c.r === a.r0 && c.c === a.c0) ? 'comment' : undefined;
    if (there) throw new FakeError('InvalidArgument', `The cell ${formatAddress(s.name, a)} already has a ${there}.`);
    const c: CommentModel = { id: nextId(list), sheet: s, r: a.r0, c: a.c0, content };
    all.push(c);
    return c;
  }
}
