/**
 * Outcomes sorted by one party's utility, and a range-maximum index over a score in that order, for spaces
 * small enough to enumerate. Both are exact.
 */

/** Outcome indices in ascending order of (utility, index), with their utilities. */
export interface SortedOutcomes {
  order: Uint32Array;
  util: Float64Array;
}

const DIGIT = 11;
const BUCKETS = 1 << DIGIT;
const MAX_DISTINCT = 16;

/**
 * Sorts the outcomes whose mask entry is 0 (all when no mask) by utility. A radix sort on a 32-bit quantised
 * key (carrying the keys along, so memory is read in order) does the bulk of the work; runs with equal keys
 * are then put in exact (utility, index) order, so the result is exactly sorted.
 */
export function sortOutcomes(table: Float64Array, excluded?: Uint8Array): SortedOutcomes {
  let count = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < table.length; i++) {
    if (excluded && excluded[i] !== 0) continue;
    count++;
    const x = table[i];
    if (x < min) min = x;
    if (x > max) max = x;
  }
  let order = new Uint32Array(count);
  let keys = new Uint32Array(count);
  const scale = max > min ? 4294967295 / (max - min) : 0;
  for (let i = 0, p = 0; i < table.length; i++) {
    if (excluded && excluded[i] !== 0) continue;
    order[p] = i;
    keys[p++] = Math.min(4294967295, Math.floor((table[i] - min) * scale));
  }
  let spareOrder = new Uint32Array(count);
  let spareKeys = new Uint32Array(count);
  const counts = new Uint32Array(BUCKETS);
  for (let shift = 0; shift < 32; shift += DIGIT) {
    counts.fill(0);
    for (let p = 0; p < count; p++) counts[(keys[p] >>> shift) & (BUCKETS - 1)]++;
    let sum = 0;
    for (let d = 0; d < BUCKETS; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let p = 0; p < count; p++) {
      const k = keys[p];
      const slot = counts[(k >>> shift) & (BUCKETS - 1)]++;
      spareOrder[slot] = order[p];
      spareKeys[slot] = k;
    }
    [order, spareOrder] = [spareOrder, order];
    [keys, spareKeys] = [spareKeys, keys];
  }
  const util = new Float64Array(count);
  for (let p = 0; p < count; p++) util[p] = table[order[p]];
  // Within one quantisation step utilities may still differ (or tie); order each such run exactly. Sums that
  // are equal on paper often differ in the last bits, so such runs are common but hold few distinct values:
  // a stable counting sort by value rank handles them in linear time.
  const runs = new RunSorter(order, util, spareOrder);
  let start = 0;
  while (start < count) {
    const runKey = keys[start];
    let end = start + 1;
    let sorted = true;
    while (end < count && keys[end] === runKey) {
      if (
        sorted &&
        (util[end] < util[end - 1] || (util[end] === util[end - 1] && order[end] < order[end - 1]))
      ) {
        sorted = false;
      }
      end++;
    }
    if (!sorted) runs.sort(start, end);
    start = end;
  }
  return { order, util };
}

class RunSorter {
  private readonly distinct = new Float64Array(MAX_DISTINCT);
  private readonly slots = new Uint32Array(MAX_DISTINCT);

  constructor(
    private readonly order: Uint32Array,
    private readonly util: Float64Array,
    private readonly scratch: Uint32Array,
  ) {}

  private rank(v: number, count: number): number {
    let d = 0;
    while (d < count && this.distinct[d] !== v) d++;
    return d;
  }

  /** Sorts [start, end) by (utility, index). */
  sort(start: number, end: number): void {
    const { order, util, distinct, slots } = this;
    let count = 0;
    for (let p = start; p < end; p++) {
      const d = this.rank(util[p], count);
      if (d === count) {
        if (count === MAX_DISTINCT) {
          this.fallback(start, end);
          return;
        }
        distinct[count++] = util[p];
      }
    }
    // Stable counting sort by value rank keeps ascending index order within equal values, since the radix
    // sort was stable and started in index order.
    distinct.subarray(0, count).sort();
    slots.fill(0);
    for (let p = start; p < end; p++) slots[this.rank(util[p], count)]++;
    let sum = start;
    for (let d = 0; d < count; d++) {
      const c = slots[d];
      slots[d] = sum;
      sum += c;
    }
    for (let p = start; p < end; p++) this.scratch[slots[this.rank(util[p], count)]++] = order[p];
    order.set(this.scratch.subarray(start, end), start);
    // slots[d] now marks the end of value d's group.
    for (let d = 0, p = start; d < count; d++) while (p < slots[d]) util[p++] = distinct[d];
  }

  private fallback(start: number, end: number): void {
    const idx = Array.from(this.order.subarray(start, end));
    const value = new Map(idx.map((i, k) => [i, this.util[start + k]]));
    idx.sort((p, q) => (value.get(p) as number) - (value.get(q) as number) || p - q);
    for (let k = 0; k < idx.length; k++) {
      this.order[start + k] = idx[k];
      this.util[start + k] = value.get(idx[k]) as number;
    }
  }
}

/** First position whose utility is >= x (count if none). */
export function lowerBound(util: Float64Array, x: number): number {
  let lo = 0;
  let hi = util.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (util[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position whose utility is > x (count if none). */
export function upperBound(util: Float64Array, x: number): number {
  let lo = 0;
  let hi = util.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (util[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const BLOCK_SHIFT = 5;
const BLOCK = 1 << BLOCK_SHIFT;

/**
 * Answers "which position in [lo, hi) has the highest score" in O(block) time: a sparse table over per-block
 * maxima plus scans of the two partial blocks. Ties go to the lowest position.
 */
export class RangeArgMax {
  private readonly levels: Int32Array[] = [];

  constructor(readonly score: Float64Array) {
    const blocks = Math.ceil(score.length / BLOCK);
    const base = new Int32Array(blocks);
    for (let b = 0; b < blocks; b++) base[b] = this.scan(b * BLOCK, Math.min(score.length, (b + 1) * BLOCK));
    this.levels.push(base);
    for (let width = 1; 2 * width <= blocks; width *= 2) {
      const prev = this.levels[this.levels.length - 1];
      const next = new Int32Array(blocks - 2 * width + 1);
      for (let b = 0; b < next.length; b++) next[b] = this.better(prev[b], prev[b + width]);
      this.levels.push(next);
    }
  }

  private better(p: number, q: number): number {
    const sp = this.score[p];
    const sq = this.score[q];
    if (sp > sq) return p;
    if (sq > sp) return q;
    return Math.min(p, q);
  }

  private scan(lo: number, hi: number): number {
    let best = lo;
    for (let p = lo + 1; p < hi; p++) if (this.score[p] > this.score[best]) best = p;
    return best;
  }

  /** Position of the highest score in [lo, hi); requires lo < hi. */
  argMax(lo: number, hi: number): number {
    const firstBlock = lo >>> BLOCK_SHIFT;
    const lastBlock = (hi - 1) >>> BLOCK_SHIFT;
    if (lastBlock - firstBlock < 2) return this.scan(lo, hi);
    let best = this.scan(lo, (firstBlock + 1) * BLOCK);
    const from = firstBlock + 1;
    const span = lastBlock - from;
    const level = 31 - Math.clz32(span);
    const table = this.levels[level];
    best = this.better(best, this.better(table[from], table[lastBlock - (1 << level)]));
    return this.better(best, this.scan(lastBlock * BLOCK, hi));
  }
}
