import { studentTQuantile } from './student-t.js';

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

export function estimate(xs: readonly number[]): Estimate {
  const n = xs.length;
  const m = mean(xs);
  if (n < 2) return { n, mean: m, ci95: null };
  const half = (studentTQuantile(0.975, n - 1) * sampleSd(xs)) / Math.sqrt(n);
  return { n, mean: m, ci95: [m - half, m + half] };
}
