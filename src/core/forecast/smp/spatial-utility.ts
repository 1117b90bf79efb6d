/**
 * KTAB SMP's spatial utility. Positions and saliences are on 0..1. The salience-weighted distance from
 * actor i's ideal point to a position is sqrt(Σ_k (σ_ik (ideal_ik - p_k))² / Σ_k σ_ik²), in [0, 1].
 */
export function salienceWeightedDistance(
  ideal: readonly number[],
  position: readonly number[],
  saliences: readonly number[],
): number {
  let weighted = 0;
  let total = 0;
  for (let k = 0; k < ideal.length; k++) {
    const d = saliences[k] * (ideal[k] - position[k]);
    weighted += d * d;
    total += saliences[k] * saliences[k];
  }
  return total > 0 ? Math.sqrt(weighted / total) : 0;
}

/**
 * Utility of a distance under risk attitude R in [-1/2, 1] (R > 0 risk-averse, concave; R < 0
 * risk-seeking): (1 - δ)(1 + δR), and (1 - δ)(1 + R) past δ = 1, which round-off can reach.
 */
export function riskUtility(distance: number, risk: number): number {
  return distance <= 1 ? (1 - distance) * (1 + distance * risk) : (1 - distance) * (1 + risk);
}
