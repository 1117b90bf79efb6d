/**
 * Stable ascending sort of `ids[0..n)` by `keys[0..n)` (parallel arrays; both are permuted in place).
 * Keys are compared as numbers: -0 equals +0; NaN is not allowed (callers reject it first).
 *
 * Small inputs use a merge sort (O(n log n)); large ones an LSD radix sort on the IEEE-754 bit pattern
 * (eight 8-bit passes, O(n); passes where every key has the same digit are skipped).
 */
export function sortByKey(ids: Int32Array, keys: Float64Array, n: number = ids.length): void {
  if (n < 2) return;
  if (n <= INSERTION_LIMIT) insertionSort(ids, keys, 0, n);
  else if (n < RADIX_THRESHOLD) mergeSort(ids, keys, n);
  else radixSort(ids, keys, n);
}

/** Sorts ids by `column[id]` ascending (stable). `descending` reverses the key, keeping ties in input order. */
export function sortIdsByColumn(
  ids: Int32Array,
  column: Float64Array,
  descending = false,
  keys?: Float64Array,
): void {
  const n = ids.length;
  const k = keys && keys.length >= n ? keys : new Float64Array(n);
  // Adding 0 (or subtracting from 0) turns -0 into +0 so that the bit-pattern sort treats the zeros as equal.
  if (descending) for (let i = 0; i < n; i++) k[i] = 0 - column[ids[i]];
  else for (let i = 0; i < n; i++) k[i] = column[ids[i]] + 0;
  sortByKey(ids, k, n);
}

const INSERTION_LIMIT = 24;
const RADIX_THRESHOLD = 2048;

function insertionSort(ids: Int32Array, keys: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const key = keys[i];
    const id = ids[i];
    let j = i - 1;
    while (j >= from && keys[j] > key) {
      keys[j + 1] = keys[j];
      ids[j + 1] = ids[j];
      j--;
    }
    keys[j + 1] = key;
    ids[j + 1] = id;
  }
}

function mergeSort(ids: Int32Array, keys: Float64Array, n: number): void {
  for (let from = 0; from < n; from += INSERTION_LIMIT) {
    insertionSort(ids, keys, from, Math.min(n, from + INSERTION_LIMIT));
  }
  let srcIds = ids;
  let srcKeys = keys;
  let dstIds: Int32Array = new Int32Array(n);
  let dstKeys: Float64Array = new Float64Array(n);
  for (let width = INSERTION_LIMIT; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let i = lo;
      let j = mid;
      let out = lo;
      while (i < mid && j < hi) {
        // `<=` takes the left run first on ties: stability.
        if (srcKeys[i] <= srcKeys[j]) {
          dstKeys[out] = srcKeys[i];
          dstIds[out++] = srcIds[i++];
        } else {
          dstKeys[out] = srcKeys[j];
          dstIds[out++] = srcIds[j++];
        }
      }
      while (i < mid) {
        dstKeys[out] = srcKeys[i];
        dstIds[out++] = srcIds[i++];
      }
      while (j < hi) {
        dstKeys[out] = srcKeys[j];
        dstIds[out++] = srcIds[j++];
      }
    }
    const ti = srcIds;
    srcIds = dstIds;
    dstIds = ti;
    const tk = srcKeys;
    srcKeys = dstKeys;
    dstKeys = tk;
  }
  if (srcIds !== ids) {
    ids.set(srcIds.subarray(0, n));
    keys.set(srcKeys.subarray(0, n));
  }
}

const BUCKETS = 256;
const PASSES = 8;

function radixSort(ids: Int32Array, keys: Float64Array, n: number): void {
  const words = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  // Map doubles to unsigned integers with the same order: negative numbers have every bit flipped,
  // non-negative ones only the sign bit. Little-endian: word 2i is the low half.
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1];
    const l = words[2 * i];
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  // 8-bit digits: 256 buckets keep the scatter's write streams within cache.
  const counts = new Int32Array(PASSES * BUCKETS);
  for (let i = 0; i < n; i++) {
    const l = lo[i];
    const h = hi[i];
    counts[l & 255]++;
    counts[256 + ((l >>> 8) & 255)]++;
    counts[512 + ((l >>> 16) & 255)]++;
    counts[768 + (l >>> 24)]++;
    counts[1024 + (h & 255)]++;
    counts[1280 + ((h >>> 8) & 255)]++;
    counts[1536 + ((h >>> 16) & 255)]++;
    counts[1792 + (h >>> 24)]++;
  }
  let srcIds = ids;
  let dstIds: Int32Array = new Int32Array(n);
  let dstLo = new Uint32Array(n);
  let dstHi = new Uint32Array(n);
  const offsets = new Int32Array(BUCKETS);
  for (let pass = 0; pass < PASSES; pass++) {
    const base = pass * BUCKETS;
    let trivial = false;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[base + b];
      if (c === n) {
        trivial = true;
        break;
      }
      offsets[b] = sum;
      sum += c;
    }
    if (trivial) continue;
    const shift = (pass & 3) * 8;
    const digitsFrom = pass < 4 ? lo : hi;
    for (let i = 0; i < n; i++) {
      const d = (digitsFrom[i] >>> shift) & 255;
      const at = offsets[d]++;
      dstIds[at] = srcIds[i];
      dstLo[at] = lo[i];
      dstHi[at] = hi[i];
    }
    const ti = srcIds;
    srcIds = dstIds;
    dstIds = ti;
    const tl = lo;
    lo = dstLo;
    dstLo = tl;
    const th = hi;
    hi = dstHi;
    dstHi = th;
  }
  if (srcIds !== ids) ids.set(srcIds.subarray(0, n));
  // Write the keys back in sorted order (inverse of the mapping above).
  for (let i = 0; i < n; i++) {
    const h = hi[i];
    if (h & 0x80000000) {
      words[2 * i + 1] = (h & 0x7fffffff) >>> 0;
      words[2 * i] = lo[i];
    } else {
      words[2 * i + 1] = ~h >>> 0;
      words[2 * i] = ~lo[i] >>> 0;
    }
  }
}
