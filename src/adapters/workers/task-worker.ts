import { MILP_SOLVE_TASK, type MilpSolveTask } from '../../core/analysis/milp/solve-task.js';
import type { MilpSolution } from '../../core/analysis/milp/solver.js';
import { MONTE_CARLO_TASK, type MonteCarloTask } from '../../core/analysis/robustness/monte-carlo-task.js';
import { createHighsSolver } from '../solver/highs-solver.js';
import runMonteCarloTask from './monte-carlo-worker.js';

/** What the pool sends a thread: the task's name and its plain-data input. */
export interface PooledTask {
  task: string;
  input: unknown;
}

let solver: ReturnType<typeof createHighsSolver> | undefined;

/** Worker-thread entry of the process's task pool (loaded by piscina from dist/): runs one named task. */
export default async function runPooledTask({ task, input }: PooledTask): Promise<unknown> {
  if (task === MONTE_CARLO_TASK) return runMonteCarloTask(input as MonteCarloTask);
  if (task === MILP_SOLVE_TASK) {
    solver ??= createHighsSolver();
    const { problem, options } = input as MilpSolveTask;
    const solution: MilpSolution = await solver.solve(problem, options);
    return solution;
  }
  throw new Error(`unknown task '${task}' (known: ${MONTE_CARLO_TASK}, ${MILP_SOLVE_TASK})`);
}
