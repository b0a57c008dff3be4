// Reads a ledger submission ({period, rows:[{row, raw}]}) from an untrusted JSON body: shape
// problems are 400s naming the field; cell values are handed to core's validation as typed,
// except values no spreadsheet cell can hold (objects, arrays), which become text so that
// validation reports them at their cell instead of tripping over them.
import { LEDGER_KEYS } from '../../core/ledger';
import type { InputRow, RawRow } from '../../core/types';
import { badField, HttpError } from './errors';
import { periodParam } from './scope';

export interface Submission {
  period: string;
  rows: InputRow[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

const T = {
  body: { 'zh-CN': '请求内容应为 JSON 对象，例如 {"period":"2026-03","rows":[{"row":2,"raw":{…}}]}', en: 'the body must be a JSON object such as {"period":"2026-03","rows":[{"row":2,"raw":{…}}]}' },
  rows: { 'zh-CN': '应为非空数组，每项形如 {"row":2,"raw":{"code":"…","name":"…"}}', en: 'must be a non-empty array of {"row":2,"raw":{…}}' },
  row: { 'zh-CN': '应为正整数（表格中的行号）', en: 'must be a positive integer (the sheet row number)' },
  raw: { 'zh-CN': '应为对象，键为台账列名（如 code、name、ytdInvest）', en: 'must be an object keyed by ledger column (code, name, ytdInvest, …)' },
};

function cellValue(v: unknown): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

export function readRows(body: Record<string, unknown>, maxRows: number): InputRow[] {
  const rows = body.rows;
  if (!Array.isArray(rows) || rows.length === 0) throw badField('rows', T.rows);
  if (rows.length > maxRows) throw new HttpError(413, 'too_many_rows', { max: maxRows, count: rows.length });
  return rows.map((r, i) => {
    if (!isObject(r)) throw badField(`rows[${i}]`, T.rows);
    const n = r.row;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) throw badField(`rows[${i}].row`, T.row);
    if (!isObject(r.raw)) throw badField(`rows[${i}].raw`, T.raw);
    const raw: RawRow = {};
    for (const k of LEDGER_KEYS) if (own(r.raw, k)) raw[k] = cellValue(r.raw[k]);
    return { row: n, raw };
  });
}

export function readBody(body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw badField('body', T.body);
  return body;
}

export function readSubmission(body: unknown, maxRows: number): Submission {
  const b = readBody(body);
  return { period: periodParam(b.period), rows: readRows(b, maxRows) };
}
