import type { Scenario } from '../../../schema/scenario.js';
import type { CompiledScenario } from '../../model/compile.js';
import type { Distribution } from '../../random/samplers.js';
import { type PackageSpec, resolveCandidates } from './candidates.js';
import { type MonteCarloTallies, runMonteCarloChunk, type SolveFn } from './monte-carlo.js';

/**
 * A bargaining solution that a worker loads itself (functions cannot cross threads): an ES module, given as a
 * file URL or an absolute path, whose export (default: `default`) is a SolveFn. The module name
 * ENUMERATED_SOLUTIONS names Parley's own enumerated solutions, which every worker has without a path.
 */
export interface SolverModule {
  name: string;
  module: string;
  exportName?: string;
}

export const ENUMERATED_SOLUTIONS = 'parley:enumerated-solutions';

/** The enumerated bargaining solutions that `robustness` checks per draw, by their built-in name. */
export function enumeratedSolutionModules(): SolverModule[] {
  return [
    { name: 'nash', module: ENUMERATED_SOLUTIONS, exportName: 'nashOutcome' },
    { name: 'kalai-smorodinsky', module: ENUMERATED_SOLUTIONS, exportName: 'kalaiSmorodinskyOutcome' },
    { name: 'egalitarian', module: ENUMERATED_SOLUTIONS, exportName: 'egalitarianOutcome' },
    { name: 'utilitarian', module: ENUMERATED_SOLUTIONS, exportName: 'utilitarianOutcome' },
  ];
}

/** The name under which a ParallelMap runs Monte Carlo chunks. */
export const MONTE_CARLO_TASK = 'monte-carlo';

/** One chunk of a Monte Carlo run, as plain data: the worker compiles the scenario itself. */
export interface MonteCarloTask {
  scenario: Scenario;
  /** Date for dated BATNAs (as for compileScenario). */
  at?: string;
  packages: PackageSpec[];
  seed: number | string;
  from: number;
  to: number;
  distribution?: Distribution;
  solvers?: SolverModule[];
}

/** Contiguous sample ranges [from, to) covering 0..samples-1, as equal as possible, none empty. */
export function splitSamples(samples: number, chunks: number): Array<[number, number]> {
  const count = Math.max(1, Math.min(chunks, samples));
  return Array.from({ length: count }, (_, k): [number, number] => [
    Math.floor((k * samples) / count),
    Math.floor(((k + 1) * samples) / count),
  ]);
}

/** Runs one chunk with the scenario compiled by the caller and the solvers already loaded. */
export function runMonteCarloTask(
  compiled: CompiledScenario,
  task: MonteCarloTask,
  solvers: Record<string, SolveFn>,
): MonteCarloTallies {
  const packages = resolveCandidates(compiled, task.packages);
  return runMonteCarloChunk(compiled, packages, {
    seed: task.seed,
    from: task.from,
    to: task.to,
    distribution: task.distribution,
    solvers,
  });
}
