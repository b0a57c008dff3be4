// Tolerant cell parsing, driven by the ledger definition: one parser per column type (SPEC §2,
// "cell values as people type them"). A cell is empty, readable (normalised value) or bad
// (a TYPE or ENUM problem with a message saying what would be right) — never a crash, never a
// silent zero.
import { Converter } from 'opencc-js/t2cn';
import type { Config } from './config';
import { LEDGER, column, optionsOf } from './ledger';
import type { ColumnDef, ColumnType } from './ledger';
import { tr } from './i18n';
import type { Text } from './i18n';
import { APPROVALS } from './types';
import type { Approval, Finding, LedgerKey, LedgerValues, Locale, RawRow } from './types';
import { columnName, ruleDef, renderMessage } from './rules';
import type { BadCell } from './rules';

// ---------------------------------------------------------------------------------------------
// Text normalisation

let t2s: ((s: string) => string) | undefined;

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Results of a pure string function for short inputs, kept until `max` are held, then started
 * afresh: a ledger repeats the same county, list, stage and unit names on thousands of rows.
 */
function memo(fn: (s: string) => string, max = 20_000, longest = 64): (s: string) => string {
  let cache = new Map<string, string>();
  return (s) => {
    if (s.length > longest) return fn(s);
    let v = cache.get(s);
    if (v === undefined) {
      v = fn(s);
      if (cache.size >= max) cache = new Map();
      cache.set(s, v);
    }
    return v;
  };
}

const convertT2s = memo((s) => {
  t2s ??= Converter({ from: 'tw', to: 'cn' });
  return t2s(s);
});

/** Traditional → Simplified Chinese (OpenCC, Taiwan/Hong Kong variants included); the converter is built once, on first use. */
let lastT2s = { from: '', to: '' };

export function toSimplified(s: string): string {
  // Pure ASCII has nothing to convert: skip the dictionary walk.
  if (!NON_ASCII.test(s)) return s;
  // The bot converts the same question several times in one turn (intent, names): keep the last.
  if (s === lastT2s.from) return lastT2s.to;
  const to = convertT2s(s);
  lastT2s = { from: s, to };
  return to;
}

const halfWidthOf = memo((s) => s.normalize('NFKC').replace(/[\u2010-\u2015\u2212\uFE58\uFE63]/g, '-').replace(/[\u200B-\u200D\uFEFF]/g, '').trim());

/** Full-width → half-width (digits, letters, brackets, %, ideographic space …), dashes unified, trimmed. */
export function halfWidth(s: string): string {
  // ASCII is its own NFKC form and holds no dash or zero-width character: only trimming is left.
  if (!NON_ASCII.test(s)) return s.trim();
  return halfWidthOf(s);
}

/** Half-width, Simplified, without any whitespace: the form enum values and headers are compared in. */
function squeeze(s: string): string {
  return toSimplified(halfWidth(s)).replace(/\s+/g, '');
}

/** Latin words lower-cased with single spaces: the form English aliases are compared in. */
function latin(s: string): string {
  return halfWidth(s).toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}

/** Whether a character stays a visible character through halfWidth: printable ASCII, CJK ideographs. */
function keepsText(c: number): boolean {
  return (c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff);
}

export function isEmptyCell(raw: unknown): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw !== 'string') return false;
  // Most cells start with a character that normalisation keeps: no need to normalise the whole
  // cell (names are unique on every row, so a cache would not help).
  return raw.length === 0 || (!keepsText(raw.charCodeAt(0)) && halfWidth(raw) === '');
}

// ---------------------------------------------------------------------------------------------
// Dates

/**
 * `YYYY-MM-DD` of a JS Date. Spreadsheet readers (exceljs) give dates as UTC midnight, so a Date
 * exactly at UTC midnight is read in UTC; any other instant is read in the configured time zone.
 */
export function dateToYmd(d: Date, timeZone = 'Asia/Shanghai'): string | undefined {
  if (Number.isNaN(d.getTime())) return undefined;
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0) {
    return d.toISOString().slice(0, 10);
  }
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return f.format(d);
}

/**
 * Excel serial day (1900 date system) → `YYYY-MM-DD`. Only serials from 1950 on are taken as dates:
 * a smaller number in a date cell is far likelier a mistyped year or month (2026 would be 1905-07-18).
 */
export const SERIAL_MIN = 18264; // 1950-01-01
export function serialToYmd(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < SERIAL_MIN || serial > 2958465) return undefined;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000).toISOString().slice(0, 10);
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function ymd(y: number, m: number, d?: number): string | undefined {
  if (!Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12) return undefined;
  const mm = String(m).padStart(2, '0');
  if (d === undefined) return `${y}-${mm}`;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${y}-${mm}-${String(d).padStart(2, '0')}`;
}

/** String forms of a month or a date, tried in order. */
const DATE_PATTERNS: { re: RegExp; day: boolean }[] = [
  { re: /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$/, day: true },
  { re: /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:份)?$/, day: false },
  { re: /^(\d{4})(\d{2})(\d{2})$/, day: true },
  { re: /^(\d{4})(\d{2})$/, day: false },
];

/** Reads a month or a date as people type it: `YYYY-MM` or `YYYY-MM-DD`, undefined when unreadable. */
export function readDate(raw: unknown, timeZone = 'Asia/Shanghai'): string | undefined {
  if (raw instanceof Date) return dateToYmd(raw, timeZone);
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return undefined;
    // 202603 typed as a number is a month, not serial 202603 (year 2454).
    if (Number.isInteger(raw) && raw >= 190001 && raw <= 210012) return ymd(Math.floor(raw / 100), raw % 100);
    // 2026.3 typed into a general cell arrives as a number; 2026.1 could have been 2026.10, so it is refused.
    if (raw >= MIN_YEAR && raw <= MAX_YEAR + 1 && !Number.isInteger(raw)) {
      const [y, frac] = String(raw).split('.');
      if (frac === '1') return undefined;
      return frac && frac.length <= 2 ? ymd(Number(y), Number(frac)) : undefined;
    }
    return serialToYmd(raw);
  }
  if (typeof raw !== 'string') return undefined;
  const s = toSimplified(halfWidth(raw));
  // ISO date-time: with a zone it is an instant; without, its date part.
  const iso = /^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (iso) return iso[4] ? dateToYmd(new Date(s), timeZone) : readDate(iso[1], timeZone);
  for (const p of DATE_PATTERNS) {
    const m = p.re.exec(s);
    if (m) return ymd(Number(m[1]), Number(m[2]), p.day ? Number(m[3]) : undefined);
  }
  // A serial kept as text (e.g. from a CSV export of a date cell without format).
  if (/^\d{5}$/.test(s)) return serialToYmd(Number(s));
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Amounts

/** Units an amount may carry, as the factor to 万元. */
const AMOUNT_UNITS: Record<string, number> = { '': 1, 万: 1, 万元: 1, 亿: 10000, 亿元: 10000, 元: 0.0001 };
const AMOUNT_RE = /^([+-]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(亿元|亿|万元|万|元)?$/;

/** Reads an amount in 万元 (`12,000`, `１２０００`, `1.2亿`, `12000万元` …); undefined when unreadable. */
export function readAmount(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const s = toSimplified(halfWidth(raw)).replace(/\s+/g, '');
  const m = AMOUNT_RE.exec(s);
  if (!m) return undefined;
  const n = Number(m[2].replace(/,/g, '')) * AMOUNT_UNITS[m[3] ?? ''];
  // Rounds away float noise of the unit factor (1.15亿 → 11500, not 11499.999…).
  const v = Math.round(n * 1e6) / 1e6;
  return m[1] === '-' ? -v : v;
}

// ---------------------------------------------------------------------------------------------
// Enumerations

/** English (and other obvious) spellings of fixed options, by column. */
const ENUM_ALIASES: Partial<Record<LedgerKey, Record<string, string>>> = {
  list: { 'under construction': '在建', construction: '在建', ongoing: '在建', 'to start': '拟新开工', 'new start': '拟新开工', 'planned start': '拟新开工', 'to be started': '拟新开工', reserve: '储备', reserved: '储备' },
  level: { provincial: '省重点', 'provincial key project': '省重点', province: '省重点', city: '市重点', 'city key project': '市重点', municipal: '市重点' },
  stage: { preparation: '前期', preliminary: '前期', 'pre construction': '前期', 'under construction': '在建', construction: '在建', completed: '竣工', complete: '竣工', 'in operation': '投产', operating: '投产', operation: '投产', production: '投产' },
  nature: { new: '新建', expansion: '扩建', extension: '扩建', renovation: '改建', reconstruction: '改建', relocation: '迁建' },
  sector: { agriculture: '农业', forestry: '林业', 'water conservancy': '水利', water: '水利', industry: '工业', industrial: '工业', transport: '交通运输', transportation: '交通运输', 'municipal utilities': '市政公用', municipal: '市政公用', 'ecology and environment': '生态环保', environment: '生态环保', 'environmental protection': '生态环保', 'social undertakings': '社会事业', social: '社会事业', services: '服务业', service: '服务业', 'real estate': '房地产', other: '其他', others: '其他' },
};

const APPROVAL_ALIASES: Record<string, Approval> = {
  'project approval': '立项', approval: '立项', filing: '立项', land: '用地', 'land use': '用地', planning: '规划',
  eia: '环评', 'environmental impact assessment': '环评', 'environmental assessment': '环评',
  'construction permit': '施工许可', permit: '施工许可', 施工许可证: '施工许可',
  // 备案 and 核准 are the two forms 立项 takes for enterprise projects.
  备案: '立项', 核准: '立项', 项目备案: '立项', 项目核准: '立项', 用地手续: '用地', 规划许可: '规划', 环评批复: '环评',
};

const YES_NO: Record<string, boolean> = {
  是: true, 否: false, y: true, n: false, yes: true, no: false, true: true, false: false, '1': true, '0': false,
  '√': true, '✓': true, '✔': true, '×': false, '✗': false, '✘': false, x: false, 对: true, 已入统: true, 未入统: false,
};

function countyOf(s: string, config: Config): string | undefined {
  const names = config.counties.map((k) => k.name);
  if (names.includes(s)) return s;
  const en = latin(s);
  const byEn = config.counties.find((k) => k.nameEn && latin(k.nameEn) === en);
  if (byEn) return byEn.name;
  // 衡水市桃城区 → 桃城区
  const bare = s.startsWith(config.city.name) ? s.slice(config.city.name.length) : s;
  if (names.includes(bare)) return bare;
  // 高新区 → 衡水高新区: names that carry the city's short name.
  const short = config.city.name.replace(/市$/, '');
  if (names.includes(short + bare)) return short + bare;
  // 桃城 → 桃城区, when exactly one county matches without its suffix.
  const hits = names.filter((n) => n.replace(/(新区|区|县|市)$/, '') === bare);
  return hits.length === 1 ? hits[0] : undefined;
}

function enumOf(c: ColumnDef, raw: string, config: Config): string | undefined {
  const s = squeeze(raw);
  if (c.key === 'county') return countyOf(s, config);
  const options = optionsOf(c, config);
  if (options.includes(s)) return s;
  const alias = ENUM_ALIASES[c.key]?.[latin(raw)];
  return alias && options.includes(alias) ? alias : undefined;
}

// ---------------------------------------------------------------------------------------------
// Cell results

export type CellProblemReason =
  | 'amount' | 'month' | 'date' | 'percent' | 'percentRange' | 'tooLong' | 'notText' | 'enum' | 'approvals' | 'yesno';

export type CellResult =
  | { status: 'empty' }
  | { status: 'ok'; value: unknown }
  | { status: 'bad'; rule: 'TYPE' | 'ENUM'; reason: CellProblemReason; params: Record<string, string | number> };

/** What was wrong and what would be right, per reason; `{column}` and `{value}` are always given. */
export const CELL_PROBLEMS: Record<CellProblemReason, Text> = {
  amount: { 'zh-CN': '“{value}”不是金额；请填写以万元为单位的数字，如 12000、12,000 或 1.2亿', en: '"{value}" is not an amount; enter a number in 10,000 yuan, e.g. 12000, 12,000 or 1.2亿' },
  month: { 'zh-CN': '“{value}”不是年月；请填写如 2026-03、2026年3月 或 202603', en: '"{value}" is not a month; enter e.g. 2026-03, 2026年3月 or 202603' },
  date: { 'zh-CN': '“{value}”不是日期或年月；请填写如 2026-03 或 2026-03-15', en: '"{value}" is not a date or month; enter e.g. 2026-03 or 2026-03-15' },
  percent: { 'zh-CN': '“{value}”不是百分数；请填写 0 到 100 之间的数字，如 85 或 85%', en: '"{value}" is not a percentage; enter a number from 0 to 100, e.g. 85 or 85%' },
  percentRange: { 'zh-CN': '“{value}”超出 0 到 100 的范围；请填写 0 到 100 之间的数字', en: '"{value}" is outside 0 to 100; enter a number from 0 to 100' },
  tooLong: { 'zh-CN': '共 {length} 字，超过 {max} 字的上限；请删减到 {max} 字以内', en: 'has {length} characters, more than the limit of {max}; shorten it to at most {max}' },
  notText: { 'zh-CN': '“{value}”不是文字；请填写文字', en: '"{value}" is not text; enter text' },
  enum: { 'zh-CN': '“{value}”不在可选范围内；请填写 {options} 之一', en: '"{value}" is not one of the options; enter one of {options}' },
  approvals: { 'zh-CN': '“{unknown}”不是前期手续；可填 {options}，多项用顿号分隔，如 立项、用地', en: '"{unknown}" is not an approval; use {options}, separated by 、 e.g. 立项、用地' },
  yesno: { 'zh-CN': '“{value}”不是是/否；请填写 是 或 否', en: '"{value}" is not yes/no; enter 是 (yes) or 否 (no)' },
};

/** The cell as typed, as text: Dates as ISO dates, empty cells as ''. */
export function cellText(raw: unknown, timeZone = 'Asia/Shanghai'): string {
  if (raw === null || raw === undefined) return '';
  if (raw instanceof Date) return dateToYmd(raw, timeZone) ?? String(raw);
  if (typeof raw === 'object') {
    try { return JSON.stringify(raw) ?? ''; } catch { return Object.prototype.toString.call(raw); }
  }
  return String(raw);
}

type Parser = (c: ColumnDef, raw: unknown, config: Config) => CellResult;

const ok = (value: unknown): CellResult => ({ status: 'ok', value });
const bad = (rule: 'TYPE' | 'ENUM', reason: CellProblemReason, params: Record<string, string | number> = {}): CellResult =>
  ({ status: 'bad', rule, reason, params });

function asText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return undefined;
}

const joinOptions = (o: readonly string[]) => o.join(' / ');

/** One parser per column type. */
export const PARSERS: Record<ColumnType, Parser> = {
  amount: (_c, raw) => {
    const n = readAmount(raw);
    return n === undefined ? bad('TYPE', 'amount') : ok(n);
  },
  month: (_c, raw, config) => {
    const d = readDate(raw, config.timezone);
    return d === undefined ? bad('TYPE', 'month') : ok(d.slice(0, 7));
  },
  monthOrDate: (_c, raw, config) => {
    const d = readDate(raw, config.timezone);
    return d === undefined ? bad('TYPE', 'date') : ok(d);
  },
  // A `%` means percent; a bare number is read as percentage points (85 → 85 %, 0.85 → 0.85 %),
  // because the ledger's progress column is formatted `0`, not `0%`.
  percent: (_c, raw) => {
    let n: number | undefined;
    if (typeof raw === 'number') n = Number.isFinite(raw) ? raw : undefined;
    else if (typeof raw === 'string') {
      const m = /^([+-]?(?:\d+(?:\.\d+)?|\.\d+))%?$/.exec(halfWidth(raw).replace(/\s+/g, ''));
      n = m ? Number(m[1]) : undefined;
    }
    if (n === undefined) return bad('TYPE', 'percent');
    return n < 0 || n > 100 ? bad('TYPE', 'percentRange') : ok(n);
  },
  yesno: (_c, raw) => {
    if (typeof raw === 'boolean') return ok(raw);
    const s = asText(raw);
    const v = s === undefined ? undefined : YES_NO[latin(toSimplified(s)).replace(/\s+/g, '')];
    return v === undefined ? bad('ENUM', 'yesno') : ok(v);
  },
  enum: (c, raw, config) => {
    const s = asText(raw);
    const v = s === undefined ? undefined : enumOf(c, s, config);
    return v === undefined ? bad('ENUM', 'enum', { options: joinOptions(optionsOf(c, config)) }) : ok(v);
  },
  approvals: (_c, raw) => {
    const s = asText(raw);
    if (s === undefined) return bad('ENUM', 'approvals', { unknown: cellText(raw), options: joinOptions(APPROVALS) });
    const found = new Set<Approval>();
    const unknown: string[] = [];
    const one = (piece: string): Approval | undefined => {
      const z = squeeze(piece);
      return (APPROVALS as readonly string[]).includes(z) ? (z as Approval) : APPROVAL_ALIASES[z] ?? APPROVAL_ALIASES[latin(piece)];
    };
    for (const piece of halfWidth(s).split(/[、,，;；/|]+/)) {
      if (!piece.trim() || /^(无|none|-)$/i.test(squeeze(piece))) continue;
      const whole = one(piece);
      if (whole) { found.add(whole); continue; }
      // 立项 用地: space-separated items.
      for (const w of piece.trim().split(/\s+/)) {
        const a = one(w);
        if (a) found.add(a);
        else unknown.push(w);
      }
    }
    if (unknown.length) return bad('ENUM', 'approvals', { unknown: unknown.join('、'), options: joinOptions(APPROVALS) });
    return ok(APPROVALS.filter((a) => found.has(a)));
  },
  phone: (_c, raw) => {
    const s = typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : asText(raw);
    return s === undefined ? bad('TYPE', 'notText') : ok(halfWidth(s).replace(/\s+/g, ' '));
  },
  code: (_c, raw) => {
    const s = asText(raw);
    return s === undefined ? bad('TYPE', 'notText') : ok(halfWidth(s).replace(/\s+/g, '').toUpperCase());
  },
  text: (c, raw) => {
    const s = asText(raw);
    if (s === undefined) return bad('TYPE', 'notText');
    const t = s.trim();
    // Characters (code points) never outnumber UTF-16 units: count them only when it may matter.
    if (c.maxLength === undefined || t.length <= c.maxLength) return ok(t);
    const length = [...t].length;
    return length > c.maxLength ? bad('TYPE', 'tooLong', { length, max: c.maxLength }) : ok(t);
  },
};

const EMPTY: CellResult = Object.freeze({ status: 'empty' });

function parseUncached(c: ColumnDef, raw: unknown, config: Config): CellResult {
  if (isEmptyCell(raw)) return EMPTY;
  try {
    return PARSERS[c.type](c, raw, config);
  } catch {
    // A parser must never take the row down; an exotic value is simply unreadable.
    return bad('TYPE', 'notText');
  }
}

/**
 * Results of the columns whose text repeats down a ledger (the same county, stage, months and
 * approvals on thousands of rows), per column and cell text, for the configuration last used.
 * Names, codes and amounts are unique or cheap, so they are not kept.
 */
const REPEATING: ReadonlySet<ColumnType> = new Set<ColumnType>(['enum', 'yesno', 'approvals', 'month', 'monthOrDate', 'percent']);
const MEMO_MAX = 5_000;
const KEPT = LEDGER.map((c) => REPEATING.has(c.type));
let cellMemo: { config: Config; counties: unknown; sectors: unknown; city: unknown; timezone: string; byColumn: Map<string, CellResult>[] } | undefined;

/** The kept results of every ledger column (by index) under a configuration. */
function keptCells(config: Config): Map<string, CellResult>[] {
  // What the parsers read of the configuration: a changed configuration starts afresh.
  if (!cellMemo || cellMemo.config !== config || cellMemo.counties !== config.counties || cellMemo.sectors !== config.sectors
    || cellMemo.city !== config.city || cellMemo.timezone !== config.timezone) {
    cellMemo = { config, counties: config.counties, sectors: config.sectors, city: config.city, timezone: config.timezone, byColumn: LEDGER.map(() => new Map()) };
  }
  return cellMemo.byColumn;
}

const COLUMN_INDEX = new Map(LEDGER.map((c, i) => [c.key, i]));

/** Parses one cell of a ledger column. */
export function parseCell(c: ColumnDef, raw: unknown, config: Config): CellResult {
  const i = COLUMN_INDEX.get(c.key);
  // Only the ledger's own column definitions share kept results.
  return typeof raw === 'string' && i !== undefined && KEPT[i] && LEDGER[i] === c
    ? parseKept(c, raw, config, keptCells(config)[i])
    : parseUncached(c, raw, config);
}

function parseKept(c: ColumnDef, raw: string, config: Config, cells: Map<string, CellResult>): CellResult {
  let r = cells.get(raw);
  if (r === undefined) {
    r = parseUncached(c, raw, config);
    if (cells.size >= MEMO_MAX) cells.clear();
    cells.set(raw, r);
  }
  // Arrays (approvals) are handed out as copies: callers own the values they get.
  return r.status === 'ok' && Array.isArray(r.value) ? { status: 'ok', value: r.value.slice() } : r;
}

/** The message of a cell problem in a locale. */
export function cellProblemText(c: ColumnDef, raw: unknown, r: Extract<CellResult, { status: 'bad' }>, locale: Locale, timeZone?: string): string {
  const detail = tr(locale, CELL_PROBLEMS[r.reason], { value: cellText(raw, timeZone), ...r.params });
  return renderMessage(ruleDef(r.rule), locale, { column: columnName(c.key, locale), detail });
}

/** A bad cell of a row, with the cell as typed. */
export interface CellProblem extends BadCell {
  raw: unknown;
}

/**
 * The readable values of a row; each unreadable cell is added to `problems` (with its message in
 * `locale`). What parseRow does, without its findings: validation makes its own.
 */
export function readRow(raw: RawRow, config: Config, locale: Locale, problems: CellProblem[]): LedgerValues {
  const kept = keptCells(config);
  const src = (raw && typeof raw === 'object' ? raw : {}) as RawRow;
  const found = scratchValues;
  let mask = 0;
  for (let i = 0; i < LEDGER.length; i++) {
    const c = LEDGER[i];
    const cell = src[c.key];
    // The two commonest cells read directly, as their parsers would (no result object for each).
    if (c.type === 'amount' && typeof cell === 'number' && Number.isFinite(cell)) { found[i] = cell; mask |= 1 << i; continue; }
    if (c.type === 'text' && typeof cell === 'string' && cell.length > 0 && keepsText(cell.charCodeAt(0))) {
      const t = cell.trim();
      if (c.maxLength === undefined || t.length <= c.maxLength) { found[i] = t; mask |= 1 << i; continue; }
    }
    const r = typeof cell === 'string' && KEPT[i] ? parseKept(c, cell, config, kept[i]) : parseUncached(c, cell, config);
    if (r.status === 'ok') { found[i] = r.value; mask |= 1 << i; }
    else if (r.status === 'bad') problems.push({ key: c.key, rule: r.rule, raw: cell, message: cellProblemText(c, cell, r, locale, config.timezone) });
  }
  // A copy of the row shape's template, its fields then overwritten: built key by key, an object
  // of 30 fields would fall into V8's slow dictionary mode, and rows of one ledger share a shape.
  const values = { ...shapeOf(mask) } as Record<string, unknown>;
  for (let i = 0; i < LEDGER.length; i++) {
    if (mask & (1 << i)) { values[LEDGER[i].key] = found[i]; found[i] = undefined; }
  }
  return values as LedgerValues;
}

// Row shapes are bit masks of the columns present.
if (LEDGER.length > 31) throw new Error('core/parse: the ledger has more columns than a row mask holds');
const scratchValues: unknown[] = LEDGER.map(() => undefined);
let shapes = new Map<number, object>();

/** A fast object with the keys of the columns in `mask` (bit i = LEDGER[i]), in ledger order. */
function shapeOf(mask: number): object {
  let shape = shapes.get(mask);
  if (!shape) {
    const keys: Record<string, unknown> = {};
    for (let i = 0; i < LEDGER.length; i++) if (mask & (1 << i)) keys[LEDGER[i].key] = undefined;
    shape = { ...keys };
    if (shapes.size >= 1_000) shapes = new Map();
    shapes.set(mask, shape);
  }
  return shape;
}

/** Parses a whole row: the readable values, and one TYPE/ENUM finding per unreadable cell. */
export function parseRow(
  raw: RawRow, config: Config, opts: { row?: number; locale?: Locale } = {},
): { values: LedgerValues; findings: Finding[]; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const v = readRow(raw, config, opts.locale ?? config.locale, problems);
  const findings: Finding[] = problems.map((p) => ({
    rule: p.rule,
    severity: 'error',
    row: opts.row ?? 0,
    column: p.key,
    projectCode: v.code ?? null,
    value: cellText(p.raw, config.timezone),
    message: p.message,
  }));
  return { values: v, findings, problems };
}

// ---------------------------------------------------------------------------------------------
// Headers

const HEADER_INDEX: Map<string, LedgerKey> = (() => {
  const m = new Map<string, LedgerKey>();
  const unit = (s: string) => s.replace(/\([^()]*\)$/, '');
  for (const c of LEDGER) {
    m.set(unit(squeeze(c.header)), c.key);
    m.set(squeeze(c.label), c.key);
    m.set(c.key.toLowerCase(), c.key);
    m.set(unit(latin(c.headerEn)).replace(/\s+/g, ''), c.key);
  }
  return m;
})();

/**
 * The ledger key a header cell names: the Chinese header or label, the English key or header;
 * tolerant of a trailing unit in (full-width) brackets, spaces, line breaks and Traditional characters.
 */
export function matchHeader(text: unknown): LedgerKey | undefined {
  if (typeof text !== 'string' && typeof text !== 'number') return undefined;
  let s = squeeze(String(text)).replace(/[*＊※]+/g, '');
  s = s.replace(/[(\[【][^()\[\]【】]*[)\]】]$/, '');
  return HEADER_INDEX.get(s) ?? HEADER_INDEX.get(s.toLowerCase());
}

/** Parses one cell by ledger key (convenience for the add-in's custom functions). */
export function parseByKey(key: LedgerKey, raw: unknown, config: Config): CellResult {
  return parseCell(column(key), raw, config);
}

/**
 * A number shown with a percent format holds the fraction (Excel stores a typed "85%" as 0.85 and
 * switches the cell to 0%): hand it on as the text the clerk saw, so it is read as 85 points, not
 * 0.85. Readers of xlsx files and of Excel ranges call this with the cell's number format.
 */
export function shownPercent(value: unknown, numFmt: unknown): unknown {
  if (typeof value !== 'number' || !Number.isFinite(value) || typeof numFmt !== 'string' || !numFmt.includes('%')) return value;
  // A % inside quotes or after a backslash is a literal character, not the percent format.
  const bare = numFmt.replace(/"[^"]*"|\\./g, '');
  return bare.includes('%') ? `${Number((value * 100).toPrecision(12))}%` : value;
}
