// 催报: an administrator or leader asks a county's staff to report. The reminder text goes into
// this conversation and, proactively, into every conversation subscribed to that county's
// reminders (where its staff are); an audit row records who, which projects and where it went.
// Anyone else gets a polite refusal.
import { tr } from '../../core/i18n';
import { deadlineOf } from '../../core/periods';
import { M } from '../messages';
import { canNudge, canSee } from './caller';
import { missingReports } from './lists';
import { text, type Ask, type Reply } from './reply';

export async function nudgeAnswer(a: Ask, county: string): Promise<Reply[]> {
  if (!canNudge(a.caller)) return [text(tr(a.locale, M.nudgeRefused))];
  if (!a.data.config.counties.some((c) => c.name === county) || !canSee(a.caller, county)) {
    return [text(tr(a.locale, M.outOfScope, { county: a.caller.county ?? '' }))];
  }
  const period = a.data.reportingPeriod();
  const missing = missingReports(a.data.store.projectStates(period, county), period, a.data.config);
  if (!missing.length) return [text(tr(a.locale, M.nudgeNothing, { county, period }))];
  const deadline = deadlineOf(period, a.data.config.deadlineDay);
  const names = missing.slice(0, 10).map((s) => s.project.name).join('、') + (missing.length > 10 ? '…' : '');
  const message = tr(a.locale, M.nudgeText, { county, n: missing.length, period, names, deadline, actor: a.caller.name });

  const targets = a.data.subscriptions.active().filter((s) => s.scope === county && s.conversationId !== a.conversationId);
  // All at once: the connector retries a failing conversation for seconds, and the leader waits.
  const results = await Promise.allSettled(targets.map((s) => a.data.deliver(s.reference, message)));
  const sent: string[] = [];
  const failed: string[] = [];
  results.forEach((r, i) => {
    const id = targets[i].conversationId;
    if (r.status === 'fulfilled') sent.push(id);
    else {
      failed.push(id);
      a.data.logger.warn({ err: r.reason, conversation: id, county }, 'nudge not delivered');
    }
  });
  a.data.store.audit.record({ actor: a.caller.name, at: a.data.now().toISOString() }, 'nudge', `${county}@${period}`, 'nudge', null, {
    county,
    period,
    missing: missing.map((s) => s.project.code),
    conversationId: a.conversationId,
    sentTo: sent,
    failed,
    by: a.caller.id,
  });
  const where = targets.length
    ? tr(a.locale, M.nudgeSent, { n: sent.length, county }) + (failed.length ? tr(a.locale, M.nudgeFailed, { n: failed.length }) : '')
    : tr(a.locale, M.nudgeNoTargets, { county });
  return [text(message), text(where)];
}
