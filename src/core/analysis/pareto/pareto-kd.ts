import { pareto2d } from './pareto-2d.js';
import { sortIdsByColumn } from './sort-by-key.js';

/**
 * Skylines in three or more dimensions (maximise every coordinate; a point is dominated when another is
 * >= in every coordinate and > in at least one; points with equal vectors are all kept when not dominated).
 * Both functions take the coordinate columns (indexed by id) and the ids to consider, and return the
 * frontier's ids in ascending order. They copy the points' coordinates into compact local columns first.
 */

function gather(cols: Float64Array[], ids: Int32Array): Float64Array[] {
  return cols.map((col) => {
    const local = new Float64Array(ids.length);
    for (let i = 0; i < ids.length; i++) local[i] = col[ids[i]];
    return local;
  });
}

function iota(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

function collect(ids: Int32Array, keep: Uint8Array): Int32Array {
  let count = 0;
  for (let i = 0; i < keep.length; i++) count += keep[i];
  const out = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < keep.length; i++) if (keep[i]) out[k++] = ids[i];
  return out.sort();
}

/** Fenwick tree over ranks 0..R-1 answering "largest value stored at a rank <= r". */
function fenwickQuery(tree: Float64Array, rank: number): number {
  let best = Number.NEGATIVE_INFINITY;
  for (let i = rank + 1; i > 0; i -= i & -i) if (tree[i] > best) best = tree[i];
  return best;
}

function fenwickRaise(tree: Float64Array, rank: number, value: number): void {
  for (let i = rank + 1; i < tree.length; i += i & -i) if (tree[i] < value) tree[i] = value;
}

/**
 * Three-dimensional skyline in O(n log n): points by x descending, a group of equal x at a time; a Fenwick
 * tree indexed by the rank of y (rank 0 = largest y) holds the largest z of the frontier points already
 * seen, so "some point with greater x has y' >= y and z' >= z" is one prefix-maximum query. Within a group of
 * equal x the (y, z) skyline of the group decides (pareto2d). Only frontier points are inserted; that is
 * enough because dominance is transitive.
 */
export function pareto3d(cols: Float64Array[], ids: Int32Array): Int32Array {
  if (cols.length !== 3) throw new RangeError(`pareto3d needs 3 coordinates, got ${cols.length}`);
  const m = ids.length;
  if (m <= 1) return Int32Array.from(ids);
  const [x, y, z] = gather(cols, ids);
  const scratch = new Float64Array(m);
  const byX = iota(m);
  sortIdsByColumn(byX, x, true, scratch);
  const byY = iota(m);
  sortIdsByColumn(byY, y, true, scratch);
  const rank = new Int32Array(m);
  let r = -1;
  let previous = Number.NaN;
  for (let i = 0; i < m; i++) {
    const p = byY[i];
    if (y[p] !== previous) {
      r++;
      previous = y[p];
    }
    rank[p] = r;
  }
  const tree = new Float64Array(r + 2).fill(Number.NEGATIVE_INFINITY);
  const onFrontier = new Uint8Array(m);
  const alive = new Int32Array(m);
  let i = 0;
  while (i < m) {
    const groupX = x[byX[i]];
    let j = i + 1;
    while (j < m && x[byX[j]] === groupX) j++;
    if (j === i + 1) {
      const p = byX[i];
      if (fenwickQuery(tree, rank[p]) < z[p]) {
        onFrontier[p] = 1;
        fenwickRaise(tree, rank[p], z[p]);
      }
    } else {
      // A member dominated by an earlier group cannot be needed to dominate another member: whatever it
      // dominates, its own dominator dominates too. So the group's 2D skyline is taken over the survivors.
      let count = 0;
      for (let k = i; k < j; k++) {
        const p = byX[k];
        if (fenwickQuery(tree, rank[p]) < z[p]) alive[count++] = p;
      }
      if (count > 0) {
        const within = count === 1 ? alive.slice(0, 1) : pareto2d(y, z, alive.slice(0, count));
        for (const p of within) onFrontier[p] = 1;
        for (const p of within) fenwickRaise(tree, rank[p], z[p]);
      }
    }
    i = j;
  }
  return collect(ids, onFrontier);
}

interface Work {
  local: Float64Array[];
  d: number;
  dominated: Uint8Array;
  scratch: Float64Array;
}

/** Below this many points the maxima recursion compares every pair. */
const MAXIMA_BRUTE = 16;
/** Below this many A×B pairs the filter compares every pair. */
const FILTER_BRUTE = 512;

/**
 * Skyline in any dimension d >= 2 by divide and conquer (Kung, Luccio and Preparata 1975):
 * sort lexicographically descending and merge equal vectors; split the sorted points into a lexicographically
 * greater half A and the rest B (no point of B can dominate a point of A); solve both halves; then remove
 * the points of B weakly dominated in coordinates 2..d by a frontier point of A ("filter"). The filter
 * recursively splits A ∪ B at the median of its first remaining coordinate (ties put B below A): the upper
 * A filters the upper B and the lower A the lower B in the same coordinates, and the upper A filters the
 * lower B with that coordinate dropped. Two coordinates end in a sort and sweep, one in a maximum.
 * Worst case O(n log^(d-1) n) time, O(n) extra memory per recursion level.
 */
export function paretoDivideConquer(cols: Float64Array[], ids: Int32Array): Int32Array {
  const d = cols.length;
  if (d < 1) throw new RangeError('a skyline needs at least one coordinate');
  const m = ids.length;
  if (m <= 1) return Int32Array.from(ids);
  const local = gather(cols, ids);
  const scratch = new Float64Array(m);
  const order = iota(m);
  // Stable sorts from the last coordinate to the first give the lexicographic order.
  for (let k = d - 1; k >= 0; k--) sortIdsByColumn(order, local[k], true, scratch);
  const heads = new Int32Array(m);
  const reps = new Int32Array(m);
  let repCount = 0;
  for (let i = 0; i < m; i++) {
    const p = order[i];
    if (i > 0 && sameVector(local, p, order[i - 1])) {
      heads[i] = heads[i - 1];
    } else {
      heads[i] = p;
      reps[repCount++] = p;
    }
  }
  const work: Work = { local, d, dominated: new Uint8Array(m), scratch };
  maxima(work, reps.subarray(0, repCount));
  const keep = new Uint8Array(m);
  for (let i = 0; i < m; i++) if (!work.dominated[heads[i]]) keep[order[i]] = 1;
  return collect(ids, keep);
}

function sameVector(local: Float64Array[], p: number, q: number): boolean {
  for (let k = 0; k < local.length; k++) if (local[k][p] !== local[k][q]) return false;
  return true;
}

function weaklyDominates(local: Float64Array[], a: number, b: number, from: number): boolean {
  for (let k = from; k < local.length; k++) if (local[k][a] < local[k][b]) return false;
  return true;
}

/**
 * Marks the dominated points of `sorted` (distinct, lexicographically descending) and returns the others,
 * ascending in coordinate 1 (what the filter of the level above needs; merging keeps it linear).
 */
function maxima(work: Work, sorted: Int32Array): Int32Array {
  const n = sorted.length;
  if (n <= MAXIMA_BRUTE) {
    const kept = new Int32Array(n);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const p = sorted[i];
      let dominated = false;
      // Only an earlier (lexicographically greater) point can dominate p; checking the kept ones suffices.
      for (let j = 0; j < count && !dominated; j++) dominated = weaklyDominates(work.local, kept[j], p, 0);
      if (dominated) work.dominated[p] = 1;
      else kept[count++] = p;
    }
    const out = kept.slice(0, count);
    if (work.d > 1) sortIdsByColumn(out, work.local[1], false, work.scratch);
    return out;
  }
  const half = n >> 1;
  const upper = maxima(work, sorted.subarray(0, half));
  const lower = maxima(work, sorted.subarray(half));
  // Every point of `upper` is >= every point of `lower` in coordinate 1, so coordinates 2..d decide.
  filter(work, upper, lower, 1, true);
  if (work.d === 1) return upper;
  // Merge by coordinate 1, dropping the points of `lower` found dominated.
  const col = work.local[1];
  const dominated = work.dominated;
  let alive = 0;
  for (let j = 0; j < lower.length; j++) if (!dominated[lower[j]]) alive++;
  const out = new Int32Array(upper.length + alive);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < upper.length || j < lower.length) {
    if (j < lower.length && dominated[lower[j]]) {
      j++;
      continue;
    }
    if (j >= lower.length || (i < upper.length && col[upper[i]] <= col[lower[j]])) out[o++] = upper[i++];
    else out[o++] = lower[j++];
  }
  return out;
}

function sortedCopy(work: Work, ids: Int32Array, k: number): Int32Array {
  const copy = Int32Array.from(ids);
  sortIdsByColumn(copy, work.local[k], false, work.scratch);
  return copy;
}

/**
 * Marks every b in B for which some a in A has a >= b in each coordinate k..d-1.
 * `sorted`: A and B are already ascending in coordinate k.
 */
function filter(work: Work, A: Int32Array, B: Int32Array, k: number, sorted: boolean): void {
  if (A.length === 0 || B.length === 0) return;
  const { local, d, dominated } = work;
  let open = 0;
  for (let i = 0; i < B.length; i++) if (!dominated[B[i]]) open++;
  if (open === 0) return;
  if (open < B.length) {
    const rest = new Int32Array(open);
    let c = 0;
    for (let i = 0; i < B.length; i++) if (!dominated[B[i]]) rest[c++] = B[i];
    B = rest;
  }
  if (k >= d) {
    // No coordinate left to compare: every b is weakly dominated by any a.
    for (let i = 0; i < B.length; i++) dominated[B[i]] = 1;
    return;
  }
  const col = local[k];
  if (k === d - 1) {
    let maxA = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < A.length; i++) if (col[A[i]] > maxA) maxA = col[A[i]];
    for (let i = 0; i < B.length; i++) if (col[B[i]] <= maxA) dominated[B[i]] = 1;
    return;
  }
  if (A.length * B.length <= FILTER_BRUTE) {
    for (let i = 0; i < B.length; i++) {
      const b = B[i];
      for (let j = 0; j < A.length; j++) {
        if (weaklyDominates(local, A[j], b, k)) {
          dominated[b] = 1;
          break;
        }
      }
    }
    return;
  }
  if (!sorted) {
    A = sortedCopy(work, A, k);
    B = sortedCopy(work, B, k);
  }
  if (k === d - 2) {
    // Sweep coordinate k downwards; best = largest last coordinate among A points with col >= current b's.
    const next = local[k + 1];
    let j = A.length - 1;
    let best = Number.NEGATIVE_INFINITY;
    for (let i = B.length - 1; i >= 0; i--) {
      const b = B[i];
      const v = col[b];
      while (j >= 0 && col[A[j]] >= v) {
        if (next[A[j]] > best) best = next[A[j]];
        j--;
      }
      if (best >= next[b]) dominated[b] = 1;
    }
    return;
  }
  // Median split of A ∪ B in coordinate k; on equal values B goes first, so a lower A point is strictly
  // below every upper B point and an upper A point is >= every lower B point.
  const half = (A.length + B.length) >> 1;
  let ia = 0;
  let ib = 0;
  for (let t = 0; t < half; t++) {
    if (ib < B.length && (ia >= A.length || col[B[ib]] <= col[A[ia]])) ib++;
    else ia++;
  }
  const lowA = A.subarray(0, ia);
  const highA = A.subarray(ia);
  const lowB = B.subarray(0, ib);
  const highB = B.subarray(ib);
  filter(work, highA, highB, k, true);
  filter(work, lowA, lowB, k, true);
  filter(work, highA, lowB, k + 1, false);
}

/**
 * For each query point, whether some point of A is >= it in every coordinate (weak dominance), by the same
 * divide-and-conquer filter. `local` holds A's points at 0..countA-1 followed by the queries.
 * Returns one flag per query. O(N log^(d-1) N) for N = countA + queries.
 */
export function weaklyDominatedQueries(local: Float64Array[], countA: number, queries: number): Uint8Array {
  const n = countA + queries;
  const work: Work = { local, d: local.length, dominated: new Uint8Array(n), scratch: new Float64Array(n) };
  const A = iota(countA);
  const B = new Int32Array(queries);
  for (let i = 0; i < queries; i++) B[i] = countA + i;
  filter(work, A, B, 0, false);
  return work.dominated.slice(countA);
}
