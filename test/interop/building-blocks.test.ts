import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Box, maximiseBoxSum } from '../../src/adapters/interop/box-sum-maximum.js';
import { IdAllocator, sanitiseId } from '../../src/adapters/interop/ids.js';
import {
  chooseRealStep,
  gridValues,
  interpolateAt,
  piecewiseLinearOnGrid,
} from '../../src/adapters/interop/numeric-grid.js';
import { clampedLinear } from '../../src/adapters/interop/write-genius.js';
import { Id } from '../../src/schema/scenario.js';

describe('ids from foreign names', () => {
  it('are valid Parley ids, readable, and unique within a scope', () => {
    expect(sanitiseId('$100 Billion', 'x')).toBe('100-Billion');
    expect(sanitiseId('-10', 'x')).toBe('minus-10');
    expect(sanitiseId('NS=penalty+ProRail=warning', 'x')).toBe('NS-penalty-ProRail-warning');
    expect(sanitiseId('***', 'fallback')).toBe('fallback');
    const ids = new IdAllocator();
    expect([ids.take('A B', 'x'), ids.take('A-B', 'x'), ids.take('A  B', 'x')]).toEqual([
      'A-B',
      'A-B-2',
      'A-B-3',
    ]);
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 120 }), { maxLength: 20 }), (names) => {
        const allocator = new IdAllocator();
        const taken = names.map((n, k) => allocator.take(n, `item-${k + 1}`));
        for (const id of taken) expect(Id.safeParse(id).success).toBe(true);
        expect(new Set(taken).size).toBe(taken.length);
      }),
    );
  });
});

describe('numeric grids', () => {
  it('real ranges get a step that divides them, near the requested number of intervals', () => {
    expect(chooseRealStep(13000, 22666, 100)).toEqual({ min: 13000, max: 22666, step: 54 });
    expect(chooseRealStep(0, 1, 100)).toEqual({ min: 0, max: 1, step: 0.01 });
    fc.assert(
      fc.property(
        fc.integer({ min: -5000, max: 5000 }),
        fc.integer({ min: 1, max: 100000 }),
        fc.integer({ min: 0, max: 3 }),
        (a, span, d) => {
          const min = a / 10 ** d;
          const max = (a + span) / 10 ** d;
          const grid = chooseRealStep(min, max, 100);
          const values = gridValues(grid);
          expect(values[0]).toBe(min);
          expect(Math.abs(values[values.length - 1] - max)).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(max)),
          );
          expect(values.length).toBeLessThanOrEqual(10_001);
        },
      ),
    );
  });

  it('piecewise-linear points reproduce the sampled values exactly and merge straight runs', () => {
    expect(piecewiseLinearOnGrid([0, 1, 2, 3, 4], [0, 10, 20, 30, 30])).toEqual([
      [0, 0],
      [3, 30],
      [4, 30],
    ]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 40 }),
        (values) => {
          const xs = values.map((_, k) => 2 + 0.5 * k);
          const points = piecewiseLinearOnGrid(xs, values);
          expect(points.length).toBeGreaterThanOrEqual(2);
          xs.forEach((x, k) => {
            expect(Math.abs(interpolateAt(points, x) - values[k])).toBeLessThanOrEqual(1e-9);
          });
        },
      ),
    );
  });
});

describe('GENIUS integer evaluators', () => {
  it('recognises clamped-linear values and rejects others', () => {
    const xs = [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5];
    const u = xs.map((x) => Math.min(1, Math.max(0, 0.08 * (x + 5) + 0.3)));
    const fit = clampedLinear(xs, u);
    expect(fit).toBeDefined();
    const slope = fit?.slope ?? 0;
    const offset = fit?.offset ?? 0;
    xs.forEach((x, k) => {
      expect(Math.abs(Math.min(1, Math.max(0, slope * (x + 5) + offset)) - u[k])).toBeLessThan(1e-12);
    });
    expect(clampedLinear([0, 1, 2], [0, 1, 0])).toBeUndefined();
    expect(clampedLinear([0, 1, 2], [0.5, 0.5, 0.5])).toEqual({ slope: 0, offset: 0.5 });
  });
});

describe('largest sum of boxes', () => {
  const boxArb = (issues: number, size: number) =>
    fc.record({
      delta: fc.integer({ min: -20, max: 40 }),
      bounds: fc.uniqueArray(
        fc.record({
          issue: fc.integer({ min: 0, max: issues - 1 }),
          a: fc.integer({ min: 0, max: size - 1 }),
          b: fc.integer({ min: 0, max: size - 1 }),
        }),
        { selector: (x) => x.issue, maxLength: issues },
      ),
    });

  it('equals brute force, with and without negative terms', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 6 }),
        (issues, size, positiveOnly, n) => {
          const values = Array.from({ length: issues }, () => Array.from({ length: size }, (_, k) => k));
          const boxes: Box[] = fc
            .sample(boxArb(issues, size), { numRuns: n, seed: issues * 100 + size * 10 + n })
            .map((b) => ({
              delta: positiveOnly ? Math.abs(b.delta) + 1 : b.delta,
              bounds: b.bounds.map(({ issue, a, b: c }) => ({
                issue,
                lo: Math.min(a, c),
                hi: Math.max(a, c),
              })),
            }));
          let best = Number.NEGATIVE_INFINITY;
          const total = size ** issues;
          for (let code = 0; code < total; code++) {
            const point = values.map((_, i) => Math.floor(code / size ** i) % size);
            const sum = boxes.reduce(
              (s, box) =>
                s +
                (box.bounds.every((b) => point[b.issue] >= b.lo && point[b.issue] <= b.hi) ? box.delta : 0),
              0,
            );
            best = Math.max(best, sum);
          }
          const found = maximiseBoxSum(values, boxes);
          expect(found.exact).toBe(true);
          expect(found.max).toBe(best);
        },
      ),
      { numRuns: 300 },
    );
  });
});
