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
