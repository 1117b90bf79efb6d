/**
 * Stokman's "compromise model": the mean of the positions weighted by capability × salience.
 * Returns undefined when every weight is zero (no actor cares, so there is nothing to average).
 */
export function weightedMean(positions: readonly number[], weights: readonly number[]): number | undefined {
  let total = 0;
  let sum = 0;
  for (let i = 0; i < positions.length; i++) {
    total += weights[i];
    sum += weights[i] * positions[i];
  }
  return total > 0 ? sum / total : undefined;
}
