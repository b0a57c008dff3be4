// What the pane knows of last month after load (historyOf) and what offline validation can judge
// with it: STALLED and SPIKE need last month's own investment, which the ledger route's
// `previous` does not carry today; when it does, the pane uses it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import type { LedgerValues } from '../../core/types';
import { validateLedger } from '../../core/validate';
import { historyOf } from '../../addin/src/actions/load';
import { toRaw, underConstruction } from '../fixtures/ledger';

const rulesOf = (v: LedgerValues, previous: Record<string, unknown>) => {
  const history = historyOf([{ code: v.code, previous: { period: '2026-05', ...previous } }]);
  const res = validateLedger({ rows: [{ row: 2, raw: toRaw(v) }], period: '2026-06', config: DEFAULT_CONFIG, history });
  return res.findings.map((f) => f.rule);
};

describe('offline checks against last month', () => {
  const none = underConstruction(1, 6, { monthInvest: 0 });
  const jump = underConstruction(2, 6, { monthInvest: 500, ytdInvest: 10500, cumInvest: 18500 });
  const prevOf = (v: LedgerValues, month: number) => ({ ytdInvest: v.ytdInvest! - month, cumInvest: v.cumInvest! - month });

  it('as the route answers today (no monthInvest): neither STALLED nor SPIKE is guessed', () => {
    expect(rulesOf(none, prevOf(none, 0))).not.toContain('STALLED');
    expect(rulesOf({ ...jump, monthInvest: 8000 }, prevOf(jump, 8000))).not.toContain('SPIKE');
    expect(historyOf([{ code: none.code, previous: { period: '2026-05', ...prevOf(none, 0) } }]).get(none.code!)![0].monthInvest).toBeNaN();
  });

  it('with last month\'s monthInvest: a second month without investment is STALLED, an 8,000 jump over 500 a SPIKE', () => {
    expect(rulesOf(none, { ...prevOf(none, 0), monthInvest: 0 })).toContain('STALLED');
    expect(rulesOf(none, { ...prevOf(none, 0), monthInvest: 300 })).not.toContain('STALLED');
    expect(rulesOf({ ...jump, monthInvest: 8000 }, { ...prevOf(jump, 8000), monthInvest: 500 })).toContain('SPIKE');
    expect(rulesOf({ ...jump, monthInvest: 900 }, { ...prevOf(jump, 900), monthInvest: 500 })).not.toContain('SPIKE');
  });

  it('skips rows without a code or without last month\'s totals', () => {
    expect(historyOf([{ code: null, previous: { period: '2026-05', ytdInvest: 1 } }, { code: 'X', previous: { period: '2026-05', ytdInvest: null } }, { code: 'Y', previous: null }]).size).toBe(0);
  });
});
