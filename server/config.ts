// Service configuration: the JSON file named by KEYPROJ_CONFIG overlaid on the defaults
// (衡水市), plus the environment's database path, port, demo flag and locale.
import { readFileSync } from 'node:fs';
import { checkConfig, resolveConfig, type Config, type ConfigInput } from '../core/config';
import { toLocale } from '../core/i18n';
import type { Locale } from '../core/types';

export interface ServerConfig {
  config: Config;
  /** SQLite file (KEYPROJ_DB, default data/keyproj.db). */
  dbPath: string;
  /** HTTP port (PORT, default 3978). */
  port: number;
  /** Seed an empty database with the demo city (KEYPROJ_DEMO, default on; 0/false/no/off turns it off). */
  demo: boolean;
  /** KEYPROJ_LOCALE when set, else the configuration's locale. */
  locale: Locale;
  /** The configuration file read, if any. */
  configFile?: string;
}

export const DEFAULT_DB_PATH = 'data/keyproj.db';
export const DEFAULT_PORT = 3978;

/** Configuration that cannot be used; the message lists every problem in Chinese. */
export class ConfigError extends Error {
  constructor(readonly problems: string[], readonly file?: string) {
    super(`配置${file ? `文件 ${file} ` : ''}有误：\n` + problems.map((p) => `  - ${p}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/** Line and column of a character offset, for JSON syntax errors. */
function lineCol(text: string, pos: number): { line: number; col: number } {
  const before = text.slice(0, pos).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}

/**
 * Offset of a JSON.parse error: V8 names a position for some errors, and for an unexpected
 * token quotes the text around it instead ("Unexpected token 'z', ..."locale": zh"...").
 */
function errorPosition(text: string, msg: string): number | undefined {
  const at = /position (\d+)/.exec(msg);
  if (at) return Number(at[1]);
  const tok = /Unexpected token '(.+?)', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(msg);
  if (tok) {
    const ctx = text.indexOf(tok[2]);
    const inCtx = tok[2].lastIndexOf(tok[1]);
    if (ctx >= 0 && inCtx >= 0) return ctx + inCtx;
  }
  if (/end of JSON input/.test(msg)) return text.length;
  return undefined;
}

function readConfigFile(file: string): ConfigInput {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError([code === 'ENOENT' ? `找不到配置文件 ${file}（环境变量 KEYPROJ_CONFIG）` : `无法读取配置文件 ${file}：${(e as Error).message}`], file);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = errorPosition(text, msg);
    const where = pos === undefined ? '' : (({ line, col }) => `第 ${line} 行第 ${col} 列`)(lineCol(text, pos));
    throw new ConfigError([`JSON 格式错误${where ? `（${where}）` : ''}：${msg}`], file);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(['配置文件的内容应为一个 JSON 对象 {…}'], file);
  }
  return parsed as ConfigInput;
}

function parsePort(v: string | undefined): number | string {
  if (v === undefined || v.trim() === '') return DEFAULT_PORT;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && n <= 65535 ? n : `PORT：“${v}”不是有效的端口号（0–65535 的整数）`;
}

const OFF = /^(0|false|no|off|否)$/i;

/** Loads and checks the configuration; throws ConfigError listing every bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const file = env.KEYPROJ_CONFIG?.trim() || undefined;
  const config = resolveConfig(file ? readConfigFile(file) : {});
  const problems = checkConfig(config);
  const port = parsePort(env.PORT);
  if (typeof port === 'string') problems.push(port);
  if (env.KEYPROJ_LOCALE && !/^(en|zh)\b/i.test(env.KEYPROJ_LOCALE.trim())) {
    problems.push(`KEYPROJ_LOCALE：“${env.KEYPROJ_LOCALE}”应为 zh-CN 或 en`);
  }
  if (problems.length) throw new ConfigError(problems, file);
  const locale = env.KEYPROJ_LOCALE ? toLocale(env.KEYPROJ_LOCALE) : config.locale;
  return {
    config: { ...config, locale },
    dbPath: env.KEYPROJ_DB?.trim() || DEFAULT_DB_PATH,
    port: port as number,
    demo: !OFF.test(env.KEYPROJ_DEMO?.trim() ?? ''),
    locale,
    ...(file ? { configFile: file } : {}),
  };
}
