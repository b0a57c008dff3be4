// Mapping between domain objects (camelCase) and table columns (snake_case), one table per entity.
// A row of data per field instead of hand-written conversions in every query.

export type Conv = 'text' | 'real' | 'json' | 'bool';
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
  if (v === null || v === undefined) return undefined;
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
  return out as T;
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
