import { resolve } from 'node:path';
import type { CompiledScenario } from '../../core/model/compile.js';
import { compileScenario } from '../../core/model/compile.js';
import type { SimulationConfig } from '../../core/simulation/config.js';
import { resolveConfig, SimulationConfigError } from '../../core/simulation/config.js';
import { simulate } from '../../core/simulation/simulate.js';
import { createStrategy, strategyRegistry } from '../../core/simulation/strategies/registry.js';
import type { StrategySpec } from '../../core/simulation/strategy.js';
import { strategySpecLabel } from '../../core/simulation/strategy.js';
import {
  type MatchRecord,
  matchRecord,
  type PlannedMatch,
  planTournament,
} from '../../core/simulation/tournament.js';
import { Scenario } from '../../schema/scenario.js';
import { ConfigError, formatIssues, type TournamentConfig } from './config-schema.js';
import { type SandboxedModuleInfo, SandboxedStrategies } from './sandbox.js';

/**
 * Everything needed to play any match of a tournament, built the same way in the main thread (to validate and
 * plan) and in each worker: compiled scenarios, strategy specs and labels, and the match plan.
 */
export interface TournamentSetup {
  config: TournamentConfig;
  compiled: CompiledScenario[];
  /** Per strategy: the spec passed to simulate and its label (match ids and scores use labels). */
  strategies: Array<{ spec: StrategySpec; label: string }>;
  modules: SandboxedModuleInfo[];
  plan: PlannedMatch[];
}

export function prepareTournament(config: TournamentConfig, modules: SandboxedModuleInfo[]): TournamentSetup {
  const compiled = config.scenarios.map((entry, k) => {
    const parsed = Scenario.safeParse(entry.scenario);
    if (!parsed.success)
      throw new ConfigError(formatIssues(parsed.error.issues, `scenario #${k + 1} (scenarios[${k}])`));
    return compileScenario(parsed.data, { at: entry.at });
  });
  const ids = compiled.map((c) => c.scenario.id);
  const repeated = ids.find((id, k) => ids.indexOf(id) !== k);
  if (repeated)
    throw new ConfigError(`scenarios: two scenarios have the id '${repeated}'; ids must be unique`);

  const moduleByPath = new Map(modules.map((m) => [m.path, m]));
  const strategies = config.strategies.map((entry) => {
    if (typeof entry === 'object' && 'module' in entry) {
      const info = moduleByPath.get(resolve(entry.module));
      if (!info) throw new ConfigError(`strategies: module ${entry.module} was not loaded`);
      const spec: StrategySpec = { name: info.name, params: entry.params, label: entry.label ?? info.name };
      return { spec, label: strategySpecLabel(spec) };
    }
    return { spec: entry as StrategySpec, label: strategySpecLabel(entry as StrategySpec) };
  });
  const labels = strategies.map((s) => s.label);

  const parties = compiled.map(
    (c, k) => config.scenarios[k].parties ?? c.signatories.map((i) => c.models[i].party),
  );
  const plan = planTournament({
    scenarios: compiled.map((c, k) => ({ id: c.scenario.id, parties: parties[k] })),
    strategies: labels,
    assignments: config.assignments,
    repetitions: config.repetitions,
    seed: config.seed,
  });
  return {
    config,
    compiled,
    strategies,
    modules,
    plan,
  };
}

export function matchConfig(setup: TournamentSetup, match: PlannedMatch): SimulationConfig {
  const { agent, ...settings } = setup.config.simulation;
  return {
    ...settings,
    parties: match.parties,
    agents: Object.fromEntries(
      match.parties.map((party, k) => [
        party,
        { ...agent, strategy: setup.strategies[match.assignment[k]].spec },
      ]),
    ),
    seed: match.seed,
    realisationSeed: match.realisationSeed,
    recordTrace: false,
  };
}

/**
 * Checks the configuration against every scenario before any match runs: parties, strategy names and
 * built-in strategies' parameters, so mistakes surface at once with the scenario named.
 */
export function validateTournament(setup: TournamentSetup): void {
  const registry = strategyRegistry(
    setup.modules.map((m) => ({ name: m.name, create: () => ({}) as never })),
  );
  for (const { spec, label } of setup.strategies) {
    const name = typeof spec === 'string' ? spec : spec.name;
    if (setup.modules.some((m) => m.name === name)) continue;
    try {
      createStrategy(spec, registry, setup.config.simulation.conventions);
    } catch (error) {
      throw new ConfigError(`strategies: '${label}': ${(error as Error).message}`);
    }
  }
  setup.compiled.forEach((compiled, s) => {
    const first = setup.plan.find((m) => m.scenario === s);
    if (!first) return;
    try {
      resolveConfig(compiled, matchConfig(setup, first), [...registry.keys()]);
    } catch (error) {
      if (error instanceof SimulationConfigError) {
        throw new ConfigError(`scenario '${compiled.scenario.id}': ${error.message}`);
      }
      throw error;
    }
  });
}

/** Plays matches one after another (in a worker, or in the main thread when running without workers). */
export class MatchRunner {
  private readonly sandbox: SandboxedStrategies | undefined;

  constructor(
    private readonly setup: TournamentSetup,
    decisionTimeoutMs?: number,
  ) {
    this.sandbox =
      setup.modules.length > 0
        ? SandboxedStrategies.fromModules(setup.modules, { decisionTimeoutMs })
        : undefined;
  }

  async run(index: number): Promise<MatchRecord> {
    const match = this.setup.plan[index];
    const compiled = this.setup.compiled[match.scenario];
    const config = matchConfig(this.setup, match);
    await this.sandbox?.prepare(compiled, config);
    const modules = this.sandbox?.strategyModules() ?? [];
    const run = simulate(compiled, config, { strategies: modules, clock: () => performance.now() });
    return matchRecord(
      match,
      this.setup.strategies.map((s) => s.label),
      run,
    );
  }

  close(): void {
    this.sandbox?.close();
  }
}
