// 提交: the whole table to POST /api/v1/reports (all-or-nothing, so no chunks); the progress bar
// covers read, local validation and sending. Local errors stop it before the network; the
// server's findings are marked like local ones; 409 asks for a reload.
import { validateLedger } from '../../../core/validate';
import { ApiError, type FindingsResponse } from '../api';
import { t } from '../i18n';
import { queueFindingMarks, withAddresses } from '../office/findingMarks';
import { namesOf } from '../office/read';
import type { ActionResult, Progress, Session } from '../session';
import { readOrExplain, summaryOf, takenNote } from './validate';

function idempotencyKey(): string {
  const c = globalThis.crypto;
  return typeof c?.randomUUID === 'function' ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export async function submit(s: Session, progress?: Progress): Promise<ActionResult> {
  if (!s.api || !s.me) return { level: 'error', message: t(s.locale, 'needSignIn') };
  const county = s.loaded?.county ?? s.me.county;
  if (!county) return { level: 'error', message: t(s.locale, 'needCounty') };
  const api = s.api;
  await progress?.('phaseRead', 0.05);
  return Excel.run(async (ctx) => {
    const r = await readOrExplain(ctx, s, 'validate');
    if ('result' in r) return r.result;
    const { view, pending } = r;
    if (!view.rows.length) return { level: 'warn', message: t(s.locale, 'noRows') };
    if (s.maxRows && view.rows.length > s.maxRows) return { level: 'error', message: t(s.locale, 'tooLarge', { rows: view.rows.length, max: s.maxRows }) };

    await progress?.('phaseValidate', 0.25);
    const local = validateLedger({ rows: view.rows, period: s.period, config: s.config, locale: s.locale, history: s.history });
    if (local.errors > 0) {
      const findings = withAddresses(view, local.findings);
      const taken = queueFindingMarks(ctx, view, pending, findings, s.locale);
      await ctx.sync();
      await progress?.('phaseDone', 1);
      return { level: 'error', message: t(s.locale, 'submitBlocked', { errors: local.errors }) + takenNote(s, taken), findings, names: namesOf(view) };
    }

    await progress?.('phaseSend', 0.5);
    const baseVersion = s.loaded && s.loaded.period === s.period ? s.loaded.version : null;
    let server: FindingsResponse;
    let outcome: ActionResult;
    try {
      const ok = await api.submit({ period: s.period, county, baseVersion, rows: view.rows }, idempotencyKey());
      server = ok;
      s.loaded = { county, period: s.period, version: ok.version };
      outcome = { level: ok.warnings ? 'warn' : 'ok', message: t(s.locale, 'submitted', { county, period: s.period, stored: ok.stored, version: ok.version, warnings: ok.warnings }) };
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 409) return { level: 'error', message: t(s.locale, 'stale') };
      const body = e.body as Partial<FindingsResponse> | undefined;
      if (e.status === 422 && Array.isArray(body?.findings)) {
        server = { findings: body.findings, errors: body.errors ?? 0, warnings: body.warnings ?? 0 };
        outcome = { level: 'error', message: t(s.locale, 'rejected', { errors: server.errors }) };
      } else throw e;
    }

    await progress?.('phaseMark', 0.9);
    const findings = withAddresses(view, server.findings);
    const taken = queueFindingMarks(ctx, view, pending, findings, s.locale);
    await ctx.sync();
    await progress?.('phaseDone', 1);
    const summary = summaryOf(s, view.rows.length, findings, server.errors, server.warnings, taken);
    return { ...outcome, message: findings.length ? `${outcome.message} ${summary.message}` : outcome.message, findings, names: namesOf(view) };
  });
}
