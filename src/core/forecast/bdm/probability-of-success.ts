import type { BdmProbabilityRule } from '../../../schema/forecast.js';

/**
 * The probability that i prevails over j when i challenges j (decision D4). Every actor k, i and j included,
 * leans towards the nearer of the two with weight w_k = capability × salience and lean
 * δ_k = |x_k - x_j| - |x_k - x_i|.
 * - `net-clamped` (default): max(0, Σ w_k δ_k) / Σ w_k |δ_k|. Stable on the classic EU data.
 * - `positive-part`: Σ w_k max(δ_k, 0) / Σ w_k |δ_k|, so that P_ij + P_ji = 1 (the paper's formula as
 *   transcribed); it makes the EU case swing between the extremes.
 * P_ij = 0 when the two positions coincide or nobody leans either way.
 */
export function probabilityOfSuccess(
  rule: BdmProbabilityRule,
  i: number,
  j: number,
  positions: readonly number[],
  weights: readonly number[],
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
  if (absolute === 0) return 0;
  return rule === 'net-clamped' ? Math.max(0, net) / absolute : positive / absolute;
}
