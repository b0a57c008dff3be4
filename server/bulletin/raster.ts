// A minimal RGBA raster on pngjs: anti-aliased rectangles and rounded rectangles, and a 5×7 bitmap
// font for digits and latin letters. The bulletin chart and the app icons are drawn with it, offline,
// with no native canvas and no font files.
import { PNG } from 'pngjs';

/** `#RRGGBB` or `#RRGGBBAA`. */
export type Hex = string;

function rgba(hex: Hex): [number, number, number, number] {
  const m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(hex);
  if (!m) throw new Error(`bad colour ${hex}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, m[2] ? parseInt(m[2], 16) : 255];
}

// 5×7 glyphs, one string of 7 rows per character ('#' = ink). Enough for numbers, percentages,
// period labels and latin county names.
const FONT: Record<string, string[]> = {
  '0': ['.###.', '#...#', '#..##', '#.#.#', '##..#', '#...#', '.###.'],
  '1': ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  '2': ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
  '3': ['#####', '...#.', '..#..', '...#.', '....#', '#...#', '.###.'],
  '4': ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
  '5': ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
  '6': ['..##.', '.#...', '#....', '####.', '#...#', '#...#', '.###.'],
  '7': ['#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'],
  '8': ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
  '9': ['.###.', '#...#', '#...#', '.####', '....#', '...#.', '.##..'],
  '.': ['.....', '.....', '.....', '.....', '.....', '.##..', '.##..'],
  ',': ['.....', '.....', '.....', '.....', '.##..', '..#..', '.#...'],
  '-': ['.....', '.....', '.....', '#####', '.....', '.....', '.....'],
  '+': ['.....', '..#..', '..#..', '#####', '..#..', '..#..', '.....'],
  '%': ['##...', '##..#', '...#.', '..#..', '.#...', '#..##', '...##'],
  ':': ['.....', '.##..', '.##..', '.....', '.##..', '.##..', '.....'],
  '/': ['.....', '....#', '...#.', '..#..', '.#...', '#....', '.....'],
  '(': ['...#.', '..#..', '.#...', '.#...', '.#...', '..#..', '...#.'],
  ')': ['.#...', '..#..', '...#.', '...#.', '...#.', '..#..', '.#...'],
  '#': ['.#.#.', '.#.#.', '#####', '.#.#.', '#####', '.#.#.', '.#.#.'],
  ' ': ['.....', '.....', '.....', '.....', '.....', '.....', '.....'],
  A: ['.###.', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  B: ['####.', '#...#', '#...#', '####.', '#...#', '#...#', '####.'],
  C: ['.###.', '#...#', '#....', '#....', '#....', '#...#', '.###.'],
  D: ['###..', '#..#.', '#...#', '#...#', '#...#', '#..#.', '###..'],
  E: ['#####', '#....', '#....', '####.', '#....', '#....', '#####'],
  F: ['#####', '#....', '#....', '####.', '#....', '#....', '#....'],
  G: ['.###.', '#...#', '#....', '#.###', '#...#', '#...#', '.####'],
  H: ['#...#', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  I: ['.###.', '..#..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  J: ['..###', '...#.', '...#.', '...#.', '...#.', '#..#.', '.##..'],
  K: ['#...#', '#..#.', '#.#..', '##...', '#.#..', '#..#.', '#...#'],
  L: ['#....', '#....', '#....', '#....', '#....', '#....', '#####'],
  M: ['#...#', '##.##', '#.#.#', '#.#.#', '#...#', '#...#', '#...#'],
  N: ['#...#', '#...#', '##..#', '#.#.#', '#..##', '#...#', '#...#'],
  O: ['.###.', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
  P: ['####.', '#...#', '#...#', '####.', '#....', '#....', '#....'],
  Q: ['.###.', '#...#', '#...#', '#...#', '#.#.#', '#..#.', '.##.#'],
  R: ['####.', '#...#', '#...#', '####.', '#.#..', '#..#.', '#...#'],
  S: ['.####', '#....', '#....', '.###.', '....#', '....#', '####.'],
  T: ['#####', '..#..', '..#..', '..#..', '..#..', '..#..', '..#..'],
  U: ['#...#', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
  V: ['#...#', '#...#', '#...#', '#...#', '#...#', '.#.#.', '..#..'],
  W: ['#...#', '#...#', '#...#', '#.#.#', '#.#.#', '#.#.#', '.#.#.'],
  X: ['#...#', '#...#', '.#.#.', '..#..', '.#.#.', '#...#', '#...#'],
  Y: ['#...#', '#...#', '.#.#.', '..#..', '..#..', '..#..', '..#..'],
  Z: ['#####', '....#', '...#.', '..#..', '.#...', '#....', '#####'],
};
export const GLYPH_W = 5;
export const GLYPH_H = 7;

export class Raster {
  readonly png: PNG;

  constructor(readonly width: number, readonly height: number, background: Hex = '#00000000') {
    this.png = new PNG({ width, height });
    const [r, g, b, a] = rgba(background);
    for (let i = 0; i < width * height; i++) this.png.data.set([r, g, b, a], i * 4);
  }

  /** Source-over blend of one pixel with coverage 0–1. */
  blend(x: number, y: number, hex: Hex, coverage = 1): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || coverage <= 0) return;
    const [r, g, b, a0] = rgba(hex);
    const sa = (a0 / 255) * Math.min(1, coverage);
    const i = (y * this.width + x) * 4;
    const d = this.png.data;
    const da = d[i + 3] / 255;
    const oa = sa + da * (1 - sa);
    if (oa === 0) return;
    const mix = (s: number, dc: number) => Math.round((s * sa + dc * da * (1 - sa)) / oa);
    d[i] = mix(r, d[i]);
    d[i + 1] = mix(g, d[i + 1]);
    d[i + 2] = mix(b, d[i + 2]);
    d[i + 3] = Math.round(oa * 255);
  }

  /** Axis-aligned rectangle with exact edge coverage (fractional coordinates allowed). */
  fillRect(x0: number, y0: number, x1: number, y1: number, hex: Hex): void {
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(this.height, Math.ceil(y1)); y++) {
      const cy = Math.min(y + 1, y1) - Math.max(y, y0);
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(this.width, Math.ceil(x1)); x++) {
        const cx = Math.min(x + 1, x1) - Math.max(x, x0);
        this.blend(x, y, hex, cx * cy);
      }
    }
  }

  /** Rounded rectangle, anti-aliased by 4×4 supersampling. */
  fillRoundRect(x0: number, y0: number, x1: number, y1: number, radius: number, hex: Hex): void {
    const inside = (px: number, py: number) => {
      if (px < x0 || px > x1 || py < y0 || py > y1) return false;
      const cx = Math.min(Math.max(px, x0 + radius), x1 - radius);
      const cy = Math.min(Math.max(py, y0 + radius), y1 - radius);
      return (px - cx) ** 2 + (py - cy) ** 2 <= radius ** 2;
    };
    const n = 4;
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(this.height, Math.ceil(y1)); y++) {
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(this.width, Math.ceil(x1)); x++) {
        let hits = 0;
        for (let sy = 0; sy < n; sy++) for (let sx = 0; sx < n; sx++) if (inside(x + (sx + 0.5) / n, y + (sy + 0.5) / n)) hits++;
        this.blend(x, y, hex, hits / (n * n));
      }
    }
  }

  /** Width in pixels of `text` at integer `scale` (1 px gap between glyphs). */
  static textWidth(text: string, scale: number): number {
    return text.length === 0 ? 0 : (text.length * (GLYPH_W + 1) - 1) * scale;
  }

  /** Draws digits, latin letters (upper-cased) and a few signs; other characters are drawn as '#'. */
  text(x: number, y: number, text: string, scale: number, hex: Hex): void {
    let cx = x;
    for (const ch of text.toUpperCase()) {
      const g = FONT[ch] ?? FONT['#'];
      g.forEach((row, gy) => {
        for (let gx = 0; gx < GLYPH_W; gx++) {
          if (row[gx] === '#') this.fillRect(cx + gx * scale, y + gy * scale, cx + (gx + 1) * scale, y + (gy + 1) * scale, hex);
        }
      });
      cx += (GLYPH_W + 1) * scale;
    }
  }

  toBuffer(): Buffer {
    return PNG.sync.write(this.png);
  }
}

/** Whether the bitmap font draws every character of `text` (others become '#'). */
export function drawable(text: string): boolean {
  return [...text.toUpperCase()].every((ch) => ch in FONT);
}
