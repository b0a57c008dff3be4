import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import { escalations } from '../../core/escalation';
import { tr } from '../../core/i18n';
import { isOverdue, problemSummary } from '../../core/problems';
import { commendations, countyIndicators, rankCounties } from '../../core/rank';
import { COLOUR_LABELS, COLOURS, colourCounts, factsAsOf, scoreAll } from '../../core/score';
import { localDate, scheduleRateOf, toPeriod } from '../../core/periods';
import { INDICATORS, type Period } from '../../core/types';
import { buildBulletin } from '../../server/bulletin/build';
import { barHeight, chartLayout, TONES } from '../../server/bulletin/chart';
import { demoStore, type DemoStore } from './bulletin-demo';

const config = DEFAULT_CONFIG;
const PERIOD: Period = '2026-06';
const NOW = new Date('2026-07-20T02:00:00Z');
const TODAY = localDate(NOW);

let demo: DemoStore;
let wb: ExcelJS.Workbook;
let file: string;

function cellsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    out[r] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      out[r][c] = cell.value;
    });
  });
  return out;
}

/** Row number of the first row whose first cell equals `text`. */
function rowOf(ws: ExcelJS.Worksheet, text: string, col = 1): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === text) return r;
  throw new Error(`${ws.name}: no row starting with ${text}`);
}

const close = (a: unknown, b: number, digits = 9) => {
  expect(typeof a).toBe('number');
  expect(a as number).toBeCloseTo(b, digits);
};

beforeAll(async () => {
  demo = demoStore(new Date('2026-07-20T02:00:00Z'));
  const buf = await buildBulletin(demo.store, config, PERIOD, 'zh-CN', { now: NOW });
  file = join(demo.dir, 'bulletin.xlsx');
  writeFileSync(file, buf);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as never);
}, 120_000);

afterAll(() => demo?.close());

describe('monthly bulletin on the demo city', () => {
  it('has the six sheets, each A4 landscape fitted to the page width, with titles and units', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['全市概况', '县市区排名', '四色统计', '红黄项目', '约谈预警', '问题清单']);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.orientation).toBe('landscape');
      expect(ws.pageSetup.fitToPage).toBe(true);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.pageSetup.fitToHeight).toBe(0);
      expect(String(ws.getCell(1, 1).value)).toMatch(/^衡水市重点项目建设情况月度通报/);
      expect(String(ws.getCell(2, 1).value)).toMatch(/2026年6月.*金额单位：(亿元|万元)/);
      expect(ws.headerFooter.oddFooter).toContain('&P');
      for (let c = 1; c <= ws.columnCount; c++) expect(ws.getColumn(c).width ?? 0, `${ws.name} column ${c}`).toBeGreaterThan(4);
    }
  });

  it('city summary: every figure is core\'s', () => {
    const ws = wb.getWorksheet('全市概况')!;
    const states = demo.store.projectStates(PERIOD);
    const city = countyIndicators(states, PERIOD);
    const plan = states.filter((s) => s.project.list !== '储备').reduce((a, s) => a + s.project.annualPlan, 0);
    const value = (label: string) => ws.getCell(rowOf(ws, label), 2).value;
    expect(value('重点项目（个）')).toBe(states.length);
    expect(value('　其中：在建（个）')).toBe(states.filter((s) => s.project.list === '在建').length);
    expect(value('　　　　拟新开工（个）')).toBe(states.filter((s) => s.project.list === '拟新开工').length);
    expect(value('　　　　储备（个）')).toBe(states.filter((s) => s.project.list === '储备').length);
    close(value('年度计划投资（亿元）'), plan / 10_000, 6);
    close(value('本年累计完成投资（亿元）'), city.indicators.investment / 10_000, 6);
    close(value('投资完成率'), city.indicators.investmentRate);
    // The rate is the ytd over that very plan.
    expect(city.indicators.investmentRate).toBeCloseTo(city.indicators.investment / plan, 5);
    close(value('序时进度'), scheduleRateOf(PERIOD));
    close(value('完成率较序时进度（百分点）'), (city.indicators.investmentRate - scheduleRateOf(PERIOD)) * 100);
    expect(value('新开工项目（个）')).toBe(city.indicators.starts);
    close(value('开工率'), city.indicators.startRate);
    expect(value('竣工项目（个）')).toBe(city.indicators.completions);
    expect(ws.getCell(rowOf(ws, '本年累计完成投资（亿元）'), 2).numFmt).toBe('#,##0.00');
    expect(ws.getCell(rowOf(ws, '投资完成率'), 2).numFmt).toBe('0.0%');
    const counts = colourCounts(scoreAll(states, PERIOD, config));
    for (const c of COLOURS) expect(value(`${tr('zh-CN', COLOUR_LABELS[c])}色项目（个）`)).toBe(counts[c]);
    expect(counts.red + counts.yellow).toBeGreaterThan(0);
    // The headline states the same numbers in words.
    const headline = String(ws.getCell(3, 1).value);
    expect(headline).toContain(`全市${states.length}个重点项目`);
    expect(headline).toContain(`红色${counts.red}个`);
    expect(headline).toContain(problemSummary(demo.store.problems.list(), TODAY).text);
  });

  it('county ranking: every indicator, rank and composite is core\'s, in core\'s order', () => {
    const ws = wb.getWorksheet('县市区排名')!;
    const ranking = rankCounties(demo.store.projectStates(PERIOD), PERIOD, config);
    const header = rowOf(ws, '序号');
    expect(ws.getCell(header, 5).value).toBe('本年累计完成投资（万元）');
    const honours = commendations(ranking, config);
    expect(honours.commended.length).toBeGreaterThan(0);
    ranking.forEach((r, i) => {
      const row = ws.getRow(header + 1 + i);
      expect(row.getCell(1).value).toBe(i + 1);
      expect(row.getCell(2).value).toBe(r.county);
      expect(row.getCell(3).value).toBe(r.score);
      expect(row.getCell(4).value).toBe(r.rank);
      INDICATORS.forEach((k, j) => {
        const v = row.getCell(5 + 2 * j).value;
        const rk = row.getCell(6 + 2 * j).value;
        if (r.na.includes(k)) {
          expect([v, rk]).toEqual(['—', '—']);
        } else {
          expect(v).toBe(r.indicators[k]);
          expect(rk).toBe(r.ranks[k]);
        }
      });
      const remark = honours.commended.includes(r.county) ? '通报表扬' : honours.talks.includes(r.county) ? '约谈' : '';
      expect(row.getCell(17).value ?? '').toBe(remark);
    });
  });

  it('embeds the ranking chart: one PNG whose bars measure the composite scores', async () => {
    const ws = wb.getWorksheet('县市区排名')!;
    const images = ws.getImages();
    expect(images).toHaveLength(1);
    const media = wb.getImage(Number(images[0].imageId));
    expect(media.extension).toBe('png');
    const png = PNG.sync.read(Buffer.from(media.buffer as ArrayBuffer));
    const ranking = rankCounties(demo.store.projectStates(PERIOD), PERIOD, config);
    const l = chartLayout(ranking.length, png.width, png.height);
    expect([png.width, png.height]).toEqual([960, 420]);
    ranking.forEach((r, i) => {
      const x = Math.floor((l.bars[i][0] + l.bars[i][1]) / 2);
      let h = 0;
      for (let y = l.bottom - 1; y >= 0; y--) {
        const o = (y * png.width + x) * 4;
        const hex = '#' + [...png.data.subarray(o, o + 3)].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
        if (!Object.values(TONES).includes(hex)) break;
        h++;
      }
      expect(h).toBe(barHeight(l, r.score));
    });
    // The image sits below the table and its caption.
    expect(images[0].range.tl.nativeRow).toBeGreaterThan(rowOf(ws, '序号') + ranking.length);
  });

  it('colour counts per county add up to core\'s scores', () => {
    const ws = wb.getWorksheet('四色统计')!;
    const scores = scoreAll(demo.store.projectStates(PERIOD), PERIOD, config);
    for (const k of [...config.counties.map((c) => c.name), '全市']) {
      const r = rowOf(ws, k);
      const mine = k === '全市' ? scores : scores.filter((s) => s.county === k);
      const n = colourCounts(mine);
      COLOURS.forEach((c, i) => expect(ws.getCell(r, 2 + i).value, `${k} ${c}`).toBe(n[c]));
      expect(ws.getCell(r, 7).value).toBe(mine.length);
    }
  });

  it('lists every red and yellow project with core\'s reason and rates, red first', () => {
    const ws = wb.getWorksheet('红黄项目')!;
    const states = demo.store.projectStates(PERIOD);
    const scores = scoreAll(states, PERIOD, config).filter((s) => s.colour === 'red' || s.colour === 'yellow');
    const header = rowOf(ws, '序号');
    const rows = cellsOf(ws).slice(header + 1).filter((r) => r && typeof r[1] === 'number');
    expect(rows).toHaveLength(scores.length);
    const colours = rows.map((r) => r[2]);
    expect(colours.lastIndexOf('红')).toBeLessThan(colours.indexOf('黄') === -1 ? Infinity : colours.indexOf('黄'));
    for (const s of scores) {
      const r = rows.find((x) => x[4] === s.projectCode)!;
      expect(r, s.projectCode).toBeDefined();
      const st = states.find((x) => x.project.code === s.projectCode)!;
      expect(r[2]).toBe(tr('zh-CN', COLOUR_LABELS[s.colour]));
      expect(r[3]).toBe(s.county);
      expect(r[5]).toBe(s.name);
      expect(r[8]).toBe(st.project.annualPlan);
      expect(r[9]).toBe(factsAsOf(st, PERIOD).ytd);
      expect(r[10]).toBe(s.investmentRate ?? null);
      expect(r[12]).toBe(s.reason);
    }
  });

  it('escalations are core\'s over the year\'s rankings', () => {
    const ws = wb.getWorksheet('约谈预警')!;
    const history = Array.from({ length: 6 }, (_, i) => {
      const p = toPeriod(2026, i + 1);
      return { period: p, ranking: rankCounties(demo.store.projectStates(p), p, config) };
    });
    const expected = escalations(history, config);
    const header = rowOf(ws, '序号');
    const rows = cellsOf(ws).slice(header + 1).filter((r) => r && typeof r[1] === 'number');
    expect(rows.map((r) => [r[2], r[3], r[6]])).toEqual(expected.map((e) => [e.county, e.level === 2 ? '二级' : '一级', e.months]));
    if (expected.length === 0) expect(String(ws.getCell(header + 1, 1).value)).toContain('本月无');
  });

  it('problems: Zhoukou\'s sentence and counts per county from core, open ones listed with overdue flags', () => {
    const ws = wb.getWorksheet('问题清单')!;
    const problems = demo.store.problems.list();
    expect(problems.length).toBeGreaterThan(0);
    const all = problemSummary(problems, TODAY);
    expect(String(ws.getCell(3, 1).value)).toBe(`${all.text}（截至${TODAY}）`);
    const county = new Map(demo.store.projectStates(PERIOD).map((s) => [s.project.code, s.project.county]));
    for (const k of config.counties) {
      const s = problemSummary(problems.filter((p) => county.get(p.projectCode) === k.name), TODAY);
      const r = rowOf(ws, k.name);
      expect([2, 3, 4, 5].map((c) => ws.getCell(r, c).value)).toEqual([s.found, s.resolved, s.open, s.overdue]);
    }
    const total = rowOf(ws, '全市');
    expect([2, 3, 4, 5].map((c) => ws.getCell(total, c).value)).toEqual([all.found, all.resolved, all.open, all.overdue]);
    const listHeader = rowOf(ws, '序号');
    const listed = cellsOf(ws).slice(listHeader + 1).filter((r) => r && typeof r[1] === 'number');
    expect(listed).toHaveLength(all.open);
    expect(listed.filter((r) => r[9] === '是')).toHaveLength(problems.filter((p) => isOverdue(p, TODAY)).length);
  });

  it('is available in English', async () => {
    const en = new ExcelJS.Workbook();
    await en.xlsx.load((await buildBulletin(demo.store, config, PERIOD, 'en', { now: NOW })) as never);
    expect(en.worksheets.map((w) => w.name)).toEqual(['Summary', 'County ranking', 'Colours', 'Red and yellow', 'Escalations', 'Problems']);
    const ws = en.getWorksheet('Summary')!;
    expect(ws.getCell(rowOf(ws, 'Key projects'), 2).value).toBe(demo.store.projectStates(PERIOD).length);
    expect(String(ws.getCell(1, 1).value)).toContain('monthly bulletin');
  });

  it('LibreOffice opens it and converts it to PDF without error', (ctx) => {
    const office = ['libreoffice', 'soffice'].find((b) => spawnSync('which', [b]).status === 0);
    if (!office) {
      ctx.skip('SKIPPED: neither libreoffice nor soffice is on PATH, so the LibreOffice check did not run');
      return;
    }
    execFileSync(office, ['--headless', '--convert-to', 'pdf', '--outdir', demo.dir, file], { timeout: 120_000, stdio: 'pipe' });
    const pdf = join(demo.dir, 'bulletin.pdf');
    expect(existsSync(pdf)).toBe(true);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // Every page A4 landscape (841.89 × 595.30 pt), as the page setup asks.
    const boxes = [...bytes.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThanOrEqual(wb.worksheets.length);
    for (const b of boxes) expect([Math.round(Number(b[3])), Math.round(Number(b[4]))]).toEqual([842, 595]);
  }, 180_000);
});

describe('bulletin edge cases', () => {
  it('an empty database gives a bulletin of zeros and "none" lines, not a crash', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { Store } = await import('../../server/store/store');
    const dir = mkdtempSync(join(tmpdir(), 'keyproj-empty-'));
    const store = Store.open(join(dir, 'k.db'));
    try {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await buildBulletin(store, config, '2026-01', 'zh-CN', { now: NOW })) as never);
      const summary = wb.getWorksheet('全市概况')!;
      expect(summary.getCell(rowOf(summary, '重点项目（个）'), 2).value).toBe(0);
      expect(summary.getCell(rowOf(summary, '投资完成率'), 2).value).toBe('不适用');
      const ranking = wb.getWorksheet('县市区排名')!;
      expect(ranking.getCell(rowOf(ranking, '序号') + config.counties.length, 2).value).toBe(config.counties.at(-1)!.name);
      expect(String(wb.getWorksheet('红黄项目')!.getCell(rowOf(wb.getWorksheet('红黄项目')!, '序号') + 1, 1).value)).toContain('本月无红色、黄色项目');
      expect(String(wb.getWorksheet('约谈预警')!.getCell(rowOf(wb.getWorksheet('约谈预警')!, '序号') + 1, 1).value)).toContain('本月无');
      expect(String(wb.getWorksheet('问题清单')!.getCell(3, 1).value)).toContain('发现问题 0 处');
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
