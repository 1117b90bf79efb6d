import type { UtilityFunction } from '../core/evaluate/utility-function.js';
import type { CompiledScenario } from '../core/model/compile.js';
import type { OutcomeReference } from '../core/simulation/metrics.js';
import { buildOutcomeReference } from '../core/simulation/outcome-reference.js';
import type { MatchRecord, TournamentSummary } from '../core/simulation/tournament.js';
import type { Cancellation, Progress } from './ports.js';

export interface TournamentResult {
  format: 'parley-tournament';
  version: 1;
  configHash: string;
  /** False when the run was stopped before every match finished (the journal lets a rerun continue). */
  complete: boolean;
  /** Strategy labels, in configuration order. */
  strategies: string[];
  /** Finished matches, in plan order. */
  matches: MatchRecord[];
  summary: TournamentSummary;
}

/** Builds the outcome reference (frontier, bargaining solutions) for one preference realisation. */
export type ReferenceFactory = (input: {
  compiled: CompiledScenario;
  parties: string[];
  utilities: UtilityFunction[];
  /** BATNAs in round 0. */
  batnas: number[];
}) => OutcomeReference | undefined;

export interface TournamentRunOptions {
  /** Worker threads; 0 runs every match on the calling thread. */
  threads?: number;
  /** Name of the journal: finished matches are appended as they finish and skipped on a rerun. */
  journal?: string;
  /** Stops starting new matches; matches already running finish and are journaled. */
  signal?: AbortSignal;
  onMatch?: (record: MatchRecord) => void;
  reference?: ReferenceFactory;
  /** A progress bar on the terminal, drawn by the runner. */
  progress?: boolean;
}

/**
 * Runs a tournament's matches. The Node implementation (adapters/simulation/tournament.ts) validates the
 * configuration, runs matches on worker threads with user strategies in the QuickJS sandbox, and keeps the
 * journal. Every match's seeds come from its id, so a resumed tournament ends with the same result.
 */
export interface TournamentRunnerPort {
  run(config: unknown, options: TournamentRunOptions): Promise<TournamentResult>;
}

export interface TournamentPorts {
  tournaments: TournamentRunnerPort;
  /** One update per finished match: step 'matches', done = matches finished in this run. */
  progress: Progress;
  /** Checked after every match; an AbortSignal also stops the runner from starting new ones at once. */
  cancel: Cancellation;
}

export interface TournamentInput {
  /** The configuration as plain data, scenarios inline (`scenarios: [{ scenario: {...}, parties?, at? }]`). */
  config: Record<string, unknown>;
  threads?: number;
  journal?: string;
  /** Stop after this many matches have finished in this run (the rest stay for a rerun with the journal). */
  stopAfter?: number;
  /** Let the runner draw its own progress bar (a terminal face); the progress port is told either way. */
  progressBar?: boolean;
}

export interface TournamentReport {
  result: TournamentResult;
  /** Scenarios whose matches carry no Pareto or Nash distance, and why. */
  notes: string[];
}

/**
 * Strategies × scenarios × role assignments × repetitions, scored with confidence intervals: a model
 * experiment on the analysts' estimates, not a forecast. Invalid configurations raise an error whose message
 * names the field.
 */
export async function runTournament(
  input: TournamentInput,
  ports: TournamentPorts,
): Promise<TournamentReport> {
  const unavailable = new Map<string, string>();
  const reference: ReferenceFactory = (built) => {
    const found = buildOutcomeReference(built);
    if (!found.available) unavailable.set(built.compiled.scenario.id, found.reason);
    return found.available ? found.reference : undefined;
  };
  const stop = new AbortController();
  const outer = ports.cancel instanceof AbortSignal ? ports.cancel : undefined;
  const onAbort = () => stop.abort(outer?.reason);
  outer?.addEventListener('abort', onAbort, { once: true });
  if (ports.cancel.aborted) stop.abort(ports.cancel.reason);
  let finished = 0;
  try {
    const result = await ports.tournaments.run(input.config, {
      ...(input.threads === undefined ? {} : { threads: input.threads }),
      ...(input.journal === undefined ? {} : { journal: input.journal }),
      progress: input.progressBar === true,
      reference,
      signal: stop.signal,
      onMatch: () => {
        finished++;
        ports.progress.report({ step: 'matches', done: finished });
        if (ports.cancel.aborted || (input.stopAfter !== undefined && finished >= input.stopAfter))
          stop.abort();
      },
    });
    // Sorted: matches finish in any order, and the output must not depend on it.
    const notes = [...unavailable]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, reason]) => `scenario '${id}': no Pareto or Nash distances: ${reason}`);
    return { result, notes };
  } finally {
    outer?.removeEventListener('abort', onAbort);
  }
}
