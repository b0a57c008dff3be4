// Writes both manifests, the icons and the Teams app package into one folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { addinIconPath, addinManifestXml, ADDIN_ICON_SIZES } from './addin';
import type { ManifestConfig } from './config';
import { addinIcon, colorIcon, outlineIcon } from './icons';
import { teamsManifest } from './teams';

export const TEAMS_PACKAGE = 'keyproj-teams.zip';

export interface BuiltFiles {
  teamsManifest: string;
  addinManifest: string;
  teamsPackage: string;
  icons: string[];
}

export async function teamsPackage(c: ManifestConfig): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(teamsManifest(c), null, 2) + '\n');
  zip.file('color.png', colorIcon(192, c.accentColor));
  zip.file('outline.png', outlineIcon(32));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function writeAll(c: ManifestConfig, outDir: string): Promise<BuiltFiles> {
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  const teams = join(outDir, 'manifest.json');
  const xml = join(outDir, 'manifest.xml');
  const pkg = join(outDir, TEAMS_PACKAGE);
  writeFileSync(teams, JSON.stringify(teamsManifest(c), null, 2) + '\n');
  writeFileSync(xml, addinManifestXml(c));
  writeFileSync(join(outDir, 'color.png'), colorIcon(192, c.accentColor));
  writeFileSync(join(outDir, 'outline.png'), outlineIcon(32));
  // The same icons the service serves under /addin/assets/, for hosting the add-in elsewhere.
  const icons = ADDIN_ICON_SIZES.map((s) => {
    const file = join(outDir, 'assets', addinIconPath(s).split('/').pop()!);
    writeFileSync(file, addinIcon(s, c.accentColor));
    return file;
  });
  writeFileSync(pkg, await teamsPackage(c));
  return { teamsManifest: teams, addinManifest: xml, teamsPackage: pkg, icons };
}
