// Who is asking: the Teams caller's aadObjectId → a user of the ledger, with a role and scope.
//
// Open mode (local use and the Agents Playground): KEYPROJ_BOT_OPEN=1, and by default whenever
// BOT_ID is unset (no Teams authentication, so no trustworthy identity anyway). Unknown callers
// are then treated as viewers of the whole city — read-only, no 催报. Known users keep their
// role. With BOT_ID set (or KEYPROJ_BOT_OPEN=0) unknown callers are told how to be added.
import type { Activity } from 'botbuilder';
import type { Role } from '../../server/store/users';
import type { BotData } from './data';

export interface Caller {
  /** aadObjectId, or the channel user id when there is none. */
  id: string;
  name: string;
  role: Role;
  /** Staff see only this county. */
  county: string | null;
  leaderName: string | null;
  /** Not a registered user: a city-wide viewer in open mode. */
  guest: boolean;
}

export type CallerResult = { ok: true; caller: Caller } | { ok: false; id: string };

export function isOpenMode(env: Record<string, string | undefined>): boolean {
  const v = env.KEYPROJ_BOT_OPEN?.trim();
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return !env.BOT_ID;
}

export function resolveCaller(activity: Partial<Activity>, data: BotData, open: boolean): CallerResult {
  const from = activity.from;
  const oid = from?.aadObjectId ?? '';
  const user = oid ? data.users.findByAadObjectId(oid) : undefined;
  if (user) {
    return { ok: true, caller: { id: oid, name: user.name, role: user.role, county: user.role === 'staff' ? user.county : null, leaderName: user.leaderName, guest: false } };
  }
  if (open) return { ok: true, caller: { id: oid || from?.id || '', name: from?.name || '访客', role: 'viewer', county: null, leaderName: null, guest: true } };
  return { ok: false, id: oid || from?.id || '' };
}

/** Whether the caller may see a county's data. */
export function canSee(caller: Caller, county: string): boolean {
  return caller.county === null || caller.county === county;
}

/** Only administrators and leaders may nudge a county's staff. */
export function canNudge(caller: Caller): boolean {
  return !caller.guest && (caller.role === 'admin' || caller.role === 'leader');
}

/**
 * Who may record problems and move their status from the bot: administrators and leaders for
 * every county, staff for their own; viewers and guests only read.
 */
export function canEditProblems(caller: Caller, county: string): boolean {
  if (caller.guest) return false;
  if (caller.role === 'admin' || caller.role === 'leader') return true;
  return caller.role === 'staff' && caller.county === county;
}
