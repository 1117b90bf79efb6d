/**
 * Worker thread that runs one user strategy (see sandbox.ts). It rebuilds the agent's context from the
 * scenario and configuration (deterministically, so it is the same as in-process) and answers calls. Each
 * answer is posted on the port, then the shared flag is set and notified, so the caller can wait synchronously.
 */

import { pathToFileURL } from 'node:url';
import { type MessagePort, workerData } from 'node:worker_threads';
import { type CompiledScenario, compileScenario } from '../../core/model/compile.js';
import { buildAgentContext } from '../../core/simulation/agent-context.js';
import { resolveConfig, type SimulationConfig } from '../../core/simulation/config.js';
import { realiseTruths } from '../../core/simulation/realisation.js';
import { builtInStrategies } from '../../core/simulation/strategies/registry.js';
import type {
  NegotiationState,
  OfferRecord,
  Strategy,
  StrategyModule,
} from '../../core/simulation/strategy.js';
import type { Scenario } from '../../schema/scenario.js';

export type HostRequest =
  | { type: 'inspect'; module: string }
  | {
      type: 'init';
      module: string;
      params?: Record<string, unknown>;
      scenarioKey: string;
      scenario?: Scenario;
      at?: string;
      config: SimulationConfig;
      party: string;
    }
  | { type: 'propose'; state: SlimState; offers: OfferRecord[] }
  | { type: 'respond'; state: SlimState; offers: OfferRecord[]; offer: Int32Array }
  | { type: 'criticise'; state: SlimState; offers: OfferRecord[]; text: Int32Array };

export type SlimState = Omit<NegotiationState, 'offers'>;
export type HostReply = { ok: true; value: unknown } | { ok: false; error: string };

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
const modules = new Map<string, StrategyModule>();
const scenarios = new Map<string, CompiledScenario>();
let strategy: Strategy | undefined;
let offers: OfferRecord[] = [];

async function loadModule(path: string): Promise<StrategyModule> {
  const cached = modules.get(path);
  if (cached) return cached;
  const loaded = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const candidate = (loaded.default ?? loaded.strategy) as Partial<StrategyModule> | undefined;
  if (!candidate || typeof candidate.name !== 'string' || typeof candidate.create !== 'function') {
    throw new Error(
      `${path} must export a strategy module { name: string, create(params) } as its default export or as 'strategy'`,
    );
  }
  modules.set(path, candidate as StrategyModule);
  return candidate as StrategyModule;
}

function state(slim: SlimState, fresh: OfferRecord[]): NegotiationState {
  for (const o of fresh) offers.push(o);
  return { ...slim, offers };
}

async function handle(request: HostRequest): Promise<unknown> {
  switch (request.type) {
    case 'inspect':
      return (await loadModule(request.module)).name;
    case 'init': {
      const module = await loadModule(request.module);
      let compiled = scenarios.get(request.scenarioKey);
      if (!compiled) {
        if (!request.scenario) throw new Error('scenario missing');
        compiled = compileScenario(request.scenario, { at: request.at });
        scenarios.clear();
        scenarios.set(request.scenarioKey, compiled);
      }
      // The caller has validated the configuration; every strategy it names is known here.
      const named = Object.values(request.config.agents).map((a) =>
        typeof a === 'string'
          ? a
          : 'strategy' in a
            ? typeof a.strategy === 'string'
              ? a.strategy
              : a.strategy.name
            : a.name,
      );
      const names = [...builtInStrategies.map((m) => m.name), ...named];
      const resolved = resolveConfig(compiled, request.config, names);
      const k = resolved.agents.findIndex((a) => a.party === request.party);
      const truths = realiseTruths(compiled, resolved);
      const { ctx } = buildAgentContext(compiled, resolved, truths, k);
      strategy = module.create(request.params, { conventions: resolved.conventions });
      offers = [];
      strategy.init(ctx);
      return strategy.name;
    }
    case 'propose':
      if (!strategy) throw new Error('not initialised');
      return strategy.propose(state(request.state, request.offers));
    case 'respond':
      if (!strategy) throw new Error('not initialised');
      return strategy.respond(state(request.state, request.offers), request.offer);
    case 'criticise': {
      if (!strategy) throw new Error('not initialised');
      const s = state(request.state, request.offers);
      return strategy.criticise ? strategy.criticise(s, request.text) : undefined;
    }
  }
}

port.on('message', async (request: HostRequest) => {
  let reply: HostReply;
  try {
    reply = { ok: true, value: await handle(request) };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  try {
    port.postMessage(reply);
  } catch (error) {
    port.postMessage({
      ok: false,
      error: `the strategy returned something that cannot be sent: ${String(error)}`,
    });
  }
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
