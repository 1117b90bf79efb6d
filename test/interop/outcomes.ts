import { createRng } from '../../src/core/random/rng.js';

/** Outcomes as index vectors over a mixed radix: every one when few enough, else a seeded sample. */

export const FULL_LIMIT = 200_000;
export const SAMPLE_SIZE = 20_000;

/** A small seeded generator, enough for sampling test outcomes. */
export const seededRandom = (seed: number): (() => number) => {
  const rng = createRng(seed);
  return () => rng.next();
};

export function outcomeCount(radix: number[]): number {
  return radix.reduce((a, b) => a * b, 1);
}

/** All outcomes (issue 0 varies slowest) when there are at most `fullLimit`, else `sampleSize` drawn with a seed. */
export function testOutcomes(
  radix: number[],
  seed = 20240601,
  budget: { fullLimit: number; sampleSize: number } = { fullLimit: FULL_LIMIT, sampleSize: SAMPLE_SIZE },
): number[][] {
  const total = outcomeCount(radix);
  const out: number[][] = [];
  if (total <= budget.fullLimit) {
    for (let n = 0; n < total; n++) {
      const o = new Array<number>(radix.length);
      let rest = n;
      for (let i = radix.length - 1; i >= 0; i--) {
        o[i] = rest % radix[i];
        rest = Math.floor(rest / radix[i]);
      }
      out.push(o);
    }
    return out;
  }
  const random = seededRandom(seed);
  for (let n = 0; n < budget.sampleSize; n++) out.push(radix.map((r) => Math.floor(random() * r)));
  return out;
}
