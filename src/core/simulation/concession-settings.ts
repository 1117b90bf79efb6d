import type { ConventionSet } from '../conventions.js';
import { closestId } from '../model/closest-id.js';

/**
 * How a built-in concession strategy reads time, where its concession ends, which outcome it proposes at a
 * target and which offers it accepts. Each convention set fixes all of them; each is also a strategy option
 * (`boulware(floor=reservation)`), so a single difference between platforms can be switched on its own.
 *
 * - time: `round` is round / (rounds - 1), from 0 in the first round to 1 in the last (Parley); `step` is
 *   (round + 1) / (rounds + 1), already positive in the first round and never 1 (NegMAS's relative time of
 *   SAOMechanism, and GENIUS's DiscreteTimeline, whose round counter starts at 1 with the deadline at
 *   rounds + 1). Every party sees the same time within a round.
 * - floor: the lowest target. `batna` is the BATNA (now and next round, undiscounted; Parley); `reservation`
 *   is max(utility of the worst outcome, BATNA), as NegMAS's and GENIUS's time-based agents do with their
 *   reservation value. Outcomes that cross the agent's own red lines count for neither end.
 * - offer: `best-for-others` proposes, among outcomes with own utility in [target, target + band], the one
 *   best for the others under the agent's estimate of them (Parley); `lowest-in-band` the outcome of lowest own
 *   utility at or above target - band (NegMAS's BoulwareTBNegotiator and siblings: the worst outcome of the
 *   range they may offer); `nearest` the outcome whose own utility is nearest the target (GENIUS's
 *   TimeDependentAgent), never one below the BATNA, which the protocol would refuse.
 * - band: width of that band in utility points (0..100 scale). Parley's default is the simulation's epsilon
 *   (1); NegMAS's tolerance is 0.0001 on a 0..1 scale, 0.01 points here.
 * - accept: `next-bid-or-last-turn` accepts an offer worth at least the bid the agent would make instead, and
 *   any offer above its BATNA when rejecting can no longer lead to an agreement (Parley); `next-bid` only the
 *   former (GENIUS: AC_next); `in-band` any offer worth at least target - band (NegMAS: the offer lies in the
 *   range it would offer from).
 *
 * Never below the BATNA nor across a red line, whatever the settings: the protocol double-checks every consent.
 */

export const TIME_BASES = ['round', 'step'] as const;
export const CONCESSION_FLOORS = ['batna', 'reservation'] as const;
export const OFFER_CHOICES = ['best-for-others', 'lowest-in-band', 'nearest'] as const;
export const ACCEPTANCE_RULES = ['next-bid-or-last-turn', 'next-bid', 'in-band'] as const;

export type TimeBase = (typeof TIME_BASES)[number];
export type ConcessionFloor = (typeof CONCESSION_FLOORS)[number];
export type OfferChoice = (typeof OFFER_CHOICES)[number];
export type AcceptanceRule = (typeof ACCEPTANCE_RULES)[number];

export interface ConcessionSettings {
  time: TimeBase;
  floor: ConcessionFloor;
  offer: OfferChoice;
  /** Utility points; undefined: the simulation's epsilon. */
  band: number | undefined;
  accept: AcceptanceRule;
}

/** The strategy options that set a ConcessionSettings field, with the values each accepts. */
export const CONCESSION_OPTIONS: Readonly<Record<keyof ConcessionSettings, readonly string[] | 'number'>> = {
  time: TIME_BASES,
  floor: CONCESSION_FLOORS,
  offer: OFFER_CHOICES,
  band: 'number',
  accept: ACCEPTANCE_RULES,
};

export const CONCESSION_OPTION_NAMES = Object.keys(CONCESSION_OPTIONS) as Array<keyof ConcessionSettings>;

/** NegMAS's tolerance of 0.0001 on its 0..1 utility scale, in Parley's utility points. */
export const NEGMAS_TOLERANCE = 0.01;

export const CONVENTION_SETTINGS: Readonly<Record<ConventionSet, Readonly<ConcessionSettings>>> = {
  parley: {
    time: 'round',
    floor: 'batna',
    offer: 'best-for-others',
    band: undefined,
    accept: 'next-bid-or-last-turn',
  },
  negmas: {
    time: 'step',
    floor: 'reservation',
    offer: 'lowest-in-band',
    band: NEGMAS_TOLERANCE,
    accept: 'in-band',
  },
  genius: { time: 'step', floor: 'reservation', offer: 'nearest', band: 0, accept: 'next-bid' },
};

/**
 * What the strategy names mean, as the concession exponent e of target(t) = Pmin + (Pmax - Pmin)(1 - t^(1/e)).
 * GENIUS (and Faratin et al.) write it this way, boulware e = 0.2, conceder e = 2; NegMAS writes the aspiration
 * as 1 - t^x with x = 4 for boulware and 0.25 for conceder, which is the same curve with e = 1/x.
 */
export const NAMED_EXPONENTS: Readonly<
  Record<ConventionSet, Readonly<{ boulware: number; linear: number; conceder: number }>>
> = {
  parley: { boulware: 0.2, linear: 1, conceder: 2 },
  negmas: { boulware: 0.25, linear: 1, conceder: 4 },
  genius: { boulware: 0.2, linear: 1, conceder: 2 },
};

/** Normalised time of a round under a time base; a negotiation of one round is at time 1 under `round`. */
export function timeAt(base: TimeBase, round: number, rounds: number): number {
  if (base === 'step') return (round + 1) / (rounds + 1);
  return rounds > 1 ? round / (rounds - 1) : 1;
}

/** "; did you mean 'x'?" or " (expected a, b or c)". */
function hint(written: string, known: readonly string[]): string {
  const close = closestId(written, known);
  if (close) return `; did you mean '${close}'?`;
  return ` (expected ${known.slice(0, -1).join(', ')} or ${known[known.length - 1]})`;
}

/** Why a strategy option has a bad name or value, or undefined when it is fine. */
export function concessionOptionProblem(name: string, value: unknown): string | undefined {
  if (!(CONCESSION_OPTION_NAMES as string[]).includes(name)) return undefined;
  const allowed = CONCESSION_OPTIONS[name as keyof ConcessionSettings];
  if (allowed === 'number') {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0
      ? undefined
      : `parameter '${name}': expected a number >= 0 (utility points), got ${JSON.stringify(value)}`;
  }
  if (typeof value === 'string' && allowed.includes(value)) return undefined;
  return `parameter '${name}': unknown value ${JSON.stringify(value)}${hint(String(value), allowed)}`;
}

/** The settings of a convention set with the strategy's own options on top; throws RangeError on a bad value. */
export function readConcessionSettings(
  params: Readonly<Record<string, unknown>> | undefined,
  conventions: ConventionSet,
): ConcessionSettings {
  const settings: ConcessionSettings = { ...CONVENTION_SETTINGS[conventions] };
  for (const name of CONCESSION_OPTION_NAMES) {
    const value = params?.[name];
    if (value === undefined) continue;
    const problem = concessionOptionProblem(name, value);
    if (problem) throw new RangeError(problem);
    (settings as unknown as Record<string, unknown>)[name] = value;
  }
  return settings;
}

/** A strategy-parameter name check with "did you mean": throws RangeError for a name not in `known`. */
export function checkParamNames(
  params: Readonly<Record<string, unknown>> | undefined,
  known: readonly string[],
  strategy: string,
): void {
  for (const key of Object.keys(params ?? {})) {
    if (known.includes(key)) continue;
    const close = closestId(key, known);
    throw new RangeError(
      `strategy '${strategy}' has no parameter '${key}'${
        close ? `; did you mean '${close}'?` : known.length ? ` (parameters: ${known.join(', ')})` : ''
      }`,
    );
  }
}
