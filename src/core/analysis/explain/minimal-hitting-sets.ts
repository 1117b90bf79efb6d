/** Sets of small integers as bit masks (bit c set = element c present). */
export type BitSet = bigint;

export function bitsOf(set: BitSet): number[] {
  const out: number[] = [];
  let rest = set;
  let c = 0;
  while (rest > 0n) {
    if (rest & 1n) out.push(c);
    rest >>= 1n;
    c++;
  }
  return out;
}

export function setOf(elements: Iterable<number>): BitSet {
  let set = 0n;
  for (const c of elements) set |= 1n << BigInt(c);
  return set;
}

export function popcount(set: BitSet): number {
  let n = 0;
  let rest = set;
  while (rest > 0n) {
    if (rest & 1n) n++;
    rest >>= 1n;
  }
  return n;
}

/** Keeps the sets that are maximal under inclusion (duplicates removed). */
export function maximalSets(sets: Iterable<BitSet>): BitSet[] {
  const unique = [...new Set(sets)].sort((a, b) => popcount(b) - popcount(a));
  const kept: BitSet[] = [];
  for (const s of unique) if (!kept.some((k) => (s & k) === s)) kept.push(s);
  return kept;
}

/** Keeps the sets that are minimal under inclusion (duplicates removed). */
export function minimalSets(sets: Iterable<BitSet>): BitSet[] {
  const unique = [...new Set(sets)].sort((a, b) => popcount(a) - popcount(b));
  const kept: BitSet[] = [];
  for (const s of unique) if (!kept.some((k) => (s & k) === k)) kept.push(s);
  return kept;
}

/**
 * Every minimal hitting set (minimal transversal) of a family of non-empty sets, by Berge's algorithm:
 * the transversals of the first j sets are extended set by set and minimised after each step.
 * An empty family has the single hitting set ∅.
 */
export function minimalHittingSets(family: BitSet[]): BitSet[] {
  if (family.some((s) => s === 0n)) return [];
  let hitting: BitSet[] = [0n];
  for (const set of minimalSets(family)) {
    const next: BitSet[] = [];
    const elements = bitsOf(set);
    for (const h of hitting) {
      if ((h & set) !== 0n) next.push(h);
      else for (const c of elements) next.push(h | (1n << BigInt(c)));
    }
    hitting = minimalSets(next);
  }
  return hitting;
}
