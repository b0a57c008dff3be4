// Mapping between domain objects (camelCase) and table columns (snake_case), one table per entity.
// A row of data per field instead of hand-written conversions in every query.

/** `zero`: a number whose NULL is read as 0 (a month without investment figures counts as none). */
export type Conv = 'text' | 'real' | 'zero' | 'json' | 'bool';
export interface Field<K extends string> {
  key: K;
  column: string;
  conv: Conv;
}

export function field<K extends string>(key: K, column: string, conv: Conv = 'text'): Field<K> {
  return { key, column, conv };
}

function toDb(v: unknown, conv: Conv): unknown {
  if (v === undefined || v === null) return null;
  if (conv === 'json') return JSON.stringify(v);
  if (conv === 'bool') return v ? 1 : 0;
  return v;
}

function fromDb(v: unknown, conv: Conv): unknown {
  if (v === null || v === undefined) return conv === 'zero' ? 0 : undefined;
  if (conv === 'json') return JSON.parse(String(v));
  if (conv === 'bool') return v === 1;
  return v;
}

/** Domain object → named SQL parameters ({column: value}). */
export function toParams<K extends string>(fields: readonly Field<K>[], obj: Partial<Record<K, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f.column] = toDb(obj[f.key], f.conv);
  return out;
}

/** SQL row → domain object; NULL columns are left out. */
export function fromRow<T>(fields: readonly Field<string>[], row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = fromDb(row[f.column], f.conv);
    if (v !== undefined) out[f.key] = v;
  }
  // Filled by key, a record of many fields falls into V8's slow dictionary mode; its copy is a
  // fast object again (an import reads and spreads 20,000 of them).
  return { ...out } as T;
}

/**
 * Whether two domain objects store the same: the same as comparing the JSON of their round trips
 * through the table (fromRow(toParams(x))), without building them. A field equal as stored
 * (strings, numbers, JSON text) is the same; any other pair is judged by its round trip.
 */
export function sameStored(fields: readonly Field<string>[], a: object, b: object): boolean {
  for (const f of fields) {
    const x = toDb((a as Record<string, unknown>)[f.key], f.conv);
    const y = toDb((b as Record<string, unknown>)[f.key], f.conv);
    if (x === y) continue;
    const rx = fromDb(x, f.conv);
    const ry = fromDb(y, f.conv);
    // A field left out (NULL) differs from any field present; present fields compare as JSON.
    if (rx === undefined || ry === undefined) {
      if (rx !== ry) return false;
      continue;
    }
    if (JSON.stringify(rx) !== JSON.stringify(ry)) return false;
  }
  return true;
}

/**
 * `{ ...a, ...b, … }` for plain records, about 15× faster at 20+ fields: V8 copies spread after
 * spread one property at a time through its runtime. Own enumerable string keys, in the same
 * order, last value wins; null/undefined sources are skipped, as spread skips them.
 */
export function merged<T>(...sources: (object | null | undefined)[]): T {
  const out: Record<string, unknown> = {};
  for (const s of sources) {
    if (s === null || s === undefined) continue;
    const keys = Object.keys(s);
    for (let i = 0; i < keys.length; i++) out[keys[i]] = (s as Record<string, unknown>)[keys[i]];
  }
  // The copy is a fast object (filled by key, the first one is in dictionary mode).
  return { ...out } as T;
}

/**
 * fromRow for a statement in raw mode (rows as arrays, `columns` its column names): better-sqlite3
 * builds no object of named columns per row, which costs more than the read itself. The reader is
 * compiled once per field list and column order into straight-line code that stores each field by
 * name: objects filled key by key through a loop are slow to fill and to read (the bot reads a
 * project and its months on every question; a county list reads 15,000 months). The code is made
 * only from the field tables in this folder (keys JSON-quoted, indexes numbers), never from data.
 */
export function rawReader<T>(fields: readonly Field<string>[], columns: readonly string[]): (row: unknown[]) => T {
  const lines = ['const o = {};', 'let v;'];
  for (const f of fields) {
    const at = columns.indexOf(f.column);
    if (at < 0) continue; // not selected: left out, as fromRow leaves out a missing column
    const key = JSON.stringify(f.key);
    lines.push(`v = row[${at}];`);
    if (f.conv === 'zero') lines.push(`o[${key}] = v === null || v === undefined ? 0 : v;`);
    else if (f.conv === 'json') lines.push(`if (v !== null && v !== undefined) o[${key}] = JSON.parse(String(v));`);
    else if (f.conv === 'bool') lines.push(`if (v !== null && v !== undefined) o[${key}] = v === 1;`);
    else lines.push(`if (v !== null && v !== undefined) o[${key}] = v;`);
  }
  lines.push('return o;');
  return new Function('row', lines.join('\n')) as (row: unknown[]) => T;
}

export function columnList(fields: readonly Field<string>[]): string {
  return fields.map((f) => f.column).join(', ');
}

export function paramList(fields: readonly Field<string>[]): string {
  return fields.map((f) => '@' + f.column).join(', ');
}

export function assignList(fields: readonly Field<string>[]): string {
  return fields.map((f) => `${f.column} = @${f.column}`).join(', ');
}
