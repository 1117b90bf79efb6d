import { SharedScenarioTable } from '../core/analysis/scenario-table.js';
import { ENUMERATION_LIMIT } from '../core/analysis/zone/analysis-options.js';
import { type CompiledScenario, compileScenario } from '../core/model/compile.js';
import type { AnalysisInput } from './analysis-input.js';

/**
 * What the steps of one analysis run share: the scenario compiled once, and the whole space enumerated at
 * most once (lazily, and only when it is small enough for the steps to enumerate).
 */
export interface AnalysisContext {
  input: AnalysisInput;
  compiled: CompiledScenario;
  table: SharedScenarioTable;
}

export function analysisContext(input: AnalysisInput): AnalysisContext {
  const compiled = compileScenario(input.scenario, { at: input.at });
  return { input, compiled, table: new SharedScenarioTable(compiled, ENUMERATION_LIMIT) };
}
