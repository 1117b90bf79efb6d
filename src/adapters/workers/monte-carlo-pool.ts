import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { type PackageSpec, resolveCandidates } from '../../core/analysis/robustness/candidates.js';
import {
  MonteCarloError,
  type MonteCarloResult,
  type MonteCarloTallies,
  mergeTallies,
  summariseTallies,
} from '../../core/analysis/robustness/monte-carlo.js';
import {
  type MonteCarloTask,
  type SolverModule,
  splitSamples,
} from '../../core/analysis/robustness/monte-carlo-task.js';
import { compileScenario } from '../../core/model/compile.js';
import type { Distribution } from '../../core/random/samplers.js';
import type { Scenario } from '../../schema/scenario.js';

export { splitSamples };

/**
 * Worker threads run compiled JavaScript only. When this module runs compiled, the worker sits beside it
 * (in dist/ or in the benchmarks' build); when it runs from TypeScript sources (tests), the worker is looked
 * up in dist/, so tests need `npm run build` first, which `npm test` does.
 */
export const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('../../../dist/adapters/workers/monte-carlo-worker.js', import.meta.url)
  : new URL('./monte-carlo-worker.js', import.meta.url);
export const workerFile = fileURLToPath(WORKER_URL);

export interface ParallelMonteCarloOptions {
  samples: number;
  seed: number | string;
  /** Date for dated BATNAs (as for compileScenario). */
  at?: string;
  distribution?: Distribution;
  solvers?: SolverModule[];
  /** Number of chunks the samples are split into (default: one per thread). Results never depend on it. */
  chunks?: number;
}

export interface MonteCarloPool {
  readonly threads: number;
  run(
    scenario: Scenario,
    packages: PackageSpec[],
    options: ParallelMonteCarloOptions,
  ): Promise<MonteCarloResult>;
  /** Terminates the worker threads; the pool cannot be used afterwards. */
  destroy(): Promise<void>;
}

export function createMonteCarloPool(options: { threads?: number } = {}): MonteCarloPool {
  const threads = options.threads ?? availableParallelism();
  if (!Number.isSafeInteger(threads) || threads < 1) {
    throw new MonteCarloError(`threads must be a positive integer, got ${threads}`);
  }
  if (!existsSync(workerFile)) {
    throw new MonteCarloError(
      'the Monte Carlo worker is compiled JavaScript at dist/adapters/workers/monte-carlo-worker.js, ' +
        'which is missing: run `npm run build` first',
    );
  }
  // Piscina starts one thread and grows on demand; fixing both bounds gives every chunk its thread at once.
  const piscina = new Piscina<MonteCarloTask, MonteCarloTallies>({
    filename: WORKER_URL.href,
    minThreads: threads,
    maxThreads: threads,
  });
  let destroyed = false;
  return {
    threads,
    async run(scenario, packages, runOptions) {
      if (destroyed) throw new MonteCarloError('this Monte Carlo pool has been destroyed');
      const { samples } = runOptions;
      if (!Number.isSafeInteger(samples) || samples < 1) {
        throw new MonteCarloError(`samples must be a positive integer, got ${samples}`);
      }
      // Resolve here first so that a bad package is reported once, before any thread starts on it.
      resolveCandidates(compileScenario(scenario, { at: runOptions.at }), packages);
      const ranges = splitSamples(samples, runOptions.chunks ?? threads);
      const chunks = await Promise.all(
        ranges.map(([from, to]) =>
          piscina.run({
            scenario,
            at: runOptions.at,
            packages,
            seed: runOptions.seed,
            from,
            to,
            distribution: runOptions.distribution,
            solvers: runOptions.solvers,
          }),
        ),
      );
      return summariseTallies(mergeTallies(chunks));
    },
    async destroy() {
      destroyed = true;
      await piscina.destroy();
    },
  };
}

/** Runs the samples across worker threads and shuts the threads down; identical to the serial run for a seed. */
export async function runMonteCarloParallel(
  scenario: Scenario,
  packages: PackageSpec[],
  options: ParallelMonteCarloOptions & { threads?: number },
): Promise<MonteCarloResult> {
  const pool = createMonteCarloPool({ threads: options.threads });
  try {
    return await pool.run(scenario, packages, options);
  } finally {
    await pool.destroy();
  }
}
