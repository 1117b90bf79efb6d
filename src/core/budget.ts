import type { MilpSolution, MilpSolver } from './analysis/milp/solver.js';
import { type Cancellation, type Clock, deadlineOf, NEVER_CANCELLED } from './ports.js';

/**
 * The time a computation may take: a deadline on a clock, ended early by a cancellation. A deadline is a
 * cancellation that fires by itself, so the budget also reads as one (`asCancellation`) for code that checks
 * `aborted` between units of work. Reading it costs a clock call: check it at coarse intervals.
 */
export interface Budget {
  /** The limit it was made with (undefined: none). */
  readonly timeLimitSeconds?: number;
  /** True once the deadline has passed or the cancellation fired; stays true. */
  exhausted(): boolean;
  /** Seconds left (+Infinity without a limit, 0 once exhausted). */
  remainingSeconds(): number;
}

export const UNLIMITED_BUDGET: Budget = {
  exhausted: () => false,
  remainingSeconds: () => Number.POSITIVE_INFINITY,
};

/** A budget of `timeLimitSeconds` from now on `clock` (none when undefined), ended early by `cancel`. */
export function createBudget(
  timeLimitSeconds: number | undefined,
  clock: Clock,
  cancel: Cancellation = NEVER_CANCELLED,
): Budget {
  const deadline = deadlineOf(timeLimitSeconds, clock);
  let spent = false;
  const exhausted = () => {
    spent ||= cancel.aborted || clock.now() >= deadline;
    return spent;
  };
  return {
    timeLimitSeconds,
    exhausted,
    remainingSeconds: () =>
      exhausted()
        ? 0
        : Number.isFinite(deadline)
          ? (deadline - clock.now()) / 1000
          : Number.POSITIVE_INFINITY,
  };
}

/** The budget as a Cancellation: `aborted` once it is exhausted (deadline or the underlying cancellation). */
export function budgetCancellation(budget: Budget, cancel: Cancellation = NEVER_CANCELLED): Cancellation {
  return {
    get aborted() {
      return budget.exhausted();
    },
    get reason() {
      return cancel.aborted ? cancel.reason : 'time limit reached';
    },
  };
}

/**
 * A solver that never runs past the budget: every solve gets the time that is left as its own limit (or its
 * caller's, if smaller), and once the budget is exhausted a solve returns at once with status 'time-limit' and
 * nothing proven, which every analysis already reports as unproven rather than as an answer.
 */
export function budgetedSolver(solver: MilpSolver, budget: Budget): MilpSolver {
  return {
    solve(problem, options = {}) {
      if (budget.exhausted()) return Promise.resolve(nothingProven(problem.sense, problem.variables.length));
      const limit = Math.min(options.timeLimitSeconds ?? Number.POSITIVE_INFINITY, budget.remainingSeconds());
      return solver.solve(problem, {
        ...options,
        timeLimitSeconds: Number.isFinite(limit) ? limit : undefined,
      });
    },
  };
}

function nothingProven(sense: 'maximize' | 'minimize', variables: number): MilpSolution {
  return {
    status: 'time-limit',
    hasSolution: false,
    objective: Number.NaN,
    bound: sense === 'maximize' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY,
    mipGap: Number.POSITIVE_INFINITY,
    values: new Float64Array(variables),
  };
}
