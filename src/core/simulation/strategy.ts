/**
 * The interface a negotiation strategy implements, built-in or user-written.
 *
 * A strategy is created once per agent per run (`create(params)`), receives its private view of the world in
 * `init(ctx)`, and is then asked, turn by turn, to `respond` to the offer on the table and to `propose` one.
 * Calls are synchronous. Everything a strategy may know is in the context and the state; in particular it sees
 * its own utility, red lines and BATNA, and other parties' utilities only through `estimate`, an estimate
 * that may differ from the truth the simulation scores with.
 *
 * Offers are outcomes: one option index per issue, in the order of `ctx.issues`. A strategy may also return an
 * offer as a record `{ issueId: optionId }` (numeric issues accept the grid value). Whatever it returns is
 * validated; a malformed offer is recorded as a fault and the agent breaks off.
 */

import type { ConventionSet } from '../conventions.js';

/** A complete outcome: option index per issue, in scenario issue order. */
export type Outcome = Int32Array;

/** What a strategy may return as an offer. */
export type Offer = ArrayLike<number> | Readonly<Record<string, string | number>>;

export interface IssueInfo {
  id: string;
  /** Option ids (numeric issues: the grid values as text). */
  options: readonly string[];
}

export interface StrategyContext {
  /** This agent's party id. */
  party: string;
  /** Negotiating parties in turn order (this agent included). */
  parties: readonly string[];
  issues: readonly IssueInfo[];
  /** Number of rounds; the negotiation ends without agreement after round deadlineRounds - 1. */
  deadlineRounds: number;
  /** Per-round discount factor δ: an agreement in round r is worth utility × δ^r to this agent. */
  discount: number;
  /** Own (undiscounted) utility, 0..100 scale. */
  utility(outcome: ArrayLike<number>): number;
  /** Whether the outcome crosses one of this agent's red lines. */
  crossesRedLine(outcome: ArrayLike<number>): boolean;
  /** Own BATNA (utility of no agreement) in a round; it can change over simulated time. */
  batna(round: number): number;
  /**
   * The lowest undiscounted own utility this agent may propose in a round: an offer made in round r can be
   * accepted in round r or r + 1 at the latest, so floor(r) = max(BATNA(r)/δ^r, BATNA(r+1)/δ^(r+1)).
   */
  floor(round: number): number;
  /** The lowest undiscounted own utility this agent may accept in round r: BATNA(r)/δ^r. */
  acceptFloor(round: number): number;
  /** Highest own utility over outcomes that cross none of this agent's red lines (-Infinity if none). */
  maxUtility: number;
  /**
   * An outcome to propose at a target level: among outcomes not crossing own red lines with own utility in
   * [target, target + band] (band: the simulation's epsilon unless given), the one best for the other parties under this agent's estimate of them (the lowest of
   * their estimated utilities is maximised); if none lies in that band, the one closest above the target.
   * Undefined when no outcome reaches the target. Exact for spaces up to the exact limit, heuristic above it.
   */
  bidAtLeast(target: number, band?: number): Outcome | undefined;
  /** Lowest own utility over outcomes that cross none of this agent's red lines (+Infinity if none). */
  readonly minUtility: number;
  /** The outcome of lowest own utility >= target (not crossing own red lines); see OfferSearch. */
  lowestBidAtLeast(target: number): Outcome | undefined;
  /** The outcome whose own utility is nearest the target, among those worth >= lowest; see OfferSearch. */
  nearestBid(target: number, lowest: number): Outcome | undefined;
  /** Estimated utility of another party, when this agent has an opponent model. */
  estimate?: (party: string, outcome: ArrayLike<number>) => number;
  /** Seeded random numbers in [0, 1), private to this agent in this run. */
  random(): number;
}

export interface OfferRecord {
  party: string;
  round: number;
  outcome: Outcome;
}

export interface NegotiationState {
  /** Current round, 0-based. */
  round: number;
  /** Normalised time: round / (deadlineRounds - 1), from 0 (first round) to 1 (last round). */
  time: number;
  /** Turns left in the negotiation, this one included. */
  turnsLeft: number;
  /**
   * True when rejecting can no longer lead to an agreement: under alternating offers, fewer turns remain than
   * other parties would need to accept a counter-offer; under a single text, this is the last round.
   */
  lastChance: boolean;
  /** Every offer (or mediator text) so far, oldest first. Do not modify. */
  offers: readonly OfferRecord[];
}

export type Response = 'accept' | 'reject' | 'end';

export interface Strategy {
  readonly name: string;
  init(ctx: StrategyContext): void;
  /** A new offer, or null to pass (no acceptable offer exists for this agent now). */
  propose(state: NegotiationState): Offer | null;
  /** Answer to the offer on the table: accept it, reject it (a proposal follows), or end the negotiation. */
  respond(state: NegotiationState, offer: Outcome): Response;
  /**
   * Optional, used by the single-text protocol: the issue ids this agent objects to in a text, most important
   * first. When absent (or when it returns undefined), the agent names the issues where a change would raise
   * its own utility, largest gain first.
   */
  criticise?(state: NegotiationState, text: Outcome): readonly string[] | undefined;
}

/** What the simulation tells a strategy module when it creates a strategy. */
export interface StrategyCreation {
  /** The convention set of the run; built-in strategies read their defaults and names from it. */
  conventions: ConventionSet;
}

/** What a strategy module exports (as its default export or as `strategy`). */
export interface StrategyModule {
  name: string;
  create(params?: Readonly<Record<string, unknown>>, creation?: StrategyCreation): Strategy;
}

/** A strategy by name, optionally with parameters and a display label. */
export type StrategySpec = string | { name: string; params?: Record<string, unknown>; label?: string };

export function strategySpecName(spec: StrategySpec): string {
  return typeof spec === 'string' ? spec : spec.name;
}

export function strategySpecLabel(spec: StrategySpec): string {
  if (typeof spec === 'string') return spec;
  if (spec.label) return spec.label;
  const params = spec.params ? Object.entries(spec.params) : [];
  if (params.length === 0) return spec.name;
  return `${spec.name}(${params.map(([k, v]) => `${k}=${String(v)}`).join(',')})`;
}
