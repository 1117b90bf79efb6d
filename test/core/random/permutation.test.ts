import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomPermutation } from '../../../src/core/random/permutation.js';
import { createRng } from '../../../src/core/random/rng.js';

describe('randomPermutation', () => {
  it('is a permutation of 0..n-1, the same for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer(), (n, seed) => {
        const p = randomPermutation(n, createRng(seed));
        expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, k) => k));
        expect(randomPermutation(n, createRng(seed))).toEqual(p);
      }),
    );
  });

  it('draws each of the 6 orders of 3 items about equally often (chi-square, 5 degrees of freedom)', () => {
    const rng = createRng('permutation-uniformity');
    const draws = 60_000;
    const counts = new Map<string, number>();
    for (let k = 0; k < draws; k++) {
      const key = randomPermutation(3, rng).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const expected = draws / 6;
    const chiSquare = [...counts.values()].reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    // 20.5 is the 0.999 quantile of chi-square with 5 degrees of freedom.
    expect(chiSquare).toBeLessThan(20.5);
  });
});
