/** The weighted median, and whether it sits exactly on a tie between two positions. */
export interface WeightedMedian {
  /** The lower weighted median: the first position (ascending) where the cumulative weight reaches half. */
  value: number;
  /**
   * When the cumulative weight equals exactly half at `value`, the next position up is an equally good
   * median; the interval [value, upper] holds every weighted median. Otherwise upper = value.
   */
  upper: number;
}

/**
 * The lower weighted median: sort the distinct positions, accumulate the weights, and return the first
 * position where the cumulative weight reaches at least half the total. Undefined when every weight is 0.
 */
export function weightedMedian(
  positions: readonly number[],
  weights: readonly number[],
): WeightedMedian | undefined {
  const byPosition = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < positions.length; i++) {
    byPosition.set(positions[i], (byPosition.get(positions[i]) ?? 0) + weights[i]);
    total += weights[i];
  }
  if (!(total > 0)) return undefined;
  const distinct = [...byPosition.keys()].sort((a, b) => a - b);
  const half = total / 2;
  let cumulative = 0;
  for (let k = 0; k < distinct.length; k++) {
    cumulative += byPosition.get(distinct[k]) ?? 0;
    if (cumulative >= half) {
      // Exactly half: the rest of the weight lies above, so the next position is also a median.
      const tie = Math.abs(cumulative - half) <= 1e-12 * total && k + 1 < distinct.length;
      return { value: distinct[k], upper: tie ? distinct[k + 1] : distinct[k] };
    }
  }
  const last = distinct[distinct.length - 1];
  return { value: last, upper: last };
}
