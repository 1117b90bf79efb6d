import { resolve } from 'node:path';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { SimulationConfig } from '../../core/simulation/config.js';
import { DecisionTimeoutError } from '../../core/simulation/guard.js';
import type {
  NegotiationState,
  Offer,
  OfferRecord,
  Outcome,
  Response,
  Strategy,
  StrategyContext,
  StrategyModule,
} from '../../core/simulation/strategy.js';
import type { Scenario } from '../../schema/scenario.js';
import { compiledWorkerFile } from './compiled-path.js';
import type { HostReply, HostRequest, SlimState } from './strategy-host.js';

/**
 * User strategies in worker threads, with a hard time limit.
 *
 * The simulation core calls strategies synchronously. A sandboxed strategy is a proxy that posts each call to
 * its worker and blocks on a shared flag (Atomics.wait) until the answer arrives or the time limit passes;
 * then the worker is terminated and the call fails with DecisionTimeoutError, which the core records as a
 * 'time-limit' fault and the agent is disqualified. So an endless loop or a crash in user code cannot hang or
 * crash the run. (In-process strategies, without this adapter, only get the after-the-fact check.)
 */

export interface SandboxOptions {
  /** Hard limit per decision (propose / respond / criticise). Default 1000 ms. */
  decisionTimeoutMs?: number;
  /** Hard limit for loading the module and init (which includes the precomputation). Default 30 s. */
  initTimeoutMs?: number;
}

class SyncWorker {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  alive = true;
  /** Scenario key this worker has compiled, to send the scenario only once. */
  scenarioKey: string | undefined;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(compiledWorkerFile('strategy-host.js'), {
      workerData: { port: port2, signal: this.signal },
      transferList: [port2],
    });
    this.worker.unref();
    this.port.unref();
    // Errors surface through the calls (as timeouts); this only keeps them from becoming unhandled.
    this.worker.on('error', () => {
      this.alive = false;
    });
  }

  call(request: HostRequest, timeoutMs: number, what: string): unknown {
    if (!this.alive) throw new DecisionTimeoutError(`${what}: the strategy's worker is no longer running`);
    Atomics.store(this.signal, 0, 0);
    this.port.postMessage(request);
    const status = Atomics.wait(this.signal, 0, 0, timeoutMs);
    if (status === 'timed-out') {
      this.kill();
      throw new DecisionTimeoutError(
        `no answer within ${timeoutMs} ms; the strategy's worker was terminated`,
      );
    }
    const message = receiveMessageOnPort(this.port);
    if (!message) throw new Error(`${what}: the strategy's worker sent no answer`);
    const reply = message.message as HostReply;
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }

  kill(): void {
    this.alive = false;
    void this.worker.terminate();
  }
}

/** One user strategy module, loaded (in a worker) from a path. */
export interface SandboxedModuleInfo {
  path: string;
  name: string;
}

/** The run a sandboxed strategy takes part in: the worker rebuilds the agent's context from it. */
export interface RunBinding {
  scenario: Scenario;
  scenarioKey: string;
  at?: string;
  config: SimulationConfig;
}

/** User strategy modules run in worker threads; one worker per (module, party), reused across runs. */
export class SandboxedStrategies {
  private readonly workers = new Map<string, SyncWorker>();
  private readonly decisionTimeoutMs: number;
  private readonly initTimeoutMs: number;

  private constructor(
    readonly modules: SandboxedModuleInfo[],
    options: SandboxOptions,
  ) {
    this.decisionTimeoutMs = options.decisionTimeoutMs ?? 1000;
    this.initTimeoutMs = options.initTimeoutMs ?? 30_000;
  }

  /** Loads each module once in a worker (with the init time limit) to learn its strategy name. */
  static load(paths: readonly string[], options: SandboxOptions = {}): SandboxedStrategies {
    const modules: SandboxedModuleInfo[] = [];
    for (const p of paths) {
      const path = resolve(p);
      const probe = new SyncWorker();
      try {
        const name = probe.call({ type: 'inspect', module: path }, options.initTimeoutMs ?? 30_000, 'load');
        modules.push({ path, name: String(name) });
      } catch (error) {
        throw new Error(`cannot load strategy module ${p}: ${(error as Error).message}`);
      } finally {
        probe.kill();
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

  private workerFor(key: string): SyncWorker {
    let worker = this.workers.get(key);
    if (!worker?.alive) {
      worker = new SyncWorker();
      this.workers.set(key, worker);
    }
    return worker;
  }

  /** Strategy modules for `simulate`, bound to one run. */
  forRun(binding: RunBinding): StrategyModule[] {
    return this.modules.map((info) => ({
      name: info.name,
      create: (params) =>
        new SandboxedStrategy(this, info, binding, params as Record<string, unknown> | undefined),
    }));
  }

  /** @internal */
  call(info: SandboxedModuleInfo, party: string, request: HostRequest, init: boolean, what: string): unknown {
    const worker = this.workerFor(`${info.path}|${party}`);
    if (request.type === 'init') {
      if (worker.scenarioKey === request.scenarioKey) request = { ...request, scenario: undefined };
      else worker.scenarioKey = request.scenarioKey;
    }
    return worker.call(request, init ? this.initTimeoutMs : this.decisionTimeoutMs, what);
  }

  close(): void {
    for (const worker of this.workers.values()) worker.kill();
    this.workers.clear();
  }
}

class SandboxedStrategy implements Strategy {
  readonly name: string;
  private party = '';
  private synced = 0;

  constructor(
    private readonly owner: SandboxedStrategies,
    private readonly info: SandboxedModuleInfo,
    private readonly binding: RunBinding,
    private readonly params: Record<string, unknown> | undefined,
  ) {
    this.name = info.name;
  }

  private slim(state: NegotiationState): { state: SlimState; offers: OfferRecord[] } {
    const fresh = state.offers.slice(this.synced);
    this.synced = state.offers.length;
    const { offers: _all, ...rest } = state;
    return { state: rest, offers: [...fresh] };
  }

  init(ctx: StrategyContext): void {
    this.party = ctx.party;
    this.synced = 0;
    this.owner.call(
      this.info,
      this.party,
      {
        type: 'init',
        module: this.info.path,
        params: this.params,
        scenarioKey: this.binding.scenarioKey,
        scenario: this.binding.scenario,
        at: this.binding.at,
        config: this.binding.config,
        party: ctx.party,
      },
      true,
      'init',
    );
  }

  propose(state: NegotiationState): Offer | null {
    return this.owner.call(
      this.info,
      this.party,
      { type: 'propose', ...this.slim(state) },
      false,
      'propose',
    ) as Offer | null;
  }

  respond(state: NegotiationState, offer: Outcome): Response {
    return this.owner.call(
      this.info,
      this.party,
      { type: 'respond', ...this.slim(state), offer },
      false,
      'respond',
    ) as Response;
  }

  /** Undefined when the module has no criticise method: the core then uses its default objections. */
  criticise(state: NegotiationState, text: Outcome): readonly string[] | undefined {
    return this.owner.call(
      this.info,
      this.party,
      { type: 'criticise', ...this.slim(state), text },
      false,
      'criticise',
    ) as readonly string[] | undefined;
  }
}
