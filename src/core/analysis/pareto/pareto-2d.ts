import { sortIdsByColumn } from './sort-by-key.js';

/**
 * Two-dimensional skyline (maximise x and y) of the points `ids`, by sort and sweep in O(n log n)
 * (O(n) sort for large inputs: radix on the bit pattern).
 *
 * Points are visited by x descending, a group of equal x at a time. A point is dominated when a point with
 * strictly greater x has y >= its y, or when a point with the same x has a greater y. Points with equal
 * (x, y) share their fate: duplicates are all kept when they are not dominated.
 * Returns the frontier's ids in ascending order.
 */
export function pareto2d(x: Float64Array, y: Float64Array, ids: Int32Array): Int32Array {
  const n = ids.length;
  if (n <= 1) return Int32Array.from(ids);
  const order = Int32Array.from(ids);
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
