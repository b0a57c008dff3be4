// `keyproj reconcile --period YYYY-MM --stats FILE --ndrc FILE [--json]`: statistics bureau vs
// development commission figures (Suqian), plus spending gaps of the stored month.
// Exit 0 when the sources agree and nothing drifts, 1 when there is something to look at,
// 2 when a file, the arguments, the configuration or the database cannot be used.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { formatNumber, formatPercent } from '../../../core/format';
import { tr, type Text } from '../../../core/i18n';
import type { Locale } from '../../../core/types';
import { ReconcileInputError, reconcileFiles, type ReconcileReport } from '../../reconcile';
import { context, openStore, parse, periodArg, printJson, processIo, requiredArg, table, type CliIo } from '../args';

export const USAGE: Text = {
  'zh-CN': '用法：keyproj reconcile --period YYYY-MM --stats 统计局文件 --ndrc 发改委文件 [--json] [--db 数据库文件]\n比对统计局与发改委的本月完成投资（.xlsx 或 .csv，列“项目代码”“本月完成投资”），差异超过 max(5%, 10 万元) 的列出；并列出财务支出与投资不符的项目。无差异退出码 0，有差异 1，文件无法读取 2。',
  en: 'Usage: keyproj reconcile --period YYYY-MM --stats FILE --ndrc FILE [--json] [--db FILE]\nCompares the statistics bureau\'s and the development commission\'s investment this month (.xlsx or .csv with 项目代码 and 本月完成投资), lists differences over max(5%, 10 (10k yuan)) and projects whose spending and investment drift apart. Exit 0 when clean, 1 with differences, 2 when a file cannot be read.',
};

const M = {
  noFile: { 'zh-CN': '找不到文件 {file}（{opt}）', en: 'File {file} not found ({opt})' },
  diff: { 'zh-CN': '数据差异', en: 'Differences' },
  onlyStats: { 'zh-CN': '仅统计局有', en: 'Only in the statistics' },
  onlyNdrc: { 'zh-CN': '仅发改委有', en: "Only in the commission's figures" },
  invalid: { 'zh-CN': '无法比对', en: 'Not comparable' },
  spend: { 'zh-CN': '财务支出与投资不符', en: 'Spending vs investment' },
  problems: { 'zh-CN': '文件问题', en: 'File problems' },
  none: { 'zh-CN': '无', en: 'none' },
  head: { 'zh-CN': '项目代码|项目名称|县市区|统计局|发改委|差额|允许差额', en: 'Code|Project|County|Statistics|Commission|Difference|Allowed' },
  value: { 'zh-CN': '项目代码|项目名称|县市区|本月完成投资', en: 'Code|Project|County|Investment' },
  spendHead: { 'zh-CN': '项目代码|项目名称|县市区|说明', en: 'Code|Project|County|Note' },
} satisfies Record<string, Text>;

function print(r: ReconcileReport, locale: Locale, out: (s: string) => void): void {
  const x = (t: Text) => tr(locale, t);
  const who = (p: { projectCode: string; name: string | null; county: string | null }) => [p.projectCode, p.name ?? '—', p.county ?? '—'];
  const section = (title: Text, head: Text, rows: string[][]) => {
    out(`\n${x(title)}：${rows.length ? '' : x(M.none)}`);
    if (rows.length) out(table([x(head).split('|'), ...rows]));
  };
  out(r.summary);
  section(M.diff, M.head, r.differences.map((d) => [...who(d), formatNumber(d.stats), formatNumber(d.ndrc), `${formatNumber(d.diff)}（${formatPercent(d.ratio)}）`, formatNumber(d.threshold)]));
  section(M.onlyStats, M.value, r.onlyInStats.map((p) => [...who(p), formatNumber(p.value)]));
  section(M.onlyNdrc, M.value, r.onlyInNdrc.map((p) => [...who(p), formatNumber(p.value)]));
  section(M.invalid, M.value, r.invalid.map((p) => [...who(p), '—']));
  section(M.spend, M.spendHead, r.spendGaps.map((g) => [...who(g), g.message]));
  const problems = [...r.sources.stats.problems, ...r.sources.ndrc.problems];
  if (problems.length) out(`\n${x(M.problems)}：\n${problems.join('\n')}`);
}

export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const { values, locale } = parse(argv, { period: { type: 'string' }, stats: { type: 'string' }, ndrc: { type: 'string' } }, USAGE, io);
  const period = periodArg(values.period, USAGE, io, locale);
  const files = {
    stats: requiredArg(values.stats, '--stats 统计局文件', USAGE, io, locale),
    ndrc: requiredArg(values.ndrc, '--ndrc 发改委文件', USAGE, io, locale),
  };
  for (const [k, f] of Object.entries(files)) {
    if (!existsSync(f)) {
      io.err(tr(locale, M.noFile, { file: f, opt: `--${k}` }));
      return 2;
    }
  }
  const ctx = context(values, io);
  const store = openStore(ctx, io, true);
  const read = (f: string) => ({ name: basename(f), data: readFileSync(f) });
  let report: ReconcileReport;
  try {
    report = await reconcileFiles(store, ctx.config, period, { stats: read(files.stats), ndrc: read(files.ndrc) }, ctx.locale);
  } catch (e) {
    if (!(e instanceof ReconcileInputError)) throw e;
    io.err(e.message);
    return 2;
  } finally {
    store.close();
  }
  if (values.json) printJson(io, report);
  else print(report, ctx.locale, io.out);
  const found = report.differences.length + report.onlyInStats.length + report.onlyInNdrc.length + report.invalid.length + report.spendGaps.length;
  return found === 0 ? 0 : 1;
}
