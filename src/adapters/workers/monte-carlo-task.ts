import type { PackageSpec } from '../../core/analysis/robustness/candidates.js';
import type { Distribution } from '../../core/random/samplers.js';
import type { Scenario } from '../../schema/scenario.js';

/**
 * A bargaining solution that a worker thread loads itself (functions cannot cross threads): an ES module,
 * given as a file URL or an absolute path, whose export (default: `default`) is a SolveFn.
 */
export interface SolverModule {
  name: string;
  module: string;
  exportName?: string;
}

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
