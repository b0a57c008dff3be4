// App icons drawn at build time (no image files to keep in sync): a rising bar chart on a ledger
// baseline. Teams wants color.png 192×192 and outline.png 32×32 (white on transparent); the Excel
// ribbon wants 16/32/80 and IconUrl 32/64.
import { readFileSync } from 'node:fs';
import { Raster } from '../server/bulletin/raster';
import { DEFAULT_CONFIG_FILE } from './config';

const WHITE = '#FFFFFF';

// The glyph in unit coordinates: three ascending bars over a baseline.
const GLYPH: [number, number, number, number][] = [
  [0.2, 0.56, 0.34, 0.74],
  [0.43, 0.4, 0.57, 0.74],
  [0.66, 0.22, 0.8, 0.74],
  [0.16, 0.77, 0.84, 0.82],
];

function drawGlyph(r: Raster, size: number, hex: string): void {
  for (const [x0, y0, x1, y1] of GLYPH) r.fillRect(x0 * size, y0 * size, x1 * size, y1 * size, hex);
}

/** Full-colour icon: the glyph in white on a rounded square of the accent colour. */
export function colorIcon(size: number, accent: string): Buffer {
  const r = new Raster(size, size);
  r.fillRoundRect(0, 0, size, size, size * 0.18, accent);
  drawGlyph(r, size, WHITE);
  return r.toBuffer();
}

/** Teams outline icon: the glyph in white on a transparent background. */
export function outlineIcon(size = 32): Buffer {
  const r = new Raster(size, size);
  drawGlyph(r, size, WHITE);
  return r.toBuffer();
}

/** The accent colour of the manifest configuration (KEYPROJ_MANIFEST_CONFIG or app.config.json). */
export function configuredAccent(env: Record<string, string | undefined> = process.env): string {
  const file = env.KEYPROJ_MANIFEST_CONFIG || DEFAULT_CONFIG_FILE;
  const accent = (JSON.parse(readFileSync(file, 'utf8')) as { accentColor?: string }).accentColor;
  return accent && /^#[0-9a-f]{6}$/i.test(accent) ? accent : '#B71C1C';
}

const drawn = new Map<string, Buffer>();

/** The add-in's ribbon and catalogue icon at one size; the service serves these under /addin/assets/. */
export function addinIcon(size: number, accent = configuredAccent()): Buffer {
  const key = `${size}${accent}`;
  if (!drawn.has(key)) drawn.set(key, colorIcon(size, accent));
  return drawn.get(key)!;
}
