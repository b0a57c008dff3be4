// A province-scale database for P2 and P6: `n` projects × `months` monthly reports, written
// straight into the store's tables in ONE transaction (bulk.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../core/config';
import { addMonths, monthOf } from '../core/periods';
import type { Period } from '../core/types';
import { openDb } from '../server/store/db';
import { COUNTY_FLAVOURS } from '../server/demo/names';
import { bulkWriter } from './bulk';

export interface Province {
  file: string;
  /** Names of the projects, by index (for questions). */
  names: string[];
  /** Last month with reports. */
  last: Period;
  /** Milliseconds to create and fill the file. */
  buildMs: number;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const KINDS = ['产业园', '生产线项目', '技术改造项目', '综合体', '改造工程', '物流中心', '示范区', '提升工程', '服务中心', '基地'];
const pick = <T>(xs: readonly T[], r: number): T => xs[Math.floor(r * xs.length) % xs.length];

/** The project's name: county, a local place and industry, a kind, and a number that makes it unique. */
export function provinceName(i: number, rnd: () => number): { county: string; name: string } {
  const county = DEFAULT_CONFIG.counties[i % DEFAULT_CONFIG.counties.length].name;
  const f = COUNTY_FLAVOURS[county];
  const name = `${county}${pick(f.places, rnd())}${pick(f.industries, rnd())}${pick(KINDS, rnd())}${Math.floor(i / 13) + 1}期`;
  return { county, name };
}

/** Builds the file in a fresh temp directory: `n` 在建 projects reporting the `months` months up to `last`. */
export function buildProvince(n = 20_000, months = 24, last: Period = '2026-10', seed = 11): Province {
  const t0 = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'keyproj-bench-'));
  const file = join(dir, 'province.db');
  const db = openDb(file);
  const rnd = lcg(seed);
  const first = addMonths(last, -(months - 1));
  const at = '2026-11-03T02:00:00.000Z';
  const w = bulkWriter(db);
  const names: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const c = DEFAULT_CONFIG.counties[i % DEFAULT_CONFIG.counties.length];
      const { county, name } = provinceName(i, rnd);
      names.push(name);
      const code = `2024-${c.code}-04-01-${String(i).padStart(6, '0')}`;
      const total = 5000 + Math.round(rnd() * 200_000);
      const annualPlan = Math.round(total * (0.2 + rnd() * 0.3));
      const pace = 0.3 + rnd();
      w.project({
        code, name, county, list: '在建', level: i % 5 ? '市重点' : '省重点', sector: pick(DEFAULT_CONFIG.sectors, rnd()),
        owner: `${county}建设投资有限公司`, nature: '新建', scope: '建设厂房及配套设施', total, annualPlan, plannedStart: '2024-09',
        plannedEnd: '2028-12', leader: `领导${i % 97}`, unit: `${county}发改局`, contact: '张明', phone: '13800138000',
        actualStart: '2024-10', stage: '在建', approvals: ['立项', '用地', '规划', '环评', '施工许可'], registered: true,
      }, at);
      let cum = Math.round(total * 0.05);
      let ytd = 0;
      for (let k = 0; k < months; k++) {
        const period = addMonths(first, k);
        if (monthOf(period) === 1) ytd = 0;
        // Some projects stall for a few months: the red ones leaders ask about.
        const monthInvest = i % 17 === 0 && k > months - 4 ? 0 : Math.round((annualPlan / 12) * pace * (0.5 + rnd()) * 100) / 100;
        ytd = Math.round((ytd + monthInvest) * 100) / 100;
        cum = Math.round((cum + monthInvest) * 100) / 100;
        w.report({
          projectCode: code, period, monthInvest, ytdInvest: ytd, cumInvest: cum, progress: Math.min(100, Math.round((cum / total) * 100)),
          progressNote: '主体施工', spent: Math.round(cum * 0.9 * 100) / 100, stage: '在建', actualStart: '2024-10', registered: true,
        }, at);
      }
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('optimize');
  db.close();
  return { file, names, last, buildMs: performance.now() - t0 };
}
