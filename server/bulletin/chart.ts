// The county ranking as a bar chart (PNG), drawn server-side with pngjs. No CJK font is available
// offline, so bars are labelled with their row number in the ranking table (the sheet shows the
// legend next to the image) and the composite score above each bar.
import { Raster } from './raster';

export type BarTone = 'top' | 'middle' | 'bottom';

export interface Bar {
  /** Label under the bar: digits and latin letters only (the bitmap font's range). */
  label: string;
  value: number;
  tone: BarTone;
}

export const TONES: Record<BarTone, string> = { top: '#2E7D32', middle: '#1F5FAD', bottom: '#C62828' };
const AXIS = '#444444';
const GRID = '#D9D9D9';
const TEXT = '#222222';

export interface ChartLayout {
  width: number;
  height: number;
  /** Plot area: value 0 at y = bottom, value `max` at y = top. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  max: number;
  /** Left and right edge of each bar. */
  bars: [number, number][];
}

/** Where everything goes; exported so tests can measure the drawing against the values. */
export function chartLayout(n: number, width = 960, height = 420, max = 100): ChartLayout {
  const left = 56;
  const right = width - 16;
  const top = 36;
  const bottom = height - 40;
  const slot = (right - left) / Math.max(1, n);
  const barW = Math.max(4, Math.round(slot * 0.6));
  const bars: [number, number][] = Array.from({ length: n }, (_, i) => {
    const x0 = Math.round(left + slot * i + (slot - barW) / 2);
    return [x0, x0 + barW];
  });
  return { width, height, left, right, top, bottom, max, bars };
}

/** Bar height in pixels for a value (clamped to 0…max). */
export function barHeight(l: ChartLayout, value: number): number {
  const v = Math.min(Math.max(Number.isFinite(value) ? value : 0, 0), l.max);
  return Math.round(((l.bottom - l.top) * v) / l.max);
}

export function rankingChart(bars: Bar[], opts: { width?: number; height?: number; max?: number } = {}): Buffer {
  const l = chartLayout(bars.length, opts.width, opts.height, opts.max);
  const r = new Raster(l.width, l.height, '#FFFFFF');
  const scale = 2;
  const lineH = 7 * scale;

  // Grid and y-axis labels every fifth of the range.
  for (let k = 0; k <= 5; k++) {
    const value = (l.max * k) / 5;
    const y = l.bottom - barHeight(l, value);
    r.fillRect(l.left, y, l.right, y + 1, k === 0 ? AXIS : GRID);
    const label = String(Math.round(value));
    r.text(l.left - 8 - Raster.textWidth(label, scale), y - lineH / 2, label, scale, TEXT);
  }
  r.fillRect(l.left, l.top, l.left + 1, l.bottom + 1, AXIS);

  bars.forEach((b, i) => {
    const [x0, x1] = l.bars[i];
    const h = barHeight(l, b.value);
    r.fillRect(x0, l.bottom - h, x1, l.bottom, TONES[b.tone]);
    const mid = (x0 + x1) / 2;
    const value = Number.isFinite(b.value) ? b.value.toFixed(1) : '-';
    const vScale = Raster.textWidth(value, scale) <= x1 - x0 + 12 ? scale : 1;
    r.text(Math.round(mid - Raster.textWidth(value, vScale) / 2), l.bottom - h - 7 * vScale - 4, value, vScale, TEXT);
    r.text(Math.round(mid - Raster.textWidth(b.label, scale) / 2), l.bottom + 10, b.label, scale, TEXT);
  });
  return r.toBuffer();
}
