// The task pane end to end: built by Vite, served by the real service (demo database), opened in
// Debian's Chromium with office.js routed to the fake Excel; a clerk inserts the template, loads
// the county, makes a mistake, validates, fixes it and submits; the store has the report.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { LEDGER } from '../../core/ledger';
import { prevPeriod } from '../../core/periods';
import { addinManifestXml } from '../../manifest/addin';
import { loadManifestConfig } from '../../manifest/config';
import { startTestServer, type TestServer } from '../server/helpers/server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) {
  console.warn(`test/e2e/addin.test.ts skipped: no Chromium at ${CHROMIUM} (install it with "apt-get install -y chromium" or set CHROMIUM_PATH)`);
}

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const colOf = (key: string) => {
  let s = '';
  for (let n = LEDGER.findIndex((c) => c.key === key) + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** The fake office.js as one classic script, as the CDN's would be. */
async function bundleFakeOffice(): Promise<string> {
  const out = await build({
    configFile: false, logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: root('test/addin/fake-office/browser.ts'), formats: ['iife'], name: 'FakeOfficeJs', fileName: () => 'office.js' } },
  });
  const first = (Array.isArray(out) ? out[0] : out) as { output: { code?: string }[] };
  return first.output[0].code!;
}

describe.skipIf(!HAVE_CHROMIUM)('add-in in Chromium against the real service', () => {
  let server: TestServer;
  let browser: Browser;
  let dist: string;
  let officeJs: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'keyproj-addin-'));
    await build({ configFile: root('addin/vite.config.ts'), logLevel: 'silent', build: { outDir: dist, emptyOutDir: true, sourcemap: false } });
    officeJs = await bundleFakeOffice();
    server = await startTestServer({ seed: 'demo', addinDir: dist });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  async function openPane(sso?: string): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
    const page = await browser.newPage();
    if (sso) await page.addInitScript((t) => { (window as unknown as Record<string, unknown>).__fakeOfficeOptions = { ssoToken: t }; }, sso);
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/office.js', (r) => r.fulfill({ status: 200, contentType: 'application/javascript', body: officeJs }));
    await page.goto(`${server.url}/addin/taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]');
    if (!sso) {
      await page.fill('#token', server.tokens.staff);
      await page.click('#token-save');
    }
    await page.waitForFunction(() => document.querySelector('#who')?.textContent?.includes('桃城区'));
    return { page, dialogs, errors };
  }

  async function act(page: Page, action: string): Promise<string> {
    const before = Number((await page.getAttribute('body', 'data-done')) ?? 0);
    await page.click(`[data-action="${action}"]`);
    await page.waitForFunction((n) => Number(document.body.dataset.done ?? 0) > n, before);
    return (await page.textContent('#status')) ?? '';
  }

  const model = <T>(page: Page, f: string, ...args: unknown[]): Promise<T> =>
    page.evaluate(([body, a]) => new Function('m', 'args', body)((window as unknown as { __fakeOffice: { model: unknown } }).__fakeOffice.model, a), [f, args] as const) as Promise<T>;

  /** Types this month's figures (100 万元) for each 在建 row not yet reported, as a clerk would. */
  async function typeMonth(page: Page, rows: Record<string, any>[], period: string): Promise<{ row: number; code: string }[]> {
    const typed: { row: number; code: string }[] = [];
    for (const [i, r] of rows.entries()) {
      if (r.list !== '在建' || r.reported) continue;
      const row = i + 2;
      const prevYtd = r.previous?.period?.slice(0, 4) === period.slice(0, 4) ? r.previous.ytdInvest ?? 0 : 0;
      typed.push({ row, code: r.code });
      await model(page, 'for (const [a, v] of args) m.type(a, v)',
        [`台账!${colOf('monthInvest')}${row}`, 100],
        [`台账!${colOf('ytdInvest')}${row}`, prevYtd + 100],
        [`台账!${colOf('cumInvest')}${row}`, (r.previous?.cumInvest ?? 0) + 100]);
    }
    return typed;
  }

  it('inserts the template, loads, marks a wrong cell, and submits once fixed', async () => {
    const { page, errors } = await openPane();
    expect(await page.textContent('h1')).toBe('重点项目台账');

    expect(await act(page, 'insert-template')).toContain('已插入“台账”工作表');
    expect(await model<string[]>(page, 'return m.headers(m.table("KeyProjectLedger"))')).toEqual(LEDGER.map((c) => c.header));

    const period = await page.inputValue('#period');
    const ledger = (await server.api(`/api/v1/ledger?county=${encodeURIComponent('桃城区')}&period=${period}`, { token: server.tokens.staff })).body;
    expect(ledger.rows.length).toBeGreaterThan(0);
    expect(await act(page, 'load')).toContain(`已加载 桃城区 ${period} 的 ${ledger.rows.length} 个项目`);
    expect(await model<number>(page, 'return m.table("KeyProjectLedger").rows')).toBe(ledger.rows.length + 1);

    // The clerk types this month's figures for every project under construction not yet reported.
    const typed = await typeMonth(page, ledger.rows, period);
    expect(typed.length).toBeGreaterThan(0);

    // A mistake: words where an amount belongs.
    const bad = `台账!${colOf('monthInvest')}${typed[0].row}`;
    await model(page, 'm.type(args[0], args[1])', bad, '一百万元整');
    const syncsBefore = await model<number>(page, 'return m.syncs');
    const status = await act(page, 'validate');
    // One sync to read the table, one to write every mark.
    expect(await model<number>(page, 'return m.syncs') - syncsBefore).toBe(2);
    expect(status).toContain('错误');
    expect(await model<string>(page, 'return m.fillAt(args[0])', bad)).toBe('#FFC7CE');
    const note = await model<string>(page, 'return m.commentAt(args[0])', bad);
    expect(note).toContain('一百万元整');
    const item = page.locator(`li.finding[data-address="${bad}"]`);
    expect(await item.textContent()).toContain('一百万元整');
    await item.click();
    expect(await model<string>(page, 'const s = m.selection; return s.sheet.name + "!" + s.area.r0 + "," + s.area.c0')).toBe(`台账!${typed[0].row - 1},${LEDGER.findIndex((c) => c.key === 'monthInvest')}`);

    // Fixed: the mark goes, and the ledger goes to the server.
    await model(page, 'm.type(args[0], args[1])', bad, 100);
    expect(await act(page, 'validate')).not.toContain('错误 1');
    expect(await model<string | null>(page, 'return m.fillAt(args[0])', bad)).toBeNull();
    const done = await act(page, 'submit');
    expect(done).toContain('提交成功');
    expect(done).toContain(`已保存 桃城区 ${period} 的 ${ledger.rows.length} 个项目`);

    const after = (await server.api(`/api/v1/ledger?county=${encodeURIComponent('桃城区')}&period=${period}`, { token: server.tokens.staff })).body;
    const row = after.rows.find((r: Record<string, unknown>) => r.code === typed[0].code);
    expect(row).toMatchObject({ reported: true, monthInvest: 100 });
    expect(after.version).not.toBe(ledger.version);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows a project name from the server as text: no dialog, no img element', async () => {
    const period = (await server.api('/api/v1/config/public', { token: server.tokens.staff })).body.reportingPeriod as string;
    const evil = '<img src=x onerror=alert(1)>';
    server.store.importLedger([{
      code: '2026-131102-04-01-999999', name: evil, county: '桃城区', list: '在建', level: '市重点', sector: '工业',
      owner: '测试公司', total: 20000, annualPlan: 6000, plannedStart: '2026-01', plannedEnd: '2027-12', leader: '赵志刚',
      unit: '桃城区发改局', monthInvest: 100, ytdInvest: 100, cumInvest: 100, actualStart: '2026-01', stage: '在建', progress: 1,
    }], prevPeriod(period), 'test');
    const { page, dialogs } = await openPane();
    await act(page, 'load');
    await act(page, 'validate');
    const heading = page.locator('#findings h3', { hasText: evil });
    expect(await heading.count()).toBe(1);
    expect(await heading.textContent()).toContain(evil);
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  }, 120_000);

  it('asks for a reload when someone else submitted after the pane loaded (409)', async () => {
    const { page } = await openPane();
    const period = await page.inputValue('#period');
    await act(page, 'load');
    const ledger = (await server.api(`/api/v1/ledger?county=${encodeURIComponent('桃城区')}&period=${period}`, { token: server.tokens.staff })).body;
    const typed = await typeMonth(page, ledger.rows, period);
    expect(await act(page, 'validate')).not.toMatch(/错误 [1-9]/);
    // Meanwhile another clerk's submission changes the county's ledger.
    server.store.importLedger([{
      code: '2026-131102-04-01-888888', name: '桃城区另一项目', county: '桃城区', list: '储备', level: '市重点', sector: '工业',
      owner: '测试公司', total: 20000, annualPlan: 0, plannedStart: '2027-03', plannedEnd: '2028-12', leader: '赵志刚', unit: '桃城区发改局', stage: '前期',
    }], period, 'other-clerk');
    const status = await act(page, 'submit');
    expect(status).toContain('重新加载');
    const after = (await server.api(`/api/v1/ledger?county=${encodeURIComponent('桃城区')}&period=${period}`, { token: server.tokens.staff })).body;
    for (const t of typed) expect(after.rows.find((r: Record<string, unknown>) => r.code === t.code).reported).toBe(false);
    await page.close();
  }, 120_000);

  it("keeps a clerk's own comment on a cell it marks: fill, finding in the list and on 校验结果", async () => {
    const { page, errors } = await openPane();
    await act(page, 'load');
    const cell = `台账!${colOf('annualPlan')}2`;
    await page.evaluate(async (a) => {
      await Excel.run(async (ctx) => {
        ctx.workbook.comments.add(a, '王科长：计划数待核');
        ctx.workbook.worksheets.getItem('台账').getRange(a.split('!')[1]).values = [['很多']];
        await ctx.sync();
      });
    }, cell);
    const syncsBefore = await model<number>(page, 'return m.syncs');
    const status = await act(page, 'validate');
    // Read, find where others' comments are, write: one lookup more, not one per row.
    expect(await model<number>(page, 'return m.syncs') - syncsBefore).toBe(3);
    expect(status).toContain('原有他人的批注');
    expect(await model<string>(page, 'return m.commentAt(args[0])', cell)).toBe('王科长：计划数待核');
    expect(await model<string>(page, 'return m.fillAt(args[0])', cell)).toBe('#FFC7CE');
    expect(await page.locator(`li.finding[data-address="${cell}"]`).textContent()).toContain('很多');
    expect(await model<string>(page, 'return m.valueAt("校验结果!C2")')).toBe(cell);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('signs in with Office SSO when the host gives a token, and registers the custom functions', async () => {
    const { page } = await openPane(server.tokens.staff);
    expect(await page.isHidden('#token-form')).toBe(true);
    expect(await page.textContent('#who')).toContain('桃城区填报员');
    const fns = await page.evaluate(() => {
      const f = (window as unknown as { __fakeOffice: { functions: Map<string, (...a: unknown[]) => unknown> } }).__fakeOffice.functions;
      return { ids: [...f.keys()].sort(), rate: f.get('RATE')!(3000, 12000), code: f.get('CODECHECK')!('2024-131102-04-01-000123', '桃城区') };
    });
    expect(fns).toEqual({ ids: ['CODECHECK', 'COLOUR', 'RATE'], rate: 0.25, code: 'OK' });
    // Shared runtime: the manifest (built for this server) names the task pane as the functions'
    // Script and Page (it registered them above) and functions.json at a URL the service serves.
    const xml = addinManifestXml(loadManifestConfig({ KEYPROJ_PUBLIC_URL: server.url }));
    const url = (id: string) => new RegExp(`<bt:Url id="${id}" DefaultValue="([^"]+)"`).exec(xml)?.[1];
    const point = xml.slice(xml.indexOf('xsi:type="CustomFunctions"'), xml.indexOf('</ExtensionPoint>', xml.indexOf('xsi:type="CustomFunctions"')));
    const resid = (tag: string) => new RegExp(`<${tag}>\\s*<SourceLocation resid="([^"]+)"`).exec(point)?.[1] ?? '';
    expect(url(resid('Script'))).toBe(`${server.url}/addin/taskpane.html`);
    expect(url(resid('Page'))).toBe(`${server.url}/addin/taskpane.html`);
    const served = await fetch(url(resid('Metadata'))!);
    expect(served.status).toBe(200);
    const metadata = await served.json() as { functions: { id: string }[] };
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(fns.ids);
    // One design: no separate functions.js is built.
    expect(existsSync(join(dist, 'functions.js'))).toBe(false);
    await page.close();
  }, 60_000);

  it('switches between Chinese and English', async () => {
    const { page } = await openPane();
    expect(await page.textContent('[data-action="submit"]')).toBe('提交');
    await page.click('#lang');
    expect(await page.textContent('h1')).toBe('Key Project Ledger');
    expect(await page.textContent('[data-action="validate"]')).toBe('Validate');
    expect(await page.textContent('#who')).toContain('Signed in as');
    await page.click('#lang');
    expect(await page.textContent('[data-action="validate"]')).toBe('校验');
    await page.close();
  }, 60_000);

  it('outside Excel, tells how to open it in Excel instead of failing', async () => {
    const page = await browser.newPage();
    await page.route('**/office.js', (r) => r.fulfill({ status: 404, body: '' }));
    await page.goto(`${server.url}/addin/taskpane.html`);
    await page.waitForSelector('#host-message:not([hidden])', { timeout: 10_000 });
    expect(await page.textContent('#host-message')).toContain('请在 Excel 中打开');
    expect(await page.isHidden('#app')).toBe(true);
    await page.close();
  }, 60_000);

  it('on Excel older than ExcelApi 1.7, says so in Chinese', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => { (window as unknown as Record<string, unknown>).__fakeOfficeOptions = { excelApi: '1.6' }; });
    await page.route('**/office.js', (r) => r.fulfill({ status: 200, contentType: 'application/javascript', body: officeJs }));
    await page.goto(`${server.url}/addin/taskpane.html`);
    await page.waitForSelector('#host-message:not([hidden])');
    expect(await page.textContent('#host-message')).toContain('ExcelApi 1.7');
    await page.close();
  }, 60_000);
});
