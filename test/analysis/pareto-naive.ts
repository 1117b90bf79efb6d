/**
 * Reference skyline straight from the definition, O(n²): q dominates p when q >= p in every coordinate and
 * q > p in at least one; the skyline is every point nothing dominates (so equal vectors are all kept).
 * Test-only.
 */
export function paretoNaive(points: ArrayLike<number>[], ids?: ArrayLike<number>): number[] {
  const candidates = ids ? Array.from(ids) : points.map((_, i) => i);
  return candidates
    .filter((p) => !candidates.some((q) => dominates(points[q], points[p])))
    .sort((a, b) => a - b);
}

export function dominates(q: ArrayLike<number>, p: ArrayLike<number>): boolean {
  let greater = false;
  for (let k = 0; k < p.length; k++) {
    if (q[k] < p[k]) return false;
    if (q[k] > p[k]) greater = true;
  }
  return greater;
}

/** Rows of point vectors from columns. */
export function rowsOf(cols: Float64Array[]): number[][] {
  const n = cols.length === 0 ? 0 : cols[0].length;
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[i]));
}

/** Columns from rows of point vectors. */
export function columnsOf(rows: number[][], d: number): Float64Array[] {
  return Array.from({ length: d }, (_, k) => Float64Array.from(rows, (r) => r[k]));
}
