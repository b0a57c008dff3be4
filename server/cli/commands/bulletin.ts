// `keyproj bulletin --period YYYY-MM --out FILE.xlsx`: the monthly bulletin (月度通报).
// Exit 0 when written, 2 when the arguments, the configuration or the database cannot be used.
import { writeFileSync } from 'node:fs';
import { tr, type Text } from '../../../core/i18n';
import { buildBulletin } from '../../bulletin/build';
import { context, openStore, parse, periodArg, printJson, processIo, requiredArg, type CliIo } from '../args';

export const USAGE: Text = {
  'zh-CN': '用法：keyproj bulletin --period YYYY-MM --out 文件.xlsx [--db 数据库文件] [--locale zh-CN|en] [--json]\n生成月度通报：全市概况、县市区排名（含排名图）、四色统计、红黄项目、约谈预警、问题清单；A4 横向打印。',
  en: 'Usage: keyproj bulletin --period YYYY-MM --out FILE.xlsx [--db FILE] [--locale zh-CN|en] [--json]\nWrites the monthly bulletin: city summary, county ranking with a chart, colours, red and yellow projects, escalations, problems; prints on A4 landscape.',
};

const M = {
  done: { 'zh-CN': '{period} 月度通报已生成：{file}', en: 'Bulletin for {period} written to {file}' },
  notXlsx: { 'zh-CN': '--out：“{file}”应以 .xlsx 结尾', en: '--out: "{file}" must end in .xlsx' },
} satisfies Record<string, Text>;

export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const { values, locale } = parse(argv, { period: { type: 'string' }, out: { type: 'string' } }, USAGE, io);
  const period = periodArg(values.period, USAGE, io, locale);
  const out = requiredArg(values.out, '--out 文件.xlsx', USAGE, io, locale);
  if (!/\.xlsx$/i.test(out)) {
    io.err(`${tr(locale, M.notXlsx, { file: out })}\n${tr(locale, USAGE)}`);
    return 2;
  }
  const ctx = context(values, io);
  const store = openStore(ctx, io, true);
  try {
    writeFileSync(out, await buildBulletin(store, ctx.config, period, ctx.locale));
  } finally {
    store.close();
  }
  if (values.json) printJson(io, { period, file: out });
  else io.out(tr(ctx.locale, M.done, { period, file: out }));
  return 0;
}
