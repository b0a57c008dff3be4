// server/config.ts: the configuration file, its errors in Chinese, and the environment.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import { ConfigError, loadConfig } from '../../server/config';
import { tempDir } from '../fixtures/ledger';

const EXAMPLE = fileURLToPath(new URL('../../docs/config.example.json', import.meta.url));

describe('loadConfig', () => {
  it('uses the Hengshui defaults and the documented environment defaults', () => {
    const c = loadConfig({});
    expect(c.config).toEqual(DEFAULT_CONFIG);
    expect(c).toMatchObject({ dbPath: 'data/keyproj.db', port: 3978, demo: true, locale: 'zh-CN' });
  });

  it('reads the environment: KEYPROJ_DB, PORT, KEYPROJ_DEMO=0, KEYPROJ_LOCALE', () => {
    const c = loadConfig({ KEYPROJ_DB: '/x/y.db', PORT: '0', KEYPROJ_DEMO: '0', KEYPROJ_LOCALE: 'en-US' });
    expect(c).toMatchObject({ dbPath: '/x/y.db', port: 0, demo: false, locale: 'en' });
    expect(c.config.locale).toBe('en');
  });

  it('overlays a partial file on the defaults; the example file is valid and equals the defaults', () => {
    const dir = tempDir();
    const f = join(dir, 'c.json');
    writeFileSync(f, JSON.stringify({ deadlineDay: 8, scoring: { ruleSet: 'ratio' } }));
    const c = loadConfig({ KEYPROJ_CONFIG: f });
    expect(c.config.deadlineDay).toBe(8);
    expect(c.config.scoring.ruleSet).toBe('ratio');
    expect(c.config.scoring.difference).toEqual(DEFAULT_CONFIG.scoring.difference);
    expect(c.config.counties).toHaveLength(13);
    expect(loadConfig({ KEYPROJ_CONFIG: EXAMPLE }).config).toEqual(DEFAULT_CONFIG);
    expect(JSON.parse(readFileSync(EXAMPLE, 'utf8')).counties).toHaveLength(13);
  });

  it('lists every bad value in Chinese, with the file name', () => {
    const f = join(tempDir(), 'bad.json');
    writeFileSync(f, JSON.stringify({ deadlineDay: 40, city: { code: '1311' }, thresholds: { ytdTolerance: -1 } }));
    let err: unknown;
    try { loadConfig({ KEYPROJ_CONFIG: f, PORT: 'abc' }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).toContain(f);
    expect(msg).toMatch(/deadlineDay：“40”应为 1 到 28 之间的整数/);
    expect(msg).toMatch(/city\.code：“1311”不是 6 位行政区划代码/);
    expect(msg).toMatch(/thresholds\.ytdTolerance/);
    expect(msg).toMatch(/PORT：“abc”不是有效的端口号/);
    expect((err as ConfigError).problems).toHaveLength(4);
  });

  it('names the line and column of a JSON syntax error, and a missing file', () => {
    const f = join(tempDir(), 'syntax.json');
    writeFileSync(f, '{\n  "deadlineDay": 5,\n  "locale": zh\n}');
    expect(() => loadConfig({ KEYPROJ_CONFIG: f })).toThrow(/JSON 格式错误（第 3 行第 13 列）/);
    expect(() => loadConfig({ KEYPROJ_CONFIG: join(tempDir(), 'none.json') })).toThrow(/找不到配置文件 .*none\.json/);
  });
});
