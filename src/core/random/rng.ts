import { hashKey, mix64, splitmix64, type Word64, xor64 } from './mix64.js';
import { Xoshiro128 } from './xoshiro128.js';

/**
 * A seeded random stream. `fork(label)` derives a child stream from this stream's seed path and the label
 * alone (not from how many numbers were drawn), so `createRng(s).fork(i)` is the same stream whether it is
 * made in one process, in a worker, first or last.
 */
export interface Rng {
  /** A uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** A uniform unsigned 32-bit integer. */
  uint32(): number;
  /** A uniform integer in 0..n-1, without modulo bias; 1 <= n <= 2^32. */
  int(n: number): number;
  /** An independent stream named by a label (a string, or an integer such as a sample index). */
  fork(label: string | number): Rng;
}

const TWO_32 = 4_294_967_296;
const TWO_NEG_53 = 2 ** -53;

// Hashing a string label costs a mix per character; the same few labels (party ids) recur in every sample.
const labelHashes = new Map<string, Word64>();
const LABEL_CACHE_LIMIT = 4096;

function labelHash(label: string | number): Word64 {
  if (typeof label === 'number') return hashKey(label);
  let hash = labelHashes.get(label);
  if (hash === undefined) {
    if (labelHashes.size >= LABEL_CACHE_LIMIT) labelHashes.clear();
    hash = hashKey(label);
    labelHashes.set(label, hash);
  }
  return hash;
}

class SeededRng implements Rng {
  private readonly generator: Xoshiro128;

  constructor(private readonly key: Word64) {
    // Two splitmix64 outputs of distinct states are distinct images of a bijection, so never both zero.
    const [a, b] = splitmix64(key, 2);
    this.generator = new Xoshiro128(a[0], a[1], b[0], b[1]);
  }

  uint32(): number {
    return this.generator.nextUint32();
  }

  next(): number {
    const high = this.generator.nextUint32() >>> 5;
    const low = this.generator.nextUint32() >>> 6;
    return (high * 67_108_864 + low) * TWO_NEG_53;
  }

  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_32) {
      throw new RangeError(`int(n) needs an integer n in 1..2^32, not ${n}`);
    }
    // Reject the top partial block of 2^32 so that every residue is equally likely.
    const limit = TWO_32 - (TWO_32 % n);
    for (;;) {
      const x = this.generator.nextUint32();
      if (x < limit) return x % n;
    }
  }

  fork(label: string | number): Rng {
    return new SeededRng(mix64(xor64(this.key, labelHash(label))));
  }
}

/** A stream for a seed; integer seeds are hashed through splitmix64 so that seeds 0, 1, 2... give unrelated streams. */
export function createRng(seed: number | string): Rng {
  return new SeededRng(hashKey(seed));
}
