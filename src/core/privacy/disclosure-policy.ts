/**
 * What the other parties may learn from results that depend on one party's private preferences. Each flag
 * opens one derived fact; everything else that depends on the party's preferences is withheld. The mediator
 * sees all regardless.
 */
export interface PartyDisclosure {
  /** Whether the agreement zone is empty (it depends on every signatory's red lines and BATNA). */
  zoneEmptiness: boolean;
  /** Which of this party's red lines (ids) and whether its BATNA take part in a conflict that empties the zone. */
  constraintsInConflict: boolean;
  /** Each viewer's own utility at the bargaining solutions and the frontier (both depend on this party's utility). */
  bargainingOutcomes: boolean;
  /** Whether each package is acceptable to every signatory (its verdict). */
  packageVerdicts: boolean;
}

export interface DisclosurePolicy {
  /** Per party id; parties not listed get `otherwise`. */
  parties: Record<string, PartyDisclosure>;
  otherwise: PartyDisclosure;
  /** Stated positions are private to the party that stated them (default false: they are public statements). */
  privatePositions: boolean;
}

/** The default: others learn only whether a deal is possible at all. */
export const STRICT_DISCLOSURE: PartyDisclosure = {
  zoneEmptiness: true,
  constraintsInConflict: false,
  bargainingOutcomes: false,
  packageVerdicts: false,
};

export const DEFAULT_POLICY: DisclosurePolicy = {
  parties: {},
  otherwise: STRICT_DISCLOSURE,
  privatePositions: false,
};

export function disclosureOf(policy: DisclosurePolicy, party: string): PartyDisclosure {
  return Object.hasOwn(policy.parties, party) ? policy.parties[party] : policy.otherwise;
}

/** True when every party other than `viewerParty` allows the fact `flag`. */
export function everyOtherAllows(
  policy: DisclosurePolicy,
  parties: readonly string[],
  viewerParty: string | undefined,
  flag: keyof PartyDisclosure,
): boolean {
  return parties.every((p) => p === viewerParty || disclosureOf(policy, p)[flag]);
}
