// 催报: an administrator or leader asks a county's staff to report. Records an audit row and
// posts the reminder text into this conversation; anyone else gets a polite refusal.
import { tr } from '../../core/i18n';
import { deadlineOf } from '../../core/periods';
import { M } from '../messages';
import { canNudge, canSee } from './caller';
import { missingReports } from './lists';
import { text, type Ask, type Reply } from './reply';

export function nudgeAnswer(a: Ask, county: string): Reply[] {
  if (!canNudge(a.caller)) return [text(tr(a.locale, M.nudgeRefused))];
  if (!a.data.config.counties.some((c) => c.name === county) || !canSee(a.caller, county)) {
    return [text(tr(a.locale, M.outOfScope, { county: a.caller.county ?? '' }))];
  }
  const period = a.data.reportingPeriod();
  const missing = missingReports(a.data.store.projectStates(period, county), period, a.data.config);
  if (!missing.length) return [text(tr(a.locale, M.nudgeNothing, { county, period }))];
  const deadline = deadlineOf(period, a.data.config.deadlineDay);
  const names = missing.slice(0, 10).map((s) => s.project.name).join('、') + (missing.length > 10 ? '…' : '');
  a.data.store.audit.record({ actor: a.caller.name }, 'nudge', `${county}@${period}`, 'nudge', null, {
    county,
    period,
    missing: missing.map((s) => s.project.code),
    conversationId: a.conversationId,
    by: a.caller.id,
  });
  return [text(tr(a.locale, M.nudgeText, { county, n: missing.length, period, names, deadline, actor: a.caller.name }))];
}
