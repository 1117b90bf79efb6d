import { utilityOf } from '../evaluate/utility-function.js';
import type { CompiledScenario } from '../model/compile.js';
import { holds } from '../model/rule.js';
import type { ResolvedConfig } from './config.js';
import { createOfferSearch, type OfferSearch } from './offer-search.js';
import { type PartyTruth, realiseBeliefs } from './realisation.js';
import { streamFor } from './seeds.js';
import type { StrategyContext } from './strategy.js';

/** Tolerance of BATNA comparisons, in utility points (absorbs rounding in u × δ^r against BATNA/δ^r). */
export const BATNA_TOLERANCE = 1e-9;

export interface AgentSetup {
  ctx: StrategyContext;
  search: OfferSearch;
}

/**
 * Agent k's private view: its true utility, red lines and BATNA schedule, its beliefs about the others, the
 * precomputed offer search, and a random stream derived from the run seed and its party id. Deterministic, so a
 * strategy running in a separate worker gets exactly the same context.
 */
export function buildAgentContext(
  compiled: CompiledScenario,
  config: ResolvedConfig,
  truths: readonly PartyTruth[],
  k: number,
): AgentSetup {
  const truth = truths[k];
  const beliefs = realiseBeliefs(compiled, config, truths, k);
  const search = createOfferSearch(
    compiled,
    truth.model,
    truth.utility,
    beliefs.map((b) => b.utility),
    { epsilon: config.epsilon, exactLimit: config.exactLimit, nodeBudget: config.nodeBudget },
  );
  const last = truth.batna.length - 1;
  const batna = (round: number) => truth.batna[Math.max(0, Math.min(last, Math.floor(round)))];
  const delta = truth.discount;
  const acceptFloor = (round: number) => batna(round) / delta ** round;
  const rng = streamFor(config.seed, `agent:${truth.party}`);
  const byParty = new Map(beliefs.map((b) => [b.party, b.utility]));
  const ctx: StrategyContext = {
    party: truth.party,
    parties: truths.map((t) => t.party),
    issues: compiled.space.issues.map((i) => ({ id: i.id, options: i.optionIds })),
    deadlineRounds: config.deadlineRounds,
    discount: delta,
    utility: (outcome) => utilityOf(truth.utility, outcome),
    crossesRedLine: (outcome) => truth.redLines.some((r) => holds(r, outcome)),
    batna,
    acceptFloor,
    floor: (round) => Math.max(acceptFloor(round), acceptFloor(round + 1)),
    maxUtility: search.maxUtility,
    bidAtLeast: (target, band) => search.bidAtLeast(target, band)?.outcome,
    get minUtility() {
      return search.minUtility;
    },
    lowestBidAtLeast: (target) => search.lowestAtLeast(target)?.outcome,
    nearestBid: (target, lowest) => search.nearest(target, lowest)?.outcome,
    random: () => rng.next(),
  };
  if (byParty.size > 0) {
    ctx.estimate = (party, outcome) => {
      const u = byParty.get(party);
      if (!u) throw new RangeError(`no estimate of party '${party}'`);
      return utilityOf(u, outcome);
    };
  }
  return { ctx, search };
}

/** Why a party may not consent to an outcome in a round, or undefined if it may. */
export function consentProblem(
  truth: PartyTruth,
  outcome: ArrayLike<number>,
  round: number,
): string | undefined {
  const line = truth.redLines.findIndex((r) => holds(r, outcome));
  if (line >= 0) return `crosses red line '${truth.redLineIds[line]}' of ${truth.party}`;
  const u = utilityOf(truth.utility, outcome);
  const value = u * truth.discount ** round;
  const b = truth.batna[Math.min(round, truth.batna.length - 1)];
  if (value < b - BATNA_TOLERANCE) {
    return `worth ${value.toFixed(2)} to ${truth.party} in round ${round}, below its BATNA ${b.toFixed(2)}`;
  }
  return undefined;
}
