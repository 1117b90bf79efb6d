/**
 * The library entry for Node (`import … from 'parley'`): the browser-safe parts (pure-api.ts) plus what needs
 * Node — reading files, the HiGHS solver, worker threads and the research-format importers and exporters.
 *
 * @example
 * import { analyze, loadScenarioFile } from 'parley';
 * const loaded = loadScenarioFile('talks.yaml');
 * if (loaded.ok) console.log((await analyze(loaded.scenario)).zone);
 *
 * The functions here call the same use cases (src/app/) as the command line, with the ports of a Node
 * process; `simulate`, `diffVersions`, `importDomain` and `exportDomain` return promises of plain data, where
 * the browser entry's synchronous `simulate` and `diffVersions` run the engine directly.
 */

import { nodeInteropPort } from './adapters/interop/import-path.js';
import { interopPort } from './adapters/interop/interop-port.js';
import { nodeComputePorts } from './adapters/node/node-ports.js';
import { sandboxedSimulator } from './adapters/simulation/run-simulation.js';
import { nodeTournamentRunner } from './adapters/simulation/tournament.js';
import { readableWordDiff } from './adapters/text/readable-word-diff.js';
import { type AnalysisReport, type AnalyzeInput, analyze as analyzeUseCase } from './app/analyze.js';
import { type DiffInput, type DiffResult, diff as diffUseCase } from './app/diff.js';
import { type ExportDomainResult, exportDomain as exportUseCase } from './app/export-domain.js';
import { type ImportDomainResult, importDomain as importUseCase } from './app/import-domain.js';
import type { ExportFormat, ImportOptions, InMemoryFile } from './app/interop-types.js';
import type { ComputePorts } from './app/ports.js';
import { type SimulateResult, simulate as simulateUseCase } from './app/simulate.js';
import {
  type TournamentInput,
  type TournamentReport,
  runTournament as tournamentUseCase,
} from './app/tournament.js';
import { NEVER_CANCELLED, NO_PROGRESS } from './core/ports.js';
import type { SimulationConfig } from './core/simulation/config.js';
import type { Scenario } from './schema/scenario.js';

export {
  type ExportResult,
  type ImportOptions,
  type ImportResult,
  InteropError,
  type InteropFormat,
  type InteropReport,
  writeGenius,
  writeGeniusWeb,
  writeNegmas,
} from './adapters/interop/index.js';
export { interopPort } from './adapters/interop/interop-port.js';
export { type LoadOptions, loadScenarioFile } from './adapters/load/load-scenario.js';
export { nodeComputePorts } from './adapters/node/node-ports.js';
export {
  type RunSimulationOptions,
  runSimulation as simulateSandboxed,
} from './adapters/simulation/run-simulation.js';
export type { TournamentOptions } from './adapters/simulation/tournament.js';
export {
  type TournamentOutputPaths,
  writeTournamentOutputs,
} from './adapters/simulation/tournament-output.js';
export { createHighsSolver } from './adapters/solver/highs-solver.js';
export type { AnalysisReport, AnalyzeInput } from './app/analyze.js';
export type { DiffInput, DiffResult } from './app/diff.js';
export type { ExportDomainInput, ExportDomainResult, ExportedDomainFile } from './app/export-domain.js';
export type { ImportDomainResult } from './app/import-domain.js';
export type { ExportFormat } from './app/interop-types.js';
export type { ComputePorts } from './app/ports.js';
export type { ReferenceSummary, SimulateResult } from './app/simulate.js';
export type { TournamentInput, TournamentReport, TournamentResult } from './app/tournament.js';
export * from './pure-api.js';

/**
 * The whole analysis of a scenario: agreement zone, why it is empty and the smallest relaxations, the Pareto
 * frontier, bargaining solutions, concessions and robustness, as `parley analyze --json` reports them.
 */
export function analyze(
  scenario: Scenario,
  options: Omit<AnalyzeInput, 'scenario'> = {},
  ports: ComputePorts = nodeComputePorts(),
): Promise<AnalysisReport> {
  return analyzeUseCase({ scenario, ...options }, ports);
}

/**
 * Imports a GENIUS, GeniusWeb or NegMAS negotiation as a Parley scenario, with a report of what could not be
 * carried over: from a path on disk (a folder with a domain and its profiles, or one of its files), or from
 * files held in memory (say, uploaded).
 */
export function importDomain(
  source: string | readonly InMemoryFile[],
  options: ImportOptions & { path?: string } = {},
): Promise<ImportDomainResult> {
  // Files in memory are read from memory; a path is read from the disk, as `parley import` reads it.
  const ports = { interop: nodeInteropPort };
  if (typeof source !== 'string') return importUseCase({ files: source, ...pathOf(options), options }, ports);
  return importUseCase({ files: [], path: source, options }, ports);
}

const interop = { interop: interopPort };
const pathOf = (options: { path?: string }) => (options.path === undefined ? {} : { path: options.path });

/**
 * A scenario as GENIUS, GeniusWeb or NegMAS files (or its conflict section as a gmcr-py file), in memory,
 * with every loss listed; write `files` wherever they should go.
 */
export function exportDomain(
  scenario: Scenario,
  format: ExportFormat,
  options: { geniuswebVersion?: 1 | 2 } = {},
): Promise<ExportDomainResult> {
  return exportUseCase({ scenario, format, ...options }, interop);
}

/**
 * One simulated negotiation, measured against the exact frontier and bargaining solutions when the space is
 * enumerable. Strategy modules (paths of JavaScript files) run in the QuickJS sandbox with hard limits.
 */
export function simulate(
  scenario: Scenario,
  config: SimulationConfig,
  options: { at?: string; strategyModules?: readonly string[]; ports?: ComputePorts } = {},
): Promise<SimulateResult> {
  const { ports = nodeComputePorts(), ...rest } = options;
  return simulateUseCase({ scenario, config, ...rest }, { ...ports, simulator: sandboxedSimulator });
}

/**
 * What changed between two versions of a document (`document:version`) or, with `packages: true`, two
 * packages: texts, settled issues, red lines, verdicts, and who gains from each change (exact Shapley values).
 */
export function diffVersions(
  scenario: Scenario,
  before: string,
  after: string,
  options: Omit<DiffInput, 'scenario' | 'before' | 'after'> & { ports?: ComputePorts } = {},
): Promise<DiffResult> {
  const { ports = nodeComputePorts(), ...rest } = options;
  return diffUseCase({ scenario, before, after, ...rest }, { ...ports, wordDiff: readableWordDiff });
}

/**
 * A tournament as `parley tournament` runs it (strategies × scenarios × role assignments × repetitions, on
 * worker threads, resumable from a journal), with scenarios given inline in `config.scenarios`.
 */
export function runTournament(
  config: Record<string, unknown>,
  options: Omit<TournamentInput, 'config'> & { signal?: AbortSignal } = {},
): Promise<TournamentReport> {
  const { signal, ...rest } = options;
  return tournamentUseCase(
    { config, ...rest },
    { tournaments: nodeTournamentRunner, progress: NO_PROGRESS, cancel: signal ?? NEVER_CANCELLED },
  );
}
