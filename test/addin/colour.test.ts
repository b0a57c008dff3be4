// 四色评分 through the fake Excel: the 状态 column gets core's colour, fill and reason.
import { afterEach, describe, expect, it } from 'vitest';
import { scoreProject } from '../../core/score';
import { splitRow } from '../../core/ledger';
import type { MonthlyReport, Project } from '../../core/types';
import { colour } from '../../addin/src/actions/colour';
import { FILLS, MARKERS, SHEET_NAME, STATUS_HEADER, TABLE_NAME, colLetter } from '../../addin/src/office/sheet';
import { LEDGER } from '../../core/ledger';
import { underConstruction } from '../fixtures/ledger';
import { uninstallFakeOffice } from './fake-office/index';
import { seedLedger, setup } from './harness';

afterEach(() => uninstallFakeOffice());

// The 状态 column is appended right after the ledger's columns.
const status = (row: number) => `${SHEET_NAME}!${colLetter(LEDGER.length)}${row}`;

describe('colour', () => {
  // June: 序时 50 %. Year to date of 12000 planned: 9000 (75 %) green, 6000 white, 3000 yellow, 900 red.
  const rows = [1500, 1000, 500, 150].map((perMonth, i) => underConstruction(i + 1, 6, { monthInvest: perMonth }));

  it('adds the 状态 column and fills each row with its colour and reason', async () => {
    const { session, fake } = setup();
    await seedLedger(session, rows);
    const res = await colour(session);
    expect(res.level).toBe('ok');
    const m = fake.model;
    expect(m.headers(m.table(TABLE_NAME)!).at(-1)).toBe(STATUS_HEADER);
    const expected = rows.map((v) => {
      const { project, report } = splitRow(v, session.period);
      return scoreProject({ project: project as Project, reports: [report as MonthlyReport] }, session.period, session.config);
    });
    expect(expected.map((e) => e.colour)).toEqual(['green', 'white', 'yellow', 'red']);
    expect([2, 3, 4, 5].map((r) => m.valueAt(status(r)))).toEqual(['绿', '白', '黄', '红']);
    expect([2, 3, 4, 5].map((r) => m.fillAt(status(r)))).toEqual([FILLS.green, FILLS.white, FILLS.yellow, FILLS.red]);
    expect(m.commentAt(status(5))).toBe(`${MARKERS.colour}${expected[3].reason}`);
    expect(res.message).toContain('绿 1、白 1、黄 1、红 1');
  });

  it('reuses the 状态 column on the next run and replaces its own notes only', async () => {
    const { session, fake } = setup({ excelApi: '1.18' });
    await seedLedger(session, rows);
    await colour(session);
    await Excel.run(async (ctx) => {
      // This month the red project caught up: 1650 a month → 9900 by June.
      const s = ctx.workbook.worksheets.getItem(SHEET_NAME);
      const ytd = LEDGER.findIndex((c) => c.key === 'ytdInvest');
      s.getRangeByIndexes(4, ytd, 1, 1).values = [[9900]];
      await ctx.sync();
    });
    await colour(session);
    const m = fake.model;
    expect(m.headers(m.table(TABLE_NAME)!).filter((h) => h === STATUS_HEADER)).toHaveLength(1);
    expect(m.valueAt(status(5))).toBe('绿');
    expect(m.fillAt(status(5))).toBe(FILLS.green);
    expect(m.notes.filter((n) => n.content.startsWith(MARKERS.colour))).toHaveLength(4);
  });
});
