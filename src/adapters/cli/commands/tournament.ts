import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runTournament, type TournamentResult } from '../../../app/tournament.js';
import { SimulationConfigError } from '../../../core/simulation/config.js';
import { TournamentPlanError } from '../../../core/simulation/tournament.js';
import type { Estimate } from '../../../core/statistics/index.js';
import type { Scenario } from '../../../schema/scenario.js';
import { formatDiagnostics } from '../../load/format-diagnostics.js';
import { readYaml } from '../../load/read-yaml.js';
import { probeFolder } from '../../node/atomic-files.js';
import { FileAccessError } from '../../node/fs-errors.js';
import { ConfigError } from '../../simulation/config-schema.js';
import { JournalError } from '../../simulation/journal.js';
import { SandboxedStrategies } from '../../simulation/sandbox.js';
import { nodeTournamentRunner } from '../../simulation/tournament.js';
import { writeTournamentOutputs } from '../../simulation/tournament-output.js';
import { FLAG_BOUNDS } from '../flag-bounds.js';
import { loadOrExit, usageError } from '../load.js';
import { integerFlag, threadsFlag, timeLimitFlag } from '../numeric-flags.js';
import { CliExit, EXIT_INPUT, EXIT_OK, type Io, json, styler, table } from '../output.js';
import {
  BUILT_IN_NAMES,
  DEFAULT_ROUNDS,
  didYouMean,
  parseConventions,
  parseStrategySpec,
  splitTopLevel,
} from './simulate.js';

export interface TournamentCommandOptions {
  scenarios?: string;
  strategies?: string;
  repetitions?: string;
  seed?: string;
  rounds?: string;
  protocol?: string;
  assignments?: string;
  preferences?: string;
  threads?: string;
  journal?: string;
  out?: string;
  /** Replace the result files in --out. */
  force?: boolean;
  json?: boolean;
  progress?: boolean;
  stopAfter?: string;
  timeLimit?: string;
  strategyModule?: string[];
  conventions?: string;
}

const PROTOCOLS: Record<string, string> = {
  sao: 'alternating-offers',
  'alternating-offers': 'alternating-offers',
  text: 'single-text',
  'single-text': 'single-text',
};

function wholeNumber(text: string, flag: keyof typeof FLAG_BOUNDS.tournament, io: Io): number {
  return integerFlag(text, flag, FLAG_BOUNDS.tournament[flag], io);
}

function readConfigFile(path: string, io: Io): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    usageError(
      io,
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const read = readYaml(text, path, /\.json$/i.test(path) ? 'json' : 'yaml');
  if (!read.ok) {
    io.err(formatDiagnostics(read.diagnostics, { color: io.color }));
    throw new CliExit(EXIT_INPUT);
  }
  return read.data;
}

interface ScenarioEntry {
  file: string;
  parties?: unknown;
  at?: unknown;
}

/** Scenario entries of a configuration file: a path, or { file, parties?, at? }; paths relative to the file. */
function scenarioEntries(raw: unknown, base: string, io: Io): ScenarioEntry[] {
  if (!Array.isArray(raw) || raw.length === 0)
    usageError(io, 'scenarios: expected a list of scenario files (paths relative to the configuration file)');
  return raw.map((entry, k) => {
    if (typeof entry === 'string') return { file: resolve(base, entry) };
    if (entry && typeof entry === 'object' && typeof (entry as { file?: unknown }).file === 'string') {
      const { file, parties, at, ...rest } = entry as { file: string; parties?: unknown; at?: unknown };
      const unknown = Object.keys(rest);
      if (unknown.length > 0)
        usageError(io, `scenarios[${k}]: unknown field '${unknown[0]}' (expected file, parties, at)`);
      return { file: resolve(base, file), parties, at };
    }
    return usageError(io, `scenarios[${k}]: expected a file path or { file, parties, at }`);
  });
}

function checkStrategyNames(strategies: unknown[], known: readonly string[], io: Io): void {
  strategies.forEach((s, k) => {
    const name =
      typeof s === 'string'
        ? s
        : s && typeof s === 'object' && 'name' in s
          ? (s as { name: unknown }).name
          : undefined;
    if (typeof name === 'string' && !known.includes(name))
      usageError(io, `strategies[${k}]: unknown strategy '${name}'${didYouMean(name, known)}`);
  });
}

const outputPaths = (folder: string) => ({
  json: join(folder, 'result.json'),
  matchesCsv: join(folder, 'matches.csv'),
  summaryCsv: join(folder, 'summary.csv'),
  comparisonsCsv: join(folder, 'comparisons.csv'),
});

/** A journal is continued when it exists, so it need not be new; it must be a file in a writable folder. */
function checkJournalPath(path: string): void {
  if (existsSync(path) && statSync(path).isDirectory())
    throw new FileAccessError('write the journal', path, 'EISDIR', 'it is a folder; give a file name');
  probeFolder(dirname(resolve(path)));
}

/** Before the run: --out is a folder (or can be made) that takes files, and holds none of ours without --force. */
function checkOutputFolder(folder: string, paths: Record<string, string>, force: boolean): void {
  if (existsSync(folder) && !statSync(folder).isDirectory())
    throw new FileAccessError('write into', folder, 'ENOTDIR', 'it is a file; --out takes a folder');
  for (const path of Object.values(paths)) {
    if (!force && existsSync(path))
      throw new FileAccessError('write', path, 'EEXIST', 'it exists; add --force to replace the results');
  }
  probeFolder(folder);
}

const estimateText = (e: Estimate | undefined, digits = 1): string => {
  if (!e || e.n === 0 || !Number.isFinite(e.mean)) return 'n/a';
  const mean = e.mean.toFixed(digits);
  return e.ci95 ? `${mean} [${e.ci95[0].toFixed(digits)}, ${e.ci95[1].toFixed(digits)}]` : mean;
};

/** `parley tournament [config] [options]` */
export async function tournamentCommand(
  configFile: string | undefined,
  options: TournamentCommandOptions,
  io: Io,
): Promise<number> {
  const fileConfig = configFile ? readConfigFile(configFile, io) : {};
  const base = configFile ? dirname(resolve(configFile)) : process.cwd();
  const config: Record<string, unknown> = { ...fileConfig };

  let entries: ScenarioEntry[];
  if (options.scenarios !== undefined) {
    entries = options.scenarios
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
      .map((file) => ({ file: resolve(file) }));
    if (entries.length === 0) usageError(io, '--scenarios is empty');
  } else if (config.scenarios !== undefined) {
    entries = scenarioEntries(config.scenarios, base, io);
  } else {
    usageError(
      io,
      'no scenarios: give a configuration file or --scenarios a.yaml,b.yaml',
      'see parley tournament --help',
    );
  }

  // Strategy modules in the file are relative to it; their names join the known strategies.
  const rawStrategies: unknown[] = Array.isArray(config.strategies) ? [...config.strategies] : [];
  const modulePaths: string[] = [];
  rawStrategies.forEach((s, k) => {
    if (
      s &&
      typeof s === 'object' &&
      'module' in s &&
      typeof (s as { module: unknown }).module === 'string'
    ) {
      const path = resolve(base, (s as { module: string }).module);
      rawStrategies[k] = { ...(s as object), module: path };
      modulePaths.push(path);
    }
  });
  for (const path of options.strategyModule ?? []) {
    rawStrategies.push({ module: resolve(path) });
    modulePaths.push(resolve(path));
  }
  let moduleNames: string[] = [];
  if (modulePaths.length > 0) {
    try {
      const sandbox = await SandboxedStrategies.load(modulePaths);
      moduleNames = sandbox.modules.map((m) => m.name);
      sandbox.close();
    } catch (error) {
      usageError(io, (error as Error).message);
    }
  }
  const known = [...BUILT_IN_NAMES, ...moduleNames];
  if (options.strategies !== undefined) {
    const specs = splitTopLevel(options.strategies).map((text) =>
      parseStrategySpec(text, known, io, '--strategies'),
    );
    config.strategies = [
      ...specs,
      ...rawStrategies.filter((s) => s && typeof s === 'object' && 'module' in s),
    ];
  } else if (rawStrategies.length > 0) {
    checkStrategyNames(rawStrategies, known, io);
    config.strategies = rawStrategies;
  } else {
    usageError(
      io,
      'no strategies: give them in the configuration file or with --strategies boulware,linear,...',
    );
  }

  if (options.repetitions !== undefined)
    config.repetitions = wholeNumber(options.repetitions, '--repetitions', io);
  if (options.seed !== undefined) {
    config.seed = wholeNumber(options.seed, '--seed', io);
  }
  config.seed ??= 1;
  if (options.assignments !== undefined) {
    if (options.assignments !== 'all' && options.assignments !== 'distinct')
      usageError(io, `--assignments must be all or distinct, got '${options.assignments}'`);
    config.assignments = options.assignments;
  }
  const simulation: Record<string, unknown> =
    config.simulation && typeof config.simulation === 'object' ? { ...(config.simulation as object) } : {};
  if (options.rounds !== undefined)
    simulation.deadline = {
      ...(simulation.deadline as object),
      rounds: wholeNumber(options.rounds, '--rounds', io),
    };
  simulation.deadline ??= { rounds: DEFAULT_ROUNDS };
  if (options.protocol !== undefined) {
    const protocol = PROTOCOLS[options.protocol];
    if (!protocol)
      usageError(
        io,
        `unknown protocol '${options.protocol}'${didYouMean(options.protocol, ['sao', 'text'])}`,
      );
    simulation.protocol = protocol;
  } else if (typeof simulation.protocol === 'string' && PROTOCOLS[simulation.protocol]) {
    simulation.protocol = PROTOCOLS[simulation.protocol];
  }
  if (options.conventions !== undefined) simulation.conventions = parseConventions(options.conventions, io);
  if (options.preferences !== undefined) {
    if (options.preferences !== 'estimate' && options.preferences !== 'sampled')
      usageError(io, `--preferences must be estimate or sampled, got '${options.preferences}'`);
    simulation.preferences = options.preferences;
  }
  config.simulation = simulation;

  const threads =
    options.threads === undefined ? availableParallelism() : (threadsFlag(options.threads, io, 0) ?? 0);
  const stopAfter =
    options.stopAfter === undefined ? undefined : wholeNumber(options.stopAfter, '--stop-after', io);
  const timeLimit = timeLimitFlag(options.timeLimit, io, undefined);

  const scenarios: Scenario[] = entries.map((e) => loadOrExit(e.file, io, options.json === true));
  config.scenarios = entries.map((e, k) => {
    const entry: Record<string, unknown> = { scenario: scenarios[k] };
    if (e.parties !== undefined) entry.parties = e.parties;
    if (e.at !== undefined) entry.at = e.at;
    return entry;
  });

  // The journal's and the results' folders are checked before anything runs, so a bad path fails at once.
  if (options.journal) checkJournalPath(options.journal);
  if (options.out) checkOutputFolder(options.out, outputPaths(options.out), options.force === true);

  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  // A time limit stops starting matches, as Ctrl-C does: the finished ones are kept (and journalled).
  const deadline = timeLimit === undefined ? undefined : performance.now() + timeLimit * 1000;
  const timer = timeLimit === undefined ? undefined : setTimeout(() => controller.abort(), timeLimit * 1000);
  let result: TournamentResult;
  let notes: string[];
  try {
    ({ result, notes } = await runTournament(
      {
        config,
        threads,
        ...(options.journal === undefined ? {} : { journal: options.journal }),
        ...(stopAfter === undefined ? {} : { stopAfter }),
        progressBar: options.progress !== false,
      },
      {
        tournaments: nodeTournamentRunner,
        // Matches played in this thread hold the timer back, so the clock is also read after each one.
        progress: {
          report: () =>
            deadline !== undefined && performance.now() >= deadline ? controller.abort() : undefined,
        },
        cancel: controller.signal,
      },
    ));
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof JournalError ||
      error instanceof SimulationConfigError ||
      error instanceof TournamentPlanError
    ) {
      usageError(io, error.message);
    }
    throw error;
  } finally {
    process.removeListener('SIGINT', onSignal);
    clearTimeout(timer);
  }
  if (!result.complete && timeLimit !== undefined && controller.signal.aborted) {
    io.err(
      `parley: warning: partial tournament: the time limit of ${timeLimit} s was reached after ${result.matches.length} matches; a rerun with the same --journal continues\n`,
    );
  }

  if (options.out) writeTournamentOutputs(result, outputPaths(options.out), { force: options.force });
  if (options.json) {
    io.out(json({ ...result, conventions: simulation.conventions ?? 'parley', notes }));
    return EXIT_OK;
  }

  const s = styler(io);
  const total = result.matches.length;
  const scenarioIds = [...new Set(result.matches.map((m) => m.scenario))];
  io.out(
    `${s.bold('Tournament')}: ${total} matches${result.complete ? '' : s.yellow(' (stopped before the end)')} over ${scenarioIds.join(', ')}; seed ${String(config.seed)}; conventions ${String(simulation.conventions ?? 'parley')}\n`,
  );
  io.out(
    `${s.dim("Means with 95% confidence intervals over (match, role) observations; utilities are each strategy's own (its BATNA without agreement).")}\n\n`,
  );
  io.out(
    table(
      ['strategy', 'n', 'agreement rate', 'utility', 'welfare', 'Pareto distance', 'Nash distance'],
      result.summary.strategies.map((x) => [
        x.strategy,
        String(x.observations),
        estimateText(x.agreementRate, 2),
        estimateText(x.utility),
        estimateText(x.welfare),
        estimateText(x.paretoDistance, 2),
        estimateText(x.nashDistance, 2),
      ]),
      io,
    ),
  );
  if (result.summary.comparisons.length > 0) {
    io.out(`\n${s.bold('Differences in own utility')} (paired sign-flip permutation tests)\n`);
    io.out(
      table(
        ['a', 'b', 'pairs', 'mean a - b', 'p-value', ''],
        result.summary.comparisons.map((c) => [
          c.a,
          c.b,
          String(c.utility.pairs),
          Number.isFinite(c.utility.meanDifference) ? c.utility.meanDifference.toFixed(2) : 'n/a',
          c.utility.pValue === null
            ? 'n/a'
            : `${c.utility.pValue < 0.0001 ? c.utility.pValue.toExponential(1) : c.utility.pValue.toFixed(4)}${c.utility.exact ? '' : ' (sampled)'}`,
          c.utility.pValue !== null && c.utility.pValue < 0.05 ? '*' : '',
        ]),
        io,
      ),
    );
    io.out(
      `${s.dim('* p < 0.05, two-sided; no correction for multiple comparisons. Pairs: same scenario, role, opponents and repetition.')}\n`,
    );
  }
  for (const note of notes) io.out(`${s.dim(`Note: ${note}.`)}\n`);
  if (!result.complete) {
    io.out(
      options.journal
        ? `${s.yellow('Stopped')}: rerun the same command (same --journal ${options.journal}) to play the remaining matches.\n`
        : `${s.yellow('Stopped')} before every match was played; with --journal a rerun continues where it stopped.\n`,
    );
  }
  if (options.out)
    io.out(`Results written to ${options.out} (result.json, matches.csv, summary.csv, comparisons.csv)\n`);
  return EXIT_OK;
}
