import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dominanceGrid, gridStepFor, snapColumns } from '../../src/core/analysis/pareto/robust-dominance.js';
import { skyline } from '../../src/core/analysis/pareto/skyline.js';
import { paretoNaive } from './pareto-naive.js';

/** The next double above (+1) or below (−1) a positive value: one unit in the last place. */
function nudge(value: number, direction: 1 | -1): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  view.setBigUint64(0, view.getBigUint64(0) + BigInt(direction));
  return view.getFloat64(0);
}

describe('robust dominance', () => {
  it('grid step: 1e-10 for utilities up to 100, scaled with the magnitude', () => {
    expect(gridStepFor(100)).toBe(1e-10);
    expect(gridStepFor(57.2)).toBe(1e-10);
    expect(gridStepFor(1)).toBe(1e-12);
    expect(dominanceGrid([Float64Array.of(-250, 3)]).step).toBeCloseTo(1e-9, 20);
  });

  it('ties built to differ in the last bit are ties, and real differences still decide', () => {
    // Exact points on a decimal grid (utilities with 3 decimals in 0..100), each copied with its coordinates
    // nudged up or down by one ulp: the skyline on snapped columns equals the exact skyline of the integers,
    // copies included as ties.
    const point = fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 2, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((d) =>
          fc.tuple(
            fc.array(
              point.map((p) => p.slice(0, d).concat(Array(Math.max(0, d - p.length)).fill(1))),
              {
                minLength: 1,
                maxLength: 60,
              },
            ),
            fc.array(fc.constantFrom<1 | -1 | 0>(1, -1, 0), { minLength: 8, maxLength: 8 }),
          ),
        ),
        ([points, nudges]) => {
          const d = points[0].length;
          const rows: number[][] = [];
          const exact: number[][] = [];
          points.forEach((p, k) => {
            for (const copy of [0, 1]) {
              exact.push(p);
              rows.push(
                p.map((v, j) => {
                  const value = v / 1000;
                  const how = nudges[(k + j + copy) % nudges.length];
                  return how === 0 ? value : nudge(value, how);
                }),
              );
            }
          });
          const cols = Array.from({ length: d }, (_, j) => Float64Array.from(rows, (r) => r[j]));
          const got = Array.from(skyline(snapColumns(cols)));
          const expected = paretoNaive(
            exact,
            exact.map((_, i) => i),
          );
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a one-ulp advantage does not make a dominated point survive (the Energy case in miniature)', () => {
    const x = Float64Array.of(77.625, 77.75);
    const y = Float64Array.of(57.20000000000001, 57.2);
    expect(Array.from(skyline([x, y]))).toEqual([0, 1]);
    expect(Array.from(skyline(snapColumns([x, y])))).toEqual([1]);
  });
});
