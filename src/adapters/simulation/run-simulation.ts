import type { SimulatorPort } from '../../app/simulate.js';
import type { CompiledScenario } from '../../core/model/compile.js';
import type { OutcomeReference } from '../../core/simulation/metrics.js';
import { simulate } from '../../core/simulation/simulate.js';
import type { Run } from '../../core/simulation/trace.js';
import { parseSimulationConfig } from './config-schema.js';
import { SandboxedStrategies, type SandboxOptions } from './sandbox.js';

export interface RunSimulationOptions {
  /** Paths of user strategy modules; they run sandboxed, with hard limits on time and memory. */
  strategyModules?: readonly string[];
  reference?: OutcomeReference;
  /** Defaults: decision limit = config.decisionTimeLimitMs or 1000 ms; init limit 30 s. */
  sandbox?: SandboxOptions;
}

/**
 * One simulated negotiation, for the command line: validates the raw configuration (file or flags) with clear
 * messages, runs user strategy modules sandboxed, measures built-in decisions against
 * config.decisionTimeLimitMs (after the fact), and returns the run.
 */
export async function runSimulation(
  compiled: CompiledScenario,
  rawConfig: unknown,
  options: RunSimulationOptions = {},
): Promise<Run> {
  const config = parseSimulationConfig(rawConfig);
  const paths = options.strategyModules ?? [];
  const sandbox =
    paths.length > 0
      ? await SandboxedStrategies.load(paths, {
          decisionTimeoutMs: config.decisionTimeLimitMs,
          ...options.sandbox,
        })
      : undefined;
  try {
    await sandbox?.prepare(compiled, config);
    const modules = sandbox?.strategyModules() ?? [];
    return simulate(compiled, config, {
      strategies: modules,
      clock: () => performance.now(),
      reference: options.reference,
    });
  } finally {
    sandbox?.close();
  }
}

/** The simulator port of a Node process: built-in strategies in-process, user modules in the QuickJS sandbox. */
export const sandboxedSimulator: SimulatorPort = {
  run: (compiled, config, options) =>
    runSimulation(compiled, config, {
      strategyModules: options.strategyModules,
      ...(options.reference ? { reference: options.reference } : {}),
    }),
};
