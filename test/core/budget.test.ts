import { describe, expect, it } from 'vitest';
import type { MilpProblem } from '../../src/core/analysis/milp/milp-problem.js';
import type { MilpSolveOptions, MilpSolver } from '../../src/core/analysis/milp/solver.js';
import { budgetCancellation, budgetedSolver, createBudget } from '../../src/core/budget.js';

/** A clock the test moves by hand. */
function manualClock() {
  let now = 1000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** A solver that records the options of every solve and answers 'optimal'. */
function recordingSolver() {
  const calls: MilpSolveOptions[] = [];
  const solver: MilpSolver = {
    async solve(problem, options = {}) {
      calls.push(options);
      return {
        status: 'optimal',
        hasSolution: true,
        objective: 0,
        bound: 0,
        mipGap: 0,
        values: new Float64Array(problem.variables.length),
      };
    },
  };
  return { solver, calls };
}

const problem = {
  sense: 'maximize',
  variables: [{ name: 'x', kind: 'binary', lower: 0, upper: 1 }],
  objective: { variables: [0], coefficients: [1], constant: 0 },
  constraints: [],
} as unknown as MilpProblem;

describe('a budget', () => {
  it("gives every solve the time that is left, or the caller's own limit when smaller", async () => {
    const clock = manualClock();
    const { solver, calls } = recordingSolver();
    const budgeted = budgetedSolver(solver, createBudget(10, clock));
    await budgeted.solve(problem);
    clock.advance(4000);
    await budgeted.solve(problem);
    await budgeted.solve(problem, { timeLimitSeconds: 2 });
    expect(calls.map((c) => c.timeLimitSeconds)).toEqual([10, 6, 2]);
  });

  it('once spent, solves return at once with nothing proven and the solver is not called', async () => {
    const clock = manualClock();
    const { solver, calls } = recordingSolver();
    const budget = createBudget(1, clock);
    const budgeted = budgetedSolver(solver, budget);
    clock.advance(1000);
    const answer = await budgeted.solve(problem);
    expect(calls).toHaveLength(0);
    expect(answer).toMatchObject({
      status: 'time-limit',
      hasSolution: false,
      bound: Number.POSITIVE_INFINITY,
    });
    expect(budget.remainingSeconds()).toBe(0);
    expect(budgetCancellation(budget).aborted).toBe(true);
  });

  it('ends early with an outside cancellation, and without a limit never ends by itself', () => {
    const clock = manualClock();
    const outside = { aborted: false, reason: 'user' as unknown };
    const budget = createBudget(undefined, clock, outside);
    clock.advance(1e12);
    expect(budget.exhausted()).toBe(false);
    expect(budget.remainingSeconds()).toBe(Number.POSITIVE_INFINITY);
    outside.aborted = true;
    expect(budget.exhausted()).toBe(true);
    expect(budgetCancellation(budget, outside).reason).toBe('user');
  });
});
