import type { BdmProbabilityRule } from '../../../schema/forecast.js';

/**
 * The probability that i prevails over j when i challenges j (decision D4). Every actor k, i and j included,
 * leans towards the nearer of the two with weight w_k = capability × salience and lean
 * δ_k = |x_k - x_j| - |x_k - x_i|.
 * - `net-clamped` (default): max(0, Σ w_k δ_k) / Σ w_k |δ_k|. Stable on the classic EU data.
 * - `positive-part`: Σ w_k max(δ_k, 0) / Σ w_k |δ_k|, so that P_ij + P_ji = 1 (the paper's formula as
 *   transcribed); it makes the EU case swing between the extremes.
 * - `all-triples`: Σ w_k max(δ_k, 0) over Σ_k Σ_a Σ_b w_k |δ_k(a, b)|, the leans summed over every pair of
 *   actors (one public replication's reading of the original code), with distances unexponentiated. The
 *   probabilities are small and sum to 1/2 over all ordered pairs. Pass the denominator from
 *   `allTriplesDenominator` (it is the same for every pair in a round).
 * P_ij = 0 when the two positions coincide or nobody leans either way.
 */
export function probabilityOfSuccess(
  rule: BdmProbabilityRule,
  i: number,
  j: number,
  positions: readonly number[],
  weights: readonly number[],
  allTriples?: number,
): number {
  if (positions[i] === positions[j]) return 0;
  let net = 0;
  let positive = 0;
  let absolute = 0;
  for (let k = 0; k < positions.length; k++) {
    const lean = weights[k] * (Math.abs(positions[k] - positions[j]) - Math.abs(positions[k] - positions[i]));
    net += lean;
    positive += Math.max(0, lean);
    absolute += Math.abs(lean);
  }
  if (rule === 'all-triples') {
    const denominator = allTriples ?? allTriplesDenominator(positions, weights);
    return denominator > 0 ? positive / denominator : 0;
  }
  if (absolute === 0) return 0;
  return rule === 'net-clamped' ? Math.max(0, net) / absolute : positive / absolute;
}

/** Σ_k Σ_a Σ_b w_k ||x_k - x_b| - |x_k - x_a||: every actor's lean over every ordered pair of actors. */
export function allTriplesDenominator(positions: readonly number[], weights: readonly number[]): number {
  let total = 0;
  for (let k = 0; k < positions.length; k++) {
    for (let a = 0; a < positions.length; a++) {
      for (let b = 0; b < positions.length; b++) {
        total +=
          weights[k] *
          Math.abs(Math.abs(positions[k] - positions[b]) - Math.abs(positions[k] - positions[a]));
      }
    }
  }
  return total;
}
