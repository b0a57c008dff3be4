// An Excel request context built on Microsoft's office-addin-mock (v4) with the parts of the
// object model the add-in uses and the mock lacks: worksheets, the ledger table, ranges with
// formats and data validation, notes and comments with their cells. Whatever the add-in reads
// (isNullObject, the table's values, sheet name, note contents, note cells) sits in the mock's
// tree, so the mock itself refuses a read before load + sync; what the add-in writes is recorded.
/* eslint-disable @typescript-eslint/no-explicit-any -- office-addin-mock trees are untyped */
import { OfficeMockObject } from 'office-addin-mock';
import { DEFAULT_CONFIG } from '../../core/config';
import { capabilities } from '../../addin/src/office/host';
import { RESULTS_SHEET, SHEET_NAME } from '../../addin/src/office/sheet';
import type { Session } from '../../addin/src/session';
import { versionAtMost } from './fake-office/index';

export interface MockOptions {
  /** The ledger table: header and rows, and where its header sits (zero-based). */
  table?: { values: unknown[][]; rowIndex?: number; columnIndex?: number };
  /** Whether a 台账 sheet (and so the table) already exists; default: when there is a table. */
  sheetExists?: boolean;
  /** Notes (ExcelApi 1.18) and comments (1.10) already in the workbook, with their cells. */
  notes?: { content: string; address: string }[];
  comments?: { content: string; address: string }[];
  /** A 校验结果 sheet from an earlier run. */
  resultsSheet?: boolean;
}

export interface Written {
  /** `sheet!address` → the range mock the add-in wrote to. */
  ranges: Map<string, any>;
  sheetsAdded: string[];
  sheetsDeleted: string[];
  tablesAdded: { sheet: string; hasHeaders: boolean; table: Record<string, unknown> }[];
  notesAdded: { kind: 'notes' | 'comments'; address: string; content: string }[];
  notesDeleted: string[];
  columnsAdded: string[];
  activated: string[];
  selected: string[];
  frozenRows: [string, number][];
  /** Ranges whose fill was cleared. */
  cleared: string[];
}

export interface MockExcel {
  context: Excel.RequestContext & { sync(): Promise<void> };
  written: Written;
  /** The existing 台账 sheet and table (renamed by load). */
  oldSheet: any;
  oldTable: any;
  /** Installs `Excel.run` over this context on globalThis; returns the uninstaller. */
  install(): () => void;
}

function rangeMock(key: string, written: Written): any {
  return new OfficeMockObject({
    values: '', numberFormat: '',
    format: { fill: { color: '', clear() { written.cleared.push(key); } }, font: { bold: false }, wrapText: false, columnWidth: 0 },
    dataValidation: { rule: '', prompt: '', errorAlert: '' },
    select() { written.selected.push(key); },
  });
}

export function mockExcel(opts: MockOptions = {}): MockExcel {
  const written: Written = {
    ranges: new Map(), sheetsAdded: [], sheetsDeleted: [], tablesAdded: [], notesAdded: [], notesDeleted: [],
    columnsAdded: [], activated: [], selected: [], frozenRows: [], cleared: [],
  };
  const range = (sheet: string, address: string) => {
    const k = `${sheet}!${address}`;
    if (!written.ranges.has(k)) written.ranges.set(k, rangeMock(k, written));
    return written.ranges.get(k);
  };
  /** A sheet the add-in only writes to: ranges, frozen panes, a table, activation. */
  const sheetObject = (name: string) => ({
    name,
    getRange: (a: string) => range(name, a),
    freezePanes: { freezeRows: (n: number) => written.frozenRows.push([name, n]) },
    tables: {
      add: (_r: unknown, hasHeaders: boolean) => {
        const table: Record<string, unknown> = {};
        written.tablesAdded.push({ sheet: name, hasHeaders, table });
        return table;
      },
    },
    activate: () => written.activated.push(name),
    delete: () => written.sheetsDeleted.push(name),
  });

  const sheetExists = opts.sheetExists ?? opts.table !== undefined;
  let root: any;
  const items = (kind: 'notes' | 'comments') => (opts[kind] ?? []).map((n, i) => ({
    content: n.content,
    getLocation: () => root.workbook.places[`${kind}${i}`],
    delete: () => written.notesDeleted.push(n.content),
  }));
  const collection = (kind: 'notes' | 'comments') => ({
    items: items(kind),
    // office-addin-mock cannot load a property of an array's items: load the array itself.
    load() { OfficeMockObject.prototype.load.call(root.workbook[kind], 'items'); return root.workbook[kind]; },
    add: (address: string, content: string) => { written.notesAdded.push({ kind, address, content }); return {}; },
  });
  const places: Record<string, { address: string }> = {};
  for (const kind of ['notes', 'comments'] as const) (opts[kind] ?? []).forEach((n, i) => { places[`${kind}${i}`] = { address: n.address }; });

  root = new OfficeMockObject({
    workbook: {
      places: Object.keys(places).length ? places : { none: { address: '' } },
      worksheets: {
        ledger: {
          isNullObject: !sheetExists, name: SHEET_NAME,
          activate() { written.activated.push(SHEET_NAME); },
        },
        results: { isNullObject: !opts.resultsSheet, delete() { written.sheetsDeleted.push(RESULTS_SHEET); } },
        getItemOrNullObject: (name: string) => (name === RESULTS_SHEET ? root.workbook.worksheets.results : root.workbook.worksheets.ledger),
        getItem: (name: string) => sheetObject(name),
        add: (name: string) => { written.sheetsAdded.push(name); return sheetObject(name); },
      },
      tables: {
        ledger: {
          isNullObject: !opts.table, name: 'KeyProjectLedger',
          range: { values: opts.table?.values ?? [[]], numberFormat: generalFormats(opts.table?.values ?? [[]]), rowIndex: opts.table?.rowIndex ?? 0, columnIndex: opts.table?.columnIndex ?? 0 },
          worksheet: { name: SHEET_NAME },
          getRange: () => root.workbook.tables.ledger.range,
          columns: { add: (_i: unknown, _v: unknown, name: string) => { written.columnsAdded.push(name); return {}; } },
        },
        getItem: () => root.workbook.tables.ledger,
        getItemOrNullObject: () => root.workbook.tables.ledger,
      },
      notes: collection('notes'),
      comments: collection('comments'),
    },
  });
  return {
    context: root as Excel.RequestContext & { sync(): Promise<void> },
    written,
    oldSheet: root.workbook.worksheets.ledger,
    oldTable: root.workbook.tables.ledger,
    install() {
      (globalThis as any).Excel = { run: (f: (c: Excel.RequestContext) => Promise<unknown>) => f(root) };
      return () => { delete (globalThis as any).Excel; };
    },
  };
}

/** A session on a host with the given ExcelApi version, without the fake office.js. */
export function mockSession(excelApi = '1.10'): Session {
  return {
    config: DEFAULT_CONFIG, locale: 'zh-CN', period: '2026-06', history: new Map(),
    caps: capabilities((_n, v) => versionAtMost(v, excelApi)),
  };
}

/** The range mock written at `sheet!address`, failing clearly when the add-in never wrote there. */
export function rangeAtMock(m: MockExcel, key: string): any {
  const r = m.written.ranges.get(key);
  if (!r) throw new Error(`nothing was written at ${key}; written: ${[...m.written.ranges.keys()].slice(0, 20).join(', ')}`);
  return r;
}

/** Excel's number formats for a block of values: General everywhere, as in a fresh sheet. */
export function generalFormats(values: unknown[][]): string[][] {
  return values.map((r) => r.map(() => 'General'));
}
