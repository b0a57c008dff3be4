import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { addinManifestXml, addinUrls } from '../../manifest/addin';
import { checkManifestConfig, loadManifestConfig, type ManifestConfig } from '../../manifest/config';
import { addinIcon } from '../../manifest/icons';
import { teamsPackage, writeAll } from '../../manifest/package';
import { SEARCH_COMMAND_ID, teamsManifest } from '../../manifest/teams';
import { startTestServer } from '../server/helpers/server';
import { at, child, parseXml, walk, type El } from './xml';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BOT = '2d4a12cf-b4a3-41e5-b63b-362a7651fcce';

function config(env: Record<string, string> = {}): ManifestConfig {
  return loadManifestConfig({ BOT_ID: BOT, KEYPROJ_PUBLIC_URL: 'https://ledger.hengshui.example.cn', ...env });
}

const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Every absolute URL anywhere in a JSON value or an XML string. */
function urlsIn(text: string): string[] {
  return [...text.matchAll(/(?:https?|api):\/\/[^\s"'<>]+/g)].map((m) => m[0]).filter((u) => !/schemas\.microsoft\.com|www\.w3\.org|developer\.microsoft\.com\/en-us\/json-schemas/.test(u));
}

describe('configuration', () => {
  it('overlays the environment on the source-of-truth file', () => {
    const c = config({ KEYPROJ_ADDIN_ID: '11111111-2222-4333-8444-555555555555', KEYPROJ_APP_VERSION: '2.3.4' });
    expect(c.botId).toBe(BOT);
    expect(c.publicUrl).toBe('https://ledger.hengshui.example.cn');
    expect(c.addinId).toBe('11111111-2222-4333-8444-555555555555');
    expect(c.version).toBe('2.3.4');
    expect(c.sso).toBeUndefined();
    expect(checkManifestConfig(c)).toEqual([]);
    const file = JSON.parse(readFileSync(new URL('../../manifest/app.config.json', import.meta.url), 'utf8'));
    expect(config().addinId).toBe(file.addinId);
    expect(config().name['zh-CN'].short).toBe(file.name['zh-CN'].short);
  });

  it('rejects plain http, bad GUIDs and versions with Chinese messages naming the setting', () => {
    const bad = checkManifestConfig(config({ KEYPROJ_PUBLIC_URL: 'http://ledger.example.cn', BOT_ID: 'not-a-guid', KEYPROJ_APP_VERSION: '1.0' }));
    expect(bad.find((m) => m.startsWith('KEYPROJ_PUBLIC_URL'))).toMatch(/https:\/\//);
    expect(bad.find((m) => m.startsWith('BOT_ID'))).toMatch(/不是 GUID/);
    expect(bad.find((m) => m.startsWith('KEYPROJ_APP_VERSION'))).toMatch(/1\.0\.0/);
    expect(checkManifestConfig(loadManifestConfig({ KEYPROJ_PUBLIC_URL: 'https://x.example.cn' }))).toEqual([expect.stringMatching(/^BOT_ID：未设置/)]);
  });
});

describe('Teams manifest', () => {
  it('validates offline against the schema @microsoft/app-manifest bundles', async () => {
    const m = teamsManifest(config());
    expect(await AppManifestUtils.validateAgainstSchema(m as never)).toEqual([]);
    const withSso = teamsManifest(config({ KEYPROJ_SSO_APP_ID: '99999999-8888-4777-8666-555555555555' }));
    expect(await AppManifestUtils.validateAgainstSchema(withSso as never)).toEqual([]);
  });

  it('the schema check is real: a broken manifest fails it', async () => {
    const m = teamsManifest(config()) as Record<string, unknown>;
    delete m.accentColor;
    (m.bots as { scopes: string[] }[])[0].scopes = ['everywhere'];
    expect((await AppManifestUtils.validateAgainstSchema(m as never)).length).toBeGreaterThanOrEqual(2);
  });

  it('has the bot in every scope with Chinese commands and the searchProject message extension', () => {
    const c = config();
    const m = teamsManifest(c) as any;
    expect(m.id).toMatch(GUID);
    expect(m.bots[0].botId).toBe(BOT);
    expect(m.bots[0].scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const scopes = m.bots[0].commandLists.flatMap((l: any) => l.scopes).sort();
    expect(scopes).toEqual(['groupChat', 'personal', 'team']);
    for (const list of m.bots[0].commandLists) {
      const titles = list.commands.map((x: any) => x.title);
      for (const t of ['帮助', '全市总体情况', '问题清单', '哪些项目是红色的', '本月还有哪些没报', '订阅提醒', '取消订阅', '提醒设置']) expect(titles).toContain(t);
      for (const cmd of list.commands) expect(cmd.description).toMatch(/[\u4e00-\u9fff]/);
    }
    const ext = m.composeExtensions[0];
    expect(ext.botId).toBe(BOT);
    expect(ext.commands).toHaveLength(1);
    expect(ext.commands[0]).toMatchObject({ id: SEARCH_COMMAND_ID, type: 'query' });
    expect(ext.commands[0].id).toBe('searchProject');
    expect(ext.commands[0].parameters).toHaveLength(1);
    expect(ext.commands[0].parameters[0].title).toMatch(/[\u4e00-\u9fff]/);
    expect(m.validDomains).toEqual(['ledger.hengshui.example.cn']);
    expect(m.webApplicationInfo).toBeUndefined();
  });

  it('adds webApplicationInfo for single sign-on only when an SSO app is given', () => {
    const id = '99999999-8888-4777-8666-555555555555';
    const m = teamsManifest(config({ KEYPROJ_SSO_APP_ID: id })) as any;
    expect(m.webApplicationInfo).toEqual({ id, resource: `api://ledger.hengshui.example.cn/${id}` });
    const custom = teamsManifest(config({ KEYPROJ_SSO_APP_ID: id, KEYPROJ_SSO_RESOURCE: `api://sso.example.cn/${id}` })) as any;
    expect(custom.webApplicationInfo.resource).toBe(`api://sso.example.cn/${id}`);
  });
});

// Element order the add-in manifest XSD (OfficeApp 1.1, TaskPaneApp; VersionOverrides 1.0) requires.
const ORDER: Record<string, string[]> = {
  OfficeApp: ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'AllowSnapshot', 'VersionOverrides'],
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins'],
  Host: ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  Resources: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  ExtensionPoint: ['Script', 'Page', 'Metadata', 'Namespace', 'OfficeTab'],
};
const REQUIRED_TOP = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];

function checkOrder(el: El): string[] {
  const problems: string[] = [];
  const order = ORDER[el.name];
  if (order) {
    let last = -1;
    for (const c of el.children) {
      const i = order.indexOf(c.name);
      if (i < 0) problems.push(`<${c.name}> is not allowed in <${el.name}>`);
      else if (i < last) problems.push(`<${c.name}> comes too late in <${el.name}>`);
      else last = i;
    }
  }
  for (const c of el.children) problems.push(...checkOrder(c));
  return problems;
}

// Which resource table an element's resid must resolve in.
const RESID_TABLE: Record<string, string> = {
  'bt:Image': 'bt:Images',
  SourceLocation: 'bt:Urls',
  Runtime: 'bt:Urls',
  FunctionFile: 'bt:Urls',
  LearnMoreUrl: 'bt:Urls',
  Label: 'bt:ShortStrings',
  Title: 'bt:ShortStrings',
  Namespace: 'bt:ShortStrings',
  Description: 'bt:LongStrings',
};

describe('Excel add-in manifest', () => {
  const c = config();
  const xml = addinManifestXml(c);
  const root = parseXml(xml);
  const vo = child(root, 'VersionOverrides');
  const resources = child(vo, 'Resources');
  const resource = (table: string, id: string) => child(resources, table).children.find((r) => r.attrs.id === id);

  it('is a TaskPaneApp for Workbook with a GUID id, in the order the XSD requires', () => {
    expect(root.name).toBe('OfficeApp');
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(root.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(child(root, 'Id').text).toBe(c.addinId);
    expect(child(root, 'Id').text).toMatch(GUID);
    expect(child(root, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(root, 'DefaultLocale').text).toBe('zh-CN');
    expect(child(root, 'DisplayName').attrs.DefaultValue).toBe(c.name['zh-CN'].short);
    expect(child(child(root, 'DisplayName'), 'Override').attrs).toEqual({ Locale: 'en-US', Value: c.name.en.short });
    for (const name of REQUIRED_TOP) expect(root.children.map((x) => x.name)).toContain(name);
    expect(checkOrder(root)).toEqual([]);
    expect(at(root, ['Hosts', 'Host']).attrs.Name).toBe('Workbook');
    expect(vo.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    expect(at(vo, ['Hosts', 'Host']).attrs['xsi:type']).toBe('Workbook');
  });

  it('the order check is real: a swapped manifest fails it', () => {
    const swapped = xml.replace(/(\s*<Requirements>[\s\S]*?<\/Requirements>)(\s*<DefaultSettings>[\s\S]*?<\/DefaultSettings>\s*<Permissions>.*?<\/Permissions>)/, '$2$1');
    expect(swapped).not.toBe(xml);
    expect(checkOrder(parseXml(swapped))).toEqual(['<Requirements> comes too late in <OfficeApp>']);
  });

  it('requires ExcelApi 1.7 and SharedRuntime 1.1', () => {
    const sets = at(root, ['Requirements', 'Sets']).children.map((s) => [s.attrs.Name, s.attrs.MinVersion]);
    expect(sets).toEqual([['ExcelApi', '1.7'], ['SharedRuntime', '1.1']]);
  });

  it('has a Home-tab button opening the task pane, and custom functions in a long-lived shared runtime', () => {
    const url = (id: string) => resource('bt:Urls', id)?.attrs.DefaultValue;
    const host = at(vo, ['Hosts', 'Host']);
    const tab = at(host, ['DesktopFormFactor']).children.find((e) => e.attrs['xsi:type'] === 'PrimaryCommandSurface')!;
    const officeTab = child(tab, 'OfficeTab');
    expect(officeTab.attrs.id).toBe('TabHome');
    const button = child(child(officeTab, 'Group'), 'Control');
    expect(button.attrs['xsi:type']).toBe('Button');
    const action = child(button, 'Action');
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(url(child(action, 'SourceLocation').attrs.resid)).toBe('https://ledger.hengshui.example.cn/addin/taskpane.html');
    expect(child(root, 'DefaultSettings').children[0].attrs.DefaultValue).toBe('https://ledger.hengshui.example.cn/addin/taskpane.html');

    const runtime = at(host, ['Runtimes', 'Runtime']);
    expect(runtime.attrs.lifetime).toBe('long');
    expect(url(runtime.attrs.resid)).toBe('https://ledger.hengshui.example.cn/addin/taskpane.html');
    const cf = child(host, 'AllFormFactors').children.find((e) => e.attrs['xsi:type'] === 'CustomFunctions')!;
    // Shared runtime: the functions' script is the task pane's bundle.
    expect(at(cf, ['Script', 'SourceLocation']).attrs.resid).toBe(runtime.attrs.resid);
    expect(url(at(cf, ['Metadata', 'SourceLocation']).attrs.resid)).toBe('https://ledger.hengshui.example.cn/addin/functions.json');
    // The page of the custom functions is the task pane: that is what makes the runtime shared.
    expect(at(cf, ['Page', 'SourceLocation']).attrs.resid).toBe(runtime.attrs.resid);
    const icons = child(button, 'Icon').children.map((i) => i.attrs.size);
    expect(icons).toEqual(['16', '32', '80']);
  });

  it('every resid resolves to a resource of the right kind', () => {
    const withResid = [...walk(vo)].filter((e) => e.attrs.resid !== undefined);
    expect(withResid.length).toBeGreaterThan(15);
    for (const e of withResid) {
      const table = RESID_TABLE[e.name];
      expect(table, `resid on <${e.name}>`).toBeDefined();
      expect(resource(table, e.attrs.resid), `${e.name} resid=${e.attrs.resid} in ${table}`).toBeDefined();
    }
    for (const s of [...child(resources, 'bt:ShortStrings').children]) expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    for (const s of [...child(resources, 'bt:LongStrings').children]) expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(250);
    const ids = [...walk(resources)].map((e) => e.attrs.id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every URL is https on the configured host', () => {
    const urls = urlsIn(xml);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const u of urls) {
      expect(new URL(u).protocol).toBe('https:');
      expect(new URL(u).hostname).toBe('ledger.hengshui.example.cn');
    }
    for (const [, u] of Object.entries(addinUrls(c))) expect(xml).toContain(`"${u}"`);
  });

  it('adds WebApplicationInfo after Resources when SSO is configured, and escapes text', () => {
    const id = '99999999-8888-4777-8666-555555555555';
    const sso = config({ KEYPROJ_SSO_APP_ID: id });
    sso.name = { ...sso.name, en: { short: 'Ledger <R&D> "pilot"', full: 'x' } };
    const doc = parseXml(addinManifestXml(sso));
    const v = child(doc, 'VersionOverrides');
    expect(v.children.map((x) => x.name)).toEqual(['Hosts', 'Resources', 'WebApplicationInfo']);
    expect(child(child(v, 'WebApplicationInfo'), 'Id').text).toBe(id);
    expect(child(child(v, 'WebApplicationInfo'), 'Resource').text).toBe(`api://ledger.hengshui.example.cn/${id}`);
    expect(child(child(doc, 'DisplayName'), 'Override').attrs.Value).toBe('Ledger <R&D> "pilot"');
    expect(checkOrder(doc)).toEqual([]);
  });
});

describe('public URL', () => {
  it('changing it changes every URL in both manifests', () => {
    const a = config();
    const b = config({ KEYPROJ_PUBLIC_URL: 'https://xmgl.hebei.example.gov.cn:8443/keyproj', KEYPROJ_SSO_APP_ID: '99999999-8888-4777-8666-555555555555' });
    const texts = [JSON.stringify(teamsManifest(b)), addinManifestXml(b)];
    const before = [JSON.stringify(teamsManifest(a)), addinManifestXml(a)].flatMap(urlsIn);
    expect(before.length).toBeGreaterThan(10);
    for (const text of texts) {
      expect(text).not.toContain('ledger.hengshui.example.cn');
      expect(text).not.toContain('keyproj.example.gov.cn');
      const urls = urlsIn(text);
      expect(urls.length).toBeGreaterThanOrEqual(3);
      // The add-in's AppDomain is the bare origin; every other URL sits under the base path.
      for (const u of urls) expect(u === 'https://xmgl.hebei.example.gov.cn:8443' || u.startsWith('https://xmgl.hebei.example.gov.cn:8443/keyproj/') || u.startsWith('api://xmgl.hebei.example.gov.cn:8443/'), u).toBe(true);
    }
    expect((teamsManifest(b) as any).validDomains).toEqual(['xmgl.hebei.example.gov.cn']);
    expect(addinManifestXml(b)).toContain('<AppDomain>https://xmgl.hebei.example.gov.cn:8443</AppDomain>');
  });
});

describe('app package and icons', () => {
  it('zips exactly manifest.json, color.png 192×192 and outline.png 32×32 (white on transparent)', async () => {
    const c = config();
    const zip = await JSZip.loadAsync(await teamsPackage(c));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(await zip.file('manifest.json')!.async('string'))).toEqual(teamsManifest(c));
    const color = PNG.sync.read(await zip.file('color.png')!.async('nodebuffer'));
    expect([color.width, color.height]).toEqual([192, 192]);
    // Opaque accent in the middle of the background, white glyph pixels present.
    const px = (p: PNG, x: number, y: number) => [...p.data.subarray((y * p.width + x) * 4, (y * p.width + x) * 4 + 4)];
    expect(px(color, 96, 10)).toEqual([0xb7, 0x1c, 0x1c, 255]);
    expect(px(color, 130, 100)).toEqual([255, 255, 255, 255]);
    const outline = PNG.sync.read(await zip.file('outline.png')!.async('nodebuffer'));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let opaque = 0;
    let transparent = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (a === 0) transparent++;
      else {
        expect([r, g, b]).toEqual([255, 255, 255]);
        opaque++;
      }
    }
    expect(opaque).toBeGreaterThan(50);
    expect(transparent).toBeGreaterThan(500);
    expect(px(outline, 0, 0)[3]).toBe(0);
  });

  it('draws the add-in icons at their sizes', () => {
    for (const s of [16, 32, 64, 80]) {
      const p = PNG.sync.read(addinIcon(s));
      expect([p.width, p.height]).toEqual([s, s]);
    }
  });

  it('writeAll writes the manifests, icons and package into a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyproj-manifest-'));
    tmp.push(dir);
    const out = await writeAll(config(), dir);
    expect(JSON.parse(readFileSync(out.teamsManifest, 'utf8'))).toEqual(teamsManifest(config()));
    expect(readFileSync(out.addinManifest, 'utf8')).toBe(addinManifestXml(config()));
    for (const f of out.icons) expect(existsSync(f)).toBe(true);
    expect(Object.keys((await JSZip.loadAsync(readFileSync(out.teamsPackage))).files)).toHaveLength(3);
  });
});

describe('npm run manifest', () => {
  it('builds from the environment and prints where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyproj-manifest-'));
    tmp.push(dir);
    const env = { ...process.env, BOT_ID: BOT, KEYPROJ_PUBLIC_URL: 'https://cli.example.cn', KEYPROJ_APP_VERSION: '3.1.4' };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'manifest/build.ts', '--out', dir], { cwd: repo, env });
    expect(stdout).toContain(join(dir, 'keyproj-teams.zip').split('/').pop()!);
    expect(stdout).toContain('manifest.xml');
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(m.version).toBe('3.1.4');
    expect(m.validDomains).toEqual(['cli.example.cn']);
    expect(readFileSync(join(dir, 'manifest.xml'), 'utf8')).toContain('https://cli.example.cn/addin/taskpane.html');
  });

  it('refuses a bad configuration with a Chinese message and exit code 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyproj-manifest-'));
    tmp.push(dir);
    const env = { ...process.env, BOT_ID: '', KEYPROJ_PUBLIC_URL: 'http://plain.example.cn' };
    const err = await run(process.execPath, ['--import', 'tsx', 'manifest/build.ts', '--out', dir], { cwd: repo, env }).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr).toContain('BOT_ID');
    expect(err.stderr).toContain('KEYPROJ_PUBLIC_URL');
    expect(existsSync(join(dir, 'manifest.json'))).toBe(false);
  });
});

describe('npm run manifest on a fresh clone (no BOT_ID)', () => {
  it('fails by design: exit 1, the missing BOT_ID named, where to get it and how to pass it, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyproj-manifest-'));
    tmp.push(dir);
    const env: Record<string, string | undefined> = { ...process.env };
    for (const k of ['BOT_ID', 'KEYPROJ_PUBLIC_URL', 'KEYPROJ_TEAMS_APP_ID', 'KEYPROJ_ADDIN_ID', 'KEYPROJ_APP_VERSION', 'KEYPROJ_SSO_APP_ID', 'KEYPROJ_MANIFEST_CONFIG']) delete env[k];
    const err = await run(process.execPath, ['--import', 'tsx', 'manifest/build.ts', '--out', dir], { cwd: repo, env }).catch((e) => e);
    expect(err.code).toBe(1);
    const lines = (err.stderr as string).split('\n').filter((l) => l.trim());
    // The checked-in app.config.json is otherwise complete: BOT_ID is the only complaint.
    expect(lines.filter((l) => l.startsWith('  - '))).toEqual([expect.stringMatching(/^ {2}- BOT_ID：未设置机器人在 Microsoft Entra 中注册的应用程序（客户端）ID，应为 GUID/)]);
    expect(err.stderr).toContain('docs/DEPLOY.md 第 3 节');
    expect(err.stderr).toContain('BOT_ID=<应用程序ID> npm run manifest');
    expect(existsSync(join(dir, 'manifest.json'))).toBe(false);
    expect(existsSync(join(dir, 'keyproj-teams.zip'))).toBe(false);
  });
});

describe('the service serves the add-in icons the manifest names', () => {
  it('answers every icon URL of manifest.xml with a PNG of its size', async () => {
    const server = await startTestServer({ seed: 'none' });
    try {
      const xml = addinManifestXml(config());
      const icons = urlsIn(xml).filter((u) => u.includes('/addin/assets/'));
      expect(new Set(icons).size).toBe(4);
      for (const u of new Set(icons)) {
        const path = new URL(u).pathname;
        const r = await fetch(server.url + path);
        expect(r.status, path).toBe(200);
        expect(r.headers.get('content-type')).toBe('image/png');
        const png = PNG.sync.read(Buffer.from(await r.arrayBuffer()));
        const size = Number(/icon-(\d+)\.png$/.exec(path)![1]);
        expect([png.width, png.height]).toEqual([size, size]);
      }
      // Other sizes are not drawn (404 once the pane is built; the "not built yet" page before).
      const other = await fetch(server.url + '/addin/assets/icon-33.png');
      expect(other.headers.get('content-type')).not.toBe('image/png');
      expect(other.status === 404 || /text\/html/.test(other.headers.get('content-type') ?? '')).toBe(true);
    } finally {
      await server.close();
    }
  });
});
