import { type CompiledScenario, compileScenario } from '../core/model/compile.js';
import { resolveConfig, type SimulationConfig } from '../core/simulation/config.js';
import type { OutcomeReference } from '../core/simulation/metrics.js';
import { buildOutcomeReference, type ReferenceResult } from '../core/simulation/outcome-reference.js';
import { realiseTruths } from '../core/simulation/realisation.js';
import { builtInStrategies } from '../core/simulation/strategies/registry.js';
import type { Run } from '../core/simulation/trace.js';
import type { Scenario } from '../schema/scenario.js';
import { type ComputePorts, runStep } from './ports.js';

export interface SimulateInput {
  scenario: Scenario;
  /** The run: protocol, negotiators and their strategies, deadline, seed (every random draw comes from it). */
  config: SimulationConfig;
  /** Date for dated BATNAs (YYYY-MM-DD); default the scenario's asOf. */
  at?: string;
  /** User strategy modules, by the names the simulator port knows them (paths, for the Node simulator). */
  strategyModules?: readonly string[];
  /** Names of the modules' strategies, so that the configuration may use them (the port reports them too). */
  moduleStrategies?: readonly string[];
}

/**
 * Runs one negotiation. The Node implementation (adapters/simulation/run-simulation.ts) runs user strategy
 * modules in the QuickJS sandbox with hard limits on time and memory; built-in strategies run in-process.
 */
export interface SimulatorPort {
  run(
    compiled: CompiledScenario,
    config: SimulationConfig,
    options: { strategyModules: readonly string[]; reference?: OutcomeReference },
  ): Promise<Run>;
}

export interface SimulatePorts extends Pick<ComputePorts, 'clock' | 'progress' | 'cancel'> {
  simulator: SimulatorPort;
}

/** The reference a run is measured against, as plain data (the frontier's utility vectors, no function). */
export type ReferenceSummary =
  | Omit<Extract<ReferenceResult, { available: true }>, 'reference'>
  | Extract<ReferenceResult, { available: false }>;

export interface SimulateResult {
  run: Run;
  reference: ReferenceSummary;
  /** The run's notes and the reference's, for a face to show. */
  warnings: string[];
  timings: Record<string, number>;
}

/** The frontier and bargaining solutions for the run's negotiators and true preferences, when enumerable. */
export function referenceFor(
  compiled: CompiledScenario,
  config: SimulationConfig,
  known: readonly string[],
): ReferenceResult {
  const resolved = resolveConfig(compiled, config, known);
  const truths = realiseTruths(compiled, resolved);
  return buildOutcomeReference({
    compiled,
    parties: truths.map((t) => t.party),
    utilities: truths.map((t) => t.utility),
    batnas: truths.map((t) => t.batna[0]),
  });
}

/** The reference without the distance function. */
export function referenceData(reference: ReferenceResult): ReferenceSummary {
  if (!reference.available) return reference;
  const { reference: _fn, ...rest } = reference;
  return rest;
}

/**
 * One simulated negotiation between strategies that play the analysts' estimated preferences (a model run,
 * not a forecast), measured against the exact frontier and bargaining solutions when the space is enumerable.
 * An invalid configuration raises SimulationConfigError with a message that names the field.
 */
export async function simulate(input: SimulateInput, ports: SimulatePorts): Promise<SimulateResult> {
  const timings: Record<string, number> = {};
  const compiled = await runStep(ports, timings, 'compile', () =>
    compileScenario(input.scenario, input.at === undefined ? {} : { at: input.at }),
  );
  const known = [...builtInStrategies.map((s) => s.name), ...(input.moduleStrategies ?? [])];
  const reference = await runStep(ports, timings, 'reference', () =>
    referenceFor(compiled, input.config, known),
  );
  const run = await runStep(ports, timings, 'negotiate', () =>
    ports.simulator.run(compiled, input.config, {
      strategyModules: input.strategyModules ?? [],
      ...(reference.available ? { reference: reference.reference } : {}),
    }),
  );
  return {
    run,
    reference: referenceData(reference),
    warnings: [...(reference.available ? reference.notes : [reference.reason]), ...run.notes],
    timings,
  };
}
