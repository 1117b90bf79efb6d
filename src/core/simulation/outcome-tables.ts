import type { UtilityFunction } from '../evaluate/utility-function.js';
import type { OutcomeSpace } from '../model/outcome-space.js';

/**
 * Helpers for the simulation's whole-space tables (built by analysis/utility-table.ts, one entry per outcome in
 * mixed-radix order with issue 0 varying slowest): a walk over every outcome, a fingerprint that identifies a
 * utility function by its numbers so that tables can be shared between runs that use the same realisation,
 * and a bounded cache.
 */

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** Two independent 32-bit hashes over the exact bits of every number of the function. */
export function utilityFingerprint(u: UtilityFunction): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  const feed = (x: number) => {
    bits[0] = x;
    for (let k = 0; k < 2; k++) {
      a = Math.imul(a ^ words[k], 0x01000193);
      b = Math.imul(b ^ words[k], 0x5bd1e995) ^ (b >>> 15);
    }
  };
  for (const row of u.contribution) {
    feed(row.length);
    for (let k = 0; k < row.length; k++) feed(row[k]);
  }
  for (const adj of u.adjustments) {
    for (let k = 0; k < adj.id.length; k++) feed(adj.id.charCodeAt(k));
    feed(adj.delta);
  }
  return `${u.party}:${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}

/** Calls visit(index, digits) for every outcome in index order; digits is reused. */
export function forEachOutcome(
  space: OutcomeSpace,
  visit: (index: number, digits: Int32Array) => void,
): void {
  const m = space.radix.length;
  const digits = new Int32Array(m);
  const n = space.size;
  for (let index = 0; index < n; index++) {
    visit(index, digits);
    for (let i = m - 1; i >= 0; i--) {
      digits[i]++;
      if (digits[i] < space.radix[i]) break;
      digits[i] = 0;
    }
  }
}

/** A small least-recently-used map, so caches of large typed arrays stay bounded. */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as K;
      this.entries.delete(oldest);
    }
  }

  getOrCreate(key: K, create: () => V): V {
    const found = this.get(key);
    if (found !== undefined) return found;
    const value = create();
    this.set(key, value);
    return value;
  }
}
