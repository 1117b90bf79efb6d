import type { ConventionSet } from '../conventions.js';
import type { Timeline } from './timeline.js';

/**
 * The record of one simulated negotiation. Everything is plain JSON (arrays, not typed arrays), so a run can
 * be written to a file, compared, and read back.
 */

export type TraceAction =
  /** A party puts an outcome on the table (alternating offers), which also rejects the previous one. */
  | 'offer'
  /** A party accepts the offer or text on the table. */
  | 'accept'
  /** A party rejects a mediator's text (single text), naming its objections. */
  | 'reject'
  /** A party has no acceptable offer to make and passes. */
  | 'pass'
  /** A party ends the negotiation (walks away). */
  | 'end'
  /** The mediator puts a complete text on the table. */
  | 'text'
  /** A party's earlier consent no longer holds (its BATNA rose or the discount bit), so it is withdrawn. */
  | 'consent-lapsed'
  /** A party's decision was invalid, threw, or overran its time limit; see the run's faults. */
  | 'fault';

export interface TraceEvent {
  round: number;
  party: string;
  action: TraceAction;
  /** Option index per issue. */
  outcome?: number[];
  /** Every negotiator's true, undiscounted utility of `outcome`, in the order of run.parties. */
  utilities?: number[];
  objections?: string[];
  note?: string;
}

export type FaultKind =
  | 'exception'
  | 'malformed-offer'
  | 'time-limit'
  /** A sandboxed strategy exceeded its memory limit. */
  | 'memory-limit'
  /** The protocol refused an acceptance that crossed the acceptor's red line or fell below its BATNA. */
  | 'vetoed-acceptance'
  /** The protocol refused an offer that crossed its proposer's red line or fell below the proposer's BATNA. */
  | 'vetoed-offer';

export interface Fault {
  party: string;
  round: number;
  kind: FaultKind;
  message: string;
}

export type EndReason = 'agreement' | 'deadline' | 'walk-away' | 'stalled' | 'disqualified';

export interface RunOutcome {
  agreement: boolean;
  endedBy: EndReason;
  /** The party that walked away or was disqualified. */
  by?: string;
  /** Round in which the negotiation ended (the agreement round, or the last round played). */
  round: number;
  /** Date of that round, with a timeline. */
  date?: string;
  /** The agreed outcome: option index per issue... */
  outcome?: number[];
  /** ...and option id per issue id. */
  options?: Record<string, string>;
}

export interface PartyResult {
  party: string;
  strategy: string;
  /** True utility of the agreement (undiscounted), or the BATNA at the end when there is none. */
  utility: number;
  /** Agreement utility × δ^round, or the BATNA at the end. */
  discountedUtility: number;
  /** BATNA in the final round. */
  batna: number;
  /**
   * Share of its opening demand above its BATNA that the party gave up:
   * (u(first own offer) - lowest u among its own offers and any agreement it accepted) / (u(first own offer) -
   * BATNA at round 0), clamped to [0, 1]. Null when the party made no offer (e.g. under a single text).
   */
  concessionRate: number | null;
  offers: number;
  faults: number;
}

export interface RunMetrics {
  agreement: boolean;
  /** Rounds used: the ending round + 1. */
  rounds: number;
  /** Per negotiator, in run.parties order. */
  utilities: number[];
  discountedUtilities: number[];
  /** Sum of utilities (undiscounted; BATNAs when there is no agreement). */
  socialWelfare: number;
  discountedWelfare: number;
  /** From the outcome reference, when one is given. */
  paretoDistance?: number;
  /** Euclidean distance of the utility vector to the reference's Nash / Kalai–Smorodinsky utility vector. */
  nashDistance?: number;
  kalaiDistance?: number;
  concessionRates: Array<number | null>;
}

export interface Run {
  format: 'parley-run';
  version: 1;
  scenario: string;
  protocol: 'alternating-offers' | 'single-text';
  /** The convention set the built-in strategies followed (see concession-settings.ts). */
  conventions: ConventionSet;
  seed: number;
  realisationSeed: number;
  preferences: 'estimate' | 'sampled';
  /** Negotiators in turn order. */
  parties: string[];
  issues: string[];
  mediator?: { party: string; strategy: string };
  deadlineRounds: number;
  timeline?: Timeline;
  outcome: RunOutcome;
  results: PartyResult[];
  metrics: RunMetrics;
  faults: Fault[];
  /** Present when recordTrace is on. */
  events?: TraceEvent[];
  /** Approximations made (heuristic search on large spaces), so they are never silent. */
  notes: string[];
}
