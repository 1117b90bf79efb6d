import type { BenchResult, BenchSuite } from '../../bench/bench-result.js';
import { benchScenario, simulationCoreBench } from '../../core/simulation/simulation.bench.js';
import { runTournament } from './tournament.js';

/** Tournament throughput (matches per second, pool start-up included) with 1 and 2 worker threads. */
async function tournamentThroughput(threads: number): Promise<BenchResult> {
  const config = {
    scenarios: [{ scenario: benchScenario() }],
    strategies: ['boulware', 'linear', 'conceder', 'tit-for-tat'],
    repetitions: 50,
    seed: 1,
    simulation: { deadline: { rounds: 100 } },
  };
  const start = performance.now();
  const result = await runTournament(config, { threads });
  const seconds = (performance.now() - start) / 1000;
  return {
    suite: 'simulation',
    case: `tournament/${threads}-worker${threads > 1 ? 's' : ''}`,
    metric: 'matches per second',
    value: result.matches.length / seconds,
    unit: '1/s',
    better: 'higher',
    notes: `${result.matches.length} matches of 100 rounds on the synthetic 8×5 space, pool start-up and per-worker precomputation included`,
  };
}

export const simulationBench: BenchSuite = {
  name: 'simulation',
  async run() {
    return [...simulationCoreBench(), await tournamentThroughput(1), await tournamentThroughput(2)];
  },
};
