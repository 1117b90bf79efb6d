import { runBdm } from '../src/core/forecast/bdm/run-bdm.js';
import { runSmp } from '../src/core/forecast/smp/run-smp.js';
import { createRng } from '../src/core/random/rng.js';
import { BdmOptions, SmpOptions } from '../src/schema/forecast.js';
import type { BenchResult, BenchSuite } from './bench-result.js';

/** A seeded random actor table: capabilities 1..100, positions on 0..1, saliences summing to at most 1. */
function randomTable(actors: number, dimensions: number, seed: number) {
  const rng = createRng(seed).fork(`${actors}x${dimensions}`);
  const capabilities = Array.from({ length: actors }, () => 1 + 99 * rng.next());
  const saliences = Array.from({ length: actors }, () => {
    const raw = Array.from({ length: dimensions }, () => rng.next());
    const total = raw.reduce((a, b) => a + b, 0);
    return raw.map((x) => (0.9 * x) / total);
  });
  const positions = Array.from({ length: actors }, () =>
    Array.from({ length: dimensions }, () => rng.next()),
  );
  return { capabilities, saliences, positions };
}

/** Milliseconds of one call (median of three after a warm-up). */
function time(fn: () => void): number {
  fn();
  const samples = [0, 1, 2].map(() => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  });
  return samples.sort((a, b) => a - b)[1];
}

const SMP_SIZES: Array<[number, number]> = [
  [7, 3],
  [15, 5],
  [25, 5],
  [40, 10],
  [60, 10],
];
const BDM_SIZES = [10, 50, 100, 200];

/**
 * Forecasting: one full KTAB SMP run (to its stopping rule, at most 100 turns) on random actor tables of
 * growing size, and one full BDM run (at most 20 rounds) on one dimension; the target is 1 s per run.
 */
export const forecastSuite: BenchSuite = {
  name: 'forecast',
  async run() {
    const results: BenchResult[] = [];
    const smpOptions = SmpOptions.parse({});
    for (const [actors, dimensions] of SMP_SIZES) {
      const t = randomTable(actors, dimensions, 1);
      let turns = 0;
      const ms = time(() => {
        turns = runSmp(t, t.positions, smpOptions).turns.length;
      });
      results.push({
        suite: 'forecast',
        case: `smp ${actors} actors x ${dimensions} dimensions`,
        metric: 'run',
        value: Math.round(ms * 10) / 10,
        unit: 'ms',
        target: 1000,
        better: 'lower',
        notes: `${turns} turns to the stopping rule, KTAB defaults`,
      });
    }
    const bdmOptions = BdmOptions.parse({ maxRounds: 20 });
    for (const actors of BDM_SIZES) {
      const t = randomTable(actors, 1, 2);
      const table = t.positions.map((p, i) => ({
        capability: t.capabilities[i],
        position: p[0],
        salience: t.saliences[i][0],
      }));
      let rounds = 0;
      const ms = time(() => {
        rounds = runBdm(table, 1, bdmOptions).rounds.length;
      });
      results.push({
        suite: 'forecast',
        case: `bdm ${actors} actors x 1 dimension`,
        metric: 'run',
        value: Math.round(ms * 10) / 10,
        unit: 'ms',
        target: 1000,
        better: 'lower',
        notes: `${rounds} rounds (at most 20), default options`,
      });
    }
    return results;
  },
};
