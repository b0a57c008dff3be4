// `keyproj export --period YYYY-MM [--county NAME] --out FILE.xlsx` — a stored month's ledger in
// the standard layout (a .csv name writes CSV).
import { tr, type Text } from '../../../core/i18n';
import { exportLedger } from '../../xlsx/export';
import { context, countyArg, openStore, parse, periodArg, printJson, processIo, requiredArg, type CliIo } from '../args';

export const USAGE: Text = {
  'zh-CN': '用法：keyproj export --period YYYY-MM [--county 县市区] --out 文件.xlsx [--db 数据库文件] [--json]\n导出某月台账（每个项目一行，含该月填报数据），格式与模板相同；文件名以 .csv 结尾时导出 CSV。',
  en: "Usage: keyproj export --period YYYY-MM [--county NAME] --out FILE.xlsx [--db FILE] [--json]\nExports a month's ledger (one row per project with that month's report) in the template layout; a .csv name writes CSV.",
};

const M = {
  done: { 'zh-CN': '已导出 {period}{county} 台账 {rows} 个项目：{file}', en: 'Exported {rows} projects of {period}{county}: {file}' },
  notFile: { 'zh-CN': '--out：“{file}”应以 .xlsx 或 .csv 结尾', en: '--out: "{file}" must end in .xlsx or .csv' },
} satisfies Record<string, Text>;

export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const { values, locale } = parse(argv, { period: { type: 'string' }, county: { type: 'string' }, out: { type: 'string' } }, USAGE, io);
  const period = periodArg(values.period, USAGE, io, locale);
  const out = requiredArg(values.out, '--out 文件.xlsx', USAGE, io, locale);
  if (!/\.(xlsx|csv)$/i.test(out)) {
    io.err(`${tr(locale, M.notFile, { file: out })}\n${tr(locale, USAGE)}`);
    return 2;
  }
  const ctx = context(values, io);
  const county = countyArg(values.county, ctx.config, USAGE, io, ctx.locale);
  const store = openStore(ctx, io, true);
  try {
    const rows = await exportLedger(store, period, county, out, { config: ctx.config, locale: ctx.locale });
    if (values.json) printJson(io, { period, county: county ?? null, file: out, rows });
    else io.out(tr(ctx.locale, M.done, { period, county: county ? ` ${county}` : '', rows, file: out }));
    return 0;
  } finally {
    store.close();
  }
}
