import { type Realise, realiseUtility, type UtilityFunction } from '../evaluate/utility-function.js';
import type { CompiledScenario } from '../model/compile.js';
import type { CompiledRule } from '../model/rule.js';
import type { Interval } from '../model/uncertain.js';
import type { ResolvedConfig } from './config.js';
import { streamFor } from './seeds.js';
import { batnaSchedule } from './timeline.js';

/** A negotiator's true preferences in one run: what the simulation scores with. */
export interface PartyTruth {
  party: string;
  /** Index into compiled.models. */
  model: number;
  utility: UtilityFunction;
  /** BATNA in rounds 0..deadlineRounds. */
  batna: Float64Array;
  redLines: CompiledRule[];
  redLineIds: string[];
  discount: number;
}

function sampler(seed: number, label: string): Realise {
  const rng = streamFor(seed, label);
  return (i: Interval) => i.low + rng.next() * (i.high - i.low);
}

function rawBatna(compiled: CompiledScenario, party: string) {
  return compiled.scenario.preferences.find((p) => p.party === party)?.batna;
}

/**
 * The true utility and BATNA of each negotiator, in turn order. With preferences 'estimate' every estimate
 * takes its best value; with 'sampled', every weight, value, adjustment delta is drawn uniformly from its
 * range, and the BATNA sits at one drawn quantile of its range in every round (seeded by realisationSeed).
 */
export function realiseTruths(compiled: CompiledScenario, config: ResolvedConfig): PartyTruth[] {
  return config.agents.map((agent) => {
    const model = compiled.models[agent.model];
    let utility: UtilityFunction;
    let quantile = -1;
    if (config.preferences === 'sampled') {
      const rng = streamFor(config.realisationSeed, `truth:batna:${agent.party}`);
      quantile = rng.next();
      utility = realiseUtility(model, sampler(config.realisationSeed, `truth:${agent.party}`));
    } else {
      utility = realiseUtility(model, 'estimate');
    }
    const schedule = batnaSchedule(
      rawBatna(compiled, agent.party),
      model.batna,
      config.deadlineRounds,
      config.timeline,
    );
    const batna = Float64Array.from(schedule, (i) =>
      quantile < 0 ? i.estimate : i.low + quantile * (i.high - i.low),
    );
    return {
      party: agent.party,
      model: agent.model,
      utility,
      batna,
      redLines: model.redLines.map((r) => r.crossedWhen),
      redLineIds: model.redLines.map((r) => r.id),
      discount: agent.discount,
    };
  });
}

/** Estimated BATNA of a party in each round, from the scenario's estimates (what a mediator or analyst assumes). */
export function estimatedBatna(
  compiled: CompiledScenario,
  model: number,
  config: ResolvedConfig,
): Float64Array {
  const m = compiled.models[model];
  const schedule = batnaSchedule(
    rawBatna(compiled, m.party),
    m.batna,
    config.deadlineRounds,
    config.timeline,
  );
  return Float64Array.from(schedule, (i) => i.estimate);
}

/**
 * What agent `k` believes of each other negotiator's utility (turn order, itself excluded); empty without an
 * opponent model. 'estimate' uses the scenario's estimates, 'sampled' an independent seeded draw inside their
 * ranges, 'true' the run's true utilities.
 */
export function realiseBeliefs(
  compiled: CompiledScenario,
  config: ResolvedConfig,
  truths: readonly PartyTruth[],
  k: number,
): Array<{ party: string; utility: UtilityFunction }> {
  const agent = config.agents[k];
  if (agent.opponentModel === 'none') return [];
  return truths
    .filter((_, j) => j !== k)
    .map((other) => {
      const model = compiled.models[other.model];
      switch (agent.opponentModel) {
        case 'true':
          return { party: other.party, utility: other.utility };
        case 'sampled':
          return {
            party: other.party,
            utility: realiseUtility(
              model,
              sampler(config.realisationSeed, `belief:${agent.party}:${other.party}`),
            ),
          };
        default:
          return { party: other.party, utility: realiseUtility(model, 'estimate') };
      }
    });
}
