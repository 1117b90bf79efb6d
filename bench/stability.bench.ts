import { createRng } from '../src/core/random/rng.js';
import { coalitionsOf, coalitionVerdict } from '../src/core/stability/coalition-improvements.js';
import type { Conflict } from '../src/core/stability/conflict.js';
import { buildGraphModel, type GraphModel } from '../src/core/stability/graph-model.js';
import { enumerateInverse } from '../src/core/stability/inverse-gmcr.js';
import { isStable } from '../src/core/stability/stability-concepts.js';
import { stabilityTable } from '../src/core/stability/stability-table.js';
import { statusQuoPaths } from '../src/core/stability/status-quo.js';
import type { BenchResult, BenchSuite } from './bench-result.js';

/** A conflict of `dms` decision makers sharing `optionCount` options round-robin, no infeasible states, seeded strict rankings. */
function randomConflict(dms: number, optionCount: number, seed: number): Conflict {
  const rng = createRng(seed);
  const states = 2 ** optionCount;
  return {
    options: Array.from({ length: optionCount }, (_, i) => ({
      name: `o${i}`,
      decisionMaker: i % dms,
      direction: 'both' as const,
    })),
    decisionMakers: Array.from({ length: dms }, (_, d) => ({
      name: `dm${d}`,
      options: Array.from({ length: optionCount }, (_, i) => i).filter((i) => i % dms === d),
    })),
    infeasible: [],
    preferences: Array.from({ length: dms }, () => {
      const order = Array.from({ length: states }, (_, s) => s + 1);
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
      return { kind: 'ranking' as const, ranking: order.map((s) => [s]) };
    }),
  };
}

function timeOnce(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const ANALYSES: Record<string, (model: GraphModel) => void> = {
  'all concepts (Nash, GMR, SMR, SEQ, SIM and combinations)': (model) => {
    stabilityTable(model, { sequenceRule: 'legalSequence' });
  },
  'GMR only': (model) => {
    for (let p = 0; p < model.players.length; p++) {
      for (let s = 0; s < model.space.codes.length; s++)
        isStable(model, p, s, 'gmr', { sequenceRule: 'legalSequence' });
    }
  },
  'coalition improvements (every coalition)': (model) => {
    for (const coalition of coalitionsOf(model.players.length)) {
      for (let s = 0; s < model.space.codes.length; s++)
        coalitionVerdict(model, coalition, s, 'legalSequence');
    }
  },
  'status quo paths': (model) => {
    statusQuoPaths(model, 0);
  },
};

/**
 * The largest conflict each analysis handles within 1 s: for 2 to 5 decision makers, options (shared
 * round-robin) grow one at a time until the run takes longer than a second; the last size under a second is reported.
 */
export const stabilitySuite: BenchSuite = {
  name: 'stability',
  async run(): Promise<BenchResult[]> {
    const results: BenchResult[] = [];
    for (const [analysis, run] of Object.entries(ANALYSES)) {
      for (const dms of [2, 3, 4, 5]) {
        let largest: { states: number; ms: number } | undefined;
        // One more option doubles the states, so the first size over a second takes at most a few seconds.
        for (let options = dms; options <= 16; options++) {
          const model = buildGraphModel(randomConflict(dms, options, 20261203 + dms * 100 + options));
          const ms = timeOnce(() => run(model));
          if (ms > 1000) break;
          largest = { states: model.space.codes.length, ms };
        }
        if (largest) {
          results.push({
            suite: 'stability',
            case: `${analysis}, ${dms} decision makers`,
            metric: 'largest number of states within 1 s',
            value: largest.states,
            unit: 'states',
            better: 'higher',
            notes: `took ${largest.ms.toFixed(0)} ms; the next size (one more option, twice the states) took longer than 1 s, or 16 options were reached`,
          });
        }
      }
    }
    const pd = buildGraphModel(randomConflict(2, 1, 1));
    const ms = timeOnce(() => enumerateInverse(pd, 0, { sequenceRule: 'legalSequence' }));
    results.push({
      suite: 'stability',
      case: 'inverse GMCR, 2 decision makers, 4 states, all 576 pairs of strict rankings',
      metric: 'time',
      value: ms,
      unit: 'ms',
      better: 'lower',
    });
    return results;
  },
};
