// `keyproj bulletin --period YYYY-MM --out FILE.xlsx [--db PATH] [--locale zh-CN|en]`: the monthly bulletin.
// Exit 0 when written, 2 when the arguments, the configuration or the database cannot be used.
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { toLocale } from '../../../core/i18n';
import { isPeriod } from '../../../core/periods';
import { buildBulletin } from '../../bulletin/build';
import { ConfigError, loadConfig } from '../../config';
import { Store } from '../../store/store';

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

export const USAGE = '用法：keyproj bulletin --period YYYY-MM --out 文件.xlsx [--db 数据库文件] [--locale zh-CN|en]';

export async function run(argv: string[], io: CommandIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { period: { type: 'string' }, out: { type: 'string' }, db: { type: 'string' }, locale: { type: 'string' } } }));
  } catch (e) {
    io.err(`参数有误：${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!isPeriod(values.period)) {
    io.err(`--period：“${values.period ?? ''}”不是月份，应为 YYYY-MM，例如 2026-06\n${USAGE}`);
    return 2;
  }
  if (!values.out) {
    io.err(`缺少 --out：请给出通报文件名，例如 --out 2026年6月通报.xlsx\n${USAGE}`);
    return 2;
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
  const locale = values.locale ? toLocale(values.locale) : server.locale;
  const store = Store.open(db, { config: server.config });
  try {
    const xlsx = await buildBulletin(store, server.config, values.period, locale);
    writeFileSync(values.out, xlsx);
  } finally {
    store.close();
  }
  io.out(locale === 'en' ? `Bulletin for ${values.period} written to ${values.out}` : `${values.period} 月度通报已生成：${values.out}`);
  return 0;
}
