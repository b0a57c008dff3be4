import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../../core/config';
import { reconcile } from '../../core/reconcile';

const cfg = DEFAULT_CONFIG; // 5%, 10 万元

describe('reconcile', () => {
  // Planted pairs (stats, ndrc) and the hand-computed threshold max(5% × larger, 10).
  const stats = new Map<string, number>([
    ['A-5pct-exact', 1000], // ndrc 950: |50| = 5% of 1000 → not flagged
    ['B-5pct-over', 1000], // ndrc 949.99: 50.01 > 50 → flagged
    ['C-abs-exact', 100], // ndrc 90: |10| = max(5, 10) → not flagged
    ['D-abs-over', 100], // ndrc 89.9: 10.1 > 10 → flagged
    ['E-equal', 321.5],
    ['F-zero-side', 0], // ndrc 10.01 → flagged (base 10.01, threshold 10)
    ['G-only-stats', 5],
    ['H-nan', Number.NaN],
  ]);
  const ndrc = new Map<string, number>([
    ['A-5pct-exact', 950], ['B-5pct-over', 949.99], ['C-abs-exact', 90], ['D-abs-over', 89.9], ['E-equal', 321.5],
    ['F-zero-side', 10.01], ['H-nan', 3], ['I-only-ndrc', 7], ['J-only-ndrc', 8],
  ]);
  const r = reconcile(stats, ndrc, cfg);

  it('flags just over the threshold and not exactly at it', () => {
    expect(r.differences.map((d) => d.projectCode)).toEqual(['B-5pct-over', 'D-abs-over', 'F-zero-side']);
  });

  it('reports both figures, the signed difference and its share of the larger figure', () => {
    expect(r.differences[0]).toEqual({ projectCode: 'B-5pct-over', stats: 1000, ndrc: 949.99, diff: 50.01, ratio: 0.05001, threshold: 50 });
    expect(r.differences[2]).toEqual({ projectCode: 'F-zero-side', stats: 0, ndrc: 10.01, diff: -10.01, ratio: 1, threshold: 10 });
  });

  it('lists projects present on one side only, and figures that cannot be compared', () => {
    expect(r.onlyInStats).toEqual(['G-only-stats']);
    expect(r.onlyInNdrc).toEqual(['I-only-ndrc', 'J-only-ndrc']);
    expect(r.invalid).toEqual(['H-nan']);
  });

  it('is symmetric: swapping the sources flags the same projects', () => {
    const swapped = reconcile(ndrc, stats, cfg);
    expect(swapped.differences.map((d) => d.projectCode)).toEqual(r.differences.map((d) => d.projectCode));
    expect(swapped.differences[0].diff).toBe(-50.01);
    expect(swapped.onlyInStats).toEqual(r.onlyInNdrc);
  });

  it('takes the thresholds from configuration', () => {
    const loose = resolveConfig({ thresholds: { reconcileRatio: 0.1, reconcileAbs: 20 } });
    expect(reconcile(stats, ndrc, loose).differences).toEqual([]);
    const tight = resolveConfig({ thresholds: { reconcileRatio: 0, reconcileAbs: 0 } });
    expect(reconcile(stats, ndrc, tight).differences.map((d) => d.projectCode).sort())
      .toEqual(['A-5pct-exact', 'B-5pct-over', 'C-abs-exact', 'D-abs-over', 'F-zero-side']);
  });
});
