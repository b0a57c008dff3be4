// `keyproj import FILE.xlsx|FILE.csv --period YYYY-MM [--db PATH] [--json]` — validates against
// the stored earlier months and stores every row in one transaction: all rows or none.
// Exit 0 stored (no errors), 1 errors (nothing stored), 2 unreadable file or bad arguments.
import { SingleBar } from 'cli-progress';
import { userInfo } from 'node:os';
import { tr, type Text } from '../../../core/i18n';
import { findingsJson } from '../../../core/validate';
import { context, openStore, parse, periodArg, printJson, processIo, type CliIo } from '../args';
import { checkFile, formatFindings, hasErrors } from './validate';

export const USAGE: Text = {
  'zh-CN': '用法：keyproj import 台账文件(.xlsx|.csv) --period YYYY-MM [--db 数据库文件] [--json] [--locale zh-CN|en]\n先对照库中以前月份的数据校验，无错误时在一个事务中导入全部行（全部成功或全部不导入）。退出码：0 已导入，1 有错误未导入，2 文件无法读取或参数有误。',
  en: 'Usage: keyproj import FILE.xlsx|FILE.csv --period YYYY-MM [--db FILE] [--json] [--locale zh-CN|en]\nValidates against the stored earlier months; without errors stores every row in one transaction (all or none). Exit 0 stored, 1 errors (nothing stored), 2 unreadable file or bad arguments.',
};

const M = {
  refused: { 'zh-CN': '有错误，未导入任何数据。请修改后重新导入。', en: 'There are errors; nothing was stored. Fix them and import again.' },
  done: { 'zh-CN': '已导入 {period} 台账 {rows} 行：新增项目 {created} 个，更新项目 {updated} 个，清单变动 {moves} 项，新增问题 {problems} 条。', en: 'Imported {rows} rows of {period}: {created} new projects, {updated} updated, {moves} list moves, {problems} new problems.' },
  versions: { 'zh-CN': '台账版本：{list}', en: 'Ledger versions: {list}' },
  storing: { 'zh-CN': '导入中', en: 'Storing' },
} satisfies Record<string, Text>;

/** Rows above which a terminal gets a progress bar. */
const PROGRESS_MIN_ROWS = 300;

function actorName(env: CliIo['env']): string {
  try {
    return `cli:${env.KEYPROJ_ACTOR || userInfo().username}`;
  } catch {
    return 'cli';
  }
}

export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const { values, positionals, locale } = parse(argv, { period: { type: 'string' } }, USAGE, io, { min: 1, max: 1 });
  const period = periodArg(values.period, USAGE, io, locale);
  const ctx = context(values, io);
  const store = openStore(ctx, io, false);
  try {
    const now = new Date();
    const checked = await checkFile(positionals[0], period, ctx, io, { store, submittedAt: now, now });
    const report = () => (values.json ? printJson(io, findingsJson(checked.result)) : io.out(formatFindings(checked, positionals[0], ctx.locale)));
    if (values.json) for (const p of checked.file.headerProblems) io.err(p.message);
    if (hasErrors(checked)) {
      report();
      io.err(tr(ctx.locale, M.refused));
      return 1;
    }
    const rows = checked.result.rows.map((r) => r.values);
    const bar = rows.length > PROGRESS_MIN_ROWS && io.progressStream
      ? new SingleBar({ stream: io.progressStream, format: `${tr(ctx.locale, M.storing)} [{bar}] {value}/{total}`, hideCursor: true, clearOnComplete: true })
      : undefined;
    bar?.start(rows.length, 0);
    let result;
    try {
      result = store.importLedger(rows, period, actorName(io.env), { at: now.toISOString(), onProgress: (done) => bar?.update(done) });
    } finally {
      bar?.stop();
    }
    report();
    const summary = tr(ctx.locale, M.done, { period, rows: result.reports, created: result.created, updated: result.updated, moves: result.moves.length, problems: result.problemsCreated });
    const versions = tr(ctx.locale, M.versions, { list: Object.entries(result.versions).map(([k, v]) => `${k} v${v}`).join('，') });
    // In JSON mode stdout holds only the findings document; the summary goes to stderr.
    (values.json ? io.err : io.out)(`${summary}\n${versions}`);
    return 0;
  } finally {
    store.close();
  }
}
