// `keyproj <command>` (SPEC §6). bin/keyproj.mjs calls main() and exits with its code.
// Commands live in server/cli/commands/<name>.ts and are loaded only when used.
import { tr, toLocale, type Text } from '../../core/i18n';
import type { Locale } from '../../core/types';
import { CliExit, processIo, type CliIo } from './args';

type Runner = (argv: string[], io: CliIo) => Promise<number>;

export interface CommandDef {
  /** Loads the command's module; its runner is the export named `run` (or `exportName`). */
  load: () => Promise<Record<string, unknown>>;
  exportName?: string;
  summary: Text;
}

/** One row per command. */
export const COMMANDS: Record<string, CommandDef> = {
  template: { load: () => import('./commands/template'), summary: { 'zh-CN': '生成空白标准台账（表头、格式、下拉列表）', en: 'write an empty standard ledger (headers, formats, drop-downs)' } },
  validate: { load: () => import('./commands/validate'), summary: { 'zh-CN': '校验台账文件，列出问题', en: 'check a ledger file and list its findings' } },
  import: { load: () => import('./commands/import'), summary: { 'zh-CN': '校验并导入台账（全部成功或全部不导入）', en: 'validate and store a ledger (all rows or none)' } },
  export: { load: () => import('./commands/export'), summary: { 'zh-CN': '导出某月台账', en: "export a month's ledger" } },
  score: { load: () => import('./commands/score'), summary: { 'zh-CN': '项目四色评价', en: 'four-colour project scores' } },
  rank: { load: () => import('./commands/rank'), summary: { 'zh-CN': '县市区排名、约谈与表彰', en: 'county ranking, escalations, commendations' } },
  remind: { load: () => import('./commands/remind'), exportName: 'runRemind', summary: { 'zh-CN': '每周提醒：预览或立即发送', en: 'weekly reminder: preview or send now' } },
  bulletin: { load: () => import('./commands/bulletin'), summary: { 'zh-CN': '生成月度通报', en: 'write the monthly bulletin' } },
  reconcile: { load: () => import('./commands/reconcile'), summary: { 'zh-CN': '统计局与发改委数据比对', en: 'reconcile statistics and commission figures' } },
  user: { load: () => import('./commands/user'), summary: { 'zh-CN': '用户管理（add / list / remove）', en: 'manage users (add / list / remove)' } },
  backup: { load: () => import('./commands/backup'), summary: { 'zh-CN': '在线备份数据库', en: 'back up the database online' } },
};

const M = {
  usage: { 'zh-CN': '用法：keyproj <命令> [选项]\n\n命令：\n{commands}\n\n每个命令都支持 --help；读写数据的命令支持 --db 数据库文件（默认 KEYPROJ_DB 或 data/keyproj.db），输出数据的命令支持 --json。', en: 'Usage: keyproj <command> [options]\n\nCommands:\n{commands}\n\nEvery command takes --help; commands on data take --db FILE (default KEYPROJ_DB or data/keyproj.db), and --json where they print data.' },
  unknown: { 'zh-CN': '未知命令“{name}”', en: 'Unknown command "{name}"' },
  missing: { 'zh-CN': '命令“{name}”尚未安装（找不到模块 server/cli/commands/{name}.ts）', en: 'Command "{name}" is not available (module server/cli/commands/{name}.ts not found)' },
  failed: { 'zh-CN': '命令“{name}”出错：{message}', en: 'Command "{name}" failed: {message}' },
} satisfies Record<string, Text>;

function usage(locale: Locale, commands: Record<string, CommandDef>): string {
  const width = Math.max(...Object.keys(commands).map((k) => k.length));
  const lines = Object.entries(commands).map(([k, c]) => `  ${k.padEnd(width)}  ${tr(locale, c.summary)}`);
  return tr(locale, M.usage, { commands: lines.join('\n') });
}

function isModuleMissing(e: unknown, name: string): boolean {
  const err = e as NodeJS.ErrnoException;
  return (err?.code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url|Does the file exist/i.test(String(err?.message)))
    && String(err?.message).includes(`commands/${name}`);
}

/** Runs one command; returns the process exit code (0 ok, 1 findings with errors, 2 usage or unreadable input). */
export async function main(argv: string[], io: CliIo = processIo(), commands: Record<string, CommandDef> = COMMANDS): Promise<number> {
  const localeArg = argv.find((a, i) => argv[i - 1] === '--locale') ?? argv.find((a) => a.startsWith('--locale='))?.slice(9);
  const locale = toLocale(localeArg ?? io.env.KEYPROJ_LOCALE);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.out : io.err)(usage(locale, commands));
    return name ? 0 : 2;
  }
  const def = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!def) {
    io.err(`${tr(locale, M.unknown, { name })}\n\n${usage(locale, commands)}`);
    return 2;
  }
  let runner: Runner;
  try {
    const mod = await def.load();
    runner = mod[def.exportName ?? 'run'] as Runner;
    if (typeof runner !== 'function') throw Object.assign(new Error(`Cannot find module commands/${name}`), { code: 'ERR_MODULE_NOT_FOUND' });
  } catch (e) {
    if (!isModuleMissing(e, name)) throw e;
    io.err(tr(locale, M.missing, { name }));
    return 2;
  }
  try {
    return await runner(rest, io);
  } catch (e) {
    if (e instanceof CliExit) return e.code;
    io.err(tr(locale, M.failed, { name, message: (e as Error).message }));
    return 2;
  }
}
