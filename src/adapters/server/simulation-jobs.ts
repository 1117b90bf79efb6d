import type { ComputePorts } from '../../app/ports.js';
import { type SimulatorPort, simulate } from '../../app/simulate.js';
import { runTournament } from '../../app/tournament.js';
import { compileScenario } from '../../core/model/compile.js';
import { resolveConfig, SimulationConfigError } from '../../core/simulation/config.js';
import { builtInStrategies } from '../../core/simulation/strategies/registry.js';
import { strategySpecName } from '../../core/simulation/strategy.js';
import { TournamentPlanError } from '../../core/simulation/tournament.js';
import { type SimulateBody, STRATEGY_LIMITS, type TournamentBody } from '../../schema/api/simulation.js';
import type { ModuleCheck, ModuleSource } from '../../server/jobs/job-task.js';
import { ConfigError, parseSimulationConfig } from '../simulation/config-schema.js';
import { runSimulation } from '../simulation/run-simulation.js';
import { DEFAULT_LIMITS, StrategyIsolate } from '../simulation/strategy-isolate.js';
import { runTournament as runMatches } from '../simulation/tournament.js';
import { StrategyFolder } from './strategy-folder.js';

/** Errors that come from the request (its configuration), shown to whoever asked. */
export const SIMULATION_INPUT_ERRORS = [ConfigError, SimulationConfigError, TournamentPlanError];

/** Thrown when a job's request is wrong in a way its sender can fix; the message is safe to show. */
export class JobInputError extends Error {
  override name = 'JobInputError';
}

const SANDBOX = {
  decisionTimeoutMs: STRATEGY_LIMITS.decisionMs,
  runTimeoutMs: STRATEGY_LIMITS.runMs,
  memoryLimitMiB: STRATEGY_LIMITS.memoryMiB,
};

/** The options of a simulate job: the request, and which parties the caller's uploaded modules may play. */
export interface SimulateJobOptions extends SimulateBody {
  /** '*' for the mediator; a delegate's own party; none for an observer. */
  modulesMayPlay: string[] | '*';
}

/** A tournament job's options: the request (uploaded strategies are those named among the job's modules). */
export type TournamentJobOptions = TournamentBody;

function withFolder<T>(
  modules: readonly ModuleSource[],
  run: (paths: Map<string, string>, folder: StrategyFolder) => Promise<T>,
): Promise<T> {
  const folder = new StrategyFolder();
  return run(folder.write(modules), folder)
    .catch((error: unknown) => {
      if (error instanceof Error) error.message = folder.shown(error.message, modules);
      throw error;
    })
    .finally(() => folder.remove());
}

/** One simulated negotiation in this thread; uploaded modules run in the sandbox with the per-user limits. */
export function simulateJob(
  scenario: Parameters<typeof simulate>[0]['scenario'],
  options: SimulateJobOptions,
  modules: readonly ModuleSource[],
  ports: Pick<ComputePorts, 'clock' | 'progress' | 'cancel'>,
): Promise<unknown> {
  return withFolder(modules, async (paths) => {
    const config = parseSimulationConfig(options.config);
    const names = modules.map((m) => m.name);
    const compiled = compileScenario(scenario, options.at === undefined ? {} : { at: options.at });
    const resolved = resolveConfig(compiled, config, [...builtInStrategies.map((s) => s.name), ...names]);
    const mayPlay = options.modulesMayPlay;
    for (const agent of resolved.agents) {
      const name = strategySpecName(agent.strategy);
      if (mayPlay === '*' || !names.includes(name) || mayPlay.includes(agent.party)) continue;
      const own = mayPlay.length > 0 ? ` (${mayPlay.join(', ')})` : '';
      throw new JobInputError(
        `config.agents.${agent.party}: your uploaded strategy '${name}' may play only your own party${own}`,
      );
    }
    const simulator: SimulatorPort = {
      run: (c, cfg, o) =>
        runSimulation(c, cfg, {
          strategyModules: o.strategyModules,
          ...(o.reference ? { reference: o.reference } : {}),
          sandbox: SANDBOX,
        }),
    };
    return simulate(
      {
        scenario,
        config,
        ...(options.at === undefined ? {} : { at: options.at }),
        strategyModules: [...paths.values()],
        moduleStrategies: names,
      },
      { ...ports, simulator },
    );
  });
}

/** A tournament on the workspace's scenario, every match in this thread (a job never fans out further). */
export function tournamentJob(
  scenario: unknown,
  options: TournamentJobOptions,
  modules: readonly ModuleSource[],
  ports: Pick<ComputePorts, 'progress' | 'cancel'>,
): Promise<unknown> {
  return withFolder(modules, async (paths) => {
    const strategies = options.strategies.map((spec) => {
      const name = typeof spec === 'string' ? spec : spec.name;
      const path = paths.get(name);
      if (!path) return spec;
      if (typeof spec === 'string') return { module: path };
      return {
        module: path,
        ...(spec.params ? { params: spec.params } : {}),
        ...(spec.label ? { label: spec.label } : {}),
      };
    });
    const config = {
      scenarios: [
        {
          scenario,
          ...(options.parties ? { parties: options.parties } : {}),
          ...(options.at ? { at: options.at } : {}),
        },
      ],
      strategies,
      assignments: options.assignments,
      repetitions: options.repetitions,
      seed: options.seed,
      simulation: options.simulation,
    };
    return runTournament(
      { config, threads: 0 },
      {
        tournaments: {
          run: (raw, runOptions) =>
            runMatches(raw, { ...runOptions, threads: 0, decisionTimeoutMs: SANDBOX.decisionTimeoutMs }),
        },
        progress: ports.progress,
        cancel: ports.cancel,
      },
    );
  });
}

/** Loads an uploaded module in a fresh sandbox to learn its name; the reason it cannot be used otherwise. */
export async function checkStrategyModule(source: string): Promise<ModuleCheck> {
  const modules = [{ name: 'strategy', source }];
  try {
    return await withFolder(modules, async (paths) => {
      const isolate = await StrategyIsolate.open(paths.get('strategy') as string, {
        ...DEFAULT_LIMITS,
        initMs: 5000,
        memoryBytes: STRATEGY_LIMITS.memoryMiB * 1024 * 1024,
      });
      const name = isolate.name;
      isolate.dispose();
      return { ok: true, name } as const;
    });
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
