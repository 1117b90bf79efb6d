/**
 * Named sets of conventions for the points and rules that differ between negotiation toolkits:
 * `parley` (the default: disagreement at the BATNA, points within the agreement zone), `negmas` (NegMAS's
 * definitions) and `genius` (GENIUS's). Each face that offers a choice takes one of these names.
 */
export const CONVENTION_SETS = ['parley', 'negmas', 'genius'] as const;

export type ConventionSet = (typeof CONVENTION_SETS)[number];

export function isConventionSet(name: string): name is ConventionSet {
  return (CONVENTION_SETS as readonly string[]).includes(name);
}
