import type { Rng } from './rng.js';

/** A uniformly random permutation of 0..n-1 (Fisher–Yates, with unbiased integer draws). */
export function randomPermutation(n: number, rng: Rng): number[] {
  const order = Array.from({ length: n }, (_, k) => k);
  for (let k = n - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    [order[k], order[j]] = [order[j], order[k]];
  }
  return order;
}
