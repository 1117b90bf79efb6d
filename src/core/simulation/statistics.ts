import { createRng } from '../random/rng.js';

/** Small, dependency-free statistics for tournament scores. */

export interface Estimate {
  n: number;
  mean: number;
  /** 95% confidence interval of the mean (Student t, n - 1 degrees of freedom); null when n < 2. */
  ci95: [number, number] | null;
}

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : Number.NaN;
}

export function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) return Number.NaN;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) ** 2;
  return Math.sqrt(s / (xs.length - 1));
}

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, 9 terms; relative error below 1e-13). */
export function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let k = 1; k < 9; k++) a += c[k] / (z + k);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(a, b, x)) / a
    : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T <= t) for Student's t with df degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The p-quantile of Student's t (bisection on the CDF to 1e-12). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`quantile needs 0 < p < 1, got ${p}`);
  let lo = -1e3;
  let hi = 1e3;
  while (studentTCdf(lo, df) > p) lo *= 2;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let k = 0; k < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(lo)); k++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function estimate(xs: readonly number[]): Estimate {
  const n = xs.length;
  const m = mean(xs);
  if (n < 2) return { n, mean: m, ci95: null };
  const half = (studentTQuantile(0.975, n - 1) * sampleSd(xs)) / Math.sqrt(n);
  return { n, mean: m, ci95: [m - half, m + half] };
}

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
