/**
 * Named sets of conventions for the points and rules that differ between negotiation toolkits:
 * `parley` (the default: disagreement at the BATNA, points within the agreement zone), `negmas` (NegMAS's
 * definitions) and `genius` (GENIUS's). Each face that offers a choice takes one of these names. For
 * simulation a set fixes how the time-dependent agents read time, where their concession ends, which outcome
 * they bid, what they accept and what the names boulware, linear and conceder mean
 * (simulation/concession-settings.ts). Plain values, no schema library: core stays free of packages; the
 * configuration schemas build their enum from CONVENTION_SETS.
 */
export const CONVENTION_SETS = ['parley', 'negmas', 'genius'] as const;

export type ConventionSet = (typeof CONVENTION_SETS)[number];

export const DEFAULT_CONVENTIONS: ConventionSet = 'parley';

export function isConventionSet(x: unknown): x is ConventionSet {
  return typeof x === 'string' && (CONVENTION_SETS as readonly string[]).includes(x);
}
