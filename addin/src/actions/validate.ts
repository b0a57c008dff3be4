// 校验: reads the table in one sync, runs core's validateLedger offline, marks the cells and
// lists the findings. Old marks go first, in the same write sync.
import { validateLedger } from '../../../core/validate';
import { t } from '../i18n';
import { isNotFound, queueFindingMarks, withAddresses } from '../office/findingMarks';
import { locateForeign, queueLoadMarks } from '../office/marks';
import { hasLedgerHeaders, namesOf, queueReadLedger, viewOf, type LedgerView } from '../office/read';
import { RESULTS_SHEET } from '../office/sheet';
import type { ActionResult, FindingView, Progress, Session } from '../session';

/** Reads the ledger; the result or the pane's message when there is none. */
export async function readOrExplain(ctx: Excel.RequestContext, s: Session, kind: 'validate' | 'colour'): Promise<
  { view: LedgerView; pending: ReturnType<typeof queueLoadMarks> } | { result: ActionResult }
> {
  const read = queueReadLedger(ctx);
  const pending = queueLoadMarks(ctx, s.caps, kind);
  try {
    await ctx.sync();
  } catch (e) {
    if (isNotFound(e)) return { result: { level: 'error', message: t(s.locale, 'noLedger') } };
    throw e;
  }
  const view = viewOf(read.done());
  if (!hasLedgerHeaders(view)) return { result: { level: 'error', message: t(s.locale, 'noHeaders', { sheet: view.sheet }) } };
  await locateForeign(ctx, pending);
  return { view, pending };
}

/** What the pane says about cells that kept someone else's note (empty when none did). */
export function takenNote(s: Session, taken: number): string {
  return taken ? ` ${t(s.locale, 'marksTaken', { n: taken, sheet: RESULTS_SHEET })}` : '';
}

export function summaryOf(s: Session, rows: number, findings: FindingView[], errors: number, warnings: number, taken = 0): ActionResult {
  if (!findings.length) return { level: 'ok', message: t(s.locale, 'validOk', { rows }), findings };
  const how = s.caps.notes || s.caps.comments ? t(s.locale, 'marksAs') : t(s.locale, 'marksSheet', { sheet: RESULTS_SHEET });
  return { level: errors ? 'error' : 'warn', message: `${t(s.locale, 'validSummary', { rows, errors, warnings })} ${how}${takenNote(s, taken)}`, findings };
}

export async function validate(s: Session, progress?: Progress): Promise<ActionResult> {
  await progress?.('phaseRead', 0.1);
  return Excel.run(async (ctx) => {
    const r = await readOrExplain(ctx, s, 'validate');
    if ('result' in r) return r.result;
    const { view, pending } = r;
    await progress?.('phaseValidate', 0.4);
    const res = validateLedger({ rows: view.rows, period: s.period, config: s.config, locale: s.locale, history: s.history });
    const findings = withAddresses(view, res.findings);
    await progress?.('phaseMark', 0.8);
    const taken = queueFindingMarks(ctx, view, pending, findings, s.locale);
    await ctx.sync();
    await progress?.('phaseDone', 1);
    if (!view.rows.length) return { level: 'warn', message: t(s.locale, 'noRows'), findings };
    return { ...summaryOf(s, view.rows.length, findings, res.errors, res.warnings, taken), names: namesOf(view) };
  });
}
