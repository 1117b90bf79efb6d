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

/**
 * Rearranges a[lo..hi] so that a[k] holds the value that sorting would put there, with nothing larger before
 * it and nothing smaller after it (Hoare quickselect, median-of-three pivot).
 */
export function selectInPlace(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const x = a[lo];
    const y = a[(lo + hi) >>> 1];
    const z = a[hi];
    // The median of the three, as pivot.
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * Summarises values in the order given (the mean is summed in that order, so equal inputs give equal bits).
 * Quantiles are exact order statistics, found by selection rather than a full sort.
 */
export function summarise(values: Float64Array): Summary {
  const n = values.length;
  if (n === 0) throw new RangeError('cannot summarise an empty sample');
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const v = values[k];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const a = Float64Array.from(values);
  const rank = (q: number) => Math.floor((n - 1) * q);
  const [k05, k50, k95] = [rank(0.05), rank(0.5), rank(0.95)];
  selectInPlace(a, k50, 0, n - 1);
  selectInPlace(a, k05, 0, k50);
  selectInPlace(a, k95, k50, n - 1);
  // Type 7 interpolates towards the next order statistic: the smallest value after position k.
  const quantile = (q: number, k: number) => {
    const fraction = (n - 1) * q - k;
    if (fraction === 0 || k + 1 >= n) return a[k];
    let next = Number.POSITIVE_INFINITY;
    for (let t = k + 1; t < n; t++) if (a[t] < next) next = a[t];
    return a[k] + fraction * (next - a[k]);
  };
  return {
    mean: sum / n,
    min,
    q05: quantile(0.05, k05),
    q50: quantile(0.5, k50),
    q95: quantile(0.95, k95),
    max,
  };
}
