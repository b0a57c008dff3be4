// Exports the stored ledger of a month in the standard layout: each project's master data with
// its report of that month (report cells left empty where the month has no report).
import type { Config } from '../../core/config';
import { LEDGER } from '../../core/ledger';
import type { LedgerValues, Locale, Period } from '../../core/types';
import type { Store } from '../store/store';
import { toCsv } from './csv';
import { ledgerWorkbook, saveWorkbook } from './template';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, extname } from 'node:path';

/** A parsed value as a cell shows it: lists joined with 、, yes/no as 是/否, months as text. */
export function displayValue(v: unknown): string | number | null {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.join('、');
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v as string | number;
}

/** The ledger rows of a month from the store (county optional), as parsed values. */
export function ledgerRows(store: Store, period: Period, county?: string): LedgerValues[] {
  const projects = store.projects.list(county === undefined ? {} : { county });
  const reports = new Map(store.reports.forPeriod(period, county).map((r) => [r.projectCode, r]));
  return projects.map((p) => {
    const r = reports.get(p.code);
    const row: Record<string, unknown> = {};
    for (const c of LEDGER) {
      const fromReport = r?.[c.key as keyof typeof r];
      row[c.key] = c.master ? p[c.key as keyof typeof p] : fromReport ?? (r ? undefined : p[c.key as keyof typeof p]);
    }
    return row as LedgerValues;
  });
}

/**
 * Writes the month's ledger to an .xlsx (or .csv, by the file's extension); returns the number
 * of project rows written.
 */
export async function exportLedger(store: Store, period: Period, county: string | undefined, file: string, opts: { config?: Config; locale?: Locale } = {}): Promise<number> {
  const config = opts.config ?? store.config;
  const rows = ledgerRows(store, period, county);
  if (extname(file).toLowerCase() === '.csv') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, toCsv([LEDGER.map((c) => c.header), ...rows.map((v) => LEDGER.map((c) => displayValue(v[c.key])))]));
    return rows.length;
  }
  const { wb, ws } = ledgerWorkbook(config, opts.locale ?? config.locale, Math.max(rows.length + 200, 500));
  for (const v of rows) ws.addRow(LEDGER.map((c) => displayValue(v[c.key])));
  await saveWorkbook(wb, file);
  return rows.length;
}
