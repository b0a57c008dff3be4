import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { barHeight, chartLayout, rankingChart, TONES } from '../../server/bulletin/chart';
import { drawable, Raster } from '../../server/bulletin/raster';

const hexAt = (p: PNG, x: number, y: number) =>
  '#' + [...p.data.subarray((y * p.width + x) * 4, (y * p.width + x) * 4 + 3)].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();

function measured(p: PNG, x: number, bottom: number): number {
  let h = 0;
  for (let y = bottom - 1; y >= 0 && Object.values(TONES).includes(hexAt(p, x, y)); y--) h++;
  return h;
}

describe('ranking chart', () => {
  it('draws each bar to its value in its tone, clamping to 0…max', () => {
    const bars = [
      { label: '1', value: 100, tone: 'top' as const },
      { label: '2', value: 55.5, tone: 'middle' as const },
      { label: '3', value: 0, tone: 'bottom' as const },
      { label: '4', value: 140, tone: 'middle' as const },
      { label: '5', value: Number.NaN, tone: 'bottom' as const },
    ];
    const png = PNG.sync.read(rankingChart(bars, { width: 600, height: 300 }));
    const l = chartLayout(bars.length, 600, 300);
    const heights = bars.map((_, i) => measured(png, Math.floor((l.bars[i][0] + l.bars[i][1]) / 2), l.bottom));
    expect(heights).toEqual([barHeight(l, 100), barHeight(l, 55.5), 0, barHeight(l, 100), 0]);
    expect(heights[0]).toBe(l.bottom - l.top);
    expect(hexAt(png, Math.floor((l.bars[0][0] + l.bars[0][1]) / 2), l.bottom - 2)).toBe(TONES.top);
    expect(hexAt(png, Math.floor((l.bars[1][0] + l.bars[1][1]) / 2), l.bottom - 2)).toBe(TONES.middle);
  });

  it('writes the labels under the bars (ink below the axis) and the bitmap font covers digits and latin', () => {
    const png = PNG.sync.read(rankingChart([{ label: '13', value: 50, tone: 'middle' }], { width: 200, height: 200 }));
    const l = chartLayout(1, 200, 200);
    let ink = 0;
    for (let y = l.bottom + 2; y < l.height; y++) for (let x = l.bars[0][0] - 10; x < l.bars[0][1] + 10; x++) if (hexAt(png, x, y) !== '#FFFFFF') ink++;
    expect(ink).toBeGreaterThan(20);
    expect(drawable('Taocheng 12.5%')).toBe(true);
    expect(drawable('桃城区')).toBe(false);
    expect(Raster.textWidth('88.8', 2)).toBe((4 * 6 - 1) * 2);
  });
});
