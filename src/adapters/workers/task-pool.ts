import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { CancelledError } from '../../app/ports.js';
import type { Cancellation, ParallelMap } from '../../core/ports.js';
import { rememberStartedPool } from './started-pool.js';
import type { PooledTask } from './task-worker.js';

/** Compiled JavaScript only (threads do not load TypeScript); see WORKER_URL in monte-carlo-pool.ts. */
const TASK_WORKER_URL = new URL('../../../dist/adapters/workers/task-worker.js', import.meta.url);

export interface TaskPool extends ParallelMap {
  /** Terminates the threads; a closed pool refuses work. */
  close(): Promise<void>;
}

/** A ParallelMap over worker threads: each input is one task, run by the thread's `task-worker`. */
export function createTaskPool(options: { threads?: number } = {}): TaskPool {
  const threads = options.threads ?? availableParallelism();
  if (!Number.isSafeInteger(threads) || threads < 1) {
    throw new RangeError(`threads must be a positive integer, got ${threads}`);
  }
  if (!existsSync(fileURLToPath(TASK_WORKER_URL))) {
    throw new Error(
      'the task worker is compiled JavaScript at dist/adapters/workers/task-worker.js, which is missing: run `npm run build` first',
    );
  }
  // Piscina starts one thread and grows on demand; fixing both bounds gives every task its thread at once.
  const piscina = new Piscina<PooledTask, unknown>({
    filename: TASK_WORKER_URL.href,
    minThreads: threads,
    maxThreads: threads,
  });
  let closed = false;
  return {
    parallelism: threads,
    async map<TInput, TOutput>(task: string, inputs: readonly TInput[], cancel?: Cancellation) {
      if (closed) throw new Error('this task pool has been closed');
      if (cancel?.aborted) throw new CancelledError(cancel.reason);
      const signal = cancel instanceof AbortSignal ? cancel : undefined;
      try {
        return (await Promise.all(
          inputs.map((input) => piscina.run({ task, input }, { signal })),
        )) as TOutput[];
      } catch (error) {
        if (cancel?.aborted) throw new CancelledError(cancel.reason);
        throw error;
      }
    },
    async close() {
      closed = true;
      await piscina.destroy();
    },
  };
}

let shared: TaskPool | undefined;

/**
 * The process's one task pool, created on first use and kept for every later call (threads start once, not
 * per analysis). `threads` applies when it is created. Close it with closeProcessTaskPool() before exit.
 */
export function processTaskPool(threads?: number): TaskPool {
  if (!shared) {
    shared = createTaskPool({ threads });
    rememberStartedPool(closeProcessTaskPool);
  }
  return shared;
}

/** Closes the process's task pool if one was started; safe to call when none was. */
export async function closeProcessTaskPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}

/** A ParallelMap that starts the process's pool only when a task is first mapped. */
export function lazyProcessTaskPool(threads?: number): ParallelMap {
  return {
    get parallelism() {
      return shared?.parallelism ?? threads ?? availableParallelism();
    },
    map(task, inputs, cancel) {
      return processTaskPool(threads).map(task, inputs, cancel);
    },
  };
}
