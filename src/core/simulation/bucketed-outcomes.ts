/**
 * Outcomes in ascending order of one party's utility, with a score per outcome (the others' estimated utility)
 * and range-maximum queries over it, for spaces small enough to enumerate. Exact.
 *
 * Building a full sort is the costly part of preparing a negotiation, and most of it would never be looked at,
 * so the outcomes are only distributed into utility buckets (one counting pass and one scatter pass); a bucket
 * is sorted by (utility, index) the first time a query needs the order inside it. Positions are global: bucket
 * by bucket, in order inside each sorted bucket.
 *
 * The best outcome of a set is the one with the highest score, then the lowest utility, then the lowest index:
 * a total order independent of positions, so per-bucket maxima and the sparse table over them stay valid when
 * a bucket is sorted later.
 */

/** Outcomes per bucket, on average: fewer buckets scatter faster, smaller ones scan faster (32 measured best). */
const PER_BUCKET = 32;

export class BucketedOutcomes {
  readonly size: number;
  /** Outcome index, own utility and score at each position. */
  readonly order: Uint32Array;
  readonly util: Float64Array;
  readonly score: Float64Array | undefined;
  private readonly buckets: number;
  private readonly start: Uint32Array;
  private readonly sorted: Uint8Array;
  private readonly best: Int32Array;
  private readonly levels: Int32Array[] = [];
  private readonly min: number;
  private readonly scale: number;

  /**
   * `table[i]` is the own utility of outcome i; outcomes with `excluded[i] !== 0` are left out; `score`, in the
   * same outcome order, is what argMax maximises (omit it when there is nothing to maximise).
   */
  constructor(table: Float64Array, excluded?: Uint8Array, score?: Float64Array) {
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
    this.size = count;
    // About PER_BUCKET outcomes per bucket: partial buckets are scanned by queries, so they should stay small.
    let buckets = 1;
    while (buckets < 65536 && buckets * PER_BUCKET < count) buckets *= 2;
    this.buckets = buckets;
    this.min = min;
    const scale = max > min ? buckets / (max - min) : 0;
    this.scale = Number.isFinite(scale) ? scale : 0;

    const bucketOf = new Uint16Array(table.length);
    const start = new Uint32Array(buckets + 1);
    for (let i = 0; i < table.length; i++) {
      if (excluded && excluded[i] !== 0) continue;
      const b = this.bucketOf(table[i]);
      bucketOf[i] = b;
      start[b + 1]++;
    }
    for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
    this.start = start;
    const cursor = start.slice(0, buckets);
    const order = new Uint32Array(count);
    const util = new Float64Array(count);
    const scores = score ? new Float64Array(count) : undefined;
    for (let i = 0; i < table.length; i++) {
      if (excluded && excluded[i] !== 0) continue;
      const p = cursor[bucketOf[i]]++;
      order[p] = i;
      util[p] = table[i];
    }
    if (score && scores) for (let p = 0; p < count; p++) scores[p] = score[order[p]];
    this.order = order;
    this.util = util;
    this.score = scores;

    this.sorted = new Uint8Array(buckets);
    this.best = new Int32Array(buckets).fill(-1);
    for (let b = 0; b < buckets; b++) {
      const e = start[b + 1];
      if (start[b] + 1 >= e) this.sorted[b] = 1;
      if (start[b] < e) this.best[b] = this.scan(start[b], e);
    }
    if (this.score) {
      // Sparse table over buckets: levels[l][b] = the bucket holding the best of buckets b .. b + 2^l - 1.
      const base = Int32Array.from({ length: buckets }, (_, b) => b);
      this.levels.push(base);
      for (let width = 1; 2 * width <= buckets; width *= 2) {
        const prev = this.levels[this.levels.length - 1];
        const next = new Int32Array(buckets - 2 * width + 1);
        for (let b = 0; b < next.length; b++) next[b] = this.betterBucket(prev[b], prev[b + width]);
        this.levels.push(next);
      }
    }
  }

  private bucketOf(x: number): number {
    const b = Math.floor((x - this.min) * this.scale);
    return !(b > 0) ? 0 : b >= this.buckets ? this.buckets - 1 : b;
  }

  /** True when position p is a better choice than q (higher score, then lower utility, then lower index). */
  private better(p: number, q: number): boolean {
    const score = this.score;
    if (score && score[p] !== score[q]) return score[p] > score[q];
    if (this.util[p] !== this.util[q]) return this.util[p] < this.util[q];
    return this.order[p] < this.order[q];
  }

  private betterBucket(a: number, c: number): number {
    const p = this.best[a];
    const q = this.best[c];
    if (p < 0) return c;
    if (q < 0) return a;
    return this.better(q, p) ? c : a;
  }

  private scan(lo: number, hi: number): number {
    let best = lo;
    const score = this.score;
    if (!score) {
      for (let p = lo + 1; p < hi; p++) if (this.better(p, best)) best = p;
      return best;
    }
    let top = score[lo];
    for (let p = lo + 1; p < hi; p++) {
      const s = score[p];
      if (s > top || (s === top && this.better(p, best))) {
        best = p;
        top = s;
      }
    }
    return best;
  }

  /** Sorts a bucket by (utility, index) if that has not been done yet. */
  private ensureSorted(b: number): void {
    if (this.sorted[b]) return;
    this.sorted[b] = 1;
    const s = this.start[b];
    const e = this.start[b + 1];
    const positions = Array.from({ length: e - s }, (_, k) => s + k);
    const { order, util, score } = this;
    positions.sort((p, q) => util[p] - util[q] || order[p] - order[q]);
    const o = positions.map((p) => order[p]);
    const u = positions.map((p) => util[p]);
    const sc = score ? positions.map((p) => score[p]) : undefined;
    for (let k = 0; k < o.length; k++) {
      order[s + k] = o[k];
      util[s + k] = u[k];
      if (score && sc) score[s + k] = sc[k];
    }
    this.best[b] = this.scan(s, e);
  }

  /** Puts the bucket holding a position in order, so that the outcome there is the right one. */
  settle(position: number): void {
    if (position >= 0 && position < this.size) this.ensureSorted(this.bucketAt(position));
  }

  private bucketAt(position: number): number {
    let lo = 0;
    let hi = this.buckets - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.start[mid] <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** First position whose utility is >= x (size if none). */
  lowerBound(x: number): number {
    return this.bound(x, false);
  }

  /** First position whose utility is > x (size if none). */
  upperBound(x: number): number {
    return this.bound(x, true);
  }

  private bound(x: number, strict: boolean): number {
    if (this.size === 0) return 0;
    const b = this.bucketOf(x);
    this.ensureSorted(b);
    let lo = this.start[b];
    let hi = this.start[b + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (strict ? this.util[mid] <= x : this.util[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    // Past the end of bucket b: the answer is the first element of the next non-empty bucket, so that bucket
    // must be in order too.
    if (lo === this.start[b + 1] && lo < this.size) this.ensureSorted(this.bucketAt(lo));
    return lo;
  }

  /** The best position in [lo, hi) (see the class comment); requires lo < hi and lo, hi from the bounds. */
  argMax(lo: number, hi: number): number {
    const first = this.bucketAt(lo);
    const last = this.bucketAt(hi - 1);
    if (first === last) return this.scan(lo, hi);
    let best = this.scan(lo, this.start[first + 1]);
    const tail = this.scan(this.start[last], hi);
    if (this.better(tail, best)) best = tail;
    const from = first + 1;
    const span = last - from;
    if (span > 0 && this.score) {
      const level = 31 - Math.clz32(span);
      const table = this.levels[level];
      const bucket = this.betterBucket(table[from], table[last - (1 << level)]);
      const p = this.best[bucket];
      if (p >= 0 && this.better(p, best)) best = p;
    }
    return best;
  }

  /** Every outcome index in exact (utility, index) order; sorts every bucket (for tests and small spaces). */
  fullOrder(): Uint32Array {
    for (let b = 0; b < this.buckets; b++) this.ensureSorted(b);
    return this.order;
  }
}
