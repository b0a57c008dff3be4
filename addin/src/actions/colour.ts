// 四色评分: each row's 状态 cell gets core's scoreProject colour (绿/白/黄/红) as text and fill,
// the reason as its note. The 状态 column is added to the table when absent.
import { splitRow } from '../../../core/ledger';
import { tr } from '../../../core/i18n';
import { parseRow } from '../../../core/parse';
import { COLOUR_LABELS, colourCounts, scoreProject } from '../../../core/score';
import type { Colour, MonthlyReport, Project, ProjectScore } from '../../../core/types';
import { t } from '../i18n';
import { queueMarks, type Mark } from '../office/marks';
import { FILLS, STATUS_HEADER, TABLE_NAME, areaAddress, cellAddress } from '../office/sheet';
import type { ActionResult, Progress, Session } from '../session';
import { readOrExplain } from './validate';

const FILL_OF: Record<Colour, string | undefined> = {
  green: FILLS.green, white: FILLS.white, yellow: FILLS.yellow, red: FILLS.red, none: undefined,
};

export function scoreRow(raw: Parameters<typeof parseRow>[0], s: Session): ProjectScore {
  const { values } = parseRow(raw, s.config, { locale: s.locale });
  const { project, report } = splitRow(values, s.period);
  const code = values.code ?? '';
  const reports = [...(s.history.get(code) ?? []), report as MonthlyReport];
  return scoreProject({ project: { approvals: [], ...project, code } as Project, reports }, s.period, s.config, s.locale);
}

export async function colour(s: Session, progress?: Progress): Promise<ActionResult> {
  await progress?.('phaseRead', 0.1);
  return Excel.run(async (ctx) => {
    const r = await readOrExplain(ctx, s, 'colour');
    if ('result' in r) return r.result;
    const { view, pending } = r;
    if (!view.rows.length) return { level: 'warn', message: t(s.locale, 'noRows') };
    await progress?.('phaseValidate', 0.4);
    const byRow = new Map(view.rows.map((row) => [row.row, scoreRow(row.raw, s)]));

    const sheet = ctx.workbook.worksheets.getItem(view.sheet);
    const table = ctx.workbook.tables.getItem(TABLE_NAME);
    const j = view.statusColumn ?? view.headers.length;
    if (view.statusColumn === undefined) table.columns.add(undefined, undefined, STATUS_HEADER);
    const n = view.values.length;
    const first = view.row0 + 2;
    const statusRange = sheet.getRange(areaAddress(view.col0 + j, first, 1, n));
    statusRange.values = Array.from({ length: n }, (_, i) => {
      const sc = byRow.get(first + i);
      return [sc ? tr(s.locale, COLOUR_LABELS[sc.colour]) : ''];
    });
    const marks: Mark[] = [];
    for (const [row, sc] of byRow) {
      const fill = FILL_OF[sc.colour];
      const flags = (sc.flags ?? []).map((f) => f.message);
      if (fill) marks.push({ address: cellAddress(view.sheet, view.col0 + j, row), fill, text: [sc.reason, ...flags].join('\n') });
    }
    await progress?.('phaseMark', 0.8);
    const taken = queueMarks(ctx, pending, { kind: 'colour', clear: [statusRange], marks });
    await ctx.sync();
    await progress?.('phaseDone', 1);
    const counts = colourCounts([...byRow.values()]);
    const message = t(s.locale, 'coloured', { n: byRow.size, ...counts });
    return taken ? { level: 'warn', message: `${message} ${t(s.locale, 'colourTaken', { n: taken })}` } : { level: 'ok', message };
  });
}
