import { pareto2d } from './pareto-2d.js';
import { pareto3d, paretoDivideConquer, weaklyDominatedQueries } from './pareto-kd.js';
import { assertNumbers, choosePivots, prefilterDominated } from './prefilter.js';

/**
 * Exact skyline (Pareto set) of a point set, every coordinate maximised.
 *
 * Definition: point q dominates point p when q >= p in every coordinate and q > p in at least one.
 * The skyline is the set of points no point dominates. Points with identical vectors do not dominate each
 * other, so duplicates are all kept (reported as ties) unless something dominates them.
 */
export type SkylineAlgorithm = 'auto' | 'sweep-2d' | 'sweep-3d' | 'divide-conquer';

export interface SkylineOptions {
  /** 'auto': one coordinate → maximum, two → sweep-2d, three → sweep-3d, more → divide-conquer. */
  algorithm?: SkylineAlgorithm;
  /**
   * Remove points dominated by a few strong pivots first (exact; default true). Applies from 3 coordinates
   * on; with 2, pareto2d filters large inputs with its own staircase filter instead.
   */
  prefilter?: boolean;
}

/**
 * The skyline of the points `ids` (default: every index of the columns), coordinates given as one column per
 * dimension indexed by point id. Returns the ids on the skyline in ascending order.
 */
export function skyline(cols: Float64Array[], ids?: Int32Array, options: SkylineOptions = {}): Int32Array {
  const d = cols.length;
  if (d === 0) throw new RangeError('a skyline needs at least one coordinate');
  const length = cols[0].length;
  for (const col of cols) {
    if (col.length !== length) throw new RangeError('skyline columns must have equal lengths');
  }
  if (ids) {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (!(id >= 0 && id < length)) throw new RangeError(`point id ${id} is outside 0..${length - 1}`);
    }
  }
  let candidates: Int32Array;
  // Two coordinates: pareto2d's staircase filter removes more than the pivots, whatever the correlation.
  if (options.prefilter === false || d <= 2) {
    assertNumbers(cols, ids);
    candidates = ids ?? iota(length);
  } else {
    candidates = prefilterDominated(cols, ids);
  }
  if (d === 1) return maximumSet(cols[0], candidates);
  const algorithm =
    options.algorithm === undefined || options.algorithm === 'auto'
      ? d === 2
        ? 'sweep-2d'
        : d === 3
          ? 'sweep-3d'
          : 'divide-conquer'
      : options.algorithm;
  if (algorithm === 'sweep-2d') {
    if (d !== 2) throw new RangeError(`sweep-2d needs 2 coordinates, got ${d}`);
    return pareto2d(cols[0], cols[1], candidates);
  }
  if (algorithm === 'sweep-3d') return pareto3d(cols, candidates);
  return paretoDivideConquer(cols, candidates);
}

function iota(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

function maximumSet(col: Float64Array, ids: Int32Array): Int32Array {
  let best = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < ids.length; i++) if (col[ids[i]] > best) best = col[ids[i]];
  const out: number[] = [];
  for (let i = 0; i < ids.length; i++) if (col[ids[i]] === best) out.push(ids[i]);
  return Int32Array.from(out).sort();
}

/**
 * The points not dominated *by a margin*: p is removed only when some q has q >= p in every coordinate and
 * q_k >= p_k + margin[k] in at least one. This keeps the exact skyline plus points dominated only within the
 * margin. Used where later additions may round near-ties into exact ties (see pareto-decompose.ts).
 * Margins must be positive.
 */
export function skylineWithMargin(
  cols: Float64Array[],
  ids: Int32Array,
  margin: ArrayLike<number>,
): Int32Array {
  const d = cols.length;
  for (let k = 0; k < d; k++) {
    if (!(margin[k] > 0)) throw new RangeError(`margin ${k} must be positive, got ${margin[k]}`);
  }
  const exact = skyline(cols, ids);
  if (exact.length === ids.length) return exact;
  const onExact = new Set(exact);
  const pivots = choosePivots(cols, exact);
  const rest: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const p = ids[i];
    if (onExact.has(p)) continue;
    let removed = false;
    for (const q of pivots) {
      if (dominatesByMargin(cols, q, p, margin)) {
        removed = true;
        break;
      }
    }
    if (!removed) rest.push(p);
  }
  if (rest.length === 0) return exact;
  const countA = exact.length;
  const queries = d * rest.length;
  const local = cols.map((col, k) => {
    const values = new Float64Array(countA + queries);
    for (let i = 0; i < countA; i++) values[i] = col[exact[i]];
    for (let r = 0; r < rest.length; r++) {
      const v = col[rest[r]];
      for (let j = 0; j < d; j++) values[countA + r * d + j] = j === k ? raise(v, margin[k]) : v;
    }
    return values;
  });
  const dominated = weaklyDominatedQueries(local, countA, queries);
  const kept = Array.from(exact);
  for (let r = 0; r < rest.length; r++) {
    let any = false;
    for (let j = 0; j < d; j++) if (dominated[r * d + j]) any = true;
    if (!any) kept.push(rest[r]);
  }
  return Int32Array.from(kept).sort();
}

function raise(v: number, by: number): number {
  const up = v + by;
  return up > v ? up : nextUp(v);
}

const bits = new DataView(new ArrayBuffer(8));

function nextUp(v: number): number {
  if (v === 0) return Number.MIN_VALUE;
  bits.setFloat64(0, v);
  const big = bits.getBigInt64(0);
  bits.setBigInt64(0, v > 0 ? big + 1n : big - 1n);
  return bits.getFloat64(0);
}

function dominatesByMargin(cols: Float64Array[], q: number, p: number, margin: ArrayLike<number>): boolean {
  let by = false;
  for (let k = 0; k < cols.length; k++) {
    const a = cols[k][q];
    const b = cols[k][p];
    if (a < b) return false;
    if (a >= raise(b, margin[k])) by = true;
  }
  return by;
}
