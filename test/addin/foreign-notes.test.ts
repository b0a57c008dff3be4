// A cell that already carries someone else's note or comment: Excel refuses a second one, so
// marking must leave it as it is (fill only) and put the explanation in the pane and on the
// 校验结果 sheet, without failing the write and without an extra sync per row.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validate } from '../../addin/src/actions/validate';
import { submit } from '../../addin/src/actions/submit';
import { colour } from '../../addin/src/actions/colour';
import { FILLS, MARKERS, RESULTS_SHEET, SHEET_NAME, colLetter } from '../../addin/src/office/sheet';
import { LEDGER } from '../../core/ledger';
import { underConstruction } from '../fixtures/ledger';
import { RequestContext, uninstallFakeOffice } from './fake-office/index';
import { apiWith, col, fakeFetch, seedLedger, setup } from './harness';

afterEach(() => {
  vi.restoreAllMocks();
  uninstallFakeOffice();
});

const at = (cell: string) => `${SHEET_NAME}!${cell}`;

async function put(kind: 'notes' | 'comments', cell: string, text: string): Promise<void> {
  await Excel.run(async (ctx) => {
    ctx.workbook[kind].add(at(cell), text);
    await ctx.sync();
  });
}

async function type(cell: string, value: string | number): Promise<void> {
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(SHEET_NAME).getRange(cell).values = [[value]];
    await ctx.sync();
  });
}

/** Rows of the 校验结果 sheet below its header, as [cell, message]. */
function resultsRows(m: import('./fake-office/index').WorkbookModel): [unknown, unknown][] {
  const sheet = m.sheet(RESULTS_SHEET);
  if (!sheet) return [];
  const out: [unknown, unknown][] = [];
  for (let r = 1; m.cell(sheet, r, 0).value !== ''; r++) out.push([m.cell(sheet, r, 2).value, m.cell(sheet, r, 5).value]);
  return out;
}

describe('cells that already have a note or comment that is not ours', () => {
  for (const [api, own, other] of [['1.18', 'notes', 'comments'], ['1.18', 'notes', 'notes'], ['1.10', 'comments', 'comments']] as const) {
    it(`ExcelApi ${api}: marks go around someone's ${other === 'notes' ? 'note' : 'comment'} (our marks as ${own})`, async () => {
      const { session, fake } = setup({ excelApi: api });
      await seedLedger(session, [underConstruction(1, 6), underConstruction(2, 6)]);
      const taken = `${col('ytdInvest')}3`;
      const free = `${col('cumInvest')}2`;
      await put(other, taken, '王科长：此数待核');
      await type(taken, '一千万');
      await type(free, '很多');
      const sync = vi.spyOn(RequestContext.prototype, 'sync');
      const res = await validate(session);
      // Read, find where the others' notes are, write: no sync per row or per note.
      expect(sync).toHaveBeenCalledTimes(3);
      const m = fake.model;
      expect(m.commentAt(at(taken))).toBe('王科长：此数待核');
      expect(m.fillAt(at(taken))).toBe(FILLS.error);
      expect(m[own].find((c) => c.content.includes('很多'))?.content.startsWith(MARKERS.validate)).toBe(true);
      const finding = res.findings!.find((f) => f.address === at(taken))!;
      expect(finding.message).toContain('一千万');
      // Only the taken cell's finding goes to the results sheet; the other is on its cell.
      expect(resultsRows(m)).toEqual([[at(taken), finding.message]]);
      expect(res.message).toContain('1 个单元格原有他人的批注');
      expect(res.message).toContain(RESULTS_SHEET);

      // Fixed: the other's note stays, our results sheet and marks go; no extra sync is kept
      // for the foreign note beyond the one lookup.
      await type(taken, 2000);
      await type(free, underConstruction(1, 6).cumInvest!);
      const again = await validate(session);
      expect(again.findings).toEqual([]);
      expect(m.commentAt(at(taken))).toBe('王科长：此数待核');
      expect(m.fillAt(at(taken))).toBeNull();
      expect(m.sheet(RESULTS_SHEET)).toBeUndefined();
      expect([...m.notes, ...m.comments].filter((c) => c.content.startsWith(MARKERS.validate))).toEqual([]);
    });
  }

  it('without foreign notes, validate still reads in one sync and writes in one', async () => {
    const { session } = setup({ excelApi: '1.18' });
    await seedLedger(session, [underConstruction(1, 6)]);
    await type(`${col('ytdInvest')}2`, '一千万');
    const sync = vi.spyOn(RequestContext.prototype, 'sync');
    await validate(session);
    await validate(session); // our own notes from the first run are not "someone else's"
    expect(sync).toHaveBeenCalledTimes(4);
  });

  it('submit blocked by local errors says which cells kept their note', async () => {
    const { session, fake } = setup({ excelApi: '1.10' });
    const { fetch, calls } = fakeFetch({});
    Object.assign(session, { api: apiWith(fetch), me: { name: '李明', role: 'staff', county: '桃城区' } });
    await seedLedger(session, [underConstruction(1, 6)]);
    const taken = `${col('total')}2`;
    await put('comments', taken, '请补充概算批复');
    await type(taken, '六万');
    const res = await submit(session);
    expect(res.level).toBe('error');
    expect(calls).toEqual([]);
    expect(res.message).toContain('未提交');
    expect(res.message).toContain('1 个单元格原有他人的批注');
    expect(fake.model.commentAt(at(taken))).toBe('请补充概算批复');
    expect(fake.model.fillAt(at(taken))).toBe(FILLS.error);
  });

  it('colour leaves a note on a 状态 cell alone and says so', async () => {
    const { session, fake } = setup({ excelApi: '1.18' });
    await seedLedger(session, [underConstruction(1, 6, { monthInvest: 1500 }), underConstruction(2, 6, { monthInvest: 150 })]);
    await colour(session); // adds the 状态 column
    const status = (row: number) => at(`${colLetter(LEDGER.length)}${row}`);
    // The clerk replaces our reason on row 2 with a note of her own.
    const ours = fake.model.notes.find((n) => n.r === 1 && n.c === LEDGER.length)!;
    fake.model.notes = fake.model.notes.filter((n) => n !== ours);
    await put('notes', `${colLetter(LEDGER.length)}2`, '已电话催报');
    const res = await colour(session);
    expect(res.level).toBe('warn');
    expect(res.message).toContain('1 个“状态”单元格原有他人的批注');
    expect(fake.model.commentAt(status(2))).toBe('已电话催报');
    expect(fake.model.fillAt(status(2))).toBe(FILLS.green);
    expect(fake.model.commentAt(status(3))!.startsWith(MARKERS.colour)).toBe(true);
    expect(fake.model.fillAt(status(3))).toBe(FILLS.red);
  });
});
