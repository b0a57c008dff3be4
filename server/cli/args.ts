// What every `keyproj` command shares: its I/O, the common options (--db, --json, --locale,
// --help), argument errors (exit 2), loading the configuration and opening the store.
import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { tr, toLocale, type Text } from '../../core/i18n';
import { isPeriod } from '../../core/periods';
import { toSimplified } from '../../core/parse';
import type { Config } from '../../core/config';
import type { Locale, Period } from '../../core/types';
import { ConfigError, DEFAULT_DB_PATH, loadConfig } from '../config';
import { Store } from '../store/store';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  /** The stream progress bars draw on, when it is a terminal. */
  progressStream?: NodeJS.WriteStream;
}

export function processIo(): CliIo {
  return {
    out: (s) => process.stdout.write(s + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
    env: process.env,
    progressStream: process.stderr.isTTY ? process.stderr : undefined,
  };
}

/** Ends a command with an exit code after its message was printed. */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export const COMMON_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export const COMMON_USAGE: Text = {
  'zh-CN': '通用选项：--db 数据库文件（默认 KEYPROJ_DB 或 {db}）  --json 输出 JSON  --locale zh-CN|en  --help 显示帮助',
  en: 'Common options: --db FILE (default KEYPROJ_DB or {db})  --json print JSON  --locale zh-CN|en  --help show help',
};

const M = {
  badArgs: { 'zh-CN': '参数有误：{detail}', en: 'Bad arguments: {detail}' },
  badPeriod: { 'zh-CN': '--period：“{value}”不是月份，应为 YYYY-MM，例如 2026-03', en: '--period: "{value}" is not a month; use YYYY-MM, e.g. 2026-03' },
  needOpt: { 'zh-CN': '缺少 {opt}', en: 'Missing {opt}' },
  needFile: { 'zh-CN': '缺少台账文件（.xlsx 或 .csv）', en: 'Missing the ledger file (.xlsx or .csv)' },
  extra: { 'zh-CN': '多余的参数：{args}', en: 'Unexpected arguments: {args}' },
  badLocale: { 'zh-CN': '--locale：“{value}”应为 zh-CN 或 en', en: '--locale: "{value}" must be zh-CN or en' },
  badCounty: { 'zh-CN': '--county：“{value}”不是配置中的县市区；可选：{options}', en: '--county: "{value}" is not a configured county; choose one of: {options}' },
  noDb: { 'zh-CN': '数据库文件 {file} 不存在；请用 --db 指定，或先运行服务（npm start）或 keyproj import 建库', en: 'Database file {file} does not exist; pass --db, or create it with npm start or keyproj import' },
  config: { 'zh-CN': '{message}', en: '{message}' },
} satisfies Record<string, Text>;

export interface Parsed<O> {
  values: O;
  positionals: string[];
  locale: Locale;
}

/** The locale before the configuration is read: --locale, then KEYPROJ_LOCALE, then zh-CN. */
function earlyLocale(argv: string[], env: CliIo['env']): Locale {
  const i = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const v = i < 0 ? env.KEYPROJ_LOCALE : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return toLocale(v);
}

/**
 * Parses a command's arguments (its own options plus the common ones). Prints the usage and
 * throws CliExit(0) for --help, CliExit(2) for anything malformed.
 */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[], options: T, usage: Text, io: CliIo, positionals: { min: number; max: number } = { min: 0, max: 0 },
): Parsed<Record<keyof T | keyof typeof COMMON_OPTIONS, string | boolean | undefined>> {
  const locale = earlyLocale(argv, io.env);
  const help = () => `${tr(locale, usage)}\n${tr(locale, COMMON_USAGE, { db: DEFAULT_DB_PATH })}`;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    io.err(`${tr(locale, M.badArgs, { detail: (e as Error).message })}\n${help()}`);
    throw new CliExit(2);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    io.out(help());
    throw new CliExit(0);
  }
  const fail = (msg: string): never => {
    io.err(`${msg}\n${help()}`);
    throw new CliExit(2);
  };
  if (typeof values.locale === 'string' && !/^(en|zh)\b/i.test(values.locale)) fail(tr(locale, M.badLocale, { value: values.locale }));
  if (parsed.positionals.length < positionals.min) fail(tr(locale, M.needFile));
  if (parsed.positionals.length > positionals.max) fail(tr(locale, M.extra, { args: parsed.positionals.slice(positionals.max).join(' ') }));
  return { values: values as never, positionals: parsed.positionals, locale };
}

/** A required `--period YYYY-MM`. */
export function periodArg(value: unknown, usage: Text, io: CliIo, locale: Locale): Period {
  if (value === undefined) usageError(tr(locale, M.needOpt, { opt: '--period YYYY-MM' }), usage, io, locale);
  if (!isPeriod(value)) usageError(tr(locale, M.badPeriod, { value: String(value) }), usage, io, locale);
  return value as Period;
}

/** A required string option such as `--out FILE`. */
export function requiredArg(value: unknown, opt: string, usage: Text, io: CliIo, locale: Locale): string {
  if (typeof value !== 'string' || value.trim() === '') usageError(tr(locale, M.needOpt, { opt }), usage, io, locale);
  return (value as string).trim();
}

/** An optional `--county NAME` (Traditional characters accepted) checked against the configuration. */
export function countyArg(value: unknown, config: Config, usage: Text, io: CliIo, locale: Locale): string | undefined {
  if (value === undefined) return undefined;
  const name = toSimplified(String(value).trim());
  const found = config.counties.find((c) => c.name === name || c.nameEn?.toLowerCase() === name.toLowerCase());
  if (!found) usageError(tr(locale, M.badCounty, { value: String(value), options: config.counties.map((c) => c.name).join('、') }), usage, io, locale);
  return found!.name;
}

export function usageError(message: string, usage: Text, io: CliIo, locale: Locale): never {
  io.err(`${message}\n${tr(locale, usage)}\n${tr(locale, COMMON_USAGE, { db: DEFAULT_DB_PATH })}`);
  throw new CliExit(2);
}

export interface CliContext {
  config: Config;
  locale: Locale;
  dbPath: string;
  /** Whether the database was named (--db or KEYPROJ_DB) rather than defaulted. */
  dbGiven: boolean;
}

/** Loads the configuration (exit 2 with the Chinese list of problems when it is bad). */
export function context(values: { db?: unknown; locale?: unknown }, io: CliIo): CliContext {
  const env = { ...io.env, ...(typeof values.locale === 'string' ? { KEYPROJ_LOCALE: values.locale } : {}) };
  try {
    const c = loadConfig(env as NodeJS.ProcessEnv);
    const dbGiven = typeof values.db === 'string' || Boolean(io.env.KEYPROJ_DB?.trim());
    return { config: c.config, locale: c.locale, dbPath: typeof values.db === 'string' ? values.db : c.dbPath, dbGiven };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.err(e.message);
    throw new CliExit(2);
  }
}

/** Opens the store; `mustExist` refuses to create a new empty database (reading commands). */
export function openStore(ctx: CliContext, io: CliIo, mustExist: boolean): Store {
  if (mustExist && !existsSync(ctx.dbPath)) {
    io.err(tr(ctx.locale, M.noDb, { file: ctx.dbPath }));
    throw new CliExit(2);
  }
  return Store.open(ctx.dbPath, { config: ctx.config });
}

/** Prints JSON data on stdout (one document). */
export function printJson(io: CliIo, data: unknown): void {
  io.out(JSON.stringify(data, null, 2));
}

/**
 * Text from a ledger made safe for a terminal: control characters (ANSI escapes and the like a
 * cell may carry) are shown as � instead of acting on the screen. Line breaks become spaces.
 */
export function safeText(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
}

/** Display width of a string in a terminal (CJK characters take two columns). */
export function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

/** A plain-text table with columns aligned for CJK text. */
export function table(rows: string[][]): string {
  rows = rows.map((r) => r.map(safeText));
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? '')))) ?? [];
  return rows.map((r) => r.map((c, i) => c + ' '.repeat(Math.max(0, widths[i] - displayWidth(c)))).join('  ').trimEnd()).join('\n');
}
