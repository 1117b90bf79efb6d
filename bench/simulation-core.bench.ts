import { compileScenario } from '../src/core/model/compile.js';
import type { SimulationConfig } from '../src/core/simulation/config.js';
import { simulate } from '../src/core/simulation/simulate.js';
import { syntheticScenario } from '../test/support/synthetic-scenario.js';
import type { BenchResult } from './bench-result.js';
import { timeMedian } from './bench-result.js';

/**
 * Negotiation speed on a synthetic additive space shaped like the Energy domain (2 parties, 8 issues × 5 options,
 * 390,625 outcomes): 100-round alternating offers between a Boulware and a conceder agent.
 */
export const benchScenario = () => syntheticScenario({ parties: 2, issues: 8, options: 5, seed: 1 });

export const benchConfig = (seed: number, recordTrace = true): SimulationConfig => ({
  agents: { party1: 'boulware', party2: 'conceder' },
  deadline: { rounds: 100 },
  seed,
  recordTrace,
});

export function simulationCoreBench(): BenchResult[] {
  const scenario = benchScenario();
  const suite = 'simulation';
  const notes = '2 parties, 8 issues × 5 options (390,625 outcomes), 100 rounds, Boulware vs conceder';
  // A fresh compile each time, so the offer-space precomputation (enumerate, sort, index) is included.
  const first = timeMedian(() => simulate(compileScenario(scenario), benchConfig(1)), 1000, 5);
  const compiled = compileScenario(scenario);
  simulate(compiled, benchConfig(0));
  const perSecond = (recordTrace: boolean): number => {
    const runs = 300;
    let seed = 0;
    const ms = timeMedian(() => {
      for (let k = 0; k < runs; k++) simulate(compiled, benchConfig(seed++, recordTrace));
    }, 1000);
    return (1000 * runs) / ms;
  };
  return [
    {
      suite,
      case: 'sao-100-rounds/first-negotiation',
      metric: 'time incl. preprocessing',
      value: first,
      unit: 'ms',
      target: 100,
      better: 'lower',
      notes,
    },
    {
      suite,
      case: 'sao-100-rounds/repeated',
      metric: 'negotiations per second (one core, full trace)',
      value: perSecond(true),
      unit: '1/s',
      target: 1000,
      better: 'higher',
      notes: `${notes}; precomputation reused`,
    },
    {
      suite,
      case: 'sao-100-rounds/repeated-no-trace',
      metric: 'negotiations per second (one core, metrics only)',
      value: perSecond(false),
      unit: '1/s',
      better: 'higher',
      notes: `${notes}; precomputation reused; as in tournaments`,
    },
  ];
}
