import type { MilpProblem } from './milp-problem.js';

export type MilpStatus = 'optimal' | 'infeasible' | 'unbounded' | 'time-limit';

export interface MilpSolveOptions {
  /** Wall-clock limit for this solve; on expiry the status is 'time-limit' (with the incumbent, if any). */
  timeLimitSeconds?: number;
  /** Relative optimality gap at which the solver may stop; 0 (the default) asks for a proven optimum. */
  relativeGap?: number;
  /** Absolute optimality gap at which the solver may stop (default 1e-9). */
  absoluteGap?: number;
}

export interface MilpSolution {
  status: MilpStatus;
  /** Whether `values` holds a feasible point (always for 'optimal'; maybe for 'time-limit'). */
  hasSolution: boolean;
  /** Objective value at `values` (NaN without a solution). */
  objective: number;
  /**
   * The best proven bound on the optimum: an upper bound when maximising, a lower bound when minimising
   * (equal to `objective` for a solved LP; ±Infinity when nothing is proven).
   */
  bound: number;
  /** Relative gap |objective − bound| / max(1, |objective|) as reported by the solver (0 when proven). */
  mipGap: number;
  values: Float64Array;
  /**
   * Dual values of the constraints when the problem has no integer variables and was solved to optimality:
   * the rate of change of the optimum per unit increase of the constraint's binding bound.
   */
  rowDuals?: Float64Array;
}

/** Solves LPs and MILPs. Core analysis receives one as a parameter and never depends on a concrete solver. */
export interface MilpSolver {
  solve(problem: MilpProblem, options?: MilpSolveOptions): Promise<MilpSolution>;
}

/** Raised when a solver reports something other than a usable optimum where the analysis needs one. */
export class SolverError extends Error {}
