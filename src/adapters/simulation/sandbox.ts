import { resolve } from 'node:path';
import type { CompiledScenario } from '../../core/model/compile.js';
import { resolveConfig, type SimulationConfig } from '../../core/simulation/config.js';
import { builtInStrategies } from '../../core/simulation/strategies/registry.js';
import {
  type NegotiationState,
  type Offer,
  type Outcome,
  type Response,
  type Strategy,
  type StrategyContext,
  type StrategyCreation,
  type StrategyModule,
  strategySpecName,
} from '../../core/simulation/strategy.js';
import {
  DEFAULT_LIMITS,
  type DecisionMessage,
  type IsolateLimits,
  StrategyIsolate,
} from './strategy-isolate.js';

/**
 * User strategies in sandboxes: each (module, party) runs in its own isolate (strategy-isolate.ts), a
 * JavaScript engine in WebAssembly with no access to the host beyond the agent context, and hard limits on
 * memory and on time per decision and per run. The simulation core calls strategies synchronously, and so do
 * the proxies here: an isolate runs in the calling thread and is interrupted when a limit passes, so a
 * misbehaving strategy becomes a fault ('time-limit', 'memory-limit' or 'exception') and the run goes on.
 *
 * Engines are created asynchronously (WebAssembly instantiation), so a run is prepared first (`prepare`),
 * then played synchronously.
 */

export interface SandboxOptions {
  /** Hard limit per decision (propose / respond / criticise). Default 1000 ms. */
  decisionTimeoutMs?: number;
  /** Hard limit for loading the module, and for create + init. Default 30 s. */
  initTimeoutMs?: number;
  /** Hard limit on a strategy's decisions in one run, together. Default 60 s. */
  runTimeoutMs?: number;
  /** Heap cap per strategy (objects, strings, array buffers), in MiB. Default 128. */
  memoryLimitMiB?: number;
}

function limitsOf(options: SandboxOptions): IsolateLimits {
  return {
    ...DEFAULT_LIMITS,
    decisionMs: options.decisionTimeoutMs ?? DEFAULT_LIMITS.decisionMs,
    initMs: options.initTimeoutMs ?? DEFAULT_LIMITS.initMs,
    runMs: options.runTimeoutMs ?? DEFAULT_LIMITS.runMs,
    memoryBytes:
      options.memoryLimitMiB === undefined
        ? DEFAULT_LIMITS.memoryBytes
        : options.memoryLimitMiB * 1024 * 1024,
  };
}

/** One user strategy module: its path and the strategy name it exports. */
export interface SandboxedModuleInfo {
  path: string;
  name: string;
}

/** User strategy modules in sandboxes; one isolate per (module, party), reused across runs. */
export class SandboxedStrategies {
  private readonly isolates = new Map<string, StrategyIsolate>();
  private readonly limits: IsolateLimits;

  private constructor(
    readonly modules: SandboxedModuleInfo[],
    options: SandboxOptions,
  ) {
    this.limits = limitsOf(options);
  }

  /** Loads each module once in a sandbox (with the init time limit) to learn its strategy name. */
  static async load(paths: readonly string[], options: SandboxOptions = {}): Promise<SandboxedStrategies> {
    const modules: SandboxedModuleInfo[] = [];
    for (const p of paths) {
      const path = resolve(p);
      try {
        const probe = await StrategyIsolate.open(path, limitsOf(options));
        modules.push({ path, name: probe.name });
        probe.dispose();
      } catch (error) {
        throw new Error(`cannot load strategy module ${p}: ${(error as Error).message}`);
      }
    }
    const names = modules.map((m) => m.name);
    const duplicate = names.find((n, k) => names.indexOf(n) !== k);
    if (duplicate) throw new Error(`two strategy modules are both named '${duplicate}'`);
    return new SandboxedStrategies(modules, options);
  }

  /** For modules already inspected (e.g. in a tournament's main thread). */
  static fromModules(modules: SandboxedModuleInfo[], options: SandboxOptions = {}): SandboxedStrategies {
    return new SandboxedStrategies(modules, options);
  }

  /**
   * Opens the isolates a run needs (one per party played by a module), replacing any stopped after a fault.
   * A module that no longer loads fails here with the reason.
   */
  async prepare(compiled: CompiledScenario, config: SimulationConfig): Promise<void> {
    const names = [...builtInStrategies.map((m) => m.name), ...this.modules.map((m) => m.name)];
    const resolved = resolveConfig(compiled, config, names);
    for (const agent of resolved.agents) {
      const info = this.modules.find((m) => m.name === strategySpecName(agent.strategy));
      if (!info) continue;
      const key = `${info.path}\n${agent.party}`;
      if (this.isolates.get(key)?.usable) continue;
      try {
        this.isolates.set(key, await StrategyIsolate.open(info.path, this.limits));
      } catch (error) {
        throw new Error(`cannot load strategy module ${info.path}: ${(error as Error).message}`);
      }
    }
  }

  /** Strategy modules for `simulate`, bound to the isolates opened by `prepare`. */
  strategyModules(): StrategyModule[] {
    return this.modules.map((info) => ({
      name: info.name,
      create: (params, creation) => new SandboxedStrategy(this, info, params, creation),
    }));
  }

  /** @internal */
  isolateFor(info: SandboxedModuleInfo, party: string): StrategyIsolate {
    const isolate = this.isolates.get(`${info.path}\n${party}`);
    if (!isolate) throw new Error(`the sandbox for ${info.name} as ${party} was not prepared`);
    return isolate;
  }

  close(): void {
    for (const isolate of this.isolates.values()) isolate.dispose();
    this.isolates.clear();
  }
}

function asText(outcome: ArrayLike<number>): string {
  return Array.from(outcome).join(',');
}

/** The proxy the simulation core calls: forwards each call to the strategy's isolate. */
class SandboxedStrategy implements Strategy {
  readonly name: string;
  private isolate: StrategyIsolate | undefined;
  private synced = 0;

  constructor(
    private readonly owner: SandboxedStrategies,
    private readonly info: SandboxedModuleInfo,
    private readonly params: Readonly<Record<string, unknown>> | undefined,
    private readonly creation: StrategyCreation | undefined,
  ) {
    this.name = info.name;
  }

  private message(state: NegotiationState, outcome?: Outcome): DecisionMessage {
    const fresh = state.offers
      .slice(this.synced)
      .map((o): [string, number, string] => [o.party, o.round, asText(o.outcome)]);
    this.synced = state.offers.length;
    return {
      round: state.round,
      time: state.time,
      turnsLeft: state.turnsLeft,
      lastChance: state.lastChance,
      fresh,
      outcome: outcome === undefined ? undefined : asText(outcome),
    };
  }

  private get engine(): StrategyIsolate {
    if (!this.isolate) throw new Error('the strategy is not initialised');
    return this.isolate;
  }

  init(ctx: StrategyContext): void {
    this.isolate = this.owner.isolateFor(this.info, ctx.party);
    this.synced = 0;
    this.isolate.init(ctx, this.params, this.creation);
  }

  propose(state: NegotiationState): Offer | null {
    return this.engine.decide('propose', this.message(state)) as Offer | null;
  }

  respond(state: NegotiationState, offer: Outcome): Response {
    return this.engine.decide('respond', this.message(state, offer)) as Response;
  }

  /** Undefined when the module has no criticise method: the core then uses its default objections. */
  criticise(state: NegotiationState, text: Outcome): readonly string[] | undefined {
    return this.engine.decide('criticise', this.message(state, text)) as readonly string[] | undefined;
  }
}
