/**
 * The library entry for Node (`import … from 'parley'`): the browser-safe parts (pure-api.ts) plus what needs
 * Node — reading files, the HiGHS solver, worker threads and the research-format importers and exporters.
 *
 * @example
 * import { analyze, loadScenarioFile } from 'parley';
 * const loaded = loadScenarioFile('talks.yaml');
 * if (loaded.ok) console.log((await analyze(loaded.scenario)).zone);
 */

import { importFiles } from './adapters/interop/import-files.js';
import { importPath } from './adapters/interop/import-path.js';
import type { InMemoryFile } from './adapters/interop/interop-files.js';
import type { ImportOptions, ImportResult } from './adapters/interop/interop-report.js';
import { nodeComputePorts } from './adapters/node/node-ports.js';
import { type AnalysisReport, type AnalyzeInput, analyze as analyzeUseCase } from './app/analyze.js';
import type { ComputePorts } from './app/ports.js';
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
export { type LoadOptions, loadScenarioFile } from './adapters/load/load-scenario.js';
export { nodeComputePorts } from './adapters/node/node-ports.js';
export {
  type RunSimulationOptions,
  runSimulation as simulateSandboxed,
} from './adapters/simulation/run-simulation.js';
export {
  runTournament,
  type TournamentOptions,
  type TournamentResult,
} from './adapters/simulation/tournament.js';
export {
  type TournamentOutputPaths,
  writeTournamentOutputs,
} from './adapters/simulation/tournament-output.js';
export { createHighsSolver } from './adapters/solver/highs-solver.js';
export type { AnalysisReport, AnalyzeInput } from './app/analyze.js';
export type { ComputePorts } from './app/ports.js';
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
 * files held in memory (as `importFiles`).
 */
export function importDomain(
  source: string | readonly InMemoryFile[],
  options: ImportOptions & { path?: string } = {},
): ImportResult {
  return typeof source === 'string' ? importPath(source, options) : importFiles(source, options);
}
