import { resolveCandidates } from '../core/analysis/robustness/candidates.js';
import { STABILITY_ENUMERATION_LIMIT } from '../core/analysis/robustness/enumerated-solutions.js';
import {
  MonteCarloError,
  type MonteCarloResult,
  type MonteCarloTallies,
  mergeTallies,
  summariseTallies,
} from '../core/analysis/robustness/monte-carlo.js';
import {
  enumeratedSolutionModules,
  MONTE_CARLO_TASK,
  type MonteCarloTask,
  splitSamples,
} from '../core/analysis/robustness/monte-carlo-task.js';
import type { Distribution } from '../core/random/samplers.js';
import { type AnalysisContext, analysisContext } from './analysis-context.js';
import type { AnalysisInput } from './analysis-input.js';
import { type ComputePorts, throwIfCancelled } from './ports.js';

export interface RobustnessInput extends AnalysisInput {
  /** Draws of every estimate over its range. */
  samples: number;
  seed: number | string;
  distribution?: Distribution;
}

export type RobustnessResult = MonteCarloResult | { skipped: string };

/**
 * How robust every package and bargaining solution is to the estimates' ranges: a seeded Monte Carlo run,
 * split into chunks over the parallel-map port. The result does not depend on the number of chunks.
 */
export function robustness(input: RobustnessInput, ports: ComputePorts): Promise<RobustnessResult> {
  return robustnessStep(analysisContext(input), input, ports);
}

export async function robustnessStep(
  context: AnalysisContext,
  input: RobustnessInput,
  ports: ComputePorts,
): Promise<RobustnessResult> {
  const { scenario } = input;
  const packages = scenario.packages.map((p) => p.id);
  if (packages.length === 0) return { skipped: 'the scenario has no packages to test' };
  if (!Number.isSafeInteger(input.samples) || input.samples < 1) {
    throw new MonteCarloError(`samples must be a positive integer, got ${input.samples}`);
  }
  // Resolve here first so that a bad package is reported once, before any worker starts on it.
  resolveCandidates(context.compiled, packages);
  const solvers =
    context.compiled.space.size <= STABILITY_ENUMERATION_LIMIT ? enumeratedSolutionModules() : [];
  const tasks: MonteCarloTask[] = splitSamples(input.samples, ports.parallel.parallelism).map(
    ([from, to]) => ({
      scenario,
      at: input.at,
      packages,
      seed: input.seed,
      from,
      to,
      distribution: input.distribution,
      solvers,
    }),
  );
  throwIfCancelled(ports.cancel);
  const chunks = await ports.parallel.map<MonteCarloTask, MonteCarloTallies>(
    MONTE_CARLO_TASK,
    tasks,
    ports.cancel,
  );
  return summariseTallies(mergeTallies(chunks));
}
