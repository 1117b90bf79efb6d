import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proportion, quantileSorted, selectInPlace, summarise } from '../../../src/core/statistics/index.js';

describe('Wilson score intervals', () => {
  // Reference values from scipy.stats.binomtest(k, n).proportion_ci(method='wilson').
  it.each([
    [0, 10, 0, 0.27753279986288926],
    [5, 10, 0.236593090512564, 0.7634069094874361],
    [37, 50, 0.6044684273515115, 0.8412847250644762],
  ])('%d of %d', (k, n, low, high) => {
    const p = proportion(k, n);
    expect(p.p).toBe(k / n);
    expect(p.ci95[0]).toBeCloseTo(low, 12);
    expect(p.ci95[1]).toBeCloseTo(high, 12);
  });

  it('refuses zero trials', () => {
    expect(() => proportion(0, 0)).toThrow(/at least one trial/);
  });
});

describe('summaries', () => {
  it('use type-7 quantiles (as R and numpy do by default)', () => {
    const sorted = Float64Array.of(1, 2, 3, 4, 5);
    expect(quantileSorted(sorted, 0.05)).toBeCloseTo(1.2, 12);
    expect(quantileSorted(sorted, 0.95)).toBeCloseTo(4.8, 12);
    const s = summarise(Float64Array.of(5, 1, 4, 2, 3));
    expect(s).toEqual({
      mean: 3,
      min: 1,
      q05: expect.closeTo(1.2, 12),
      q50: 3,
      q95: expect.closeTo(4.8, 12),
      max: 5,
    });
    expect(summarise(Float64Array.of(7))).toEqual({ mean: 7, min: 7, q05: 7, q50: 7, q95: 7, max: 7 });
  });

  it('by selection equal the sorted order statistics, with ties and any length', () => {
    const values = fc
      .array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 })), {
        minLength: 1,
        maxLength: 300,
      })
      .map((xs) => xs.map((x) => x + 0)); // -0 and 0 are the same number here; sort() would order them
    fc.assert(
      fc.property(values, fc.nat(), (xs, pick) => {
        const input = Float64Array.from(xs);
        const sorted = Float64Array.from(xs).sort();
        const s = summarise(input);
        expect(s.min).toBe(sorted[0]);
        expect(s.max).toBe(sorted[sorted.length - 1]);
        expect(s.q05).toBe(quantileSorted(sorted, 0.05));
        expect(s.q50).toBe(quantileSorted(sorted, 0.5));
        expect(s.q95).toBe(quantileSorted(sorted, 0.95));
        expect(Array.from(input)).toEqual(xs); // the input is left as it was
        const a = Float64Array.from(xs);
        const k = pick % a.length;
        selectInPlace(a, k, 0, a.length - 1);
        expect(a[k]).toBe(sorted[k]);
        for (let t = 0; t < a.length; t++) {
          if (t < k) expect(a[t]).toBeLessThanOrEqual(a[k]);
          if (t > k) expect(a[t]).toBeGreaterThanOrEqual(a[k]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
