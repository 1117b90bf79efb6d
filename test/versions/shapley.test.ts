import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random/rng.js';
import {
  AttributionError,
  type CoalitionValue,
  exactShapley,
  sampledShapley,
  shapley,
} from '../../src/core/versions/shapley.js';

/** A game given by a table over coalition masks, one value per party. */
const tableGame =
  (table: number[][]): CoalitionValue =>
  (members) =>
    table[members.reduce((mask, m, k) => (m ? mask | (1 << k) : mask), 0)];

const permutations = (n: number): number[][] =>
  n === 0
    ? [[]]
    : permutations(n - 1).flatMap((p) =>
        Array.from({ length: n }, (_, k) => [...p.slice(0, k), n - 1, ...p.slice(k)]),
      );

/** The textbook definition: the average marginal contribution over all n! orders. */
function bruteForce(n: number, table: number[][]): number[][] {
  const parties = table[0].length;
  const sums = Array.from({ length: n }, () => new Array<number>(parties).fill(0));
  const orders = permutations(n);
  for (const order of orders) {
    let mask = 0;
    for (const i of order) {
      const next = mask | (1 << i);
      for (let p = 0; p < parties; p++) sums[i][p] += table[next][p] - table[mask][p];
      mask = next;
    }
  }
  return sums.map((row) => row.map((x) => x / orders.length));
}

const gameArb = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }))
  .chain(([n, parties]) =>
    fc
      .array(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: parties, maxLength: parties }),
        {
          minLength: 2 ** n,
          maxLength: 2 ** n,
        },
      )
      .map((table) => ({ n, table })),
  );

describe('Shapley values', () => {
  it('exact mode equals the average over all orders (brute force)', () => {
    fc.assert(
      fc.property(gameArb, ({ n, table }) => {
        const result = exactShapley(n, tableGame(table));
        const expected = bruteForce(n, table);
        result.values.forEach((row, i) => {
          row.forEach((x, p) => {
            expect(x).toBeCloseTo(expected[i][p], 9);
          });
        });
        expect(result.evaluations).toBe(2 ** n);
      }),
      { numRuns: 200 },
    );
  });

  it('gives each change its own effect and splits an interaction equally', () => {
    // v(S) = 3·[0∈S] + 5·[1∈S] + 10·[0∈S and 1∈S] − 2·[2∈S]
    const value: CoalitionValue = (m) => [3 * +m[0] + 5 * +m[1] + 10 * +(m[0] && m[1]) - 2 * +m[2]];
    const r = exactShapley(3, value);
    expect(r.values.map((row) => row[0])).toEqual([8, 10, -2]);
  });

  it('sampled mode is deterministic per seed, keeps the total exactly and reports standard errors', () => {
    fc.assert(
      fc.property(gameArb, fc.integer(), ({ n, table }, seed) => {
        const a = sampledShapley(n, tableGame(table), 50, seed);
        const b = sampledShapley(n, tableGame(table), 50, seed);
        expect(b).toEqual(a);
        for (let p = 0; p < table[0].length; p++) {
          const sum = a.values.reduce((s, row) => s + row[p], 0);
          expect(sum).toBeCloseTo(table[2 ** n - 1][p] - table[0][p], 9);
        }
        expect(a.standardErrors!.flat().every((e) => e >= 0)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('sampled mode lands within a few standard errors of the exact values', () => {
    const n = 6;
    const rng = createRng(7);
    const table = Array.from({ length: 2 ** n }, () => [rng.next() * 100]);
    const exact = exactShapley(n, tableGame(table));
    const sampled = sampledShapley(n, tableGame(table), 4000, 11);
    exact.values.forEach((row, i) => {
      const se = sampled.standardErrors![i][0];
      expect(se).toBeGreaterThan(0);
      expect(Math.abs(sampled.values[i][0] - row[0])).toBeLessThan(5 * se);
    });
  });

  it('auto switches to sampling above 12 changes; exact refuses more than 20', () => {
    const additive: CoalitionValue = (m) => [m.reduce((s, x, k) => s + (x ? k + 1 : 0), 0)];
    const small = shapley(12, additive);
    expect(small.method).toBe('exact');
    const large = shapley(14, additive, { samples: 10, seed: 3 });
    expect(large.method).toBe('sampled');
    // In an additive game every order gives each change its own part, so sampling is exact with zero error.
    large.values.forEach((row, k) => {
      expect(row[0]).toBeCloseTo(k + 1, 12);
    });
    expect(large.standardErrors!.flat().every((e) => e < 1e-9)).toBe(true);
    expect(() => shapley(21, additive, { method: 'exact' })).toThrow(AttributionError);
    expect(() => shapley(21, additive, { method: 'exact' })).toThrow(
      /2\^21 coalitions; use method 'sampled'/,
    );
    expect(() => shapley(3, additive, { method: 'sampled', samples: 1 })).toThrow(/at least 2/);
  });
});
