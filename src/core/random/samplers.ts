import type { Interval } from '../model/uncertain.js';
import type { Rng } from './rng.js';

/**
 * How an analyst's range {estimate, low, high} is read as a distribution.
 * - triangular (default): density rising linearly from low to a peak at the estimate and falling to high.
 *   It uses exactly the three numbers given, adds no shape parameter, keeps every draw inside [low, high] and
 *   has mean (low + estimate + high) / 3, so it is the least presumptuous reading of a three-point estimate.
 * - pert: the Beta-PERT distribution (shape 4), smoother and more concentrated near the estimate, mean
 *   (low + 4 estimate + high) / 6. It claims more confidence in the estimate than the analyst stated.
 * - uniform: every value in [low, high] equally likely; ignores the estimate.
 */
export type Distribution = 'triangular' | 'pert' | 'uniform';

export const DISTRIBUTIONS: readonly Distribution[] = ['triangular', 'pert', 'uniform'];

function checkOrder(low: number, mode: number, high: number): void {
  if (!(low <= mode && mode <= high)) {
    throw new RangeError(
      `a three-point estimate needs low <= estimate <= high, got ${low}, ${mode}, ${high}`,
    );
  }
}

export function uniform(rng: Rng, low: number, high: number): number {
  if (!(low <= high)) throw new RangeError(`uniform needs low <= high, got ${low}, ${high}`);
  if (low === high) return low;
  return low + rng.next() * (high - low);
}

/** Inverse-CDF draw: one uniform number per draw. */
export function triangular(rng: Rng, low: number, mode: number, high: number): number {
  checkOrder(low, mode, high);
  const span = high - low;
  if (span === 0) return low;
  const u = rng.next();
  const split = (mode - low) / span;
  if (u < split) return low + Math.sqrt(u * span * (mode - low));
  return high - Math.sqrt((1 - u) * span * (high - mode));
}

export function triangularCdf(x: number, low: number, mode: number, high: number): number {
  if (x <= low) return x < low || low < high ? 0 : 1;
  if (x >= high) return 1;
  if (x <= mode) return ((x - low) * (x - low)) / ((high - low) * (mode - low));
  return 1 - ((high - x) * (high - x)) / ((high - low) * (high - mode));
}

/** A standard normal draw (Box-Muller; the second variate is discarded so draws stay independent of call order). */
export function standardNormal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A Gamma(shape, 1) draw for shape >= 1 (Marsaglia & Tsang, 2000). */
export function gamma(rng: Rng, shape: number): number {
  if (!(shape >= 1)) throw new RangeError(`gamma needs shape >= 1, got ${shape}`);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(a, b) draw for a, b >= 1, as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function beta(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x / (x + y);
}

/** Beta-PERT with shape `lambda` (4 is the classical choice): low + (high - low) * Beta(alpha, beta). */
export function pert(rng: Rng, low: number, mode: number, high: number, lambda = 4): number {
  checkOrder(low, mode, high);
  const span = high - low;
  if (span === 0) return low;
  const alpha = 1 + (lambda * (mode - low)) / span;
  const betaShape = 1 + (lambda * (high - mode)) / span;
  return low + span * beta(rng, alpha, betaShape);
}

/** One draw from an estimate's range; a range of zero width returns the estimate and consumes no randomness. */
export function sampleInterval(
  rng: Rng,
  interval: Interval,
  distribution: Distribution = 'triangular',
): number {
  if (interval.low === interval.high) return interval.estimate;
  switch (distribution) {
    case 'triangular':
      return triangular(rng, interval.low, interval.estimate, interval.high);
    case 'pert':
      return pert(rng, interval.low, interval.estimate, interval.high);
    case 'uniform':
      return uniform(rng, interval.low, interval.high);
  }
}
