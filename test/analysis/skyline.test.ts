import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pareto2d } from '../../src/core/analysis/pareto/pareto-2d.js';
import {
  pareto3d,
  paretoDivideConquer,
  weaklyDominatedQueries,
} from '../../src/core/analysis/pareto/pareto-kd.js';
import { prefilterDominated } from '../../src/core/analysis/pareto/prefilter.js';
import { skyline, skylineWithMargin } from '../../src/core/analysis/pareto/skyline.js';
import { columnsOf, paretoNaive } from './pareto-naive.js';

/** Coordinates from a small pool (many ties and duplicate vectors) or arbitrary doubles (mostly distinct). */
const coordinate = (tied: boolean) =>
  tied
    ? fc.constantFrom(0, -0, 1, 2, 3, 0.1, 0.30000000000000004, 0.3, -1)
    : fc.double({ min: -1e6, max: 1e6, noNaN: true });

const pointSet = (d: number, maxLength: number, tied: boolean) =>
  fc.array(fc.array(coordinate(tied), { minLength: d, maxLength: d }), { maxLength });

/** A point set and a random subset of its ids to take the skyline of. */
const pointsAndSubset = (d: number, maxLength: number, tied: boolean) =>
  pointSet(d, maxLength, tied).chain((rows) =>
    fc
      .subarray(
        rows.map((_, i) => i),
        { minLength: 0 },
      )
      .map((subset) => ({ rows, subset })),
  );

type Algorithm = (cols: Float64Array[], ids: Int32Array) => Int32Array;

const algorithms: Array<{ name: string; dims: number[]; run: Algorithm }> = [
  { name: 'pareto2d', dims: [2], run: (c, ids) => pareto2d(c[0], c[1], ids) },
  { name: 'pareto3d', dims: [3], run: pareto3d },
  { name: 'paretoDivideConquer', dims: [1, 2, 3, 4, 5, 6], run: paretoDivideConquer },
  { name: 'skyline (auto, prefiltered)', dims: [1, 2, 3, 4, 5, 6], run: (c, ids) => skyline(c, ids) },
  {
    name: 'skyline without prefilter',
    dims: [2, 3, 4, 5, 6],
    run: (c, ids) => skyline(c, ids, { prefilter: false }),
  },
  {
    name: 'prefilter then naive',
    dims: [2, 3, 4, 5, 6],
    run: (c, ids) => {
      const rows = Array.from({ length: c[0].length }, (_, i) => c.map((col) => col[i]));
      return Int32Array.from(paretoNaive(rows, prefilterDominated(c, ids)));
    },
  },
];

describe('skyline algorithms equal the O(n²) definition', () => {
  for (const algorithm of algorithms) {
    for (const d of algorithm.dims) {
      for (const tied of [true, false]) {
        it(`${algorithm.name}, ${d} dimension${d > 1 ? 's' : ''}, ${tied ? 'ties and duplicates' : 'random doubles'}`, () => {
          fc.assert(
            fc.property(pointsAndSubset(d, 120, tied), ({ rows, subset }) => {
              const cols = columnsOf(rows, d);
              const ids = Int32Array.from(subset);
              expect(Array.from(algorithm.run(cols, ids))).toEqual(paretoNaive(rows, subset));
            }),
            { numRuns: 150 },
          );
        });
      }
    }
  }

  it('larger inputs: radix sorts and deep recursion (up to 3000 points, 2..5 dimensions)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 2100, max: 3000 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.boolean(),
        (d, n, seed, tied) => {
          let s = seed;
          const random = () => {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0;
            return s / 2 ** 32;
          };
          // anti-correlated points (large skylines) or tied ones
          const rows = Array.from({ length: n }, () => {
            const raw = Array.from({ length: d }, () => (tied ? Math.floor(random() * 6) : random()));
            if (tied) return raw;
            const sum = raw.reduce((a, b) => a + b, 0);
            return raw.map((x) => x / sum + random() * 0.05);
          });
          const cols = columnsOf(rows, d);
          const all = Int32Array.from(rows, (_, i) => i);
          const expected = paretoNaive(rows);
          expect(Array.from(skyline(cols))).toEqual(expected);
          expect(Array.from(paretoDivideConquer(cols, all))).toEqual(expected);
          if (d === 2) expect(Array.from(pareto2d(cols[0], cols[1], all))).toEqual(expected);
          if (d === 3) expect(Array.from(pareto3d(cols, all))).toEqual(expected);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('keeps every copy of a duplicated frontier vector and reports none of a dominated one', () => {
    const rows = [
      [1, 2],
      [1, 2],
      [2, 1],
      [0, 0],
      [0, 0],
      [2, 1],
    ];
    expect(Array.from(skyline(columnsOf(rows, 2)))).toEqual([0, 1, 2, 5]);
  });

  it('refuses NaN with a clear error', () => {
    expect(() => skyline([Float64Array.of(1, Number.NaN), Float64Array.of(0, 0)])).toThrow(/point 1 is NaN/);
  });
});

describe('weak-dominance queries and the margin skyline', () => {
  it('weaklyDominatedQueries: some A point >= the query in every coordinate (heavy ties)', () => {
    for (const pool of [
      [0, 1, 2, 3],
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    ]) {
      const set = (d: number) =>
        fc.array(fc.array(fc.constantFrom(...pool), { minLength: d, maxLength: d }), {
          minLength: 20,
          maxLength: 150,
        });
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 5 }).chain((d) => fc.tuple(fc.constant(d), set(d), set(d))),
          ([d, A, Q]) => {
            const local = columnsOf([...A, ...Q], d);
            const flags = weaklyDominatedQueries(local, A.length, Q.length);
            const expected = Q.map((q) => (A.some((a) => a.every((v, k) => v >= q[k])) ? 1 : 0));
            expect(Array.from(flags)).toEqual(expected);
          },
        ),
        { numRuns: 150 },
      );
    }
  });

  it('divide and conquer on larger tied sets (4..6 dimensions, coordinates 0..3)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 6 }).chain((d) =>
          fc.tuple(
            fc.constant(d),
            fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: d, maxLength: d }), {
              minLength: 100,
              maxLength: 500,
            }),
          ),
        ),
        ([d, rows]) => {
          const cols = columnsOf(rows, d);
          const all = Int32Array.from(rows, (_, i) => i);
          expect(Array.from(paretoDivideConquer(cols, all))).toEqual(paretoNaive(rows));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('skylineWithMargin removes exactly the points dominated by more than the margin somewhere', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((d) =>
            fc.tuple(
              fc.constant(d),
              pointSet(d, 80, true),
              fc.array(fc.constantFrom(0.05, 0.2, 1, 1e-300), { minLength: d, maxLength: d }),
            ),
          ),
        ([d, rows, margin]) => {
          const cols = columnsOf(rows, d);
          const ids = Int32Array.from(rows, (_, i) => i);
          const expected = ids.filter(
            (p) =>
              !rows.some(
                (q) =>
                  q.every((v, k) => v >= rows[p][k]) &&
                  q.some((v, k) => v >= Math.max(rows[p][k] + margin[k], nextAbove(rows[p][k]))),
              ),
          );
          expect(Array.from(skylineWithMargin(cols, ids, margin))).toEqual(Array.from(expected));
          // It always contains the exact skyline.
          const exact = paretoNaive(rows);
          const kept = new Set(skylineWithMargin(cols, ids, margin));
          for (const p of exact) expect(kept.has(p)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

function nextAbove(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  if (x === 0) return Number.MIN_VALUE;
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, x > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}
