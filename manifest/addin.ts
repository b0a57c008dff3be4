// The Excel add-in's XML manifest: templates/manifest.xml filled from the one manifest configuration.
import { readFileSync } from 'node:fs';
import { publicHref, type ManifestConfig } from './config';

const TEMPLATE = new URL('./templates/manifest.xml', import.meta.url);

/** Add-in icon sizes: 16/32/80 for the ribbon, 32/64 for IconUrl/HighResolutionIconUrl. */
export const ADDIN_ICON_SIZES = [16, 32, 64, 80] as const;
/** Where the service serves the add-in's icons (see manifest/icons.ts `addinIcon`). */
export const addinIconPath = (size: number) => `/addin/assets/icon-${size}.png`;

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

/**
 * The URLs the add-in manifest points at, all under the public URL. In a shared runtime the custom
 * functions' script is the task pane page's own bundle (as in Microsoft's shared-runtime samples),
 * so Script, Page, Runtime and the ribbon button all point at the task pane.
 */
export function addinUrls(c: ManifestConfig) {
  return {
    taskpaneUrl: publicHref(c, '/addin/taskpane.html'),
    functionsJsonUrl: publicHref(c, '/addin/functions.json'),
    supportUrl: publicHref(c, c.developer.websiteUrl),
    icon16: publicHref(c, addinIconPath(16)),
    icon32: publicHref(c, addinIconPath(32)),
    icon64: publicHref(c, addinIconPath(64)),
    icon80: publicHref(c, addinIconPath(80)),
  };
}

function webApplicationInfo(c: ManifestConfig): string {
  if (!c.sso) return '';
  return [
    '    <WebApplicationInfo>',
    `      <Id>${escapeXml(c.sso.appId)}</Id>`,
    `      <Resource>${escapeXml(c.sso.resource)}</Resource>`,
    '      <Scopes>',
    '        <Scope>openid</Scope>',
    '        <Scope>profile</Scope>',
    '      </Scopes>',
    '    </WebApplicationInfo>',
  ].join('\n');
}

export function addinManifestXml(c: ManifestConfig): string {
  const values: Record<string, string> = {
    ...addinUrls(c),
    addinId: c.addinId,
    // Office wants up to four numeric parts; the shared semver has three.
    version: `${c.version}.0`,
    providerName: c.developer.name['zh-CN'],
    nameZh: c.name['zh-CN'].short,
    nameEn: c.name.en.short,
    descriptionZh: c.description['zh-CN'].short,
    descriptionEn: c.description.en.short,
    origin: new URL(c.publicUrl).origin,
  };
  const raw: Record<string, string> = { webApplicationInfo: webApplicationInfo(c) };
  return readFileSync(TEMPLATE, 'utf8')
    .replace(/\{\{\{(\w+)\}\}\}\n?/g, (_m, k: string) => (raw[k] ? raw[k] + '\n' : ''))
    .replace(/\{\{(\w+)\}\}/g, (m, k: string) => {
      if (!(k in values)) throw new Error(`manifest.xml template: unknown placeholder ${m}`);
      return escapeXml(values[k]);
    });
}
