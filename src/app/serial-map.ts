import * as enumeratedSolutions from '../core/analysis/robustness/enumerated-solutions.js';
import type { SolveFn } from '../core/analysis/robustness/monte-carlo.js';
import {
  ENUMERATED_SOLUTIONS,
  MONTE_CARLO_TASK,
  type MonteCarloTask,
  runMonteCarloTask,
} from '../core/analysis/robustness/monte-carlo-task.js';
import { compileScenario } from '../core/model/compile.js';
import { type Cancellation, type ParallelMap, throwIfCancelled } from './ports.js';

/**
 * A ParallelMap that runs every task in turn on the calling thread: for browsers, tests and small runs.
 * It knows the tasks the use cases send (Monte Carlo chunks with Parley's own solutions); results are the
 * same as on worker threads, because each chunk's random streams depend only on the seed and the draw.
 */
export function serialMap(): ParallelMap {
  return {
    parallelism: 1,
    async map<TInput, TOutput>(task: string, inputs: readonly TInput[], cancel?: Cancellation) {
      if (task !== MONTE_CARLO_TASK) throw new Error(`the serial map cannot run task '${task}'`);
      const outputs: TOutput[] = [];
      for (const input of inputs) {
        if (cancel) throwIfCancelled(cancel);
        const chunk = input as MonteCarloTask;
        const compiled = compileScenario(chunk.scenario, { at: chunk.at });
        outputs.push(runMonteCarloTask(compiled, chunk, builtInSolvers(chunk)) as TOutput);
      }
      return outputs;
    },
  };
}

function builtInSolvers(task: MonteCarloTask): Record<string, SolveFn> {
  const table = enumeratedSolutions as unknown as Record<string, SolveFn>;
  const solvers: Record<string, SolveFn> = {};
  for (const solver of task.solvers ?? []) {
    const solve = solver.module === ENUMERATED_SOLUTIONS ? table[solver.exportName ?? 'default'] : undefined;
    if (typeof solve !== 'function') {
      throw new Error(`the serial map runs Parley's own solutions only, not '${solver.module}'`);
    }
    solvers[solver.name] = solve;
  }
  return solvers;
}
