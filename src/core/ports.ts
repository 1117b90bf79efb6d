/**
 * The ports through which use cases reach the outside world. The core and the use cases receive them as
 * parameters and never depend on a concrete implementation, so the same computation runs in the CLI, the
 * server, a job worker or a browser, and a test can pass a deterministic clock.
 */
export type { MilpSolution, MilpSolveOptions, MilpSolver } from './analysis/milp/solver.js';

/** Milliseconds since an arbitrary origin; only differences are meaningful. */
export interface Clock {
  now(): number;
}

/** One step of progress: the step's name, and how far it has gone when that is known. */
export interface ProgressUpdate {
  step: string;
  done?: number;
  total?: number;
  /** A short line for people, e.g. "12 frontier points proven, gap 3.1". */
  message?: string;
}

/** Receives progress. Implementations must be cheap: computations call it from their inner loops' outer level. */
export interface Progress {
  report(update: ProgressUpdate): void;
}

/**
 * Cancellation, shaped like the web-standard AbortSignal (which satisfies it), so a face can pass its own
 * signal straight through. A computation checks `aborted` between units of work and stops with what it has
 * proven so far.
 */
export interface Cancellation {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

/** Maps plain-data tasks over a pool of workers (threads, processes or machines); results in input order. */
export interface ParallelMap {
  /** How many tasks run at once. */
  readonly parallelism: number;
  map<TInput, TOutput>(task: string, inputs: readonly TInput[], cancel?: Cancellation): Promise<TOutput[]>;
}

/**
 * The deadline `seconds` from now on `clock`, or +Infinity without a limit. A limit needs a clock: the core
 * never reads the time itself.
 */
export function deadlineOf(seconds: number | undefined, clock: Clock | undefined): number {
  if (seconds === undefined) return Number.POSITIVE_INFINITY;
  if (!clock) throw new RangeError('a time limit needs a clock: pass the Clock port with timeLimitSeconds');
  return clock.now() + seconds * 1000;
}

export const NO_PROGRESS: Progress = { report() {} };
export const NEVER_CANCELLED: Cancellation = { aborted: false };
