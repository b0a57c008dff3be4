// Server-side validation of a submission with core's validateLedger and the stored history
// (the server never trusts the client's own validation), plus the one check only the server
// can make: a 在建 row must be a project the ledger already knows.
import { tr } from '../../core/i18n';
import { parseByKey } from '../../core/parse';
import { findingsJson, summarize, validateLedger, type LedgerValidation } from '../../core/validate';
import type { Finding, InputRow, Period } from '../../core/types';
import type { Store } from '../store/store';
import type { Ctx } from './router';
import type { Submission } from './submission';

const UNKNOWN_PROJECT = {
  'zh-CN': '项目代码“{code}”未在台账中登记：在建项目须是已登记的项目。请核对项目代码；新项目请先作为拟新开工或储备项目报送，或由市重点办导入',
  en: 'Project code "{code}" is not on the ledger: a project under construction must already be registered. Check the code; report a new project on the 拟新开工 or 储备 list first, or ask the city office to import it',
};

/** Codes of the rows as parsing reads them (for looking up their history). */
export function codesOf(rows: readonly InputRow[], ctx: Ctx): string[] {
  const codes = new Set<string>();
  for (const r of rows) {
    const c = parseByKey('code', r.raw.code, ctx.deps.config);
    if (c.status === 'ok' && typeof c.value === 'string') codes.add(c.value);
  }
  return [...codes];
}

function unknownProjects(v: LedgerValidation, store: Store, ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  for (const { row, values } of v.rows) {
    if (values.list !== '在建' || !values.code) continue;
    if (v.findings.some((f) => f.row === row && f.column === 'code' && f.severity === 'error')) continue;
    if (store.projects.get(values.code)) continue;
    out.push({
      rule: 'ENUM', severity: 'error', row, column: 'code', projectCode: values.code, value: values.code,
      message: tr(ctx.locale, UNKNOWN_PROJECT, { code: values.code }),
    });
  }
  return out;
}

export function validateSubmission(ctx: Ctx, sub: Submission, now = new Date()): LedgerValidation {
  const { config } = ctx.deps;
  const store = ctx.deps.store as Store;
  const history = store.historyFor(codesOf(sub.rows, ctx), sub.period as Period);
  const v = validateLedger({ rows: sub.rows, period: sub.period, config, locale: ctx.locale, now, submittedAt: now, history });
  const extra = unknownProjects(v, store, ctx);
  if (!extra.length) return v;
  const findings = [...v.findings, ...extra].sort((a, b) => a.row - b.row);
  return { ...v, findings, ...summarize(findings) };
}

/** SPEC §6 findings shape. */
export const findingsBody = (v: LedgerValidation) => findingsJson(v);
