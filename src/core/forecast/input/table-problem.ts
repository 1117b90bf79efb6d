import type { ActorTable } from '../../../schema/forecast.js';

/** A problem in an actor table's text, located by line and column (1-based) and a field path. */
export interface TableProblem {
  line?: number;
  column?: number;
  /** e.g. actors[2].salience[1]; '' for the whole file. */
  path: string;
  message: string;
  expected?: string;
  suggestion?: string;
}

/** An actor table, or every problem that kept it from being read. */
export type TableRead = { ok: true; table: ActorTable } | { ok: false; problems: TableProblem[] };
