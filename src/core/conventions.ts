import { z } from 'zod';

/**
 * Named sets of conventions for the points and rules that differ between negotiation toolkits:
 * `parley` (the default: disagreement at the BATNA, points within the agreement zone), `negmas` (NegMAS's
 * definitions) and `genius` (GENIUS's). Each face that offers a choice takes one of these names.
 */
export const ConventionSet = z.enum(['parley', 'negmas', 'genius']);
export type ConventionSet = z.infer<typeof ConventionSet>;

export const CONVENTION_SETS: readonly ConventionSet[] = ConventionSet.options;
