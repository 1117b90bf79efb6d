import type { MilpProblem } from './milp-problem.js';
import type { MilpSolveOptions } from './solver.js';

/** The name under which a ParallelMap solves one MILP (on a worker thread, say). */
export const MILP_SOLVE_TASK = 'milp-solve';

/** One solve as plain data. */
export interface MilpSolveTask {
  problem: MilpProblem;
  options?: MilpSolveOptions;
}
