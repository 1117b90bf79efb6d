import { createRng } from '../random/rng.js';
import { mean } from './estimate.js';

export interface PermutationTest {
  pairs: number;
  /** Mean of the paired differences (first minus second). */
  meanDifference: number;
  /** Two-sided p-value; null without pairs. */
  pValue: number | null;
  /** Exact when all 2^pairs sign patterns were enumerated, otherwise the number of random patterns drawn. */
  exact: boolean;
  samples: number;
}

/**
 * Paired sign-flip permutation test of "the mean paired difference is 0": under the null each difference is
 * as likely to have either sign. p = share of sign patterns whose |mean| is at least the observed |mean|.
 * Exact enumeration up to 2^16 patterns; beyond that `samples` seeded random patterns, with the observed one
 * counted in: p = (1 + hits) / (1 + samples).
 */
export function pairedPermutationTest(
  differences: readonly number[],
  seed: number,
  samples = 9999,
): PermutationTest {
  const n = differences.length;
  const observed = mean(differences);
  if (n === 0) return { pairs: 0, meanDifference: Number.NaN, pValue: null, exact: true, samples: 0 };
  // Tolerance so that sign patterns giving the same |sum| up to rounding count as "at least as extreme".
  const threshold = Math.abs(observed * n) - 1e-9 * (1 + Math.abs(observed * n));
  if (n <= 16) {
    let hits = 0;
    const total = 2 ** n;
    for (let pattern = 0; pattern < total; pattern++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += pattern & (1 << k) ? -differences[k] : differences[k];
      if (Math.abs(s) >= threshold) hits++;
    }
    return { pairs: n, meanDifference: observed, pValue: hits / total, exact: true, samples: total };
  }
  const rng = createRng(seed);
  let hits = 0;
  for (let draw = 0; draw < samples; draw++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += rng.uint32() >>> 31 ? -differences[k] : differences[k];
    if (Math.abs(s) >= threshold) hits++;
  }
  return { pairs: n, meanDifference: observed, pValue: (1 + hits) / (1 + samples), exact: false, samples };
}
