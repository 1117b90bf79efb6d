/**
 * The bargaining criteria as exact functions of a gain vector (g_p = u_p − d_p per bargaining party).
 * Each concept is a sequence of stages, maximised lexicographically: a stage keeps the candidates within the
 * tie tolerance of its best value, and the next stage chooses among them.
 */

export type Concept = 'nash' | 'asymmetric-nash' | 'kalai-smorodinsky' | 'egalitarian' | 'utilitarian';

/** Σ_{p in active} weight_p · log g_p, or −Infinity when an active party gains nothing. */
export function nashValue(gains: ArrayLike<number>, active: number[], weights: ArrayLike<number>): number {
  let sum = 0;
  for (const q of active) {
    if (!(gains[q] > 0)) return Number.NEGATIVE_INFINITY;
    sum += weights[q] * Math.log(gains[q]);
  }
  return sum;
}

/** Sum of the k smallest of y_q = gains[q] / scale[q] over the given parties (k = 1: the minimum). */
export function sumOfSmallest(
  gains: ArrayLike<number>,
  parties: number[],
  scale: ArrayLike<number>,
  k: number,
): number {
  const y = parties.map((q) => gains[q] / scale[q]).sort((a, b) => a - b);
  let sum = 0;
  for (let j = 0; j < k; j++) sum += y[j];
  return sum;
}

export function total(values: ArrayLike<number>): number {
  let sum = 0;
  for (let q = 0; q < values.length; q++) sum += values[q];
  return sum;
}

/** Ties within 1e-9 relative to the value's size (and absolute below 1). */
export const tieTolerance = (best: number) => 1e-9 * Math.max(1, Math.abs(best));

/** One lexicographic stage: an exact value of a gain vector, with a description for reports. */
export interface Stage {
  label: string;
  value(gains: ArrayLike<number>): number;
}

/** Leximin stages on y = g / scale over `parties`: S_1 (the minimum), S_2, ... (sums of the k smallest). */
export function leximinStages(parties: number[], scale: ArrayLike<number>, leximin: boolean): Stage[] {
  const count = leximin ? parties.length : Math.min(1, parties.length);
  return Array.from({ length: count }, (_, j) => ({
    label: j === 0 ? 'minimum' : `sum of the ${j + 1} smallest`,
    value: (gains: ArrayLike<number>) => sumOfSmallest(gains, parties, scale, j + 1),
  }));
}
