/**
 * Named convention sets: the choices other negotiation platforms make differently from Parley, so that a result
 * can be reproduced on the platform a reader uses. `parley` is Parley's own; `negmas` follows NegMAS; `genius`
 * follows GENIUS. What each set fixes is described where it is applied (for simulation: the time-dependent
 * agents' time, concession floor, offer choice, acceptance and strategy names, in simulation/concession-settings).
 */
export const CONVENTION_SETS = ['parley', 'negmas', 'genius'] as const;

export type ConventionSet = (typeof CONVENTION_SETS)[number];

export const DEFAULT_CONVENTIONS: ConventionSet = 'parley';

export function isConventionSet(x: unknown): x is ConventionSet {
  return typeof x === 'string' && (CONVENTION_SETS as readonly string[]).includes(x);
}
