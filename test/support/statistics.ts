/**
 * Goodness-of-fit statistics for tests of random draws. Critical values are for a false-alarm rate of 0.001:
 * the draws use fixed seeds, so a test either always passes or always fails, and 0.001 keeps the chance that a
 * correct sampler is rejected for an unlucky seed negligible while a wrong distribution (a shifted mode, a
 * biased bucket) still fails by a wide margin at the sample sizes used.
 */

/** Kolmogorov-Smirnov statistic D = sup |F_n(x) - F(x)| of a sample against a continuous CDF. */
export function ksStatistic(sample: ArrayLike<number>, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(sample).sort();
  const n = sorted.length;
  let d = 0;
  for (let k = 0; k < n; k++) {
    const f = cdf(sorted[k]);
    d = Math.max(d, (k + 1) / n - f, f - k / n);
  }
  return d;
}

/** Asymptotic KS critical value at level 0.001: sqrt(-ln(0.0005) / 2) / sqrt(n) = 1.9495 / sqrt(n). */
export function ksCritical001(n: number): number {
  return Math.sqrt(-Math.log(0.0005) / 2) / Math.sqrt(n);
}

/** Pearson chi-square statistic of observed counts against equal expected counts. */
export function chiSquareUniform(counts: ArrayLike<number>): number {
  let total = 0;
  for (let k = 0; k < counts.length; k++) total += counts[k];
  const expected = total / counts.length;
  let chi = 0;
  for (let k = 0; k < counts.length; k++) chi += (counts[k] - expected) ** 2 / expected;
  return chi;
}

/**
 * Chi-square critical value at level 0.001 for `dof` degrees of freedom, by the Wilson-Hilferty cube-root
 * approximation (relative error below 1% for dof >= 5, far below the margins the tests rely on).
 */
export function chiSquareCritical001(dof: number): number {
  const z = 3.090232306167813;
  const h = 2 / (9 * dof);
  return dof * (1 - h + z * Math.sqrt(h)) ** 3;
}

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < xs.length; k++) s += xs[k];
  return s / xs.length;
}

export function variance(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let s = 0;
  for (let k = 0; k < xs.length; k++) s += (xs[k] - m) ** 2;
  return s / (xs.length - 1);
}

export function correlation(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let k = 0; k < xs.length; k++) {
    sxy += (xs[k] - mx) * (ys[k] - my);
    sxx += (xs[k] - mx) ** 2;
    syy += (ys[k] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
