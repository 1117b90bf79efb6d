import type { UtilityFunction } from '../evaluate/utility-function.js';
import type { OutcomeSpace } from '../model/outcome-space.js';
import { type CompiledRule, holds } from '../model/rule.js';

/**
 * Whole-space tables (one entry per outcome, in mixed-radix order with issue 0 varying slowest) for spaces
 * small enough to enumerate, and a fingerprint that identifies a utility function by its numbers so that
 * precomputations can be shared between runs that use the same realisation.
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

/** Utility of every outcome. The additive part is filled block by block; adjustments in a second pass. */
export function utilityTable(space: OutcomeSpace, u: UtilityFunction): Float64Array {
  const n = space.size;
  const m = space.radix.length;
  const out = new Float64Array(n);
  const last = u.contribution[m - 1];
  const lastSize = space.radix[m - 1];
  const fill = (issue: number, offset: number, prefix: number, stride: number): void => {
    if (issue === m - 1) {
      for (let k = 0; k < lastSize; k++) out[offset + k] = prefix + last[k];
      return;
    }
    const next = stride / space.radix[issue];
    const row = u.contribution[issue];
    for (let k = 0; k < space.radix[issue]; k++) fill(issue + 1, offset + k * next, prefix + row[k], next);
  };
  fill(0, 0, 0, n);
  if (u.adjustments.length > 0) {
    forEachOutcome(space, (index, digits) => {
      for (const a of u.adjustments) if (holds(a.when, digits)) out[index] += a.delta;
    });
  }
  return out;
}

/** 1 where the outcome makes any of the rules hold (a red line is crossed), else 0. */
export function ruleMask(space: OutcomeSpace, rules: readonly CompiledRule[]): Uint8Array {
  const out = new Uint8Array(space.size);
  if (rules.length === 0) return out;
  forEachOutcome(space, (index, digits) => {
    for (const r of rules) {
      if (holds(r, digits)) {
        out[index] = 1;
        return;
      }
    }
  });
  return out;
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
