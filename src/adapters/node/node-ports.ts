import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ComputePorts, FileStore } from '../../app/ports.js';
import { type Cancellation, NEVER_CANCELLED, NO_PROGRESS, type Progress } from '../../core/ports.js';
import { createHighsSolver } from '../solver/highs-solver.js';
import { createWorkerSolver } from '../solver/worker-solver.js';
import { lazyProcessTaskPool } from '../workers/task-pool.js';
import { writeFileAtomic } from './atomic-files.js';

export interface NodePortsOptions {
  /** Worker threads of the process's task pool (default: one per core); applies when the pool starts. */
  threads?: number;
  /**
   * Where MILPs are solved: 'in-thread' (default; fastest for a one-shot command) or 'worker' (never blocks
   * the calling thread; for servers).
   */
  solver?: 'in-thread' | 'worker';
  progress?: Progress;
  cancel?: Cancellation;
}

/** The ports of a Node process: HiGHS, the process's task pool, the monotonic clock. */
export function nodeComputePorts(options: NodePortsOptions = {}): ComputePorts {
  const parallel = lazyProcessTaskPool(options.threads);
  return {
    solver: options.solver === 'worker' ? createWorkerSolver(parallel) : createHighsSolver(),
    parallel,
    clock: { now: () => performance.now() },
    progress: options.progress ?? NO_PROGRESS,
    cancel: options.cancel ?? NEVER_CANCELLED,
  };
}

/** Files on the local disk; names are paths. */
export function nodeFileStore(): FileStore {
  return {
    async read(name) {
      return new Uint8Array(await readFile(name));
    },
    async exists(name) {
      return existsSync(name);
    },
    async writeAtomic(name, bytes) {
      // The caller decided to replace: the check for an existing file belongs before the work.
      writeFileAtomic(name, bytes, { force: true });
    },
  };
}
