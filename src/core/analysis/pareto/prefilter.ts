/**
 * Cheap exact pre-filter for skylines: picks a few strong points (the maxima of the coordinate sum, of the
 * product of coordinates above their minimum, and of the sum with each coordinate weighted three times) and
 * removes every point one of them dominates. It only ever removes dominated points, so the skyline of the
 * survivors equals the skyline of the input; it costs O(n·d) and usually removes most points, which spares
 * the exact algorithm most of its sorting.
 */
export function prefilterDominated(cols: Float64Array[], ids: Int32Array): Int32Array {
  const d = cols.length;
  const n = ids.length;
  if (n < 2 || d < 2) return ids;
  const pivots = choosePivots(cols, ids);
  const pd = pivots.length;
  const pivotCoords = new Float64Array(pd * d);
  for (let q = 0; q < pd; q++) for (let k = 0; k < d; k++) pivotCoords[q * d + k] = cols[k][pivots[q]];
  const out = new Int32Array(n);
  let count = 0;
  const point = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    for (let k = 0; k < d; k++) point[k] = cols[k][id];
    let dominated = false;
    for (let q = 0; q < pd && !dominated; q++) {
      const base = q * d;
      let atLeast = true;
      let greater = false;
      for (let k = 0; k < d; k++) {
        const v = pivotCoords[base + k];
        if (v < point[k]) {
          atLeast = false;
          break;
        }
        if (v > point[k]) greater = true;
      }
      dominated = atLeast && greater;
    }
    if (!dominated) out[count++] = id;
  }
  return count === n ? ids : out.slice(0, count);
}

/** A few ids of strong points of the set (they lie on its skyline when the maxima are unique). */
export function choosePivots(cols: Float64Array[], ids: Int32Array): number[] {
  const d = cols.length;
  const n = ids.length;
  const min = new Float64Array(d).fill(Number.POSITIVE_INFINITY);
  for (let k = 0; k < d; k++) {
    const col = cols[k];
    let m = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) if (col[ids[i]] < m) m = col[ids[i]];
    min[k] = m;
  }
  const best = new Float64Array(d + 2).fill(Number.NEGATIVE_INFINITY);
  const arg = new Int32Array(d + 2).fill(ids[0]);
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    let sum = 0;
    let volume = 1;
    for (let k = 0; k < d; k++) {
      const v = cols[k][id];
      sum += v;
      volume *= v - min[k];
    }
    if (sum > best[0]) {
      best[0] = sum;
      arg[0] = id;
    }
    if (volume > best[1]) {
      best[1] = volume;
      arg[1] = id;
    }
    for (let k = 0; k < d; k++) {
      const s = sum + 2 * cols[k][id];
      if (s > best[k + 2]) {
        best[k + 2] = s;
        arg[k + 2] = id;
      }
    }
  }
  return [...new Set(arg)];
}
