// 校验 through the fake Excel: core's findings as red/yellow cells with notes, a list with
// addresses, old marks cleared on the next run; the 校验结果 sheet without comments or notes.
import { afterEach, describe, expect, it } from 'vitest';
import { validateLedger } from '../../core/validate';
import { validate } from '../../addin/src/actions/validate';
import { FILLS, MARKERS, RESULTS_SHEET, SHEET_NAME } from '../../addin/src/office/sheet';
import { underConstruction, toRaw } from '../fixtures/ledger';
import { uninstallFakeOffice } from './fake-office/index';
import { col, seedLedger, setup } from './harness';

afterEach(() => uninstallFakeOffice());

const typo = async (address: string, value: string | number) => Excel.run(async (ctx) => {
  ctx.workbook.worksheets.getItem(SHEET_NAME).getRange(address).values = [[value]];
  await ctx.sync();
});

describe('validate', () => {
  it('passes a clean ledger', async () => {
    const { session, fake } = setup();
    await seedLedger(session, [underConstruction(1, 6), underConstruction(2, 6)]);
    const res = await validate(session);
    expect(res.findings).toEqual([]);
    expect(res.level).toBe('ok');
    expect(res.message).toContain('2 行');
    expect(fake.model.comments).toHaveLength(0);
  });

  it('marks a wrong cell red with a note, lists it with its address, and clears it once fixed', async () => {
    const { session, fake } = setup();
    const rows = [underConstruction(1, 6), underConstruction(2, 6)];
    await seedLedger(session, rows);
    const bad = `${col('ytdInvest')}3`;
    await typo(bad, '一千万');
    const res = await validate(session);
    expect(res.level).toBe('error');
    const f = res.findings!.find((x) => x.address === `${SHEET_NAME}!${bad}`)!;
    expect(f).toMatchObject({ rule: 'TYPE', severity: 'error', row: 3, column: 'ytdInvest' });
    // The same findings core gives for the same rows.
    const raw = rows.map((r, i) => ({ row: i + 2, raw: toRaw(r) }));
    raw[1].raw.ytdInvest = '一千万';
    const expected = validateLedger({ rows: raw, period: session.period, config: session.config });
    expect(res.findings!.map((x) => x.message)).toEqual(expected.findings.map((x) => x.message));
    expect(fake.model.fillAt(`${SHEET_NAME}!${bad}`)).toBe(FILLS.error);
    const note = fake.model.commentAt(`${SHEET_NAME}!${bad}`)!;
    expect(note.startsWith(MARKERS.validate)).toBe(true);
    expect(note).toContain(f.message);
    expect(fake.model.fillAt(`${SHEET_NAME}!${col('ytdInvest')}2`)).toBeNull();

    await typo(bad, rows[1].ytdInvest!);
    const again = await validate(session);
    expect(again.findings).toEqual([]);
    expect(fake.model.fillAt(`${SHEET_NAME}!${bad}`)).toBeNull();
    expect(fake.model.commentAt(`${SHEET_NAME}!${bad}`)).toBeUndefined();
  });

  it('marks warnings yellow and keeps comments that are not ours', async () => {
    const { session, fake } = setup();
    await seedLedger(session, [underConstruction(1, 6, { phone: '12345' })]);
    await Excel.run(async (ctx) => {
      ctx.workbook.comments.add(`${SHEET_NAME}!B2`, '领导批示：抓紧推进');
      await ctx.sync();
    });
    const res = await validate(session);
    const phone = res.findings!.find((f) => f.column === 'phone')!;
    expect(phone.severity).toBe('warning');
    expect(fake.model.fillAt(phone.address!)).toBe(FILLS.warning);
    await validate(session);
    expect(fake.model.commentAt(`${SHEET_NAME}!B2`)).toBe('领导批示：抓紧推进');
    expect(fake.model.comments.filter((c) => c.content.startsWith(MARKERS.validate))).toHaveLength(1);
  });

  it('uses notes on ExcelApi 1.18', async () => {
    const { session, fake } = setup({ excelApi: '1.18' });
    await seedLedger(session, [underConstruction(1, 6, { name: '' })]);
    const res = await validate(session);
    expect(res.findings!.some((f) => f.rule === 'REQUIRED' && f.column === 'name')).toBe(true);
    expect(fake.model.notes.length).toBeGreaterThan(0);
    expect(fake.model.comments).toHaveLength(0);
  });

  it('writes a 校验结果 sheet when Excel has neither comments nor notes', async () => {
    const { session, fake } = setup({ excelApi: '1.8' });
    await seedLedger(session, [underConstruction(1, 6)]);
    await typo(`${col('county')}2`, '火星县');
    const res = await validate(session);
    expect(res.message).toContain(RESULTS_SHEET);
    const s = fake.model.mustSheet(RESULTS_SHEET);
    expect(fake.model.cell(s, 0, 0).value).toBe('行号');
    expect(fake.model.cell(s, 1, 2).value).toBe(`${SHEET_NAME}!${col('county')}2`);
    expect(String(fake.model.cell(s, 1, 5).value)).toContain('火星县');
    await typo(`${col('county')}2`, '桃城区');
    await validate(session);
    expect(fake.model.sheet(RESULTS_SHEET)).toBeUndefined();
  });

  it('says what to do when there is no ledger, instead of failing', async () => {
    const { session } = setup();
    const res = await validate(session);
    expect(res.level).toBe('error');
    expect(res.message).toContain('插入台账模板');
  });
});
