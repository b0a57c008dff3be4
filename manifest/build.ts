// `npm run manifest`: generates manifest/dist/{manifest.json, manifest.xml, keyproj-teams.zip} from
// manifest/app.config.json (or KEYPROJ_MANIFEST_CONFIG) and KEYPROJ_PUBLIC_URL, BOT_ID,
// KEYPROJ_ADDIN_ID, KEYPROJ_APP_VERSION, KEYPROJ_TEAMS_APP_ID, KEYPROJ_SSO_APP_ID. `--out DIR` writes elsewhere.
import { fileURLToPath } from 'node:url';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkManifestConfig, loadManifestConfig } from './config';
import { writeAll } from './package';

const MISSING_BOT_ID = [
  'BOT_ID 是机器人在 Microsoft Entra 中注册的应用程序（客户端）ID，清单必须写入它，所以没有默认值：',
  '先按 docs/DEPLOY.md 第 3 节在 Azure 中创建 Azure Bot，再运行',
  '  KEYPROJ_PUBLIC_URL=https://<公网地址> BOT_ID=<应用程序ID> npm run manifest',
  '（只在本机试用机器人时不需要清单：npm run playground）',
].join('\n');

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const outDir = values.out ? resolve(values.out) : fileURLToPath(new URL('./dist/', import.meta.url));
  let cfg;
  try {
    cfg = loadManifestConfig(process.env);
  } catch (e) {
    console.error(`无法读取清单配置：${(e as Error).message}`);
    return 1;
  }
  const bad = checkManifestConfig(cfg);
  if (bad.length) {
    console.error('清单配置有误，未生成文件：');
    for (const b of bad) console.error(`  - ${b}`);
    // A fresh clone has no bot registration: say where BOT_ID comes from and how to pass it.
    if (!cfg.botId) console.error(MISSING_BOT_ID);
    return 1;
  }
  const out = await writeAll(cfg, outDir);
  const show = (p: string) => relative(process.cwd(), p) || p;
  console.log(`公网地址：${cfg.publicUrl}`);
  console.log(`Teams 应用清单：${show(out.teamsManifest)}`);
  console.log(`Teams 应用包（上传到 Teams 管理中心或“上传自定义应用”）：${show(out.teamsPackage)}`);
  console.log(`Excel 加载项清单（npm run sideload 或集中部署）：${show(out.addinManifest)}`);
  console.log(`加载项图标（服务在 /addin/assets/ 下提供）：${out.icons.map(show).join('，')}`);
  return 0;
}

process.exitCode = await main();
