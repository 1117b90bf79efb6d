import type { MessagePort } from 'node:worker_threads';
import type { Scenario } from '../../schema/scenario.js';
import type { JobKind } from './analysis-kinds.js';

/** An uploaded strategy module as a job's thread receives it (written to a private folder, run sandboxed). */
export interface ModuleSource {
  name: string;
  source: string;
}

/** One job as the pool's thread receives it. */
export interface JobTask {
  kind: JobKind;
  options: unknown;
  scenario: Scenario;
  /** Uploaded strategy modules the job uses (simulate, tournament). */
  modules?: ModuleSource[];
  /** Int32 flag set to 1 to cancel: read synchronously between steps, while the thread is busy computing. */
  cancelFlag: SharedArrayBuffer;
  /** Progress messages ({ step }) go here. */
  port: MessagePort;
}

/**
 * What came of a job. `input` errors come from the request (an unknown package or version id, all shared
 * names) and may be shown to any member; other failures are shown to the mediator only, since a message from
 * deep inside an analysis could quote a private red line.
 */
export type JobOutcome =
  | { ok: true; result: unknown }
  | { ok: false; cancelled: true }
  | { ok: false; input: boolean; message: string };

/** An uploaded module checked in the sandbox: the name it registers, or why it cannot be used. */
export type ModuleCheck = { ok: true; name: string } | { ok: false; message: string };
