/** A sample proportion with a 95% Wilson score interval. */
export interface Proportion {
  successes: number;
  trials: number;
  p: number;
  /**
   * Wilson score interval at 95% (z = 1.959964). Unlike the normal-approximation interval it stays inside
   * [0, 1] and keeps close to nominal coverage near 0 and 1, where acceptance probabilities often lie.
   */
  ci95: [number, number];
}

const Z95 = 1.959963984540054;

export function proportion(successes: number, trials: number): Proportion {
  if (trials <= 0) throw new RangeError('a proportion needs at least one trial');
  const p = successes / trials;
  const z2 = Z95 * Z95;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (Z95 / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { successes, trials, p, ci95: [Math.max(0, centre - half), Math.min(1, centre + half)] };
}

/** Mean, extremes and the 5%, 50% and 95% quantiles of a sample. */
export interface Summary {
  mean: number;
  min: number;
  q05: number;
  q50: number;
  q95: number;
  max: number;
}

/** The q-quantile of sorted values by linear interpolation between order statistics (Hyndman & Fan type 7). */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Summarises values in the order given (the mean is summed in that order, so equal inputs give equal bits). */
export function summarise(values: Float64Array): Summary {
  if (values.length === 0) throw new RangeError('cannot summarise an empty sample');
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += values[k];
  const sorted = Float64Array.from(values).sort();
  return {
    mean: sum / values.length,
    min: sorted[0],
    q05: quantileSorted(sorted, 0.05),
    q50: quantileSorted(sorted, 0.5),
    q95: quantileSorted(sorted, 0.95),
    max: sorted[sorted.length - 1],
  };
}
