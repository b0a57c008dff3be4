// Prepared statements kept per connection and SQL text: preparing costs about as much as running a
// short query, and the bot's answers and the API's lists run the same few queries on every call.
// Statements with a variable number of parameters are built from a bounded set of shapes
// (filters present or not), so the cache stays small.
import type { Statement } from 'better-sqlite3';
import { rawReader, type Field } from './columns';
import type { Db } from './db';

interface Entry {
  stmt: Statement;
  read?: (row: unknown[]) => unknown;
}

// Keyed by the SQL text itself (no prefix concatenated per call: a new string is hashed anew on
// every lookup). Callers keep their SQL in constants where they can, for the same reason.
const plain = new WeakMap<Db, Map<string, Entry>>();
const raw = new WeakMap<Db, Map<string, Entry>>();
const plucked = new WeakMap<Db, Map<string, Entry>>();

function entry(caches: WeakMap<Db, Map<string, Entry>>, db: Db, sql: string, make: (db: Db, sql: string) => Entry): Entry {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let e = cache.get(sql);
  if (!e) cache.set(sql, (e = make(db, sql)));
  return e;
}

const makePlain = (db: Db, sql: string): Entry => ({ stmt: db.prepare(sql) });
const makePlucked = (db: Db, sql: string): Entry => ({ stmt: db.prepare(sql).pluck() });

export function prepared(db: Db, sql: string): Statement {
  return entry(plain, db, sql, makePlain).stmt;
}

/**
 * Runs a SELECT in raw mode (rows as arrays) and reads each row into a domain object, with
 * NULL columns left out as fromRow does: better-sqlite3's object of named columns per row costs
 * more than the read (a county's 15,000 reports: 65 → 35 ms), and is garbage at once.
 * `fields` must be the same for the same SQL text.
 */
export function readAll<T>(db: Db, fields: readonly Field<string>[], sql: string, params: readonly unknown[]): T[] {
  const { stmt, read } = entry(raw, db, sql, () => {
    const stmt = db.prepare(sql).raw(true);
    return { stmt, read: rawReader<unknown>(fields, stmt.columns().map((c) => c.name)) };
  });
  const rows = stmt.all(...params) as unknown[][];
  const out = new Array<T>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = read!(rows[i]) as T;
  return out;
}

/** Where the database stands: it has not changed while both numbers stay (another connection's commit moves `v`, this connection's writes move `c`). */
export interface Stamp {
  v: number;
  c: number;
}

export function changeStamp(db: Db): Stamp {
  // Two plucked one-value statements: cheaper than one row from the pragma's table function.
  const v = entry(plucked, db, 'PRAGMA data_version', makePlucked).stmt.get() as number;
  const c = entry(plucked, db, 'SELECT total_changes()', makePlucked).stmt.get() as number;
  return { v, c };
}

export function sameStamp(a: Stamp | undefined, b: Stamp): boolean {
  return a !== undefined && a.v === b.v && a.c === b.c;
}
