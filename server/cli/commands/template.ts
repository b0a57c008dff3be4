// `keyproj template --out FILE.xlsx [--locale zh-CN|en]` — an empty standard ledger.
import { tr, type Text } from '../../../core/i18n';
import { writeTemplate } from '../../xlsx/template';
import { context, parse, printJson, processIo, requiredArg, type CliIo } from '../args';

export const USAGE: Text = {
  'zh-CN': '用法：keyproj template --out 文件.xlsx [--locale zh-CN|en] [--json]\n生成空白标准台账：表头、数字格式、下拉列表和填写提示，可在 Excel、WPS 和 LibreOffice 中使用。',
  en: 'Usage: keyproj template --out FILE.xlsx [--locale zh-CN|en] [--json]\nWrites an empty standard ledger with headers, number formats, drop-down lists and input hints (Excel, WPS, LibreOffice).',
};

const M = {
  done: { 'zh-CN': '已生成标准台账模板：{file}', en: 'Wrote the standard ledger template: {file}' },
  notXlsx: { 'zh-CN': '--out：“{file}”应以 .xlsx 结尾', en: '--out: "{file}" must end in .xlsx' },
} satisfies Record<string, Text>;

export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const { values, locale } = parse(argv, { out: { type: 'string' } }, USAGE, io);
  const out = requiredArg(values.out, '--out 文件.xlsx', USAGE, io, locale);
  if (!/\.xlsx$/i.test(out)) {
    io.err(`${tr(locale, M.notXlsx, { file: out })}\n${tr(locale, USAGE)}`);
    return 2;
  }
  const ctx = context(values, io);
  await writeTemplate(out, ctx.config, ctx.locale);
  if (values.json) printJson(io, { file: out });
  else io.out(tr(ctx.locale, M.done, { file: out }));
  return 0;
}
