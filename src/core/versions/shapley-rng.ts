import { mulberry32 } from '../random/mulberry32.js';

/**
 * The seeded generator behind sampled Shapley attribution (mulberry32: 32-bit state, period 2^32).
 * Named for attribution so that another generator can replace it without changing any other module.
 * Same seed, same sequence.
 */
export const shapleyRandom: (seed: number) => () => number = mulberry32;

/** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
export function randomPermutation(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, k) => k);
  for (let k = n - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [order[k], order[j]] = [order[j], order[k]];
  }
  return order;
}
