// Findings (core's or the server's, SPEC §6 shape) as cell marks: red for errors, yellow for
// warnings, the messages as the cell's note; the pane's list gets each finding's address.
import type { Finding, Locale } from '../../../core/types';
import { columnName } from '../../../core/rules';
import { t } from '../i18n';
import type { FindingView } from '../session';
import { queueMarks, mergeMarks, type Mark, type PendingMarks, type ResultsTable } from './marks';
import { addressOf, type LedgerView } from './read';
import { FILLS, areaAddress } from './sheet';

export function withAddresses(v: LedgerView, findings: Finding[]): FindingView[] {
  return findings.map((f) => ({ ...f, address: addressOf(v, f.row, f.column) }));
}

/** Column runs of the table that belong to the ledger (the 状态 column keeps its colour). */
function ledgerRuns(v: LedgerView): [number, number][] {
  const runs: [number, number][] = [];
  for (let j = 0; j < v.headers.length; j++) {
    if (j === v.statusColumn) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === j) last[1]++;
    else runs.push([j, 1]);
  }
  return runs;
}

/** Queues fills, notes and the 校验结果 sheet; returns how many cells kept someone else's note. */
export function queueFindingMarks(
  ctx: Excel.RequestContext, v: LedgerView, pending: PendingMarks, findings: FindingView[], locale: Locale,
): number {
  const sheet = ctx.workbook.worksheets.getItem(v.sheet);
  const clear = v.values.length
    ? ledgerRuns(v).map(([j, n]) => sheet.getRange(areaAddress(v.col0 + j, v.row0 + 2, n, v.values.length)))
    : [];
  const marks: Mark[] = findings.filter((f) => f.address).map((f) => ({
    address: f.address!,
    fill: f.severity === 'error' ? FILLS.error : FILLS.warning,
    text: f.message,
  }));
  const results: ResultsTable = {
    head: locale === 'en' ? ['Row', 'Column', 'Cell', 'Severity', 'Rule', 'Message'] : ['行号', '列', '单元格', '级别', '规则', '说明'],
    rows: findings.map((f) => ({
      address: f.address,
      cells: [f.row || '', f.column ? columnName(f.column, locale) : '', f.address ?? '', t(locale, f.severity), f.rule, f.message],
    })),
  };
  return queueMarks(ctx, pending, { kind: 'validate', clear, marks: mergeMarks(marks, [FILLS.error, FILLS.warning]), results });
}

/** A failed sync because the ledger table is not in the workbook. */
export function isNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'ItemNotFound';
}
