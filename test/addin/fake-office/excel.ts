// The Excel JavaScript API over the in-memory workbook, faithful where the add-in relies on it:
// every call is queued and runs at context.sync(); a property read before load + sync throws
// PropertyNotLoaded; missing items fail at sync with ItemNotFound; *OrNullObject gives isNullObject.
import {
  FakeError, WorkbookModel, colLetter, formatAddress, parseAddress,
  type Area, type CellValue, type CommentModel, type SheetModel, type TableModel,
} from './model';

type Op = () => void;
interface PropDef { get: () => unknown; set?: (v: unknown) => void; nav?: () => ClientObject }

/** Excel on the web refuses a request payload above 5 MB. */
const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export class RequestContext {
  /** Queued operations, run in order by sync(). */
  private ops: Op[] = [];
  private payload = 0;
  syncCount = 0;
  readonly workbook: Workbook;

  constructor(readonly model: WorkbookModel) {
    this.workbook = new Workbook(this);
  }

  queue(op: Op, payloadBytes = 0): void {
    this.ops.push(op);
    this.payload += payloadBytes;
  }

  get pending(): number {
    return this.ops.length;
  }

  async sync(): Promise<void> {
    this.syncCount++;
    this.model.syncs++;
    const ops = this.ops;
    const bytes = this.payload;
    this.ops = [];
    this.payload = 0;
    await Promise.resolve();
    this.model.maxPayload = Math.max(this.model.maxPayload, bytes);
    if (bytes > PAYLOAD_LIMIT) throw new FakeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    for (const op of ops) op();
  }
}

const notLoaded = (name: string) => new FakeError('PropertyNotLoaded',
  `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

export abstract class ClientObject {
  protected loaded = new Map<string, unknown>();
  protected defs: Record<string, PropDef> = {};

  constructor(readonly context: RequestContext) {}

  /** Declares the object's properties: scalars (load + sync before read) and navigations (always available). */
  protected define(defs: Record<string, PropDef>): void {
    this.defs = { ...this.defs, ...defs };
    for (const [name, d] of Object.entries(defs)) {
      let child: ClientObject | undefined;
      Object.defineProperty(this, name, {
        enumerable: true,
        configurable: true,
        get: () => {
          if (d.nav) return (child ??= d.nav());
          if (!this.loaded.has(name)) throw notLoaded(name);
          return this.loaded.get(name);
        },
        set: (v: unknown) => {
          if (!d.set) throw new FakeError('InvalidOperation', `The property '${name}' is read-only.`);
          // office.js keeps the value set locally and sends it at the next sync.
          this.loaded.set(name, v);
          const set = d.set;
          this.context.queue(() => set(v), Array.isArray(v) ? JSON.stringify(v).length : 0);
        },
      });
    }
  }

  load(props?: string | string[] | Record<string, unknown>): this {
    const list = props === undefined ? Object.keys(this.defs).filter((k) => !this.defs[k].nav)
      : typeof props === 'string' ? props.split(',')
      : Array.isArray(props) ? props
      : Object.keys(props).filter((k) => (props as Record<string, unknown>)[k]);
    for (const raw of list) {
      const p = raw.trim();
      if (!p) continue;
      const [head, ...rest] = p.split('/');
      const d = this.defs[head];
      if (!d) throw new FakeError('InvalidArgument', `Property ${head} does not exist on ${this.constructor.name}.`);
      if (d.nav) {
        (this as unknown as Record<string, ClientObject>)[head].load(rest.length ? rest.join('/') : undefined);
      } else {
        // A null object's properties load as null, as in office.js.
        this.context.queue(() => this.loaded.set(head, head !== 'isNullObject' && this.isNullNow() ? null : d.get()));
      }
    }
    return this;
  }

  protected isNullNow(): boolean {
    return false;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** Objects that may be a null object (returned by *OrNullObject methods). */
abstract class Nullable<T> extends ClientObject {
  constructor(ctx: RequestContext, protected find: () => T | undefined, private what: string, private nullable: boolean) {
    super(ctx);
    this.define({ isNullObject: { get: () => nullable && this.find() === undefined } });
  }
  protected override isNullNow(): boolean {
    return this.nullable && this.find() === undefined;
  }
  protected must(): T {
    const x = this.find();
    if (x === undefined) throw new FakeError('ItemNotFound', `The requested resource doesn't exist. (${this.what})`);
    return x;
  }
}

export class Workbook extends ClientObject {
  declare readonly worksheets: WorksheetCollection;
  declare readonly tables: TableCollection;
  declare readonly comments: CommentCollection;
  declare readonly notes: CommentCollection;
  constructor(ctx: RequestContext) {
    super(ctx);
    this.define({
      worksheets: { get: () => 0, nav: () => new WorksheetCollection(ctx) },
      tables: { get: () => 0, nav: () => new TableCollection(ctx, () => ctx.model.tables, undefined) },
      comments: { get: () => 0, nav: () => new CommentCollection(ctx, 'comments', undefined) },
      notes: { get: () => 0, nav: () => new CommentCollection(ctx, 'notes', undefined) },
    });
  }
  getSelectedRange(): Range {
    const m = this.context.model;
    return new Range(this.context, () => ({ sheet: m.selection.sheet, area: m.selection.area }));
  }
}

export class WorksheetCollection extends ClientObject {
  declare readonly items: Worksheet[];
  constructor(ctx: RequestContext) {
    super(ctx);
    this.define({ items: { get: () => ctx.model.sheets.map((s) => new Worksheet(ctx, () => s, false)) } });
  }
  override load(props?: string | string[]): this {
    const inner = typeof props === 'string' ? props.replace(/^items\/?/, '') : undefined;
    this.context.queue(() => {
      const items = this.context.model.sheets.map((s) => new Worksheet(this.context, () => s, false));
      this.loaded.set('items', items);
      for (const it of items) it.loadNow(inner);
    });
    return this;
  }
  getItem(name: string): Worksheet {
    return new Worksheet(this.context, () => this.context.model.sheet(name), false, name);
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.context, () => this.context.model.sheet(name), true, name);
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, () => this.context.model.active, false);
  }
  add(name?: string): Worksheet {
    let created: SheetModel | undefined;
    this.context.queue(() => { created = this.context.model.addSheet(name); });
    return new Worksheet(this.context, () => created, false, name);
  }
}

export class Worksheet extends Nullable<SheetModel> {
  declare name: string;
  declare readonly tables: TableCollection;
  declare readonly notes: CommentCollection;
  declare readonly freezePanes: { freezeRows(n: number): void };
  constructor(ctx: RequestContext, find: () => SheetModel | undefined, nullable: boolean, label = '') {
    super(ctx, find, `worksheet ${label}`, nullable);
    this.define({
      name: { get: () => this.must().name, set: (v) => { this.must().name = String(v); } },
      id: { get: () => this.must().id },
      tables: { get: () => 0, nav: () => new TableCollection(ctx, () => ctx.model.tables.filter((t) => t.sheet === this.must()), this) },
      notes: { get: () => 0, nav: () => new CommentCollection(ctx, 'notes', this) },
      freezePanes: { get: () => 0, nav: () => new FreezePanes(ctx, () => this.must()) },
    });
  }
  /** Loads at sync time (used by collections whose items appear during sync). */
  loadNow(props?: string): void {
    const names = props ? props.split(',').map((s) => s.trim()) : ['name', 'id'];
    for (const n of names) if (this.defs[n] && !this.defs[n].nav) this.loaded.set(n, this.defs[n].get());
  }
  sheet(): SheetModel {
    return this.must();
  }
  getRange(address?: string): Range {
    return new Range(this.context, () => {
      const s = this.must();
      if (address === undefined) return { sheet: s, area: { r0: 0, c0: 0, rows: 1048576, cols: 16384 } };
      const a = parseAddress(address);
      if (a.sheet && a.sheet !== s.name) throw new FakeError('InvalidArgument', `Address ${address} is on another sheet.`);
      return { sheet: s, area: a };
    });
  }
  getRangeByIndexes(r0: number, c0: number, rows: number, cols: number): Range {
    return new Range(this.context, () => {
      if (rows < 1 || cols < 1 || r0 < 0 || c0 < 0) throw new FakeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      return { sheet: this.must(), area: { r0, c0, rows, cols } };
    });
  }
  getUsedRange(): Range {
    return new Range(this.context, () => {
      const s = this.must();
      let r1 = 0, c1 = 0;
      for (const [k, cell] of s.cells) {
        if (cell.value === '') continue;
        const [r, c] = k.split(',').map(Number);
        r1 = Math.max(r1, r);
        c1 = Math.max(c1, c);
      }
      return { sheet: s, area: { r0: 0, c0: 0, rows: r1 + 1, cols: c1 + 1 } };
    });
  }
  activate(): void {
    this.context.queue(() => { this.context.model.active = this.must(); });
  }
  delete(): void {
    this.context.queue(() => this.context.model.deleteSheet(this.must()));
  }
}

class FreezePanes extends ClientObject {
  constructor(ctx: RequestContext, private sheet: () => SheetModel) { super(ctx); }
  freezeRows(n = 1): void {
    this.context.queue(() => { this.sheet().frozenRows = n; });
  }
  unfreeze(): void {
    this.context.queue(() => { this.sheet().frozenRows = 0; });
  }
}

interface Loc { sheet: SheetModel; area: Area }

const MAX_CELLS_READ = 5_000_000;

export class Range extends ClientObject {
  declare values: CellValue[][];
  declare numberFormat: string[][];
  declare readonly address: string;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly format: RangeFormat;
  declare readonly dataValidation: DataValidation;

  constructor(ctx: RequestContext, readonly loc: () => Loc) {
    super(ctx);
    const m = ctx.model;
    const grid = <T>(f: (s: SheetModel, r: number, c: number) => T): T[][] => {
      const { sheet, area } = loc();
      if (area.rows * area.cols > MAX_CELLS_READ) throw new FakeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
      return Array.from({ length: area.rows }, (_, i) => Array.from({ length: area.cols }, (_, j) => f(sheet, area.r0 + i, area.c0 + j)));
    };
    const write = (field: 'value' | 'numberFormat') => (v: unknown) => {
      const { sheet, area } = loc();
      const scalar = !Array.isArray(v);
      if (!scalar) {
        const arr = v as unknown[][];
        if (arr.length !== area.rows || arr.some((row) => !Array.isArray(row) || row.length !== area.cols)) {
          throw new FakeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${area.rows}×${area.cols}).`);
        }
      }
      for (let i = 0; i < area.rows; i++) for (let j = 0; j < area.cols; j++) {
        const x = scalar ? v : (v as unknown[][])[i][j];
        if (x === null || x === undefined) continue; // null leaves a cell unchanged, as in office.js
        if (field === 'value' && typeof x !== 'string' && typeof x !== 'number' && typeof x !== 'boolean') {
          throw new FakeError('InvalidArgument', `Unsupported cell value ${String(x)}`);
        }
        m.setCell(sheet, area.r0 + i, area.c0 + j, { [field]: field === 'value' ? x : String(x) });
      }
    };
    this.define({
      address: { get: () => { const l = loc(); return formatAddress(l.sheet.name, l.area); } },
      values: { get: () => grid((s, r, c) => m.cell(s, r, c).value), set: write('value') },
      text: { get: () => grid((s, r, c) => String(m.cell(s, r, c).value)) },
      numberFormat: { get: () => grid((s, r, c) => m.cell(s, r, c).numberFormat), set: write('numberFormat') },
      rowCount: { get: () => loc().area.rows },
      columnCount: { get: () => loc().area.cols },
      rowIndex: { get: () => loc().area.r0 },
      columnIndex: { get: () => loc().area.c0 },
      format: { get: () => 0, nav: () => new RangeFormat(ctx, loc) },
      dataValidation: { get: () => 0, nav: () => new DataValidation(ctx, loc) },
      worksheet: { get: () => 0, nav: () => new Worksheet(ctx, () => loc().sheet, false) },
    });
  }

  private derived(f: (l: Loc) => Area): Range {
    return new Range(this.context, () => {
      const l = this.loc();
      const a = f(l);
      if (a.rows < 1 || a.cols < 1 || a.r0 < 0 || a.c0 < 0) throw new FakeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      return { sheet: l.sheet, area: a };
    });
  }
  getCell(r: number, c: number): Range {
    return this.derived(({ area }) => ({ r0: area.r0 + r, c0: area.c0 + c, rows: 1, cols: 1 }));
  }
  getRow(i: number): Range {
    return this.derived(({ area }) => ({ ...area, r0: area.r0 + i, rows: 1 }));
  }
  getColumn(i: number): Range {
    return this.derived(({ area }) => ({ ...area, c0: area.c0 + i, cols: 1 }));
  }
  getResizedRange(dr: number, dc: number): Range {
    return this.derived(({ area }) => ({ ...area, rows: area.rows + dr, cols: area.cols + dc }));
  }
  getOffsetRange(dr: number, dc: number): Range {
    return this.derived(({ area }) => ({ ...area, r0: area.r0 + dr, c0: area.c0 + dc }));
  }
  getAbsoluteResizedRange(rows: number, cols: number): Range {
    return this.derived(({ area }) => ({ ...area, rows, cols }));
  }
  select(): void {
    this.context.queue(() => {
      const l = this.loc();
      this.context.model.selection = { sheet: l.sheet, area: l.area };
      this.context.model.active = l.sheet;
    });
  }
  clear(): void {
    this.context.queue(() => {
      const { sheet, area } = this.loc();
      for (const k of [...sheet.cells.keys()]) {
        const [r, c] = k.split(',').map(Number);
        if (r >= area.r0 && r < area.r0 + area.rows && c >= area.c0 && c < area.c0 + area.cols) sheet.cells.delete(k);
      }
    });
  }
}

class RangeFormat extends ClientObject {
  declare readonly fill: RangeFill;
  declare readonly font: ClientObject & { bold: boolean; color: string };
  declare columnWidth: number;
  declare wrapText: boolean;
  constructor(ctx: RequestContext, loc: () => Loc) {
    super(ctx);
    this.define({
      fill: { get: () => 0, nav: () => new RangeFill(ctx, loc) },
      font: { get: () => 0, nav: () => new RangeFont(ctx, loc) },
      columnWidth: {
        get: () => { const { sheet, area } = loc(); return sheet.colWidths.get(area.c0) ?? 64; },
        set: (v) => { const { sheet, area } = loc(); for (let c = area.c0; c < area.c0 + area.cols; c++) sheet.colWidths.set(c, Number(v)); },
      },
      wrapText: { get: () => false, set: () => undefined },
      horizontalAlignment: { get: () => 'General', set: () => undefined },
      verticalAlignment: { get: () => 'Bottom', set: () => undefined },
    });
  }
  autofitColumns(): void {
    this.context.queue(() => undefined);
  }
}

function eachCell(m: WorkbookModel, { sheet, area }: Loc, f: (s: SheetModel, r: number, c: number) => void): void {
  void m;
  for (let i = 0; i < area.rows; i++) for (let j = 0; j < area.cols; j++) f(sheet, area.r0 + i, area.c0 + j);
}

/** A value shared by every cell of the range, or null when they differ (as Excel reports it). */
function common<T>(m: WorkbookModel, l: Loc, f: (s: SheetModel, r: number, c: number) => T): T | null {
  let first: T | undefined;
  let same = true;
  eachCell(m, l, (s, r, c) => {
    const v = f(s, r, c);
    if (first === undefined) first = v;
    else if (v !== first) same = false;
  });
  return same ? (first ?? null) : null;
}

class RangeFill extends ClientObject {
  declare color: string;
  constructor(ctx: RequestContext, private loc: () => Loc) {
    super(ctx);
    const m = ctx.model;
    this.define({
      color: {
        get: () => common(m, loc(), (s, r, c) => m.cell(s, r, c).fill ?? '#FFFFFF'),
        set: (v) => {
          const color = String(v).toUpperCase();
          if (!/^#[0-9A-F]{6}$/.test(color)) throw new FakeError('InvalidArgument', `Bad colour ${String(v)}`);
          eachCell(m, loc(), (s, r, c) => m.setCell(s, r, c, { fill: color }));
        },
      },
    });
  }
  clear(): void {
    const m = this.context.model;
    this.context.queue(() => eachCell(m, this.loc(), (s, r, c) => { if (m.cell(s, r, c).fill !== null) m.setCell(s, r, c, { fill: null }); }));
  }
}

class RangeFont extends ClientObject {
  constructor(ctx: RequestContext, loc: () => Loc) {
    super(ctx);
    const m = ctx.model;
    this.define({
      bold: { get: () => common(m, loc(), (s, r, c) => !!m.cell(s, r, c).bold), set: (v) => eachCell(m, loc(), (s, r, c) => m.setCell(s, r, c, { bold: !!v })) },
      color: { get: () => '#000000', set: () => undefined },
      name: { get: () => 'Calibri', set: () => undefined },
    });
  }
}

class DataValidation extends ClientObject {
  constructor(ctx: RequestContext, private loc: () => Loc) {
    super(ctx);
    const m = ctx.model;
    const field = (name: 'rule' | 'prompt' | 'errorAlert') => ({
      get: () => {
        const { sheet, area } = loc();
        return sheet.validations.get(`${area.r0},${area.c0}`)?.[name] ?? null;
      },
      set: (v: unknown) => eachCell(m, loc(), (s, r, c) => {
        const k = `${r},${c}`;
        const cur = s.validations.get(k);
        if (name !== 'rule' && !cur) throw new FakeError('InvalidOperation', 'Set a data validation rule before its prompt or error alert.');
        if (name === 'rule' && cur?.rule) throw new FakeError('InvalidOperation', 'The range already has a data validation rule; clear it first.');
        s.validations.set(k, { ...(cur ?? { rule: null }), [name]: v });
      }),
    });
    this.define({ rule: field('rule'), prompt: field('prompt'), errorAlert: field('errorAlert') });
  }
  clear(): void {
    this.context.queue(() => eachCell(this.context.model, this.loc(), (s, r, c) => s.validations.delete(`${r},${c}`)));
  }
}

export class TableCollection extends ClientObject {
  declare readonly items: Table[];
  constructor(ctx: RequestContext, private list: () => TableModel[], private sheet: Worksheet | undefined) {
    super(ctx);
    this.define({ items: { get: () => [] }, count: { get: () => list().length } });
  }
  override load(props?: string | string[]): this {
    const inner = typeof props === 'string' ? props.replace(/^items\/?/, '') : undefined;
    this.context.queue(() => {
      const items = this.list().map((t) => new Table(this.context, () => t, false));
      this.loaded.set('items', items);
      for (const it of items) it.loadNow(inner);
    });
    return this;
  }
  add(address: string | Range, hasHeaders: boolean): Table {
    let created: TableModel | undefined;
    this.context.queue(() => {
      let loc: Loc;
      if (typeof address === 'string') {
        const a = parseAddress(address);
        const s = a.sheet ? this.context.model.mustSheet(a.sheet) : this.sheet ? this.sheet.sheet() : undefined;
        if (!s) throw new FakeError('InvalidArgument', 'The table address must name its worksheet.');
        loc = { sheet: s, area: a };
      } else loc = address.loc();
      created = this.context.model.addTable(loc.sheet, loc.area, hasHeaders);
    });
    return new Table(this.context, () => created, false);
  }
  getItem(name: string): Table {
    return new Table(this.context, () => this.list().find((t) => t.name.toLowerCase() === name.toLowerCase()), false, name);
  }
  getItemOrNullObject(name: string): Table {
    return new Table(this.context, () => this.list().find((t) => t.name.toLowerCase() === name.toLowerCase()), true, name);
  }
}

export class Table extends Nullable<TableModel> {
  declare name: string;
  declare readonly columns: TableColumnCollection;
  declare readonly rows: { add(index: number | null, values: CellValue[][]): void };
  constructor(ctx: RequestContext, find: () => TableModel | undefined, nullable: boolean, label = '') {
    super(ctx, find, `table ${label}`, nullable);
    this.define({
      name: {
        get: () => this.must().name,
        set: (v) => {
          const n = String(v);
          if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(n) || /^[A-Za-z]{1,3}\d+$/.test(n)) throw new FakeError('InvalidArgument', `Invalid table name ${n}`);
          if (ctx.model.tables.some((t) => t !== this.must() && t.name.toLowerCase() === n.toLowerCase())) throw new FakeError('ItemAlreadyExists', `A table named ${n} already exists.`);
          this.must().name = n;
        },
      },
      id: { get: () => this.must().id },
      columns: { get: () => 0, nav: () => new TableColumnCollection(ctx, () => this.must()) },
      rows: { get: () => 0, nav: () => new TableRowCollection(ctx, () => this.must()) },
      worksheet: { get: () => 0, nav: () => new Worksheet(ctx, () => this.must().sheet, false) },
    });
  }
  loadNow(props?: string): void {
    const names = props ? props.split(',').map((s) => s.trim()) : ['name', 'id'];
    for (const n of names) if (this.defs[n] && !this.defs[n].nav) this.loaded.set(n, this.defs[n].get());
  }
  private part(f: (t: TableModel) => Area): Range {
    return new Range(this.context, () => { const t = this.must(); return { sheet: t.sheet, area: f(t) }; });
  }
  getRange(): Range {
    return this.part((t) => ({ r0: t.r0, c0: t.c0, rows: t.rows, cols: t.cols }));
  }
  getHeaderRowRange(): Range {
    return this.part((t) => ({ r0: t.r0, c0: t.c0, rows: 1, cols: t.cols }));
  }
  getDataBodyRange(): Range {
    return this.part((t) => ({ r0: t.r0 + 1, c0: t.c0, rows: t.rows - 1, cols: t.cols }));
  }
  delete(): void {
    this.context.queue(() => {
      const t = this.must();
      this.context.model.tables = this.context.model.tables.filter((x) => x !== t);
      for (let r = t.r0; r < t.r0 + t.rows; r++) for (let c = t.c0; c < t.c0 + t.cols; c++) t.sheet.cells.delete(`${r},${c}`);
    });
  }
}

class TableRowCollection extends ClientObject {
  constructor(ctx: RequestContext, private table: () => TableModel) {
    super(ctx);
    this.define({ count: { get: () => table().rows - 1 } });
  }
  add(index: number | null | undefined, values: CellValue[][]): void {
    this.context.queue(() => {
      const t = this.table();
      if (index !== null && index !== undefined) throw new FakeError('NotImplemented', 'The fake appends rows only.');
      if (!Array.isArray(values) || values.some((r) => !Array.isArray(r) || r.length !== t.cols)) {
        throw new FakeError('InvalidArgument', 'The number of columns in the input array doesn\'t match the table.');
      }
      const m = this.context.model;
      values.forEach((row, i) => row.forEach((v, j) => m.setCell(t.sheet, t.r0 + t.rows + i, t.c0 + j, { value: v ?? '' })));
      t.rows += values.length;
    }, JSON.stringify(values).length);
  }
}

export class TableColumnCollection extends ClientObject {
  declare readonly items: TableColumn[];
  constructor(ctx: RequestContext, private table: () => TableModel) {
    super(ctx);
    this.define({ items: { get: () => [] }, count: { get: () => table().cols } });
  }
  override load(props?: string | string[]): this {
    const inner = typeof props === 'string' ? props.replace(/^items\/?/, '') : undefined;
    this.context.queue(() => {
      const t = this.table();
      const items = Array.from({ length: t.cols }, (_, i) => new TableColumn(this.context, () => ({ t: this.table(), i })));
      this.loaded.set('items', items);
      for (const it of items) it.loadNow(inner);
    });
    return this;
  }
  /** Appends a column (index null) named `name`; values, when given, include the header. */
  add(index: number | null | undefined, values?: CellValue[][], name?: string): TableColumn {
    let at = -1;
    this.context.queue(() => {
      const t = this.table();
      if (index !== null && index !== undefined && index !== t.cols) throw new FakeError('NotImplemented', 'The fake appends columns only.');
      const m = this.context.model;
      if (values && values.length !== t.rows) throw new FakeError('InvalidArgument', 'The number of rows in the input array doesn\'t match the table.');
      const c = t.c0 + t.cols;
      for (let r = 0; r < t.rows; r++) m.setCell(t.sheet, t.r0 + r, c, { value: values?.[r]?.[0] ?? '' });
      const existing = m.headers(t);
      let h = name ?? (values ? String(values[0][0]) : '') ?? '';
      if (!h) for (let i = t.cols + 1; !h || existing.includes(h); i++) h = `Column${i}`;
      m.setCell(t.sheet, t.r0, c, { value: h });
      at = t.cols;
      t.cols += 1;
    });
    return new TableColumn(this.context, () => ({ t: this.table(), i: at }));
  }
  getItemOrNullObject(name: string): TableColumn {
    return new TableColumn(this.context, () => {
      const t = this.table();
      const i = this.context.model.headers(t).indexOf(name);
      return i < 0 ? undefined : { t, i };
    }, true);
  }
}

export class TableColumn extends Nullable<{ t: TableModel; i: number }> {
  constructor(ctx: RequestContext, find: () => { t: TableModel; i: number } | undefined, nullable = false) {
    super(ctx, find, 'table column', nullable);
    this.define({
      name: { get: () => { const { t, i } = this.must(); return ctx.model.headers(t)[i]; } },
      index: { get: () => this.must().i },
    });
  }
  loadNow(props?: string): void {
    const names = props ? props.split(',').map((s) => s.trim()) : ['name', 'index'];
    for (const n of names) if (this.defs[n] && !this.defs[n].nav) this.loaded.set(n, this.defs[n].get());
  }
  getDataBodyRange(): Range {
    return new Range(this.context, () => { const { t, i } = this.must(); return { sheet: t.sheet, area: { r0: t.r0 + 1, c0: t.c0 + i, rows: t.rows - 1, cols: 1 } }; });
  }
  getRange(): Range {
    return new Range(this.context, () => { const { t, i } = this.must(); return { sheet: t.sheet, area: { r0: t.r0, c0: t.c0 + i, rows: t.rows, cols: 1 } }; });
  }
}

/** Workbook comments (ExcelApi 1.10) and notes (1.18): same shape, one cell each. */
export class CommentCollection extends ClientObject {
  declare readonly items: Comment[];
  constructor(ctx: RequestContext, private kind: 'comments' | 'notes', private sheet: Worksheet | undefined) {
    super(ctx);
    this.define({ items: { get: () => [] } });
  }
  private list(): CommentModel[] {
    const all = this.context.model[this.kind];
    return this.sheet ? all.filter((c) => c.sheet === this.sheet!.sheet()) : all;
  }
  override load(props?: string | string[]): this {
    const inner = typeof props === 'string' ? props.replace(/^items\/?/, '') : undefined;
    this.context.queue(() => {
      const items = this.list().map((c) => new Comment(this.context, this.kind, () => c));
      this.loaded.set('items', items);
      for (const it of items) it.loadNow(inner);
    });
    return this;
  }
  add(cellAddress: string | Range, content: string): Comment {
    let created: CommentModel | undefined;
    this.context.queue(() => {
      let loc: Loc;
      if (typeof cellAddress === 'string') {
        const a = parseAddress(cellAddress);
        const s = a.sheet ? this.context.model.mustSheet(a.sheet) : this.sheet?.sheet();
        if (!s) throw new FakeError('InvalidArgument', 'The cell address must contain the sheet name.');
        loc = { sheet: s, area: a };
      } else loc = cellAddress.loc();
      created = this.context.model.addComment(this.kind, loc.sheet, loc.area, String(content));
    });
    return new Comment(this.context, this.kind, () => created);
  }
}

export class Comment extends Nullable<CommentModel> {
  declare content: string;
  constructor(ctx: RequestContext, private kind: 'comments' | 'notes', find: () => CommentModel | undefined) {
    super(ctx, find, kind, false);
    this.define({
      content: { get: () => this.must().content, set: (v) => { this.must().content = String(v); } },
      id: { get: () => this.must().id },
    });
  }
  loadNow(props?: string): void {
    const names = props ? props.split(',').map((s) => s.trim()) : ['content', 'id'];
    for (const n of names) if (this.defs[n] && !this.defs[n].nav) this.loaded.set(n, this.defs[n].get());
  }
  getLocation(): Range {
    return new Range(this.context, () => { const c = this.must(); return { sheet: c.sheet, area: { r0: c.r, c0: c.c, rows: 1, cols: 1 } }; });
  }
  delete(): void {
    this.context.queue(() => {
      const c = this.must();
      this.context.model[this.kind] = this.context.model[this.kind].filter((x) => x !== c);
    });
  }
}

export { colLetter };
