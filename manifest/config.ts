// The one source of truth for both manifests: app.config.json (or the file named by
// KEYPROJ_MANIFEST_CONFIG), overlaid with the environment. Both manifests are generated from it.
import { readFileSync } from 'node:fs';

export interface Localised<T> {
  'zh-CN': T;
  en: T;
}

export interface ManifestConfig {
  /** Public https origin (and optional base path) the service is reachable at. */
  publicUrl: string;
  /** Microsoft Entra app id of the bot (BOT_ID). */
  botId: string;
  /** Teams app id (GUID). */
  teamsAppId: string;
  /** Excel add-in id (GUID). */
  addinId: string;
  /** Semver `x.y.z`, shared by both manifests. */
  version: string;
  accentColor: string;
  developer: { name: Localised<string>; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  name: Localised<{ short: string; full: string }>;
  description: Localised<{ short: string; full: string }>;
  /** Single sign-on: Entra app id and its resource (Application ID URI). */
  sso?: { appId: string; resource: string };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^\d{1,5}\.\d{1,5}\.\d{1,5}$/;

export const DEFAULT_CONFIG_FILE = new URL('./app.config.json', import.meta.url);

/** Reads the source-of-truth file and overlays the environment variables. */
export function loadManifestConfig(env: Record<string, string | undefined> = process.env): ManifestConfig {
  const file = env.KEYPROJ_MANIFEST_CONFIG || DEFAULT_CONFIG_FILE;
  const base = JSON.parse(readFileSync(file, 'utf8')) as Partial<ManifestConfig>;
  const pick = (v: string | undefined, fallback: string | undefined) => (v && v.trim() ? v.trim() : fallback ?? '');
  const cfg = {
    ...base,
    publicUrl: pick(env.KEYPROJ_PUBLIC_URL, base.publicUrl),
    botId: pick(env.BOT_ID, base.botId),
    teamsAppId: pick(env.KEYPROJ_TEAMS_APP_ID, base.teamsAppId),
    addinId: pick(env.KEYPROJ_ADDIN_ID, base.addinId),
    version: pick(env.KEYPROJ_APP_VERSION, base.version),
  } as ManifestConfig;
  const ssoId = pick(env.KEYPROJ_SSO_APP_ID, base.sso?.appId);
  if (ssoId) cfg.sso = { appId: ssoId, resource: pick(env.KEYPROJ_SSO_RESOURCE, base.sso?.resource) || defaultResource(cfg.publicUrl, ssoId) };
  return cfg;
}

/** `api://<host>/<appId>`, the Application ID URI form Teams and Office SSO expect. */
export function defaultResource(publicUrl: string, appId: string): string {
  let host = publicUrl;
  try {
    host = new URL(publicUrl).host;
  } catch {
    // checkManifestConfig reports the bad URL.
  }
  return `api://${host}/${appId}`;
}

/** One Chinese message per bad value, naming the setting and what would be right. */
export function checkManifestConfig(c: ManifestConfig): string[] {
  const bad: string[] = [];
  let url: URL | undefined;
  try {
    url = new URL(c.publicUrl);
  } catch {
    bad.push(`KEYPROJ_PUBLIC_URL：“${c.publicUrl}”不是有效网址，应为服务的 https 公网地址，例如 https://keyproj.example.gov.cn`);
  }
  if (url && url.protocol !== 'https:') bad.push(`KEYPROJ_PUBLIC_URL：“${c.publicUrl}”必须以 https:// 开头（Teams 和 Office 只接受 HTTPS）`);
  if (url && (url.search || url.hash)) bad.push(`KEYPROJ_PUBLIC_URL：“${c.publicUrl}”不应包含查询参数或锚点`);
  const guid = (v: string, env: string, what: string) => {
    if (!v) bad.push(`${env}：未设置${what}，应为 GUID，例如 0cfd46db-c687-41aa-b235-8a2ff8550f9e`);
    else if (!GUID.test(v)) bad.push(`${env}：“${v}”不是 GUID（${what}），例如 0cfd46db-c687-41aa-b235-8a2ff8550f9e`);
  };
  guid(c.botId, 'BOT_ID', '机器人在 Microsoft Entra 中注册的应用程序（客户端）ID');
  guid(c.teamsAppId, 'KEYPROJ_TEAMS_APP_ID', 'Teams 应用 ID');
  guid(c.addinId, 'KEYPROJ_ADDIN_ID', 'Excel 加载项 ID');
  if (c.sso) guid(c.sso.appId, 'KEYPROJ_SSO_APP_ID', '单点登录应用 ID');
  if (!SEMVER.test(c.version)) bad.push(`KEYPROJ_APP_VERSION：“${c.version}”应为 主.次.修订 三段数字，例如 1.0.0`);
  if (!/^#[0-9a-f]{6}$/i.test(c.accentColor ?? '')) bad.push(`accentColor：“${c.accentColor}”应为 #RRGGBB 颜色，例如 #B71C1C`);
  for (const loc of ['zh-CN', 'en'] as const) {
    if (!c.name?.[loc]?.short) bad.push(`name.${loc}.short：应用短名称不能为空`);
    else if (c.name[loc].short.length > 30) bad.push(`name.${loc}.short：“${c.name[loc].short}”超过 30 个字符`);
    if (!c.description?.[loc]?.short) bad.push(`description.${loc}.short：简短说明不能为空`);
    else if (c.description[loc].short.length > 80) bad.push(`description.${loc}.short：超过 80 个字符`);
    if (!c.description?.[loc]?.full) bad.push(`description.${loc}.full：完整说明不能为空`);
  }
  return bad;
}

/** Absolute URL under the public URL (keeps a base path such as https://host/keyproj/). */
export function publicHref(c: ManifestConfig, path: string): string {
  const base = c.publicUrl.endsWith('/') ? c.publicUrl : c.publicUrl + '/';
  return new URL(path.replace(/^\//, ''), base).href;
}

export function publicHost(c: ManifestConfig): string {
  return new URL(c.publicUrl).hostname;
}
