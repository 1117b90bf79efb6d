import type { Cancellation, Clock, MilpSolver, ParallelMap, Progress } from '../core/ports.js';
import type { Scenario } from '../schema/scenario.js';
import type {
  ExportedFile,
  ExportFormat,
  ImportOptions,
  ImportResult,
  InMemoryFile,
} from './interop-types.js';

export type {
  Cancellation,
  Clock,
  MilpSolver,
  ParallelMap,
  Progress,
  ProgressUpdate,
} from '../core/ports.js';
export { NEVER_CANCELLED, NO_PROGRESS } from '../core/ports.js';

/** Reads and writes whole files by name; the only way a use case touches storage. */
export interface FileStore {
  read(name: string): Promise<Uint8Array>;
  exists(name: string): Promise<boolean>;
  /** Writes all of `bytes` or nothing: an interrupted write never leaves half a file under `name`. */
  writeAtomic(name: string, bytes: Uint8Array | string): Promise<void>;
}

/** The ports every computing use case receives. */
export interface ComputePorts {
  solver: MilpSolver;
  /** Plain-data tasks fanned out to workers (Monte Carlo chunks). */
  parallel: ParallelMap;
  clock: Clock;
  progress: Progress;
  cancel: Cancellation;
}

/** Ports of the use cases that read or write files (import, export, report). */
export interface FilePorts {
  files: FileStore;
}

/** Raised by a use case that was cancelled between two units of work. */
export class CancelledError extends Error {
  constructor(readonly reason?: unknown) {
    super(
      `cancelled${reason === undefined ? '' : `: ${String(reason instanceof Error ? reason.message : reason)}`}`,
    );
    this.name = 'CancelledError';
  }
}

/** Stops the use case when its cancellation port says so; called between steps. */
export function throwIfCancelled(cancel: Cancellation): void {
  if (cancel.aborted) throw new CancelledError(cancel.reason);
}

/**
 * Runs one named step of a use case: reports it through the progress port, checks cancellation before it, and
 * records its wall time (from the clock port) under its name.
 */
export async function runStep<T>(
  ports: Pick<ComputePorts, 'clock' | 'progress' | 'cancel'>,
  timings: Record<string, number>,
  step: string,
  run: () => T | Promise<T>,
): Promise<T> {
  throwIfCancelled(ports.cancel);
  ports.progress.report({ step });
  const start = ports.clock.now();
  const result = await run();
  timings[step] = Math.round(ports.clock.now() - start);
  return result;
}

/**
 * Reading and writing the research formats (GENIUS, GeniusWeb, NegMAS, gmcr-py) on files held in memory;
 * `adapters/interop/interop-port.ts` implements it without a file system, so it serves a browser as well.
 * Bad files raise an error whose message says which file and what was expected.
 */
export interface InteropPort {
  read(files: readonly InMemoryFile[], options?: ImportOptions & { path?: string }): ImportResult;
  write(
    scenario: Scenario,
    format: ExportFormat,
    options?: { geniuswebVersion?: 1 | 2 },
  ): { files: ExportedFile[]; losses: string[]; notes: string[] };
}

/** Ports of the import and export use cases. */
export interface InteropPorts {
  interop: InteropPort;
}
