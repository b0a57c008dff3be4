// `keyproj score --period YYYY-MM [--county NAME] [--json]` — every project's colour with its
// reason; --json prints exactly the SPEC §6 scores shape.
import { formatPercent } from '../../../core/format';
import { tr, type Text } from '../../../core/i18n';
import { COLOUR_LABELS, COLOURS, colourCounts, scoreAll } from '../../../core/score';
import type { Colour, ProjectScore } from '../../../core/types';
import { context, countyArg, openStore, parse, periodArg, printJson, processIo, table, type CliIo } from '../args';

export const USAGE: Text = {
  'zh-CN': '用法：keyproj score --period YYYY-MM [--county 县市区] [--db 数据库文件] [--json] [--locale zh-CN|en]\n按四色（绿 超计划、白 正常、黄 较慢、红 停滞）评价每个项目，并给出原因。',
  en: 'Usage: keyproj score --period YYYY-MM [--county NAME] [--db FILE] [--json] [--locale zh-CN|en]\nScores every project with four colours (green ahead, white on plan, yellow slow, red stalled) and says why.',
};

const M = {
  head: { 'zh-CN': '{period} 项目四色评价{county}：共 {n} 个项目', en: 'Four-colour scores for {period}{county}: {n} projects' },
  counts: { 'zh-CN': '绿 {green} · 白 {white} · 黄 {yellow} · 红 {red} · 不评色 {none}', en: 'green {green} · white {white} · yellow {yellow} · red {red} · not scored {none}' },
  cols: { 'zh-CN': '县市区|项目代码|项目名称|颜色|完成率|序时|原因', en: 'County|Code|Project|Colour|Done|Schedule|Reason' },
  empty: { 'zh-CN': '没有项目。', en: 'No projects.' },
} satisfies Record<string, Text>;

/** Exactly the SPEC §6 fields of a score. */
export function scoreJson(s: ProjectScore) {
  return { projectCode: s.projectCode, name: s.name, county: s.county, colour: s.colour, reason: s.reason, investmentRate: s.investmentRate, scheduleRate: s.scheduleRate };
}

// Worst first within a county: what needs attention comes to the top.
const ORDER: Colour[] = ['red', 'yellow', 'white', 'green', 'none'];

export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const { values, locale } = parse(argv, { period: { type: 'string' }, county: { type: 'string' } }, USAGE, io);
  const period = periodArg(values.period, USAGE, io, locale);
  const ctx = context(values, io);
  const county = countyArg(values.county, ctx.config, USAGE, io, ctx.locale);
  const store = openStore(ctx, io, true);
  try {
    const scores = scoreAll(store.projectStates(period, county), period, ctx.config, ctx.locale);
    if (values.json) {
      printJson(io, { period, projects: scores.map(scoreJson) });
      return 0;
    }
    const countyOrder = new Map(ctx.config.counties.map((c, i) => [c.name, i]));
    const sorted = [...scores].sort((a, b) => (countyOrder.get(a.county) ?? 99) - (countyOrder.get(b.county) ?? 99)
      || ORDER.indexOf(a.colour) - ORDER.indexOf(b.colour) || a.projectCode.localeCompare(b.projectCode));
    const counts = colourCounts(scores);
    io.out(tr(ctx.locale, M.head, { period, county: county ? ` ${county}` : '', n: scores.length }));
    io.out(tr(ctx.locale, M.counts, Object.fromEntries(COLOURS.map((c) => [c, counts[c]]))));
    if (!scores.length) {
      io.out(tr(ctx.locale, M.empty));
      return 0;
    }
    io.out('');
    io.out(table([
      tr(ctx.locale, M.cols).split('|'),
      ...sorted.map((s) => [s.county, s.projectCode, s.name, tr(ctx.locale, COLOUR_LABELS[s.colour]), formatPercent(s.investmentRate), formatPercent(s.scheduleRate), s.reason]),
    ]));
    return 0;
  } finally {
    store.close();
  }
}
