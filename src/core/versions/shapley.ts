import { randomPermutation } from '../random/permutation.js';
import { createRng } from '../random/rng.js';

/** The value of a coalition of players (here: changes), one number per party. */
export type CoalitionValue = (members: readonly boolean[]) => number[];

export interface AttributionOptions {
  /** auto: exact up to EXACT_AUTO_LIMIT players, sampled above. */
  method?: 'auto' | 'exact' | 'sampled';
  /** Permutations drawn in sampled mode (default DEFAULT_SAMPLES, at least 2). */
  samples?: number;
  /** Seed of the permutation sampler (default DEFAULT_SEED). */
  seed?: number;
}

export const EXACT_AUTO_LIMIT = 12;
/** Exact mode evaluates 2^n coalitions; beyond this it is refused rather than left running for hours. */
export const EXACT_MAX = 20;
export const DEFAULT_SAMPLES = 2000;
export const DEFAULT_SEED = 1;

export class AttributionError extends Error {
  override name = 'AttributionError';
}

export interface ShapleyResult {
  method: 'exact' | 'sampled';
  players: number;
  /** values[player][party]: the Shapley value of each player for each party's value. */
  values: number[][];
  /** Sampled mode: standard error of each value (sample standard deviation of the marginals / sqrt(samples)). */
  standardErrors?: number[][];
  samples?: number;
  seed?: number;
  /** Distinct coalitions whose value was computed. */
  evaluations: number;
  /** Value of the empty coalition and of all players, per party. */
  empty: number[];
  full: number[];
}

/**
 * Shapley values φ_i = Σ_{S ⊆ N∖{i}} |S|!(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S)), one per player and party.
 * Exact mode enumerates every coalition. Sampled mode averages marginal contributions over seeded random
 * permutations; each permutation's marginals sum to v(N) − v(∅), so the estimates keep that sum exactly
 * (up to rounding) and the error lies only in how the total is split.
 */
export function shapley(n: number, value: CoalitionValue, options: AttributionOptions = {}): ShapleyResult {
  const method = options.method ?? 'auto';
  const exact = method === 'exact' || (method === 'auto' && n <= EXACT_AUTO_LIMIT);
  if (exact && n > EXACT_MAX) {
    throw new AttributionError(
      `exact attribution over ${n} changes needs 2^${n} coalitions; use method 'sampled' (or 'auto') for more than ${EXACT_MAX} changes`,
    );
  }
  return exact
    ? exactShapley(n, value)
    : sampledShapley(n, value, options.samples ?? DEFAULT_SAMPLES, options.seed ?? DEFAULT_SEED);
}

function membersOf(mask: number, n: number): boolean[] {
  return Array.from({ length: n }, (_, k) => (mask & (1 << k)) !== 0);
}

export function exactShapley(n: number, value: CoalitionValue): ShapleyResult {
  const count = 2 ** n;
  const table: number[][] = new Array(count);
  for (let mask = 0; mask < count; mask++) table[mask] = value(membersOf(mask, n));
  const parties = table[0].length;
  // weight[s] = s!(n-s-1)!/n! = 1 / (n * C(n-1, s))
  const weight: number[] = [];
  let binomial = 1;
  for (let s = 0; s < n; s++) {
    weight.push(1 / (n * binomial));
    binomial = (binomial * (n - 1 - s)) / (s + 1);
  }
  const size = new Uint8Array(count);
  for (let mask = 1; mask < count; mask++) size[mask] = size[mask >> 1] + (mask & 1);
  const values = Array.from({ length: n }, () => new Array<number>(parties).fill(0));
  for (let i = 0; i < n; i++) {
    const bit = 1 << i;
    for (let mask = 0; mask < count; mask++) {
      if (mask & bit) continue;
      const w = weight[size[mask]];
      const without = table[mask];
      const withI = table[mask | bit];
      for (let p = 0; p < parties; p++) values[i][p] += w * (withI[p] - without[p]);
    }
  }
  return { method: 'exact', players: n, values, evaluations: count, empty: table[0], full: table[count - 1] };
}

export function sampledShapley(
  n: number,
  value: CoalitionValue,
  samples: number,
  seed: number,
): ShapleyResult {
  if (!Number.isInteger(samples) || samples < 2) {
    throw new AttributionError(
      `sampled attribution needs a whole number of samples, at least 2 (got ${samples})`,
    );
  }
  const memo = new Map<string, number[]>();
  const evaluate = (members: boolean[]): number[] => {
    const key = members.map((m) => (m ? '1' : '0')).join('');
    let v = memo.get(key);
    if (!v) {
      v = value(members);
      memo.set(key, v);
    }
    return v;
  };
  const empty = evaluate(new Array<boolean>(n).fill(false));
  const full = evaluate(new Array<boolean>(n).fill(true));
  const parties = empty.length;
  const sum = Array.from({ length: n }, () => new Array<number>(parties).fill(0));
  const sumSquares = Array.from({ length: n }, () => new Array<number>(parties).fill(0));
  const rng = createRng(seed);
  for (let s = 0; s < samples; s++) {
    const members = new Array<boolean>(n).fill(false);
    let previous = empty;
    for (const i of randomPermutation(n, rng)) {
      members[i] = true;
      const next = evaluate(members);
      for (let p = 0; p < parties; p++) {
        const marginal = next[p] - previous[p];
        sum[i][p] += marginal;
        sumSquares[i][p] += marginal * marginal;
      }
      previous = next;
    }
  }
  const values = sum.map((row) => row.map((x) => x / samples));
  const standardErrors = sum.map((row, i) =>
    row.map((x, p) => {
      const mean = x / samples;
      const variance = Math.max(0, (sumSquares[i][p] - samples * mean * mean) / (samples - 1));
      return Math.sqrt(variance / samples);
    }),
  );
  return {
    method: 'sampled',
    players: n,
    values,
    standardErrors,
    samples,
    seed,
    evaluations: memo.size,
    empty,
    full,
  };
}
