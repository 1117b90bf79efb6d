import { resolveCandidates } from '../../core/analysis/robustness/candidates.js';
import { type MonteCarloTallies, runMonteCarloChunk } from '../../core/analysis/robustness/monte-carlo.js';
import { compileScenario } from '../../core/model/compile.js';
import { loadSolvers } from './load-solvers.js';
import type { MonteCarloTask } from './monte-carlo-task.js';

/** Worker-thread entry (run by piscina from the compiled file in dist/): one chunk of samples. */
export default async function runTask(task: MonteCarloTask): Promise<MonteCarloTallies> {
  const compiled = compileScenario(task.scenario, { at: task.at });
  const packages = resolveCandidates(compiled, task.packages);
  return runMonteCarloChunk(compiled, packages, {
    seed: task.seed,
    from: task.from,
    to: task.to,
    distribution: task.distribution,
    solvers: await loadSolvers(task.solvers),
  });
}
