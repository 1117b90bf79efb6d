/**
 * The parts of the library that need no Node API: parsing and checking scenarios, compiling them, diffing
 * versions and simulating negotiations. Both entries (index.ts for Node, browser.ts) export these.
 */

import { readableWordDiff } from './adapters/text/readable-word-diff.js';
import { compileScenario } from './core/model/compile.js';
import type { SimulationConfig } from './core/simulation/config.js';
import { type SimulateOptions, simulate as simulateCompiled } from './core/simulation/simulate.js';
import type { Run } from './core/simulation/trace.js';
import {
  type DiffOptions,
  diffVersions as diffCompiled,
  type VersionDiff,
} from './core/versions/diff-versions.js';
import type { VersionRef } from './core/versions/document-index.js';
import type { Scenario } from './schema/scenario.js';

export { importFiles } from './adapters/interop/import-files.js';
export { type InMemoryFile, inMemoryFiles } from './adapters/interop/interop-files.js';
export type { ImportOptions, ImportResult, InteropReport } from './adapters/interop/interop-report.js';
export type { Diagnostic } from './adapters/load/diagnostic.js';
export { type ParseOptions, type ParseResult, parseScenario } from './adapters/load/parse-scenario.js';
export { type CompiledScenario, type CompileOptions, compileScenario } from './core/model/compile.js';
export type { SimulationConfig } from './core/simulation/config.js';
export { type FormatTraceOptions, formatTrace } from './core/simulation/format-trace.js';
export type {
  IssueInfo,
  NegotiationState,
  Offer,
  OfferRecord,
  Outcome,
  Response,
  Strategy,
  StrategyContext,
  StrategyModule,
  StrategySpec,
} from './core/simulation/strategy.js';
export type { Run } from './core/simulation/trace.js';
export type { DiffOptions, VersionDiff } from './core/versions/diff-versions.js';
export type { Scenario } from './schema/scenario.js';
export { FORMAT_VERSION, Scenario as ScenarioSchema } from './schema/scenario.js';

/**
 * What changed between two versions of a document, point by point, with word-level text diffs.
 * Versions are written `document:version` (or given as `{ document, version }`).
 *
 * @example
 * const diff = diffVersions(scenario, 'framework:plan-28', 'framework:plan-20');
 */
export function diffVersions(
  scenario: Scenario,
  a: VersionRef | string,
  b: VersionRef | string,
  options: DiffOptions = {},
): VersionDiff {
  return diffCompiled(compileScenario(scenario), a, b, { wordDiff: readableWordDiff, ...options });
}

/**
 * One simulated negotiation with built-in strategies or strategy objects given in `options.strategies`
 * (run in this thread; `simulateSandboxed` in the Node entry runs strategy files in worker threads).
 *
 * @example
 * const run = simulate(scenario, { seed: 1, deadline: { rounds: 50 }, agents: { default: 'conceder' } });
 */
export function simulate(
  scenario: Scenario,
  config: SimulationConfig,
  options: SimulateOptions & { at?: string } = {},
): Run {
  return simulateCompiled(compileScenario(scenario, { at: options.at }), config, options);
}
