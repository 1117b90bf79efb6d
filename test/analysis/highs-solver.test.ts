import { describe, expect, it } from 'vitest';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import {
  combine,
  type LinearExpr,
  MilpBuilder,
  variableExpr,
} from '../../src/core/analysis/milp/milp-problem.js';

const solver = createHighsSolver();
const sum = (terms: Array<[number, number]>): LinearExpr =>
  combine(terms.map(([c, v]): [number, LinearExpr] => [c, variableExpr(v)]));

describe('HiGHS adapter', () => {
  it('solves a small MILP exactly (chairs and tables)', async () => {
    const b = new MilpBuilder();
    const chairs = b.addVariable('chairs', 0, Number.POSITIVE_INFINITY, 'integer');
    const tables = b.addVariable('tables', 0, Number.POSITIVE_INFINITY, 'integer');
    b.atMost(
      'carpentry',
      sum([
        [1, chairs],
        [2, tables],
      ]),
      40,
    );
    b.atMost(
      'finishing',
      sum([
        [2, chairs],
        [1, tables],
      ]),
      50,
    );
    const s = await solver.solve(
      b.problem(
        'maximize',
        sum([
          [30, chairs],
          [50, tables],
        ]),
      ),
    );
    expect(s.status).toBe('optimal');
    expect(s.objective).toBeCloseTo(1100, 9);
    expect(Array.from(s.values)).toEqual([20, 10]);
    expect(s.bound).toBeCloseTo(1100, 9);
    expect(s.mipGap).toBe(0);
  });

  it('passes coefficients exactly: a constraint tight to 1e-12 keeps its optimum', async () => {
    const b = new MilpBuilder();
    const x = b.addVariable('x', 0, 10);
    b.atMost('tight', sum([[1 / 3, x]]), 1 / 3 + 1e-12);
    const s = await solver.solve(b.problem('maximize', variableExpr(x)));
    expect(s.objective).toBeCloseTo(1 + 3e-12, 11);
  });

  it('reports LP duals as the rate of change of the optimum per unit of the bound', async () => {
    const b = new MilpBuilder();
    const chairs = b.addVariable('chairs', 0, Number.POSITIVE_INFINITY);
    const tables = b.addVariable('tables', 0, Number.POSITIVE_INFINITY);
    b.atMost(
      'carpentry',
      sum([
        [1, chairs],
        [2, tables],
      ]),
      40,
    );
    b.atMost(
      'finishing',
      sum([
        [2, chairs],
        [1, tables],
      ]),
      50,
    );
    const s = await solver.solve(
      b.problem(
        'maximize',
        sum([
          [30, chairs],
          [50, tables],
        ]),
      ),
    );
    // Shadow prices: (2·50 − 30)/3 and (2·30 − 50)/3.
    expect(s.rowDuals?.[0]).toBeCloseTo(70 / 3, 9);
    expect(s.rowDuals?.[1]).toBeCloseTo(10 / 3, 9);
  });

  it('reports infeasible and unbounded problems as statuses, not errors', async () => {
    const b = new MilpBuilder();
    const x = b.addVariable('x', 0, 1, 'binary');
    const y = b.addVariable('y', 0, 1, 'binary');
    b.atLeast(
      'both',
      sum([
        [1, x],
        [1, y],
      ]),
      3,
    );
    expect((await solver.solve(b.problem('maximize', variableExpr(x)))).status).toBe('infeasible');
    const u = new MilpBuilder();
    const z = u.addVariable('z', 0, Number.POSITIVE_INFINITY, 'integer');
    u.atLeast('floor', variableExpr(z), 1);
    const unbounded = await solver.solve(u.problem('maximize', variableExpr(z)));
    expect(unbounded.status).toBe('unbounded');
    expect(unbounded.hasSolution).toBe(false);
  });

  it('treats a row with no variables by its bounds (an impossible constant makes the problem infeasible)', async () => {
    const b = new MilpBuilder();
    b.addVariable('x', 0, 1, 'binary');
    b.atMost('impossible', combine([]), -1);
    expect((await solver.solve(b.problem('maximize', variableExpr(0)))).status).toBe('infeasible');
    const empty = new MilpBuilder();
    empty.atMost('fine', combine([]), 0);
    const constant = await solver.solve(empty.problem('maximize', combine([])));
    expect(constant.status).toBe('optimal');
  });

  it('stops at a time limit with status time-limit', async () => {
    // A 200-item market-split style knapsack is far too hard to finish in 10 ms.
    const b = new MilpBuilder();
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    const items = Array.from({ length: 200 }, (_, k) => b.addVariable(`x${k}`, 0, 1, 'binary'));
    for (let row = 0; row < 4; row++) {
      const weights = items.map(() => next() % 1000);
      const total = weights.reduce((a, w) => a + w, 0);
      b.equal(
        `split${row}`,
        sum(items.map((v, k): [number, number] => [weights[k], v])),
        Math.floor(total / 2),
      );
    }
    const s = await solver.solve(b.problem('maximize', sum(items.map((v): [number, number] => [1, v]))), {
      timeLimitSeconds: 0.01,
    });
    expect(s.status).toBe('time-limit');
  });
});
