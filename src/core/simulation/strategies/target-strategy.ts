import { BATNA_TOLERANCE } from '../agent-context.js';
import {
  CONVENTION_SETTINGS,
  type ConcessionSettings,
  checkParamNames,
  timeAt,
} from '../concession-settings.js';
import type { NegotiationState, Outcome, Response, Strategy, StrategyContext } from '../strategy.js';

/**
 * Base of the built-in strategies: each turn the strategy sets a target utility, clamped to [Pmin, Pmax] with
 * Pmax = the best own outcome not crossing own red lines and Pmin = max(floor, reservation), and bids at it.
 * The concession settings (see concession-settings.ts) say what the floor is, how time is read, which outcome
 * is bid at the target and what is accepted; Parley's are the default:
 *
 * - floor: the BATNA now and next round, undiscounted; bid: the best for the others within the band above the
 *   target (`bidAtLeast`).
 * - acceptance (AC_next): accept the offer on the table if it is acceptable at all (crosses no own red line,
 *   and utility × δ^round >= BATNA) and worth at least as much as the bid this agent would make instead this
 *   turn. When rejecting can no longer lead to an agreement (state.lastChance: too few turns left for the
 *   others to accept a counter-offer), any acceptable offer is accepted; so is one when the agent has no
 *   acceptable bid.
 */
export abstract class TargetStrategy implements Strategy {
  abstract readonly name: string;
  protected ctx!: StrategyContext;
  private plannedFor = -1;
  private planned: Outcome | null = null;
  private plannedTarget = Number.NaN;

  constructor(
    protected readonly reservation = Number.NEGATIVE_INFINITY,
    protected readonly settings: Readonly<ConcessionSettings> = CONVENTION_SETTINGS.parley,
  ) {}

  init(ctx: StrategyContext): void {
    this.ctx = ctx;
    this.plannedFor = -1;
  }

  /** Target utility for this turn; called at most once per turn, before clamping. */
  protected abstract target(state: NegotiationState, pmin: number, pmax: number): number;

  /** The (clamped) target of the latest turn planned; NaN before the first or when nothing reaches Pmin. */
  get plannedTargetUtility(): number {
    return this.plannedTarget;
  }

  /** Normalised time of this turn under the time setting (0..1). */
  protected time(state: NegotiationState): number {
    return timeAt(this.settings.time, state.round, this.ctx.deadlineRounds);
  }

  protected pmin(round: number): number {
    const floor = this.ctx.floor(round);
    const lowest = this.settings.floor === 'reservation' ? Math.max(floor, this.ctx.minUtility) : floor;
    return Math.max(lowest, this.reservation);
  }

  /** The bid for this turn, or null when no outcome reaches Pmin. */
  protected plan(state: NegotiationState): Outcome | null {
    if (this.plannedFor === state.turnsLeft) return this.planned;
    this.plannedFor = state.turnsLeft;
    const pmax = this.ctx.maxUtility;
    const pmin = this.pmin(state.round);
    if (pmax < pmin) {
      this.planned = null;
      this.plannedTarget = Number.NaN;
      return null;
    }
    const target = Math.min(pmax, Math.max(pmin, this.target(state, pmin, pmax)));
    this.plannedTarget = target;
    this.planned = this.bidAt(target, state.round) ?? null;
    return this.planned;
  }

  private bidAt(target: number, round: number): Outcome | undefined {
    const { offer, band } = this.settings;
    if (offer === 'lowest-in-band') {
      // Never below the floor, even within the tolerance: the protocol would refuse such an offer.
      return this.ctx.lowestBidAtLeast(Math.max(target - (band ?? 0), this.ctx.floor(round)));
    }
    if (offer === 'nearest') return this.ctx.nearestBid(target, this.ctx.floor(round));
    return this.ctx.bidAtLeast(target, band);
  }

  propose(state: NegotiationState): Outcome | null {
    return this.plan(state);
  }

  respond(state: NegotiationState, offer: Outcome): Response {
    const u = this.ctx.utility(offer);
    if (this.ctx.crossesRedLine(offer) || u < this.ctx.acceptFloor(state.round) - BATNA_TOLERANCE)
      return 'reject';
    const { accept } = this.settings;
    if (accept === 'next-bid-or-last-turn' && state.lastChance) return 'accept';
    const next = this.plan(state);
    if (next === null) return 'accept';
    if (accept === 'in-band')
      return u >= this.plannedTarget - (this.settings.band ?? 0) ? 'accept' : 'reject';
    return u >= this.ctx.utility(next) ? 'accept' : 'reject';
  }
}

/**
 * Each other party's two latest offers, valued in this agent's own utility (parties with fewer than two offers
 * are left out). Concessions are measured this way, so no model of the others is needed.
 */
export function opponentMoves(
  state: NegotiationState,
  ctx: StrategyContext,
): Array<{ latest: number; previous: number }> {
  const seen = new Map<string, number[]>();
  let complete = 0;
  const others = ctx.parties.length - 1;
  for (let k = state.offers.length - 1; k >= 0 && complete < others; k--) {
    const offer = state.offers[k];
    if (offer.party === ctx.party) continue;
    const list = seen.get(offer.party) ?? [];
    if (list.length === 2) continue;
    list.push(ctx.utility(offer.outcome));
    seen.set(offer.party, list);
    if (list.length === 2) complete++;
  }
  return [...seen.values()].filter((l) => l.length === 2).map(([latest, previous]) => ({ latest, previous }));
}

export function numberParam(
  params: Readonly<Record<string, unknown>> | undefined,
  name: string,
  fallback: number,
  valid: (x: number) => boolean,
  expected: string,
): number {
  const value = params?.[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !valid(value)) {
    throw new RangeError(`parameter '${name}': expected ${expected}, got ${JSON.stringify(value)}`);
  }
  return value;
}

export function checkParams(
  params: Readonly<Record<string, unknown>> | undefined,
  known: readonly string[],
  strategy: string,
): void {
  checkParamNames(params, known, strategy);
}
