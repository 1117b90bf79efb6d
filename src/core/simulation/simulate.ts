import { utilityOf } from '../evaluate/utility-function.js';
import type { CompiledScenario } from '../model/compile.js';
import { spaceSizeText } from '../model/outcome-count.js';
import { buildAgentContext } from './agent-context.js';
import { resolveConfig, type SimulationConfig, SimulationConfigError } from './config.js';
import { type Clock, GuardedAgent } from './guard.js';
import { computeMetrics, concessionRate, type OutcomeReference } from './metrics.js';
import { runAlternatingOffers } from './protocols/alternating-offers.js';
import type { Negotiation, ProtocolResult } from './protocols/negotiation.js';
import { runSingleText } from './protocols/single-text.js';
import { realiseTruths } from './realisation.js';
import { createStrategy, type StrategyRegistry, strategyRegistry } from './strategies/registry.js';
import type { StrategyModule } from './strategy.js';
import { strategySpecLabel } from './strategy.js';
import { dateAtRound } from './timeline.js';
import type { Fault, PartyResult, Run, TraceEvent } from './trace.js';

export interface SimulateOptions {
  /** Strategies beyond the built-in ones (user modules), or a complete registry. */
  strategies?: readonly StrategyModule[] | StrategyRegistry;
  /**
   * Clock (milliseconds) for per-decision time limits (config.decisionTimeLimitMs). Without one, durations
   * are not measured. Measuring makes a run depend on timing only when a decision overruns.
   */
  clock?: Clock;
  /** Frontier and bargaining solutions, for the distance metrics. */
  reference?: OutcomeReference;
}

/**
 * Runs one simulated negotiation. Pure and deterministic given the configuration's seeds (and, with a time
 * limit, provided no decision overruns it). Throws SimulationConfigError for an invalid configuration.
 */
export function simulate(
  compiled: CompiledScenario,
  config: SimulationConfig,
  options: SimulateOptions = {},
): Run {
  const registry: StrategyRegistry =
    options.strategies instanceof Map
      ? options.strategies
      : strategyRegistry((options.strategies ?? []) as StrategyModule[]);
  const resolved = resolveConfig(compiled, config, [...registry.keys()]);
  const strategies = resolved.agents.map((agent) => {
    try {
      return createStrategy(agent.strategy, registry, resolved.conventions);
    } catch (error) {
      throw new SimulationConfigError(`agents.${agent.party}.strategy`, (error as Error).message);
    }
  });
  const truths = realiseTruths(compiled, resolved);
  const faults: Fault[] = [];
  const events: TraceEvent[] | undefined = resolved.recordTrace ? [] : undefined;
  const setups = truths.map((_, k) => buildAgentContext(compiled, resolved, truths, k));
  const agents = resolved.agents.map(
    (agent, k) =>
      new GuardedAgent(
        agent.party,
        strategies[k],
        compiled.space,
        faults,
        options.clock,
        resolved.decisionTimeLimitMs,
      ),
  );
  const negotiation: Negotiation = {
    compiled,
    config: resolved,
    truths,
    agents,
    setups,
    faults,
    events,
    offers: [],
    notes: [],
  };

  let result: ProtocolResult | undefined;
  for (let k = 0; k < agents.length && !result; k++) {
    if (!agents[k].init(setups[k].ctx)) {
      events?.push({ round: 0, party: agents[k].party, action: 'fault', note: 'init failed' });
      result = { endedBy: 'disqualified', by: agents[k].party, round: 0, ownOffers: agents.map(() => []) };
    }
  }
  result ??=
    resolved.protocol === 'single-text' ? runSingleText(negotiation) : runAlternatingOffers(negotiation);

  const heuristic = setups.filter((s) => !s.search.exact);
  if (heuristic.length > 0) {
    const hits = heuristic.reduce((sum, s) => sum + s.search.budgetHits(), 0);
    negotiation.notes.push(
      `offer search is heuristic (branch and bound): the space of ${spaceSizeText(compiled.space.radix)} outcomes exceeds the exact limit of ${resolved.exactLimit}; ${hits} search(es) hit the node budget of ${resolved.nodeBudget}, so those bids may not be the best available`,
    );
  }

  const agreement = result.agreement;
  const round = result.round;
  const utilities = truths.map((t) => (agreement ? utilityOf(t.utility, agreement) : t.batna[round]));
  const discountedUtilities = truths.map((t, k) =>
    agreement ? utilities[k] * t.discount ** round : t.batna[round],
  );
  const concessionRates = truths.map((t, k) =>
    resolved.protocol === 'single-text'
      ? null
      : concessionRate(result.ownOffers[k], agreement ? utilities[k] : undefined, t.batna[0]),
  );
  const metrics = computeMetrics(
    { agreement: agreement !== undefined, endRound: round, utilities, discountedUtilities, concessionRates },
    options.reference,
  );
  const results: PartyResult[] = truths.map((t, k) => ({
    party: t.party,
    strategy: strategySpecLabel(resolved.agents[k].strategy),
    utility: utilities[k],
    discountedUtility: discountedUtilities[k],
    batna: t.batna[round],
    concessionRate: concessionRates[k],
    offers: result.ownOffers[k].length,
    faults: faults.filter((f) => f.party === t.party).length,
  }));
  const space = compiled.space;
  const run: Run = {
    format: 'parley-run',
    version: 1,
    scenario: compiled.scenario.id,
    protocol: resolved.protocol,
    conventions: resolved.conventions,
    seed: resolved.seed,
    realisationSeed: resolved.realisationSeed,
    preferences: resolved.preferences,
    parties: truths.map((t) => t.party),
    issues: space.issues.map((i) => i.id),
    deadlineRounds: resolved.deadlineRounds,
    outcome: {
      agreement: agreement !== undefined,
      endedBy: result.endedBy,
      round,
    },
    results,
    metrics,
    faults,
    notes: negotiation.notes,
  };
  if (resolved.mediator)
    run.mediator = { party: resolved.mediator.party, strategy: resolved.mediator.strategy };
  if (resolved.timeline) {
    run.timeline = resolved.timeline;
    run.outcome.date = dateAtRound(resolved.timeline, round);
  }
  if (result.by && result.endedBy !== 'agreement' && result.endedBy !== 'deadline')
    run.outcome.by = result.by;
  if (agreement) {
    run.outcome.outcome = Array.from(agreement);
    run.outcome.options = Object.fromEntries(
      space.issues.map((issue, i) => [issue.id, issue.optionIds[agreement[i]]]),
    );
  }
  if (events) run.events = events;
  return run;
}
