import type { MilpProblem } from '../../core/analysis/milp/milp-problem.js';
import { MILP_SOLVE_TASK, type MilpSolveTask } from '../../core/analysis/milp/solve-task.js';
import {
  type MilpSolution,
  type MilpSolveOptions,
  type MilpSolver,
  SolverError,
} from '../../core/analysis/milp/solver.js';
import type { ParallelMap } from '../../core/ports.js';

/**
 * A MilpSolver that sends each solve to a worker thread of `pool`, so that a long HiGHS solve never holds the
 * calling thread (a server's event loop stays free). Each solve pays a copy of the problem to the thread, so
 * the in-thread solver stays the better choice for a one-shot CLI run.
 */
export function createWorkerSolver(pool: ParallelMap): MilpSolver {
  return {
    async solve(problem: MilpProblem, options?: MilpSolveOptions): Promise<MilpSolution> {
      try {
        const [solution] = await pool.map<MilpSolveTask, MilpSolution>(MILP_SOLVE_TASK, [
          { problem, options },
        ]);
        return solution;
      } catch (error) {
        throw new SolverError(error instanceof Error ? error.message : String(error));
      }
    },
  };
}
