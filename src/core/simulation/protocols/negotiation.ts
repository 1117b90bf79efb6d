import { utilityOf } from '../../evaluate/utility-function.js';
import type { CompiledScenario } from '../../model/compile.js';
import type { AgentSetup } from '../agent-context.js';
import type { ResolvedConfig } from '../config.js';
import type { GuardedAgent } from '../guard.js';
import type { PartyTruth } from '../realisation.js';
import type { NegotiationState, OfferRecord, Outcome } from '../strategy.js';
import type { EndReason, Fault, TraceAction, TraceEvent } from '../trace.js';

/** Everything a protocol needs for one run. */
export interface Negotiation {
  compiled: CompiledScenario;
  config: ResolvedConfig;
  truths: PartyTruth[];
  agents: GuardedAgent[];
  setups: AgentSetup[];
  faults: Fault[];
  /** Undefined when the trace is not recorded. */
  events: TraceEvent[] | undefined;
  offers: OfferRecord[];
  /** Approximations made during the run, reported in Run.notes. */
  notes: string[];
}

export interface ProtocolResult {
  agreement?: Outcome;
  endedBy: EndReason;
  by?: string;
  round: number;
  /** Own utility of each offer a party made, per party in turn order. */
  ownOffers: number[][];
}

export function record(
  negotiation: Negotiation,
  round: number,
  party: string,
  action: TraceAction,
  extra: { outcome?: Outcome; objections?: string[]; note?: string } = {},
): void {
  if (!negotiation.events) return;
  const event: TraceEvent = { round, party, action };
  const outcome = extra.outcome;
  if (outcome) {
    const copy = new Array<number>(outcome.length);
    for (let i = 0; i < outcome.length; i++) copy[i] = outcome[i];
    event.outcome = copy;
    const utilities = new Array<number>(negotiation.truths.length);
    for (let k = 0; k < utilities.length; k++)
      utilities[k] = utilityOf(negotiation.truths[k].utility, outcome);
    event.utilities = utilities;
  }
  if (extra.objections) event.objections = extra.objections;
  if (extra.note) event.note = extra.note;
  negotiation.events.push(event);
}

export function stateAt(
  negotiation: Negotiation,
  round: number,
  turnsLeft: number,
  lastChance: boolean,
): NegotiationState {
  const rounds = negotiation.config.deadlineRounds;
  return {
    round,
    time: rounds > 1 ? round / (rounds - 1) : 1,
    turnsLeft,
    lastChance,
    offers: negotiation.offers,
  };
}
