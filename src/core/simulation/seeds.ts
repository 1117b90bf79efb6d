import { createRng, type Rng } from '../random/rng.js';

/**
 * Seeds and shuffles for simulations, on the shared seeded generator (src/core/random). Every random choice in a
 * simulation comes from a stream forked from the run's seed by a label (per agent, per purpose), so streams do
 * not depend on the order in which they are used, and the same seed gives the same run. Not for cryptography.
 */

/**
 * A whole-number seed (0 ≤ seed < 2^32) derived from a parent seed and a label: the first output of the
 * stream `createRng(seed).fork(label)`. Used where a seed must be stored as a number (a match's run seed).
 */
export function deriveSeed(seed: number, label: string): number {
  return createRng(seed).fork(label).uint32();
}

/** The stream for a purpose within a run: `createRng(seed).fork(label)`. */
export function streamFor(seed: number, label: string): Rng {
  return createRng(seed).fork(label);
}

/** Fisher–Yates shuffle in place, driven by the given generator. */
export function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let k = items.length - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    const tmp = items[k];
    items[k] = items[j];
    items[j] = tmp;
  }
  return items;
}
