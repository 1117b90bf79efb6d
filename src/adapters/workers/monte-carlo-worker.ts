import type { MonteCarloTallies } from '../../core/analysis/robustness/monte-carlo.js';
import { type MonteCarloTask, runMonteCarloTask } from '../../core/analysis/robustness/monte-carlo-task.js';
import { compileScenario } from '../../core/model/compile.js';
import { loadSolvers } from './load-solvers.js';

/** Worker-thread entry (run by piscina from the compiled file in dist/): one chunk of samples. */
export default async function runTask(task: MonteCarloTask): Promise<MonteCarloTallies> {
  const compiled = compileScenario(task.scenario, { at: task.at });
  return runMonteCarloTask(compiled, task, await loadSolvers(task.solvers));
}
