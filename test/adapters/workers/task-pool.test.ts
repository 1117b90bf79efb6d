import { afterAll, describe, expect, it } from 'vitest';
import { nodeComputePorts } from '../../../src/adapters/node/node-ports.js';
import { createHighsSolver } from '../../../src/adapters/solver/highs-solver.js';
import { createWorkerSolver } from '../../../src/adapters/solver/worker-solver.js';
import {
  closeProcessTaskPool,
  createTaskPool,
  processTaskPool,
} from '../../../src/adapters/workers/task-pool.js';
import { analyze } from '../../../src/app/analyze.js';
import { CancelledError } from '../../../src/app/ports.js';
import { robustness } from '../../../src/app/robustness.js';
import { serialMap } from '../../../src/app/serial-map.js';
import { MilpBuilder } from '../../../src/core/analysis/milp/milp-problem.js';
import { NEVER_CANCELLED } from '../../../src/core/ports.js';
import { tinyScenario } from '../../support/tiny-scenario.js';

afterAll(closeProcessTaskPool);

/** max 3x + 2y + 4z subject to x + y + z <= 2, x + z <= 1.5, x, y, z binary: x = 0, y = 1, z = 1, value 6. */
function smallMilp() {
  const b = new MilpBuilder();
  const [x, y, z] = ['x', 'y', 'z'].map((n) => b.addVariable(n, 0, 1, 'binary'));
  const term = (variables: number[], coefficients: number[]) => ({ variables, coefficients, constant: 0 });
  b.atMost('capacity', term([x, y, z], [1, 1, 1]), 2);
  b.atMost('pair', term([x, z], [1, 1]), 1.5);
  return b.problem('maximize', term([x, y, z], [3, 2, 4]));
}

describe('the process task pool', () => {
  it('is one pool for the process, kept across calls', () => {
    expect(processTaskPool(2)).toBe(processTaskPool(2));
  });

  it('solves a MILP on a worker thread with the same answer as in the calling thread', async () => {
    const problem = smallMilp();
    const here = await createHighsSolver().solve(problem);
    const there = await createWorkerSolver(processTaskPool(2)).solve(problem);
    expect(there.status).toBe('optimal');
    expect(there.objective).toBeCloseTo(6, 9);
    expect(Array.from(there.values)).toEqual(Array.from(here.values));
  });

  it('gives the Monte Carlo result of the serial run, on threads', async () => {
    const input = { scenario: tinyScenario(), samples: 300, seed: 5 };
    const threaded = await robustness(input, nodeComputePorts({ threads: 2 }));
    const serial = await robustness(input, { ...nodeComputePorts(), parallel: serialMap() });
    expect(threaded).toEqual(serial);
  });

  it('stops a use case whose cancellation is signalled, and reports each step as it starts', async () => {
    const controller = new AbortController();
    const steps: string[] = [];
    const progress = {
      report: ({ step }: { step: string }) => {
        steps.push(step);
        if (step === 'pareto frontier') controller.abort(new Error('stopped by the user'));
      },
    };
    const ports = { ...nodeComputePorts({ progress, cancel: controller.signal }) };
    await expect(analyze({ scenario: tinyScenario() }, ports)).rejects.toBeInstanceOf(CancelledError);
    expect(steps).toEqual(['agreement zone', 'pareto frontier']);
  });

  it('refuses work once closed, and rejects an already cancelled map', async () => {
    const pool = createTaskPool({ threads: 1 });
    const cancelled = AbortSignal.abort('no');
    await expect(pool.map('monte-carlo', [], cancelled)).rejects.toBeInstanceOf(CancelledError);
    await pool.close();
    await expect(pool.map('monte-carlo', [], NEVER_CANCELLED)).rejects.toThrow(/closed/);
  });
});
