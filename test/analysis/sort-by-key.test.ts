import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByKey, sortIdsByColumn } from '../../src/core/analysis/pareto/sort-by-key.js';

const value = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.1, 0.30000000000000004, 0.3, Number.MIN_VALUE, -Number.MIN_VALUE, 1e308),
  fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.integer({ min: -5, max: 5 }),
  fc.double({ noNaN: true }),
);

/** Reference: Array.prototype.sort is stable; -0 and +0 compare equal under `a - b`. */
function reference(keys: number[]): number[] {
  return keys
    .map((k, i) => ({ k, i }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((e) => e.i);
}

describe('sortByKey (merge sort below 2048 keys, radix sort above)', () => {
  for (const [label, maxLength] of [
    ['small inputs', 60],
    ['merge-sort range', 2000],
    ['radix range', 6000],
  ] as const) {
    it(`is a stable ascending sort on ${label}`, () => {
      fc.assert(
        fc.property(fc.array(value, { minLength: label === 'radix range' ? 2048 : 0, maxLength }), (keys) => {
          const ids = Int32Array.from(keys, (_, i) => i);
          const k = Float64Array.from(keys, (x) => x + 0);
          sortByKey(ids, k);
          expect(Array.from(ids)).toEqual(reference(keys));
          // keys travel with their ids
          for (let i = 0; i < ids.length; i++) expect(k[i]).toBe(keys[ids[i]] + 0);
        }),
        { numRuns: label === 'small inputs' ? 300 : 20 },
      );
    });
  }

  it('sorts ids by a column descending, keeping ties in input order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 3000 }), (values) => {
        const column = Float64Array.from(values);
        const ids = Int32Array.from(values, (_, i) => values.length - 1 - i);
        sortIdsByColumn(ids, column, true);
        const expected = Array.from(values, (_, i) => values.length - 1 - i).sort(
          (a, b) => column[b] - column[a],
        );
        expect(Array.from(ids)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});
