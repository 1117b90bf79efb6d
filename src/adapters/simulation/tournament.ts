import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Piscina } from 'piscina';
import type { ReferenceFactory, TournamentResult, TournamentRunnerPort } from '../../app/tournament.js';
import { resolveConfig } from '../../core/simulation/config.js';
import { type OutcomeReference, referenceDistances } from '../../core/simulation/metrics.js';
import { realiseTruths } from '../../core/simulation/realisation.js';
import { builtInStrategies } from '../../core/simulation/strategies/registry.js';
import { type MatchRecord, scoreTournament } from '../../core/simulation/tournament.js';
import { progressDisplay, stderrStream } from '../text/progress.js';
import { compiledWorkerFile } from './compiled-path.js';
import { parseTournamentConfig, type TournamentConfig } from './config-schema.js';
import { appendToJournal, openJournal } from './journal.js';
import { JOURNAL_FORMAT, JOURNAL_VERSION } from './journal-schema.js';
import {
  MatchRunner,
  matchConfig,
  prepareTournament,
  type TournamentSetup,
  validateTournament,
} from './match-runner.js';
import { type SandboxedModuleInfo, SandboxedStrategies } from './sandbox.js';

export type { ReferenceFactory, TournamentResult } from '../../app/tournament.js';

export interface TournamentOptions {
  /** JSON-lines journal; finished matches are appended as they finish and skipped on a rerun. */
  journal?: string;
  /** Worker threads; default os.availableParallelism(); 0 runs every match in this thread. */
  threads?: number;
  /** Progress bar with ETA on stderr (plain lines when stderr is not a terminal). */
  progress?: boolean;
  /** Stops starting new matches; matches already running finish and are journaled. */
  signal?: AbortSignal;
  /** Called in the main thread as each match finishes (after it is journaled). */
  onMatch?: (record: MatchRecord) => void;
  /** For distances to the frontier and to the bargaining solutions, computed in the main thread. */
  reference?: ReferenceFactory;
  /** Hard limit per decision of a user strategy in its sandbox; default simulation.decisionTimeLimitMs, else 1 s. */
  decisionTimeoutMs?: number;
}

function hashConfig(config: TournamentConfig, modules: SandboxedModuleInfo[]): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(config));
  for (const m of modules) hash.update(`\n${m.name}\n`).update(readFileSync(m.path));
  return hash.digest('hex');
}

/**
 * Runs strategies × scenarios × role assignments × repetitions and scores them. Matches run in parallel on
 * worker threads (compiled code from dist/), are journaled as they finish, and a rerun with the same
 * configuration and journal skips the finished ones: since every match's seeds come from its id, the final
 * result is identical whether or not the tournament was interrupted.
 */
export async function runTournament(
  rawConfig: unknown,
  options: TournamentOptions = {},
): Promise<TournamentResult> {
  const config = parseTournamentConfig(rawConfig);
  options = {
    ...options,
    decisionTimeoutMs: options.decisionTimeoutMs ?? config.simulation.decisionTimeLimitMs,
  };
  const modulePaths = config.strategies.flatMap((s) =>
    typeof s === 'object' && 'module' in s ? [resolve(s.module)] : [],
  );
  const modules: SandboxedModuleInfo[] =
    modulePaths.length > 0 ? await loadModules(modulePaths, options.decisionTimeoutMs) : [];
  const setup = prepareTournament(config, modules);
  validateTournament(setup);
  const labels = setup.strategies.map((s) => s.label);
  const configHash = hashConfig(config, modules);

  const planned = new Map(
    setup.plan.map((m) => [
      m.id,
      { index: m.index, scenario: m.scenarioId, strategies: m.assignment.map((k) => labels[k]) },
    ]),
  );
  const done = options.journal
    ? openJournal(
        options.journal,
        {
          kind: 'header',
          format: JOURNAL_FORMAT,
          version: JOURNAL_VERSION,
          configHash,
          matches: setup.plan.length,
        },
        planned,
      )
    : new Map<string, MatchRecord>();
  const records = new Map<number, MatchRecord>();
  const references = new Map<string, OutcomeReference | undefined>();
  for (const match of setup.plan) {
    const record = done.get(match.id);
    // Through the reference as a fresh match goes, so a resumed run says what an uninterrupted one says.
    if (record) records.set(match.index, addReference(setup, record, options.reference, references));
  }
  const pending = setup.plan.filter((m) => !records.has(m.index)).map((m) => m.index);

  // Drawn on a terminal only: the runner's bar is for a person watching, the progress port tells everyone else.
  const display = progressDisplay(stderrStream(), options.progress ? undefined : false);
  const showProgress = () =>
    display.report({ step: 'tournament matches', done: records.size, total: setup.plan.length });
  showProgress();
  const finish = (record: MatchRecord) => {
    const withDistances = addReference(setup, record, options.reference, references);
    records.set(record.index, withDistances);
    if (options.journal) appendToJournal(options.journal, configHash, withDistances);
    showProgress();
    options.onMatch?.(withDistances);
  };

  const threads = options.threads ?? availableParallelism();
  try {
    if (threads === 0) {
      const runner = new MatchRunner(setup, options.decisionTimeoutMs);
      try {
        for (const index of pending) {
          if (options.signal?.aborted) break;
          finish(await runner.run(index));
        }
      } finally {
        runner.close();
      }
    } else {
      await runOnWorkers(setup, modules, pending, threads, finish, options);
    }
  } finally {
    display.stop();
  }

  const matches = [...records.values()].sort((a, b) => a.index - b.index);
  return {
    format: 'parley-tournament',
    version: 1,
    configHash,
    complete: matches.length === setup.plan.length,
    strategies: labels,
    matches,
    summary: scoreTournament(matches, labels, config.seed),
  };
}

async function loadModules(paths: string[], decisionTimeoutMs?: number): Promise<SandboxedModuleInfo[]> {
  const sandbox = await SandboxedStrategies.load(paths, { decisionTimeoutMs });
  sandbox.close();
  return sandbox.modules;
}

async function runOnWorkers(
  setup: TournamentSetup,
  modules: SandboxedModuleInfo[],
  pending: number[],
  threads: number,
  finish: (record: MatchRecord) => void,
  options: TournamentOptions,
): Promise<void> {
  if (pending.length === 0) return;
  const pool = new Piscina({
    filename: compiledWorkerFile('tournament-worker.js'),
    minThreads: threads,
    maxThreads: threads,
    workerData: { config: setup.config, modules, decisionTimeoutMs: options.decisionTimeoutMs },
  });
  try {
    // At most two matches per thread in flight, so stopping leaves little unfinished work.
    let next = 0;
    let failure: unknown;
    const worker = async (): Promise<void> => {
      while (next < pending.length && !options.signal?.aborted && failure === undefined) {
        const index = pending[next++];
        try {
          finish((await pool.run({ index })) as MatchRecord);
        } catch (error) {
          failure ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(pending.length, 2 * threads) }, worker));
    if (failure !== undefined) throw failure;
  } finally {
    await pool.destroy();
  }
}

function addReference(
  setup: TournamentSetup,
  record: MatchRecord,
  factory: ReferenceFactory | undefined,
  cache: Map<string, OutcomeReference | undefined>,
): MatchRecord {
  if (!factory || record.paretoDistance !== undefined) return record;
  const match = setup.plan[record.index];
  const compiled = setup.compiled[match.scenario];
  const sampled = setup.config.simulation.preferences === 'sampled';
  const key = `${match.scenario}|${sampled ? match.realisationSeed : 'estimate'}|${match.parties.join(',')}`;
  if (!cache.has(key)) {
    const names = [...builtInStrategies.map((m) => m.name), ...setup.modules.map((m) => m.name)];
    const resolved = resolveConfig(compiled, matchConfig(setup, match), names);
    const truths = realiseTruths(compiled, resolved);
    cache.set(
      key,
      factory({
        compiled,
        parties: truths.map((t) => t.party),
        utilities: truths.map((t) => t.utility),
        batnas: truths.map((t) => t.batna[0]),
      }),
    );
  }
  const reference = cache.get(key);
  return reference ? { ...record, ...referenceDistances(record.utilities, reference) } : record;
}

/** The tournament runner port of a Node process: worker threads, the sandbox, the journal on disk. */
export const nodeTournamentRunner: TournamentRunnerPort = {
  run: (config, options) => runTournament(config, options),
};
