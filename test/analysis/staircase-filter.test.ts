import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pareto2d, STAIRCASE_MIN, staircaseFilter } from '../../src/core/analysis/pareto/pareto-2d.js';
import { skyline } from '../../src/core/analysis/pareto/skyline.js';
import { columnsOf, dominates, paretoNaive } from './pareto-naive.js';

/**
 * The staircase pre-filter only acts from STAIRCASE_MIN points on, above what the generic skyline property
 * tests draw; these tests feed it inputs of that size: opposed (nearly zero-sum) points like the Energy
 * domain's, heavily tied ones (including -0 and +0), infinite coordinates, and subsets of ids.
 */
type Shape = 'opposed' | 'tied' | 'correlated' | 'infinite';

function pointsOf(shape: Shape, n: number, seed: number): number[][] {
  let s = seed >>> 0;
  const random = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  return Array.from({ length: n }, () => {
    const a = random();
    if (shape === 'opposed') return [a, 1 - a + random() * 0.02];
    if (shape === 'tied') {
      const pool = [0, -0, 1, 2, 3, 0.1, 0.3, 0.30000000000000004];
      return [pool[Math.floor(a * pool.length)], pool[Math.floor(random() * pool.length)]];
    }
    if (shape === 'correlated') return [a, a + random() * 0.1];
    const pick = random();
    return [pick < 0.01 ? Number.POSITIVE_INFINITY : pick < 0.02 ? Number.NEGATIVE_INFINITY : a, random()];
  });
}

const shapes: Shape[] = ['opposed', 'tied', 'correlated', 'infinite'];

describe('staircase filter of the 2D skyline (inputs above its threshold)', () => {
  it('pareto2d and skyline equal the O(n²) definition', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...shapes),
        fc.integer({ min: STAIRCASE_MIN, max: STAIRCASE_MIN + 1500 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.boolean(),
        (shape, n, seed, subset) => {
          const rows = pointsOf(shape, n, seed);
          const cols = columnsOf(rows, 2);
          // A subset keeps every other id: still above the threshold when n is large enough.
          const ids = Int32Array.from(rows.flatMap((_, i) => (!subset || i % 3 !== 0 ? [i] : [])));
          const expected = paretoNaive(rows, ids);
          expect(Array.from(pareto2d(cols[0], cols[1], ids))).toEqual(expected);
          expect(Array.from(skyline(cols, ids))).toEqual(expected);
        },
      ),
      { numRuns: 16 },
    );
  });

  it('removes only dominated points, keeps the input order, and removes most points of an opposed set', () => {
    for (const shape of shapes) {
      const rows = pointsOf(shape, 20_000, 7);
      const cols = columnsOf(rows, 2);
      const ids = Int32Array.from(rows, (_, i) => 19_999 - i);
      const kept = staircaseFilter(cols[0], cols[1], ids);
      const keptSet = new Set(kept);
      for (let i = 1; i < kept.length; i++) expect(kept[i]).toBeLessThan(kept[i - 1]);
      const frontier = paretoNaive(rows);
      for (const p of frontier) expect(keptSet.has(p)).toBe(true);
      // Every removed point is dominated: checked against the frontier, which dominates every dominated point.
      for (let p = 0; p < rows.length; p++) {
        if (!keptSet.has(p)) expect(frontier.some((q) => dominates(rows[q], rows[p]))).toBe(true);
      }
      // The opposed points lie in a band 0.02 wide below the frontier, about 12 buckets of x: a point of a
      // bucket survives only in that bucket's slice of the band (the pivot pre-filter keeps 98 %).
      if (shape === 'opposed') expect(kept.length).toBeLessThan(rows.length / 5);
      if (shape === 'infinite') expect(kept.length).toBe(rows.length);
    }
  });
});
