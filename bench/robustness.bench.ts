import { createMonteCarloPool } from '../src/adapters/workers/monte-carlo-pool.js';
import { resolveCandidates } from '../src/core/analysis/robustness/candidates.js';
import { runMonteCarlo } from '../src/core/analysis/robustness/monte-carlo.js';
import { compileScenario } from '../src/core/model/compile.js';
import { syntheticPackages, syntheticScenario } from '../test/support/uncertain-scenario.js';
import type { BenchResult, BenchSuite } from './bench-result.js';

const SAMPLES = 10_000;
const ROUNDS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export const robustnessBench: BenchSuite = {
  name: 'robustness',
  async run(): Promise<BenchResult[]> {
    const scenario = syntheticScenario();
    const packages = syntheticPackages(scenario);
    const compiled = compileScenario(scenario);
    const candidates = resolveCandidates(compiled, packages);
    const pool = createMonteCarloPool({ threads: 2 });
    const serialMs: number[] = [];
    const parallelMs: number[] = [];
    // CPU time of the whole process (every thread): unlike wall-clock time it barely moves when other
    // programs compete for the cores, so it separates parallel overhead from a busy machine.
    const cpuRatios: number[] = [];
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000;
    };
    try {
      // Warm both paths up, then alternate them so that any drift in machine load hits both alike.
      runMonteCarlo(compiled, candidates, { samples: SAMPLES / 2, seed: 'warm-up' });
      await pool.run(scenario, packages, { samples: SAMPLES, seed: 'warm-up' });
      for (let k = 0; k < ROUNDS; k++) {
        let cpu0 = process.cpuUsage();
        let t0 = performance.now();
        runMonteCarlo(compiled, candidates, { samples: SAMPLES, seed: k });
        serialMs.push(performance.now() - t0);
        const serialCpu = cpuMs(cpu0);
        cpu0 = process.cpuUsage();
        t0 = performance.now();
        await pool.run(scenario, packages, { samples: SAMPLES, seed: k });
        parallelMs.push(performance.now() - t0);
        cpuRatios.push(cpuMs(cpu0) / serialCpu);
      }
    } finally {
      await pool.destroy();
    }
    const serial = median(serialMs);
    const parallel = median(parallelMs);
    const shape = '5 parties, 18 issues, 4 packages (2 partial)';
    return [
      {
        suite: 'robustness',
        case: 'monte-carlo serial',
        metric: 'samples per second',
        value: Math.round((SAMPLES / serial) * 1000),
        unit: 'samples/s',
        better: 'higher',
        notes: `${shape}; median of ${ROUNDS} runs of ${SAMPLES} samples, summaries included`,
      },
      {
        suite: 'robustness',
        case: 'monte-carlo 2 workers',
        metric: 'samples per second',
        value: Math.round((SAMPLES / parallel) * 1000),
        unit: 'samples/s',
        better: 'higher',
        notes: `${shape}; warm pool; includes compiling in each worker, copying tallies back, merging and summaries`,
      },
      {
        suite: 'robustness',
        case: 'monte-carlo speed-up 1 -> 2 workers',
        metric: 'speed-up',
        value: Math.round((serial / parallel) * 100) / 100,
        unit: 'x',
        better: 'higher',
        notes: 'wall-clock; meaningful only on a machine with two otherwise idle cores',
      },
      {
        suite: 'robustness',
        case: 'monte-carlo 2 workers CPU overhead',
        metric: 'CPU time, 2 workers / serial',
        value: Math.round(median(cpuRatios) * 100) / 100,
        unit: 'x',
        better: 'lower',
        notes: 'process CPU time over all threads; 1 = no work added by splitting across threads',
      },
    ];
  },
};
