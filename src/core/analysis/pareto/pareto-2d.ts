import { sortIdsByColumn } from './sort-by-key.js';

/**
 * Two-dimensional skyline (maximise x and y) of the points `ids`, by sort and sweep in O(n log n)
 * (O(n) sort for large inputs: radix on the bit pattern).
 *
 * Points are visited by x descending, a group of equal x at a time. A point is dominated when a point with
 * strictly greater x has y >= its y, or when a point with the same x has a greater y. Points with equal
 * (x, y) share their fate: duplicates are all kept when they are not dominated.
 * Large inputs first go through `staircaseFilter`, so that only the points near the frontier are sorted.
 * Returns the frontier's ids in ascending order.
 */
export function pareto2d(x: Float64Array, y: Float64Array, ids: Int32Array): Int32Array {
  const n0 = ids.length;
  if (n0 <= 1) return Int32Array.from(ids);
  const order = n0 >= STAIRCASE_MIN ? staircaseFilter(x, y, ids) : Int32Array.from(ids);
  const n = order.length;
  sortIdsByColumn(order, x, true);
  const out = new Int32Array(n);
  let count = 0;
  /** Largest y among points with strictly greater x than the current group. */
  let best = Number.NEGATIVE_INFINITY;
  let i = 0;
  while (i < n) {
    const groupX = x[order[i]];
    let groupMax = y[order[i]];
    let j = i + 1;
    while (j < n && x[order[j]] === groupX) {
      const v = y[order[j]];
      if (v > groupMax) groupMax = v;
      j++;
    }
    if (groupMax > best) {
      for (let k = i; k < j; k++) if (y[order[k]] === groupMax) out[count++] = order[k];
      best = groupMax;
    }
    i = j;
  }
  return out.slice(0, count).sort();
}

/** From this many points on, pareto2d filters with the staircase before sorting. */
export const STAIRCASE_MIN = 2048;

/**
 * Exact O(n) pre-filter for two dimensions: removes points that are certainly dominated, keeping the input
 * order of the others. The x range is cut into equal buckets (about 32 points each on average); a point is
 * dominated when some point of a higher bucket has y >= its y, because a higher bucket means strictly
 * greater x (the bucket index is a non-decreasing function of x, rounding included). So each point is
 * compared with the largest y of all higher buckets.
 *
 * The pivot pre-filter (prefilter.ts) removes little when the parties' preferences are opposed (a nearly
 * zero-sum domain such as Energy keeps a third of its outcomes); this one removes all but the points within
 * one bucket's width of the frontier whatever the correlation. Points with a NaN or infinite x, or ranges
 * that overflow, leave the input unfiltered.
 */
export function staircaseFilter(x: Float64Array, y: Float64Array, ids: Int32Array): Int32Array {
  const n = ids.length;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = x[ids[i]];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (Number.isNaN(v)) return Int32Array.from(ids);
  }
  const range = hi - lo;
  if (!(range > 0 && range < Number.POSITIVE_INFINITY)) return Int32Array.from(ids);
  const buckets = Math.max(2, Math.min(1 << 14, n >> 5));
  const scale = buckets / range;
  if (!(scale > 0 && scale < Number.POSITIVE_INFINITY)) return Int32Array.from(ids);
  const last = buckets - 1;
  const bucketOf = new Int32Array(n);
  const top = new Float64Array(buckets).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    // x - lo >= 0, so truncation is the floor; both are non-decreasing in x.
    const b = Math.min(last, ((x[id] - lo) * scale) | 0);
    bucketOf[i] = b;
    const v = y[id];
    if (v > top[b]) top[b] = v;
  }
  // above[b]: largest y over buckets b+1..last (top is reused in place, shifted by one).
  let running = Number.NEGATIVE_INFINITY;
  for (let b = last; b >= 0; b--) {
    const here = top[b];
    top[b] = running;
    if (here > running) running = here;
  }
  let count = 0;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    // `!(y <= above)` also keeps a NaN y, which the caller's own checks report.
    if (!(y[id] <= top[bucketOf[i]])) out[count++] = id;
  }
  return out.slice(0, count);
}
