// `keyproj reconcile --period YYYY-MM --stats FILE --ndrc FILE [--json] [--db PATH]`: statistics
// bureau vs development commission figures, plus spending gaps of the stored month.
// Exit 0 when the sources agree and nothing drifts, 1 when there is something to look at,
// 2 when a file, the arguments, the configuration or the database cannot be used.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { formatNumber, formatPercent } from '../../../core/format';
import { isPeriod } from '../../../core/periods';
import type { Locale } from '../../../core/types';
import { ConfigError, loadConfig } from '../../config';
import { ReconcileInputError, reconcileFiles, type ReconcileReport } from '../../reconcile';
import { Store } from '../../store/store';
import type { CommandIo } from './bulletin';

export const USAGE = '用法：keyproj reconcile --period YYYY-MM --stats 统计局文件(.xlsx/.csv) --ndrc 发改委文件(.xlsx/.csv) [--json] [--db 数据库文件]';

const L = {
  'zh-CN': { diff: '数据差异', onlyStats: '仅统计局有', onlyNdrc: '仅发改委有', invalid: '无法比对', spend: '财务支出与投资不符', problems: '文件问题', none: '无', head: '项目代码｜项目名称｜县市区｜统计局｜发改委｜差额｜允许差额（万元）' },
  en: { diff: 'Differences', onlyStats: 'Only in statistics', onlyNdrc: 'Only in commission figures', invalid: 'Not comparable', spend: 'Spending vs investment', problems: 'File problems', none: 'none', head: 'code | project | county | statistics | commission | difference | allowed (10k yuan)' },
} satisfies Record<Locale, Record<string, string>>;

function print(r: ReconcileReport, locale: Locale, out: (s: string) => void): void {
  const t = L[locale];
  const who = (x: { projectCode: string; name: string | null; county: string | null }) => [x.projectCode, x.name ?? '—', x.county ?? '—'].join('｜');
  out(r.summary);
  out(`\n${t.diff}：${r.differences.length ? '' : t.none}`);
  if (r.differences.length) out(t.head);
  for (const d of r.differences) out(`${who(d)}｜${formatNumber(d.stats)}｜${formatNumber(d.ndrc)}｜${formatNumber(d.diff)}（${formatPercent(d.ratio)}）｜${formatNumber(d.threshold)}`);
  for (const [title, list] of [[t.onlyStats, r.onlyInStats], [t.onlyNdrc, r.onlyInNdrc]] as const) {
    out(`\n${title}：${list.length ? '' : t.none}`);
    for (const x of list) out(`${who(x)}｜${formatNumber(x.value)}`);
  }
  out(`\n${t.invalid}：${r.invalid.length ? '' : t.none}`);
  for (const x of r.invalid) out(who(x));
  out(`\n${t.spend}：${r.spendGaps.length ? '' : t.none}`);
  for (const g of r.spendGaps) out(`${who(g)}｜${g.message}`);
  const problems = [...r.sources.stats.problems, ...r.sources.ndrc.problems];
  if (problems.length) {
    out(`\n${t.problems}：`);
    for (const p of problems) out(p);
  }
}

export async function run(argv: string[], io: CommandIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { period: { type: 'string' }, stats: { type: 'string' }, ndrc: { type: 'string' }, json: { type: 'boolean' }, db: { type: 'string' }, locale: { type: 'string' } } }));
  } catch (e) {
    io.err(`参数有误：${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!isPeriod(values.period)) {
    io.err(`--period：“${values.period ?? ''}”不是月份，应为 YYYY-MM，例如 2026-06\n${USAGE}`);
    return 2;
  }
  for (const k of ['stats', 'ndrc'] as const) {
    const f = values[k];
    if (!f || !existsSync(f)) {
      io.err(f ? `找不到文件 ${f}（--${k}）` : `缺少 --${k}：请给出${k === 'stats' ? '统计局' : '发改委'}的数据文件（.xlsx 或 .csv）\n${USAGE}`);
      return 2;
    }
  }
  let server;
  try {
    server = loadConfig(io.env);
  } catch (e) {
    if (e instanceof ConfigError) { io.err(e.message); return 2; }
    throw e;
  }
  const db = values.db ?? server.dbPath;
  if (!existsSync(db)) {
    io.err(`找不到数据库文件 ${db}；请用 --db 指定，或设置环境变量 KEYPROJ_DB`);
    return 2;
  }
  const locale: Locale = values.locale === 'en' ? 'en' : server.locale;
  const read = (f: string) => ({ name: basename(f), data: readFileSync(f) });
  const store = Store.open(db, { config: server.config });
  let report: ReconcileReport;
  try {
    report = await reconcileFiles(store, server.config, values.period, { stats: read(values.stats!), ndrc: read(values.ndrc!) }, locale);
  } catch (e) {
    if (e instanceof ReconcileInputError) { io.err(e.message); return 2; }
    throw e;
  } finally {
    store.close();
  }
  if (values.json) io.out(JSON.stringify(report, null, 2));
  else print(report, locale, io.out);
  const clean = report.differences.length + report.onlyInStats.length + report.onlyInNdrc.length + report.invalid.length + report.spendGaps.length === 0;
  return clean ? 0 : 1;
}
